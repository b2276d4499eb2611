"""Real servers for the scale-out tests: `chroma run` from the installed chromadb, and PostgreSQL databases."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from sqlalchemy import create_engine, exc, make_url, text

PG_ADMIN_URL = os.environ.get(
    "BUBBLEBOT_TEST_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
BIN = Path(sys.executable).parent


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def bubblebot() -> list[str]:
    """The installed console script (or the module when run from a bare checkout)."""
    script = BIN / "bubblebot"
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]


class ChromaServer:
    """`chroma run` on 127.0.0.1 with a persistent path; stop() and start() again on the same port."""

    def __init__(self, path: Path, log: Path) -> None:
        self.path = path
        self.log = log
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> ChromaServer:
        """Start the server and wait for its heartbeat."""
        env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [
                    str(BIN / "chroma"),
                    "run",
                    "--path",
                    str(self.path),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                ],
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=env,
            )
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=2) as client:
            while True:
                assert self.process.poll() is None, self.log.read_text(errors="replace")[-2000:]
                try:
                    if client.get(self.url + "/api/v2/heartbeat").status_code == 200:
                        return self
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, "chroma run did not come up"
                time.sleep(0.1)

    def stop(self, *, crash: bool = False) -> None:
        """Stop the server (SIGKILL with crash, else SIGTERM) and wait for it to exit."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGKILL if crash else signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


@contextmanager
def chroma_server(tmp_path: Path) -> Iterator[ChromaServer]:
    """A running Chroma server, stopped afterwards."""
    server = ChromaServer(tmp_path / "chroma-server", tmp_path / "chroma-server.log").start()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def pg_database(*, encoding: str | None = None) -> Iterator[str]:
    """A fresh, empty PostgreSQL database on 127.0.0.1 (its URL), dropped afterwards; encoding: e.g. SQL_ASCII."""
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"bubblebot_deploy_{uuid.uuid4().hex[:12]}"
    options = f" ENCODING '{encoding}' TEMPLATE template0" if encoding else ""
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{options}'))
    except exc.OperationalError as error:
        admin.dispose()
        raise AssertionError(
            f"PostgreSQL is not reachable ({error.orig}); start it with: "
            "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
        ) from None
    try:
        yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
