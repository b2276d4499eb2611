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
    assert (
        outside["request_id"] is None
        and outside["level"] == "WARNING"
        and outside["logger"] == "bubblebot.test"
    )
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
    done = subprocess.run(
        [*bubblebot(), "-v", "ask", "--json", "-"],
        input=f"{QUESTION}\nIs AI a bubble?\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stderr.splitlines() if line.startswith("{")]
    answered = [line for line in lines if line["message"].startswith("answered:")]
    assert len(answered) == 2
    assert all(line["request_id"] for line in answered)
    assert answered[0]["request_id"] != answered[1]["request_id"]
    assert QUESTION not in done.stderr and "compute target" not in done.stderr


def test_a_slack_answer_logs_no_question_text_and_no_token_at_info(
    slack: SlackRig, caplog: pytest.LogCaptureFixture
) -> None:
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


LLM_KEY = "sk-proj-Zq81TestKeyThatMustNeverBeLogged0x"


@pytest.mark.parametrize("log_format", ["text", "json"])
def test_an_llm_key_echoed_by_the_provider_is_masked(tmp_path: Path, data_dir: Path, log_format: str) -> None:
    from tests.bot.fake_openai import FakeOpenAI

    fake = FakeOpenAI().start()
    try:
        fake.status, fake.error_message = 401, "Incorrect API key provided: {key}."
        env = {
            **os.environ,
            "BUBBLEBOT_DATA_DIR": str(data_dir),
            "BUBBLEBOT_LLM": "openai:fake-model",
            "BUBBLEBOT_LLM_BASE_URL": fake.base_url,
            "BUBBLEBOT_LLM_API_KEY": LLM_KEY,
            "BUBBLEBOT_LOG_FORMAT": log_format,
            "BUBBLEBOT_DATABASE_URL": "postgresql+psycopg://bot:Pg-Secret-99@127.0.0.1:1/state",
        }
        result = subprocess.run(
            [*bubblebot(), "ask", QUESTION], capture_output=True, text=True, env=env, timeout=300
        )
    finally:
        fake.stop()
    assert result.returncode == 0, result.stderr
    assert fake.requests, "the model was asked"
    assert "Incorrect API key provided: [redacted]" in result.stderr  # the record is kept, the key masked
    assert LLM_KEY not in result.stderr + result.stdout and "Zq81TestKey" not in result.stderr


def test_every_secret_setting_and_token_shape_is_masked() -> None:
    from pydantic import SecretStr

    from bot.observability.logs import configure_logging, secret_values
    from bot.observability.redact import RedactSecrets
    from bot.settings import Settings

    settings = Settings(
        slack_bot_token=SecretStr("xoxb-77-88-slackbot"),
        slack_signing_secret=SecretStr("signing-Secret-42"),
        slack_app_token=SecretStr("xapp-1-A1-999-app"),
        discord_token=SecretStr("discord-Token-Value-1"),
        llm_api_key=SecretStr(LLM_KEY),
        database_url="postgresql://bot:Pg-Secret-99@db/state",
    )
    configure_logging(secrets=secret_values(settings))
    [redactor] = {f for h in logging.getLogger().handlers for f in h.filters if isinstance(f, RedactSecrets)}
    line = (
        "auth failed: xoxb-77-88-slackbot signing-Secret-42 xapp-1-A1-999-app discord-Token-Value-1 "
        f"{LLM_KEY} postgresql://bot:Pg-Secret-99@db/state sk-ant-api03-abcdefghijklmnop"
    )
    clean = redactor.redact(line)
    for secret in (
        "slackbot",
        "signing-Secret-42",
        "999-app",
        "discord-Token",
        "Zq81",
        "Pg-Secret-99",
        "abcdefghijklmnop",
    ):
        assert secret not in clean, clean
