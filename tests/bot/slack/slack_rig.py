"""SlackRig: a real bolt App (built by the adapter) behind the real HTTP server, talking to the fake Slack."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bot.service import AnswerService
from bot.settings import Settings
from bot.slack.app import SlackBot, build_slack_bot
from bot.slack.http import HttpServer, asgi_app
from bot.store import StateStore
from tests.bot.slack.fake_slack import BOT_TOKEN, FakeSlack
from tests.bot.slack.slack_payloads import (
    SIGNING_SECRET,
    event_callback,
    form_body,
    interaction_body,
    json_body,
    sign,
    slash_command,
)

QUESTION = "What compute target did Altman set for OpenAI by 2033?"


def posted_text(call_args: dict[str, Any]) -> str:
    """Everything a posted message shows (text and blocks), as one string."""
    return json.dumps({"text": call_args.get("text"), "blocks": call_args.get("blocks")}, ensure_ascii=False)


def slack_settings(fake: FakeSlack, data_dir: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": data_dir,
        "slack_bot_token": BOT_TOKEN,
        "slack_signing_secret": SIGNING_SECRET,
        "slack_api_url": fake.api_url,
        "rate_limit_per_minute": 1000,
        "slack_app_token": None,
    }
    values.update(overrides)
    return Settings(**values)


@dataclass
class SlackRig:
    """The app under test and the ways to talk to it."""

    fake: FakeSlack
    bot: SlackBot
    store: StateStore
    server: HttpServer
    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=10))

    @property
    def url(self) -> str:
        return self.server.url + "/slack/events"

    def post(
        self,
        body: str,
        content_type: str,
        *,
        headers: dict[str, str] | None = None,
        secret: str = SIGNING_SECRET,
        timestamp: int | None = None,
    ) -> httpx.Response:
        """POST a signed request to /slack/events."""
        all_headers = {
            "Content-Type": content_type,
            **sign(body, secret=secret, timestamp=timestamp),
            **(headers or {}),
        }
        return self.client.post(self.url, content=body.encode(), headers=all_headers)

    def event(
        self, event: dict[str, Any], *, event_id: str | None = None, retry_num: int | None = None
    ) -> httpx.Response:
        payload = event_callback(event, event_id=event_id)
        headers = (
            {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"}
            if retry_num
            else None
        )
        return self.post(*json_body(payload), headers=headers)

    def command(self, text: str, **fields: Any) -> httpx.Response:
        fields.setdefault("response_url", self.fake.response_url("command"))
        return self.post(*form_body(slash_command(text, **fields)))

    def interact(self, payload: dict[str, Any]) -> httpx.Response:
        return self.post(*interaction_body(payload))

    def close(self) -> None:
        self.client.close()
        self.server.stop()
        self.bot.close()
        self.store.close()


def start_rig(fake: FakeSlack, settings: Settings, *, service: AnswerService, store: StateStore) -> SlackRig:
    """The real Slack app for `service` and `store`, served over HTTP on a free loopback port."""
    bot = build_slack_bot(settings, service=service, store=store)
    server = HttpServer(asgi_app(bot.app), host="127.0.0.1", port=0)
    server.start()
    return SlackRig(fake=fake, bot=bot, store=store, server=server)
