"""The Slack adapter: `serve_slack` runs it (Socket Mode with SLACK_APP_TOKEN, else HTTP mode).

slack_bolt is imported only inside this package, and only translation lives here: the conversation is
bot.chat's. Modules: app (the bolt App and the core wired together), listeners (payloads → Places and core
calls), chat (answer threads, the 👀 sign), platform (where replies go, chart uploads), render (Block Kit),
text (escaping), web (Web API errors), http (/slack/events), socket (Socket Mode), digest (posting digests).
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from bot.settings import Settings

if TYPE_CHECKING:
    from bot.service import AnswerService
    from bot.store import StateStore

log = logging.getLogger(__name__)

__all__ = ["serve_slack"]


def _secrets(settings: Settings) -> list[str]:
    from bot.observability.logs import secret_values

    return secret_values(settings)


def _warm_up(service: AnswerService) -> None:
    """Answer one question before serving, so the first user does not wait for lazy loading."""
    try:
        service.ask("Is AI a bubble?")
    except Exception:
        log.exception("warm-up question failed; serving anyway")


def _open_store(settings: Settings) -> StateStore | None:
    from bot.errors import StoreUnavailable
    from bot.store import StateStore

    try:
        return StateStore.open(settings.resolved_database_url())
    except StoreUnavailable as error:
        log.warning(
            "state store unavailable (%s); answering without de-duplication across replicas, "
            "sources or votes until it is back",
            error.detail or error,
        )
        return None


def serve_slack(settings: Settings, *, host: str, port: int) -> None:
    """Run the Slack bot until interrupted: Socket Mode if SLACK_APP_TOKEN is set, else HTTP mode.

    HTTP mode serves POST /slack/events and GET /healthz on host:port; Socket Mode serves only
    /healthz there. Fails fast with BadToken when Slack rejects a token, and ConfigurationError
    when a required setting is missing.
    """
    from bot.errors import ConfigurationError
    from bot.observability import redact
    from bot.service import AnswerService
    from bot.slack.app import build_slack_bot, check_token, web_client
    from bot.slack.http import HttpServer, asgi_app

    redact.install(_secrets(settings))
    # Answers are CPU-bound Python on worker threads; a shorter GIL switch interval lets the event loop
    # that acks Slack's requests get the interpreter back sooner while answers are being composed.
    sys.setswitchinterval(0.0005)
    app_token = settings.slack_app_token.get_secret_value().strip() if settings.slack_app_token else ""
    if not app_token and (
        settings.slack_signing_secret is None or not settings.slack_signing_secret.get_secret_value()
    ):
        raise ConfigurationError(
            "SLACK_SIGNING_SECRET is not set: HTTP mode needs it to verify requests "
            "(or set SLACK_APP_TOKEN to use Socket Mode)."
        )
    client = web_client(settings)
    auth = check_token(client)
    service = AnswerService.from_settings(settings, serving=True)
    _warm_up(service)
    store = _open_store(settings)
    bot = build_slack_bot(settings, service=service, store=store, client=client, auth=auth)
    from bot.slack.digest import start_slack_scheduler

    scheduler = start_slack_scheduler(settings, client)
    try:
        if app_token:
            from bot.slack.socket import connect_socket_mode

            handler = connect_socket_mode(bot, app_token)
            try:
                HttpServer(
                    asgi_app(None, mode="socket", ready=handler.client.is_connected),
                    host=host,
                    port=port,
                    name="Slack /healthz",
                ).run()
            finally:
                handler.close()  # type: ignore[no-untyped-call]
        else:
            HttpServer(asgi_app(bot.app), host=host, port=port, name="Slack /slack/events and /healthz").run()
    finally:
        if scheduler is not None:
            scheduler.stop()
        bot.close()
        if store is not None:
            store.close()
