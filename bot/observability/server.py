"""The one health/metrics server every bot process uses: GET /healthz and GET /metrics on uvicorn.

`health_routes` are the two routes (Slack's HTTP mode serves them beside /slack/events, on the same port);
`HttpServer` serves any ASGI app on a socket it binds (port 0: any free port); `HealthServer` is the two routes
alone, for processes with no HTTP endpoint of their own (Discord, Slack's Socket Mode).
"""

from __future__ import annotations

import logging
import signal
import socket
import threading
import time
from collections.abc import Callable
from types import FrameType

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.observability.metrics import exposition

log = logging.getLogger(__name__)


def _safe(ready: Callable[[], bool]) -> bool:
    try:
        return bool(ready())
    except Exception:
        log.exception("the readiness check failed")
        return False


def health_routes(ready: Callable[[], bool], mode: str) -> list[Route]:
    """/healthz (200 {"ok": true, "mode": …} when ready, else 503) and /metrics (Prometheus text format)."""

    async def healthz(request: Request) -> Response:
        ok = _safe(ready)
        return JSONResponse({"ok": ok, "mode": mode}, status_code=200 if ok else 503)

    async def metrics(request: Request) -> Response:
        body, content_type = exposition()
        return Response(body, headers={"Content-Type": content_type})

    return [Route("/healthz", healthz, methods=["GET"]), Route("/metrics", metrics, methods=["GET"])]


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port (port 0: any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


class _Server(uvicorn.Server):
    """uvicorn, except that SIGINT/SIGTERM end `run()` normally instead of being re-raised after the
    graceful shutdown: the caller then finishes answers in progress and closes the store."""

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        log.info("received %s; shutting down", signal.Signals(sig).name)
        if self.should_exit and sig == signal.SIGINT:
            self.force_exit = True
        else:
            self.should_exit = True


class HttpServer:
    """uvicorn serving an ASGI app on a socket we bind (so port 0 works and the port is known)."""

    def __init__(self, asgi: Starlette, *, host: str, port: int, name: str = "http") -> None:
        self.host = host
        self.name = name
        self.socket = bind(host, port)
        self.port: int = self.socket.getsockname()[1]
        config = uvicorn.Config(
            asgi, log_config=None, access_log=False, lifespan="off", ws="none", timeout_graceful_shutdown=5
        )
        self.server = _Server(config)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The base URL clients use."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def run(self) -> None:
        """Serve in this thread until SIGINT/SIGTERM (in the main thread) or stop()."""
        log.info("serving %s on %s", self.name, self.url)
        try:
            self.server.run(sockets=[self.socket])
        finally:
            self.socket.close()

    def start(self, timeout: float = 10.0) -> None:
        """Serve from a background thread; returns once the server accepts connections."""
        self._thread = threading.Thread(target=self.run, name=f"{self.name}-http", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started and self._thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        if not self.server.started:
            raise RuntimeError(f"the {self.name} HTTP server did not start")

    def stop(self) -> None:
        """Stop serving and wait for the server thread."""
        self.server.should_exit = True
        if self._thread is not None:
            self._thread.join(10)
        self.socket.close()


class HealthServer(HttpServer):
    """/healthz and /metrics alone on host:port, served from a background thread."""

    def __init__(self, host: str, port: int, *, ready: Callable[[], bool], mode: str) -> None:
        super().__init__(Starlette(routes=health_routes(ready, mode)), host=host, port=port, name="health")

    def start(self, timeout: float = 10.0) -> HealthServer:  # type: ignore[override]
        """Start serving; returns self."""
        super().start(timeout)
        return self
