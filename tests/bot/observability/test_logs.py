"""Structured logs: JSON lines with a request id, and nothing users wrote or any token at INFO."""

from __future__ import annotations

import json
import logging
import os
import subprocess
from pathlib import Path

import pytest

from bot.observability.logs import JsonFormatter, request_id, request_scope
from tests.bot.slack.fake_slack import BOT_TOKEN
from tests.bot.slack.slack_payloads import SIGNING_SECRET, app_mention
from tests.bot.slack.slack_rig import QUESTION, SlackRig
from tests.deploy.servers import bubblebot


def record(message: str, *args: object, exc: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc is not None else None
    return logging.LogRecord("bubblebot.test", logging.WARNING, __file__, 1, message, args, exc_info)


def test_json_lines_carry_the_request_id_bound_around_them() -> None:
    formatter = JsonFormatter()
    outside = json.loads(formatter.format(record("no request here")))
    assert outside["request_id"] is None and outside["level"] == "WARNING" and outside["logger"] == "bubblebot.test"
    with request_scope() as rid:
        with request_scope() as inner:
            assert inner == rid == request_id()  # a nested scope keeps the outer request's id
        line = json.loads(formatter.format(record("answered in %.1f s", 0.25)))
    assert line["request_id"] == rid and line["message"] == "answered in 0.2 s"
    with request_scope("Ev0GIVEN"):
        assert json.loads(formatter.format(record("x")))["request_id"] == "Ev0GIVEN"
    assert request_id() is None
    try:
        raise ValueError("boom")
    except ValueError as error:
        failed = json.loads(formatter.format(record("failed", exc=error)))
    assert "ValueError: boom" in failed["exc_info"]


def test_cli_logs_json_with_a_request_id_per_answer(data_dir: Path, kb: object) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BUBBLEBOT_")}
    env.update(BUBBLEBOT_DATA_DIR=str(data_dir), BUBBLEBOT_LOG_FORMAT="json")
    done = subprocess.run([*bubblebot(), "-v", "ask", "--json", "-"], input=f"{QUESTION}\nIs AI a bubble?\n", env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stderr.splitlines() if line.startswith("{")]
    answered = [line for line in lines if line["message"].startswith("answered:")]
    assert len(answered) == 2
    assert all(line["request_id"] for line in answered)
    assert answered[0]["request_id"] != answered[1]["request_id"]
    assert QUESTION not in done.stderr and "compute target" not in done.stderr


def test_a_slack_answer_logs_no_question_text_and_no_token_at_info(
        slack: SlackRig, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    secret_question = f"{QUESTION} zebra-marker-7731"
    response = slack.event(app_mention(secret_question))
    assert response.status_code == 200
    slack.fake.wait_for("chat.postMessage")
    slack.fake.quiet(0.3)
    formatter = JsonFormatter()
    logged = "\n".join(formatter.format(r) for r in caplog.records if r.levelno >= logging.INFO)
    assert any(r.getMessage().startswith("answered:") for r in caplog.records)  # the answer was logged...
    for secret in ("zebra-marker-7731", QUESTION, "compute target", BOT_TOKEN, SIGNING_SECRET, "xoxb-"):
        assert secret not in logged  # ...without what the user wrote or any token
