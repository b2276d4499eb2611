"""Exactly one reply: a redelivered event is answered only when its first claim expired unanswered."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.service import AnswerService
from bot.store import StateStore
from tests.bot.slack.fake_slack import FakeSlack
from tests.bot.slack.slack_payloads import app_mention
from tests.bot.slack.slack_rig import QUESTION, SlackRig, posted_text, slack_settings, start_rig


@pytest.fixture
def replica(
    fake_slack: FakeSlack, service: AnswerService, data_dir: Path, tmp_path: Path
) -> Iterator[Callable[[], SlackRig]]:
    """Start Slack apps sharing one state database, as a restarted process (or another replica) would."""
    rigs: list[SlackRig] = []

    def start() -> SlackRig:
        store = StateStore.open(f"sqlite:///{tmp_path / 'state.db'}")
        rig = start_rig(fake_slack, slack_settings(fake_slack, data_dir), service=service, store=store)
        rigs.append(rig)
        return rig

    yield start
    for rig in rigs:
        rig.close()


def test_redelivery_after_an_unposted_answer_is_answered_once(replica: Callable[[], SlackRig]) -> None:
    first = replica()
    first.fake.fail("chat.postMessage", "invalid_auth")  # the answer never reaches Slack (as if it crashed)
    event = app_mention(QUESTION)
    assert first.event(event, event_id="Ev0CRASH").status_code == 200
    first.fake.wait_for("chat.postMessage", ok=False)
    first.close()

    restarted = replica()
    restarted.bot.chat.conversation.event_lease = timedelta(0)  # the claim has expired
    restarted.event(event, event_id="Ev0CRASH", retry_num=1)
    [answer] = restarted.fake.wait_for("chat.postMessage")
    assert "Sam Altman" in posted_text(answer.args)
    restarted.event(event, event_id="Ev0CRASH", retry_num=2)  # answered now: never again
    restarted.fake.quiet(1.0)
    assert len(restarted.fake.calls_to("chat.postMessage")) == 1


def test_redelivery_of_an_answered_event_is_dropped(replica: Callable[[], SlackRig]) -> None:
    first = replica()
    event = app_mention(QUESTION)
    first.event(event, event_id="Ev0DONE")
    first.fake.wait_for("chat.postMessage")
    first.close()

    restarted = replica()
    restarted.bot.chat.conversation.event_lease = timedelta(0)
    restarted.event(event, event_id="Ev0DONE", retry_num=1)
    restarted.fake.quiet(1.0)
    assert len(restarted.fake.calls_to("chat.postMessage")) == 1


def test_redelivery_within_the_lease_is_dropped(replica: Callable[[], SlackRig]) -> None:
    first = replica()
    first.fake.fail("chat.postMessage", "invalid_auth")
    event = app_mention(QUESTION)
    first.event(event, event_id="Ev0SLOW")
    first.fake.wait_for("chat.postMessage", ok=False)

    other = replica()  # another replica while the first may still be answering
    other.event(event, event_id="Ev0SLOW", retry_num=1)
    other.fake.quiet(1.0)
    assert other.fake.calls_to("chat.postMessage") == []
