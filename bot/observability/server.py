"""A small HTTP server for processes without one (the Discord bot): GET /healthz and GET /metrics."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bot.observability.metrics import exposition

log = logging.getLogger(__name__)


def _handler(ready: Callable[[], bool], mode: str) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        """Answers /healthz (200 when ready, else 503) and /metrics (Prometheus text format)."""

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == "/healthz":
                ok = _safe(ready)
                self._send(200 if ok else 503, json.dumps({"ok": ok, "mode": mode}).encode(), "application/json")
            elif path == "/metrics":
                body, content_type = exposition()
                self._send(200, body, content_type)
            else:
                self._send(404, b"not found", "text/plain")

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """No access log (probes every few seconds would drown the rest)."""

    return Handler


def _safe(ready: Callable[[], bool]) -> bool:
    try:
        return bool(ready())
    except Exception:
        log.exception("the readiness check failed")
        return False


class HealthServer:
    """Serves /healthz and /metrics on host:port from a background thread (port 0: any free port)."""

    def __init__(self, host: str, port: int, *, ready: Callable[[], bool], mode: str) -> None:
        self.httpd = ThreadingHTTPServer((host, port), _handler(ready, mode))
        self.httpd.daemon_threads = True
        self.host = host
        self.port: int = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.2},
                                        name="health-http", daemon=True)

    @property
    def url(self) -> str:
        """The base URL clients use."""
        return f"http://{self.host}:{self.port}"

    def start(self) -> HealthServer:
        """Start serving; returns self."""
        self._thread.start()
        log.info("serving /healthz and /metrics on %s", self.url)
        return self

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._thread.is_alive():
            self.httpd.shutdown()
            self._thread.join(5)
        self.httpd.server_close()
