"""Socket Mode through a loopback websocket fake: envelopes acked, answers posted, retries answered once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from slack_bolt.adapter.socket_mode.builtin import SocketModeHandler

from bot.errors import BadToken
from bot.service import AnswerService
from bot.slack.app import SlackBot, build_slack_bot
from bot.slack.socket import connect_socket_mode
from bot.store import StateStore
from tests.bot.slack.fake_slack import APP_TOKEN, FakeSlack
from tests.bot.slack.slack_payloads import app_mention, event_callback, new_ts, slash_command
from tests.bot.slack.slack_rig import QUESTION, posted_text, slack_settings


@dataclass
class SocketRig:
    fake: FakeSlack
    bot: SlackBot
    handler: SocketModeHandler


@pytest.fixture
def socket_rig(
    fake_slack: FakeSlack, service: AnswerService, data_dir: Path, tmp_path: Path
) -> Iterator[SocketRig]:
    settings = slack_settings(fake_slack, data_dir, slack_app_token=APP_TOKEN, slack_signing_secret=None)
    with StateStore.open(f"sqlite:///{tmp_path / 'state.db'}") as store:
        bot = build_slack_bot(settings, service=service, store=store)
        try:
            handler = connect_socket_mode(bot, APP_TOKEN)
            try:
                fake_slack.wait_connected()
                yield SocketRig(fake_slack, bot, handler)
            finally:
                handler.close()  # type: ignore[no-untyped-call]
        finally:
            bot.close()


def test_socket_mode_mention_is_acked_and_answered_in_thread(socket_rig: SocketRig) -> None:
    fake = socket_rig.fake
    [opened] = fake.calls_to("apps.connections.open")
    assert opened.token == APP_TOKEN
    ts = new_ts()
    envelope = fake.send_envelope("events_api", event_callback(app_mention(QUESTION, ts=ts)))
    assert fake.wait_ack(envelope)["envelope_id"] == envelope
    [call] = fake.wait_for("chat.postMessage")
    assert call.args["thread_ts"] == ts
    shown = posted_text(call.args)
    assert "Sam Altman" in shown and "250" in shown


def test_socket_mode_retry_gets_exactly_one_reply(socket_rig: SocketRig) -> None:
    fake = socket_rig.fake
    payload = event_callback(app_mention(QUESTION), event_id="Ev0SOCKETRETRY")
    first = fake.send_envelope("events_api", payload)
    retry = fake.send_envelope("events_api", payload, retry_attempt=1)
    fake.wait_ack(first)
    fake.wait_ack(retry)
    fake.wait_for("chat.postMessage")
    fake.quiet(1.0)
    assert len(fake.calls_to("chat.postMessage", ok=None)) == 1


def test_socket_mode_slash_commands(socket_rig: SocketRig) -> None:
    fake = socket_rig.fake
    help_envelope = fake.send_envelope("slash_commands", dict(slash_command("help")))
    assert "/bubble ask" in fake.wait_ack(help_envelope)["payload"]["text"]
    ask = fake.send_envelope(
        "slash_commands", dict(slash_command(f"ask {QUESTION}", response_url=fake.response_url()))
    )
    fake.wait_ack(ask)
    [call] = fake.wait_for("chat.postMessage")
    assert "Sam Altman" in posted_text(call.args)


def test_socket_mode_bad_app_token_fails_fast(
    fake_slack: FakeSlack, service: AnswerService, data_dir: Path
) -> None:
    bot = build_slack_bot(slack_settings(fake_slack, data_dir), service=service, store=None)
    try:
        with pytest.raises(BadToken, match="SLACK_APP_TOKEN"):
            connect_socket_mode(bot, "xapp-1-wrong")
    finally:
        bot.close()
