"""The container probe as Kubernetes and the image run it: a real process against real servers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import make_url

from bot.observability.server import HealthServer
from tests.deploy.servers import chroma_server, free_port, pg_database
from tests.deploy.tcp_proxy import TcpProxy

PASSWORD = "probe-s3cret-password"


def probe(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`python -m bot.observability.probe …` with only the given bubblebot settings."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("BUBBLEBOT_")}
    return subprocess.run(
        [sys.executable, "-m", "bot.observability.probe", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@contextmanager
def healthy_bot() -> Iterator[HealthServer]:
    """A /healthz that answers 200, as a running bot's does."""
    server = HealthServer("127.0.0.1", 0, ready=lambda: True, mode="slack").start()
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.postgres
def test_readiness_fails_while_postgres_is_unreachable_and_liveness_does_not() -> None:
    with (
        healthy_bot() as bot,
        pg_database() as direct,
        TcpProxy("127.0.0.1", make_url(direct).port or 5432) as proxy,
    ):
        # trust authentication ignores the password; it is there to show it never reaches the output
        url = make_url(direct).set(port=proxy.port, password=PASSWORD).render_as_string(hide_password=False)
        env = {"BUBBLEBOT_HEALTH_PORT": str(bot.port), "BUBBLEBOT_DATABASE_URL": url}
        assert probe("--ready", env=env).returncode == 0

        proxy.cut()
        unready = probe("--ready", env=env)
        assert unready.returncode == 1
        assert "database" in unready.stderr and "unreachable" in unready.stderr, unready.stderr
        assert PASSWORD not in unready.stderr + unready.stdout
        assert probe(env=env).returncode == 0  # liveness: the bot itself is fine, no restart

        proxy.restore()
        assert probe("--ready", env=env).returncode == 0


def test_readiness_without_a_database_url_follows_healthz_alone(tmp_path: Path) -> None:
    with healthy_bot() as bot:
        env = {"BUBBLEBOT_HEALTH_PORT": str(bot.port), "BUBBLEBOT_DATA_DIR": str(tmp_path)}
        assert probe("--ready", env=env).returncode == 0  # SQLite in the data directory: nothing to reach
    down = probe("--ready", env={"BUBBLEBOT_HEALTH_PORT": str(free_port())})
    assert down.returncode == 1 and "/healthz does not answer" in down.stderr


def test_a_container_running_chroma_is_probed_on_its_heartbeat_not_port_3000(tmp_path: Path) -> None:
    nothing_here = {"BUBBLEBOT_HEALTH_PORT": str(free_port())}
    with chroma_server(tmp_path) as chroma:
        assert chroma.process is not None
        pid = str(chroma.process.pid)
        assert probe("--pid", pid, env=nothing_here).returncode == 0
        chroma.process.send_signal(signal.SIGSTOP)  # hung: the process is there, its heartbeat is not
        try:
            hung = probe("--pid", pid, env=nothing_here)
        finally:
            chroma.process.send_signal(signal.SIGCONT)
    assert hung.returncode == 1 and "/api/v2/heartbeat" in hung.stderr, hung.stderr
    assert probe("--pid", str(os.getpid()), env=nothing_here).returncode == 1  # not chroma: /healthz, down
