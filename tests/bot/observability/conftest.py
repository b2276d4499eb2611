"""A Slack rig for the observability tests: the real bolt App over HTTP, talking to the loopback fake Slack."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.service import AnswerService
from bot.store import StateStore
from tests.bot.slack.fake_slack import FakeSlack
from tests.bot.slack.slack_rig import SlackRig, slack_settings, start_rig


@pytest.fixture
def slack(service: AnswerService, tmp_path: Path, data_dir: Path) -> Iterator[SlackRig]:
    with FakeSlack() as fake:
        store = StateStore.open(f"sqlite:///{tmp_path / 'state.db'}")
        rig = start_rig(fake, slack_settings(fake, data_dir), service=service, store=store)
        try:
            yield rig
        finally:
            rig.close()
