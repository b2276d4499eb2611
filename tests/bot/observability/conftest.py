"""A Slack rig for the observability tests: the real bolt App over HTTP, talking to the loopback fake Slack."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.service import AnswerService
from bot.slack.app import build_slack_bot
from bot.slack.http import HttpServer, asgi_app
from bot.store import StateStore
from tests.bot.slack.fake_slack import FakeSlack
from tests.bot.slack.slack_rig import SlackRig, slack_settings


@pytest.fixture
def slack(service: AnswerService, tmp_path: Path, data_dir: Path) -> Iterator[SlackRig]:
    with FakeSlack() as fake:
        store = StateStore.open(f"sqlite:///{tmp_path / 'state.db'}")
        bot = build_slack_bot(slack_settings(fake, data_dir), service=service, store=store)
        server = HttpServer(asgi_app(bot.app), host="127.0.0.1", port=0)
        server.start()
        rig = SlackRig(fake=fake, bot=bot, store=store, server=server)
        try:
            yield rig
        finally:
            rig.close()
