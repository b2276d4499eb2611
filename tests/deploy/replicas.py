"""Slack HTTP replicas: `bubblebot serve slack` processes sharing one database, as behind a load balancer."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families

from tests.bot.slack.fake_slack import BOT_TOKEN, FakeSlack
from tests.bot.slack.slack_payloads import SIGNING_SECRET
from tests.deploy.servers import bubblebot, free_port


@dataclass
class Replica:
    """One served process and where it listens."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_healthy(self, timeout: float = 180.0) -> None:
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=2) as client:
            while True:
                assert self.process.poll() is None, self.output()[-3000:]
                try:
                    if client.get(self.url + "/healthz").status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, "replica did not come up: " + self.output()[-3000:]
                time.sleep(0.2)

    def metric(self, name: str) -> float:
        """The sum of a metric's samples (all labels) on this replica's /metrics."""
        with httpx.Client(timeout=5) as client:
            text = client.get(self.url + "/metrics").text
        return sum(
            s.value
            for family in text_string_to_metric_families(text)
            for s in family.samples
            if s.name == name
        )

    def stop(self) -> int:
        """SIGTERM, then wait (kill after 30 s); the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        return int(self.process.returncode)


def serve_replica(
    fake: FakeSlack,
    workdir: Path,
    *,
    name: str,
    data_dir: Path,
    database_url: str,
    chroma_url: str | None = None,
    extra_env: dict[str, str] | None = None,
) -> Replica:
    """Start one `bubblebot serve slack` replica (HTTP mode) against the fake Slack."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BUBBLEBOT_", "SLACK_"))}
    env.update(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        BUBBLEBOT_SLACK_API_URL=fake.api_url,
        BUBBLEBOT_DATA_DIR=str(data_dir),
        BUBBLEBOT_DATABASE_URL=database_url,
        BUBBLEBOT_LOG_FORMAT="json",
        BUBBLEBOT_RATE_LIMIT_PER_MINUTE="100000",
        **(extra_env or {}),
    )
    if chroma_url:
        env["BUBBLEBOT_CHROMA_URL"] = chroma_url
    log = workdir / f"{name}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*bubblebot(), "-v", "serve", "slack", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    return Replica(process, f"http://127.0.0.1:{port}", log)
