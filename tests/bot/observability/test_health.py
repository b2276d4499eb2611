"""The health/metrics server of processes without their own HTTP server, and the container probe."""

from __future__ import annotations

import os
import subprocess
import sys

import httpx

from bot.observability.server import HealthServer
from tests.deploy.servers import free_port


def test_health_server_reports_readiness_and_serves_metrics() -> None:
    state = {"ready": False}
    server = HealthServer("127.0.0.1", 0, ready=lambda: state["ready"], mode="discord").start()
    try:
        with httpx.Client(timeout=5) as client:
            waiting = client.get(server.url + "/healthz")
            assert waiting.status_code == 503 and waiting.json() == {"ok": False, "mode": "discord"}
            state["ready"] = True
            assert client.get(server.url + "/healthz").json() == {"ok": True, "mode": "discord"}
            metrics = client.get(server.url + "/metrics")
            assert metrics.status_code == 200 and "bubblebot_questions_total" in metrics.text
            assert client.get(server.url + "/other").status_code == 404
    finally:
        server.stop()


def probe(port: int) -> int:
    env = {**os.environ, "BUBBLEBOT_HEALTH_PORT": str(port)}
    return subprocess.run(
        [sys.executable, "-m", "bot.observability.probe"], env=env, timeout=60, check=False
    ).returncode


def test_container_probe_follows_healthz() -> None:
    state = {"ready": True}
    server = HealthServer("127.0.0.1", 0, ready=lambda: state["ready"], mode="slack").start()
    try:
        assert probe(server.port) == 0
        state["ready"] = False
        assert probe(server.port) == 1
    finally:
        server.stop()
    assert probe(free_port()) == 1
