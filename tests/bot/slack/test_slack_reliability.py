"""Signatures, ack latency, rate limit, oversize questions, Web API errors, bad tokens, /healthz."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from bot.errors import BadToken
from bot.service import AnswerService
from bot.slack.app import build_slack_bot
from tests.bot.slack.fake_slack import BOT_TOKEN, FakeSlack
from tests.bot.slack.slack_payloads import app_mention, event_callback, json_body, new_ts
from tests.bot.slack.slack_rig import QUESTION, SlackRig, posted_text, slack_settings


def test_bad_signature_is_rejected_with_401(slack: SlackRig) -> None:
    body, content_type = json_body(event_callback(app_mention(QUESTION)))
    response = slack.post(body, content_type, secret="not-the-signing-secret")
    assert response.status_code == 401
    unsigned = slack.client.post(slack.url, content=body.encode(), headers={"Content-Type": content_type})
    assert unsigned.status_code == 401
    slack.fake.quiet(0.5)
    assert slack.fake.calls_to("chat.postMessage", ok=None) == []


def test_stale_timestamp_is_rejected_with_401(slack: SlackRig) -> None:
    body, content_type = json_body(event_callback(app_mention(QUESTION)))
    response = slack.post(body, content_type, timestamp=int(time.time()) - 6 * 60)
    assert response.status_code == 401
    slack.fake.quiet(0.5)
    assert slack.fake.calls_to("chat.postMessage", ok=None) == []


def test_url_verification_challenge_is_answered(slack: SlackRig) -> None:
    body, content_type = json_body(
        {
            "token": "t",
            "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
            "type": "url_verification",
        }
    )
    response = slack.post(body, content_type)
    assert response.status_code == 200
    assert "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" in response.text


def test_events_are_acked_before_the_answer_is_posted(slack: SlackRig) -> None:
    slack.fake.fail("chat.postMessage", "ratelimited", status=429, retry_after=2)  # makes the answer slow
    started = time.monotonic()
    response = slack.event(app_mention(QUESTION))
    acked = time.monotonic() - started
    assert response.status_code == 200
    assert acked < 1.0
    assert slack.fake.calls_to("chat.postMessage", ok=True) == []  # not answered yet when acked
    slack.fake.wait_for("chat.postMessage")


def test_commands_are_acked_at_once_while_answers_are_queued(slack: SlackRig) -> None:
    for _ in range(12):
        slack.event(app_mention(QUESTION))
    started = time.monotonic()
    response = slack.command("help")
    assert time.monotonic() - started < 1.0
    assert "/bubble ask" in response.json()["text"]
    slack.fake.wait_for("chat.postMessage", 12, timeout=60)


def test_healthz(slack: SlackRig) -> None:
    response = slack.client.get(slack.server.url + "/healthz")
    assert response.status_code == 200 and response.json() == {"ok": True, "mode": "http"}


def test_rate_limit_answers_politely(make_slack: Callable[..., SlackRig]) -> None:
    slack = make_slack(rate_limit_per_minute=2)
    for _ in range(4):
        slack.event(app_mention(QUESTION))
    slack.fake.wait_for("chat.postMessage", 2)
    [notice] = slack.fake.wait_for("chat.postEphemeral")
    slack.fake.quiet(1.0)
    assert len(slack.fake.calls_to("chat.postMessage")) == 2
    assert len(slack.fake.calls_to("chat.postEphemeral")) == 1  # told once, not once per message
    assert "try again in" in notice.args["text"]
    slack.event(app_mention(QUESTION, user="U0BOB"))  # others are not limited
    slack.fake.wait_for("chat.postMessage", 3)


def test_oversize_question_gets_a_clear_message(slack: SlackRig, service: AnswerService) -> None:
    long_question = QUESTION + " " + "please " * (service.max_chars // 7 + 10)
    slack.event(app_mention(long_question))
    [call] = slack.fake.wait_for("chat.postEphemeral")
    assert f"under {service.max_chars} characters" in call.args["text"]
    assert slack.fake.calls_to("chat.postMessage", ok=None) == []


def test_empty_mention_asks_for_a_question(slack: SlackRig) -> None:
    slack.event(app_mention(""))
    [call] = slack.fake.wait_for("chat.postEphemeral")
    assert "Please ask a question" in call.args["text"]


def test_ratelimited_post_waits_for_retry_after_and_retries_once(slack: SlackRig) -> None:
    slack.fake.fail("chat.postMessage", "ratelimited", status=429, retry_after=1)
    slack.event(app_mention(QUESTION))
    [answer] = slack.fake.wait_for("chat.postMessage")
    [limited] = slack.fake.calls_to("chat.postMessage", ok=False)
    assert limited.error == "ratelimited"
    assert answer.at - limited.at >= 0.95
    assert "Sam Altman" in posted_text(answer.args)


def test_channel_not_found_and_invalid_auth_are_survived(
    slack: SlackRig, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="bot.slack")
    slack.fake.channel_errors["C0GONE"] = "channel_not_found"
    slack.fake.channel_errors["C0NOTIN"] = "not_in_channel"
    slack.event(app_mention(QUESTION, channel="C0GONE"))
    slack.event(app_mention(QUESTION, channel="C0NOTIN"))
    slack.fake.wait_for("chat.postMessage", 2, ok=False)
    slack.fake.fail("chat.postMessage", "invalid_auth")
    slack.event(app_mention(QUESTION))
    slack.fake.wait_for("chat.postMessage", 3, ok=False)
    slack.event(app_mention(QUESTION))  # still running and answering
    slack.fake.wait_for("chat.postMessage", 1)
    logged = caplog.text
    assert "channel_not_found" in logged and "not_in_channel" in logged and "invalid_auth" in logged
    assert BOT_TOKEN not in logged


def test_slash_ask_where_the_bot_cannot_post_answers_through_response_url(slack: SlackRig) -> None:
    slack.fake.channel_errors["C0PRIVATE"] = "channel_not_found"
    slack.command(f"ask {QUESTION}", channel="C0PRIVATE", response_url=slack.fake.response_url("ask"))
    [(name, body)] = slack.fake.wait_for_response()
    assert name == "ask" and body["response_type"] == "in_channel"
    assert "Sam Altman" in posted_text(body)


def test_invalid_bot_token_fails_fast_without_showing_it(
    fake_slack: FakeSlack, service: AnswerService, data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = slack_settings(fake_slack, data_dir, slack_bot_token="xoxb-9999-wrong-token")
    with pytest.raises(BadToken, match="SLACK_BOT_TOKEN") as raised:
        build_slack_bot(settings, service=service, store=None)
    assert "xoxb-9999-wrong-token" not in str(raised.value) + caplog.text


def test_answers_without_a_state_store(fake_slack: FakeSlack, service: AnswerService, data_dir: Path) -> None:
    bot = build_slack_bot(slack_settings(fake_slack, data_dir), service=service, store=None)
    try:
        from bot.slack.http import HttpServer, asgi_app
        from tests.bot.slack.slack_payloads import sign

        server = HttpServer(asgi_app(bot.app), host="127.0.0.1", port=0)
        server.start()
        try:
            body, content_type = json_body(
                event_callback(app_mention(QUESTION, ts=new_ts()), event_id="Ev0NOSTORE")
            )
            with httpx.Client() as client:
                for _ in range(2):
                    client.post(
                        server.url + "/slack/events",
                        content=body.encode(),
                        headers={"Content-Type": content_type, **sign(body)},
                    )
            [call] = fake_slack.wait_for("chat.postMessage")
            fake_slack.quiet(0.5)
            assert len(fake_slack.calls_to("chat.postMessage")) == 1  # de-duplicated in memory
            assert call.args["blocks"][-1]["type"] != "actions"  # no buttons without a stored answer
            assert "Sam Altman" in posted_text(call.args)
        finally:
            server.stop()
    finally:
        bot.close()


def test_a_corrupt_state_database_is_an_outage_answers_go_on(
    make_slack: Callable[..., SlackRig], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    slack = make_slack()
    database = Path(str(slack.store._engine.url.database))
    slack.store._engine.dispose()  # as after a restart: no connection holds the old pages
    for path in database.parent.glob(database.name + "-*"):
        path.unlink()
    database.write_bytes(b"this is not a database" * 500)
    for _ in range(3):
        slack.event(app_mention(QUESTION))
    calls = slack.fake.wait_for("chat.postMessage", 3)
    assert all("Sam Altman" in posted_text(c.args) for c in calls)
    assert all(c.args["blocks"][-1]["type"] != "actions" for c in calls)  # no buttons without a stored answer
    outages = [
        r for r in caplog.records if "not a database" in r.getMessage() and r.levelno >= logging.WARNING
    ]
    assert len(outages) == 1  # logged once, not once per event


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ('{"type": "event_callback", "event": {', "application/json"),
        ("[1, 2", "application/json"),
        ("payload=%7B%22type%22%3A", "application/x-www-form-urlencoded"),
    ],
)
def test_malformed_bodies_are_refused_without_a_traceback(
    slack: SlackRig, caplog: pytest.LogCaptureFixture, body: str, content_type: str
) -> None:
    caplog.set_level(logging.DEBUG)
    unsigned = slack.client.post(slack.url, content=body.encode(), headers={"Content-Type": content_type})
    assert unsigned.status_code == 401  # the signature is checked before anything is parsed
    signed = slack.post(body, content_type)
    assert signed.status_code == 400
    assert "Traceback" not in caplog.text and not any(r.exc_info for r in caplog.records)
