"""Black box: `bubblebot serve slack` as a subprocess against the fake Slack (issue 4's Done-when)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.bot.slack.fake_slack import APP_TOKEN, BOT_TOKEN, FakeSlack
from tests.bot.slack.slack_payloads import (
    SIGNING_SECRET,
    app_mention,
    event_callback,
    form_body,
    json_body,
    new_ts,
    sign,
    slash_command,
)
from tests.bot.slack.slack_rig import QUESTION, posted_text


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def bubblebot() -> list[str]:
    script = Path(sys.executable).with_name("bubblebot")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")


def start(
    fake: FakeSlack, tmp_path: Path, *, data_dir: Path, token: str = BOT_TOKEN, app_token: str | None = None
) -> Served:
    port = free_port()
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": token,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "BUBBLEBOT_SLACK_API_URL": fake.api_url,
        "BUBBLEBOT_DATA_DIR": str(data_dir),
        "BUBBLEBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'state.db'}",
    }
    env.pop("SLACK_APP_TOKEN", None)
    if app_token:
        env["SLACK_APP_TOKEN"] = app_token
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*bubblebot(), "-v", "serve", "slack", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    return Served(process, f"http://127.0.0.1:{port}", log)


def stop(served: Served) -> int:
    if served.process.poll() is None:
        served.process.send_signal(signal.SIGTERM)
        try:
            return served.process.wait(20)
        except subprocess.TimeoutExpired:
            served.process.kill()
            served.process.wait(5)
            raise
    return int(served.process.returncode)


def wait_healthy(served: Served) -> dict[str, object]:
    deadline = time.monotonic() + 120
    with httpx.Client(timeout=2) as client:
        while True:
            assert served.process.poll() is None, served.output()
            try:
                response = client.get(served.url + "/healthz")
                if response.status_code == 200:
                    return dict(response.json())
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "server did not come up: " + served.output()
            time.sleep(0.2)


@pytest.fixture(scope="module")
def served_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data directory (and index) for the served processes of this module."""
    return tmp_path_factory.mktemp("served-data")


@pytest.fixture
def served(fake_slack: FakeSlack, tmp_path: Path, served_data_dir: Path) -> Iterator[Served]:
    served = start(fake_slack, tmp_path, data_dir=served_data_dir)
    try:
        assert wait_healthy(served) == {"ok": True, "mode": "http"}
        yield served
    finally:
        stop(served)


def test_serve_slack_answers_once_rejects_bad_signatures_and_handles_slash_ask(
    served: Served, fake_slack: FakeSlack
) -> None:
    events = served.url + "/slack/events"
    ts = new_ts()
    body, content_type = json_body(event_callback(app_mention(QUESTION, ts=ts), event_id="Ev0BLACKBOX1"))
    with httpx.Client(timeout=10) as client:
        first = client.post(
            events, content=body.encode(), headers={"Content-Type": content_type, **sign(body)}
        )
        assert first.status_code == 200
        [answer] = fake_slack.wait_for("chat.postMessage", timeout=60)
        assert answer.args["thread_ts"] == ts
        shown = posted_text(answer.args)
        assert "Sam Altman" in shown and "250" in shown

        retry = client.post(
            events,
            content=body.encode(),
            headers={
                "Content-Type": content_type,
                "X-Slack-Retry-Num": "1",
                "X-Slack-Retry-Reason": "http_timeout",
                **sign(body),
            },
        )
        assert retry.status_code == 200

        forged = client.post(
            events,
            content=body.encode(),
            headers={"Content-Type": content_type, **sign(body, secret="wrong-secret")},
        )
        assert forged.status_code == 401

        form, form_type = form_body(slash_command(f"ask {QUESTION}", response_url=fake_slack.response_url()))
        slash = client.post(events, content=form.encode(), headers={"Content-Type": form_type, **sign(form)})
        assert slash.status_code == 200
        calls = fake_slack.wait_for("chat.postMessage", 2, timeout=60)
        assert "asked" in posted_text(calls[1].args) and "Sam Altman" in posted_text(calls[1].args)
    fake_slack.quiet(1.0)
    assert len(fake_slack.calls_to("chat.postMessage", ok=None)) == 2  # the retry got no second reply
    assert stop(served) == 0
    output = served.output()
    assert BOT_TOKEN not in output and SIGNING_SECRET not in output


def test_serve_slack_in_socket_mode(fake_slack: FakeSlack, tmp_path: Path, served_data_dir: Path) -> None:
    served = start(fake_slack, tmp_path, data_dir=served_data_dir, app_token=APP_TOKEN)
    try:
        assert wait_healthy(served) == {"ok": True, "mode": "socket"}
        fake_slack.wait_connected()
        ts = new_ts()
        envelope = fake_slack.send_envelope("events_api", event_callback(app_mention(QUESTION, ts=ts)))
        fake_slack.wait_ack(envelope)
        [answer] = fake_slack.wait_for("chat.postMessage", timeout=60)
        assert answer.args["thread_ts"] == ts and "Sam Altman" in posted_text(answer.args)
        with httpx.Client(timeout=5) as client:  # no events endpoint in Socket Mode
            assert client.post(served.url + "/slack/events", content=b"{}").status_code in (404, 405)
    finally:
        assert stop(served) == 0
    assert APP_TOKEN not in served.output() and BOT_TOKEN not in served.output()


def test_serve_slack_with_a_bad_token_fails_fast(fake_slack: FakeSlack, tmp_path: Path) -> None:
    served = start(fake_slack, tmp_path, data_dir=tmp_path / "data", token="xoxb-0000-rejected-token")
    try:
        code = served.process.wait(60)
    finally:
        stop(served)
    output = served.output()
    assert code == 1
    assert "rejected the token in SLACK_BOT_TOKEN" in output
    assert "xoxb-0000-rejected-token" not in output
    assert not (tmp_path / "data").exists()  # failed before loading anything
