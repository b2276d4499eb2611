"""Fixtures: a fake Slack per test and a real bolt App served over HTTP (the session's AnswerService)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.service import AnswerService
from bot.store import StateStore
from tests.bot.slack.fake_slack import FakeSlack
from tests.bot.slack.slack_rig import SlackRig, slack_settings, start_rig


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


@pytest.fixture
def make_slack(
    fake_slack: FakeSlack, service: AnswerService, tmp_path: Path, data_dir: Path
) -> Iterator[Callable[..., SlackRig]]:
    """Build a SlackRig (settings overrides as keyword arguments); all are closed after the test."""
    rigs: list[SlackRig] = []

    def make(**overrides: Any) -> SlackRig:
        settings = slack_settings(fake_slack, data_dir, **overrides)
        store = StateStore.open(f"sqlite:///{tmp_path / f'state{len(rigs)}.db'}")
        rig = start_rig(fake_slack, settings, service=service, store=store)
        rigs.append(rig)
        return rig

    yield make
    for rig in rigs:
        rig.close()


@pytest.fixture
def slack(make_slack: Callable[..., SlackRig]) -> SlackRig:
    return make_slack()
