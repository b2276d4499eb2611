"""The digest on Slack: posting it (Web API), the scheduler inside `serve slack`, and `run-due` for cron.

The `/bubble digest …` commands are the core's (bot.chat.digest_commands); who may use them is set in app.py.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.digest.model import Digest
from bot.digest.runner import Outcome, PostFailed, deliver_due
from bot.digest.scheduler import DigestScheduler, scheduler_enabled
from bot.observability.metrics import platform_api_error
from bot.settings import Settings
from bot.slack.digest_render import render_slack_digest
from bot.slack.platform import NAME
from bot.slack.text import sanitize
from bot.slack.web import error_code

if TYPE_CHECKING:
    from bot.digest.content import Catalog
    from bot.store import StateStore

log = logging.getLogger(__name__)

PLATFORM = NAME


class SlackDigestPoster:
    """Posts digests with chat.postMessage; a Slack error becomes PostFailed(error code)."""

    platform = PLATFORM

    def __init__(self, client: WebClient) -> None:
        self.client = client

    def post(self, channel: str, digest: Digest) -> str | None:
        """Post the digest to the channel; the message ts."""
        payload = sanitize(render_slack_digest(digest))
        try:
            response = self.client.chat_postMessage(
                channel=channel, unfurl_links=False, unfurl_media=False, **payload
            )
        except SlackApiError as error:
            code = error_code(error)
            platform_api_error(PLATFORM, "chat_postMessage", code)
            raise PostFailed(code) from None
        except (SlackClientError, OSError) as error:
            platform_api_error(PLATFORM, "chat_postMessage", type(error).__name__)
            raise PostFailed(type(error).__name__, str(error)) from None
        return str(response.get("ts") or "") or None


def start_slack_scheduler(settings: Settings, client: WebClient) -> DigestScheduler | None:
    """Start posting due digests from `serve slack` (None when BUBBLEBOT_SCHEDULER is off)."""
    if not scheduler_enabled(settings):
        log.info("digest scheduler off (BUBBLEBOT_SCHEDULER=%s)", settings.scheduler)
        return None
    return DigestScheduler(
        database_url=settings.resolved_database_url(),
        data_dir=settings.data_dir,
        poster=SlackDigestPoster(client),
    ).start()


def deliver_due_slack(
    settings: Settings, store: StateStore, catalog: Callable[[], Catalog], now: datetime
) -> list[Outcome]:
    """`run-due` for Slack: post what is due with SLACK_BOT_TOKEN (BUBBLEBOT_SLACK_API_URL applies)."""
    from bot.slack.app import web_client

    return deliver_due(store, SlackDigestPoster(web_client(settings)), catalog, now)
