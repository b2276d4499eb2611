"""HTTP mode: POST /slack/events (signed requests; events, commands, interactivity), GET /healthz, /metrics.

A small Starlette app served by uvicorn. bolt's App is synchronous, so each request is dispatched on
a worker thread (`run_in_threadpool`): the event loop never blocks, the signature is verified, and
the response (the ack) goes back as soon as the listener acknowledges — the answer is posted later
from bolt's own worker threads.
"""

from __future__ import annotations

import json
import logging
import signal
import socket
import threading
import time
from collections.abc import Callable
from types import FrameType

import uvicorn
from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from slack_sdk.signature import SignatureVerifier
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from bot.observability.metrics import exposition

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
MAX_BODY = 1_000_000  # bytes; Slack's payloads are far smaller


def asgi_app(bolt_app: App | None, *, mode: str = "http", ready: Callable[[], bool] = lambda: True,
             signing_secret: str | None = None) -> Starlette:
    """The ASGI app: /slack/events (when bolt_app is given), /healthz and /metrics.

    signing_secret defaults to the one the bolt app verifies with.
    """
    # bolt parses a body before verifying it; the signature is checked here first, so an unsigned body
    # is never parsed at all and a signed one that does not parse is a 400, not a 500 with a traceback.
    secret = signing_secret if signing_secret is not None else str(getattr(bolt_app, "_signing_secret", "") or "")
    # Socket Mode serves only /healthz and /metrics here: there is no secret and no events route to verify.
    verifier = SignatureVerifier(secret) if bolt_app is not None and secret else None

    async def events(request: Request) -> Response:
        assert bolt_app is not None and verifier is not None
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > MAX_BODY:
            return PlainTextResponse("payload too large", status_code=413)
        body = await request.body()
        if len(body) > MAX_BODY:
            return PlainTextResponse("payload too large", status_code=413)
        if not _signed(verifier, request, body):
            return JSONResponse({"error": "invalid request"}, status_code=401)
        try:
            bolt_request = to_bolt_request(request, body)
        except UnicodeDecodeError:
            return PlainTextResponse("body is not UTF-8", status_code=400)
        except ValueError:  # JSON (or a form's payload field) that does not parse
            return PlainTextResponse("body does not parse", status_code=400)
        if _is_event(request, body):
            # Events API requests are acknowledged before their listener does anything (bolt acks
            # them itself and hands the listener to its worker threads): dispatching them right
            # here takes well under a millisecond and avoids a thread handoff per request.
            bolt_response = bolt_app.dispatch(bolt_request)
        else:
            # Commands and interactivity wait for the listener's ack(): keep them off the loop.
            bolt_response = await run_in_threadpool(bolt_app.dispatch, bolt_request)
        return to_starlette_response(bolt_response)

    async def healthz(request: Request) -> Response:
        ok = ready()
        return JSONResponse({"ok": ok, "mode": mode}, status_code=200 if ok else 503)

    async def metrics(request: Request) -> Response:
        body, content_type = exposition()
        return Response(body, headers={"Content-Type": content_type})

    routes = [Route("/healthz", healthz, methods=["GET"]), Route("/metrics", metrics, methods=["GET"])]
    if bolt_app is not None:
        routes.append(Route(EVENTS_PATH, events, methods=["POST"]))
    return Starlette(routes=routes)


def _signed(verifier: SignatureVerifier, request: Request, body: bytes) -> bool:
    """Whether the request carries a valid, fresh Slack signature."""
    timestamp = request.headers.get("x-slack-request-timestamp", "")
    signature = request.headers.get("x-slack-signature", "")
    if not timestamp.isdigit() or not signature:
        return False
    return verifier.is_valid(body, timestamp, signature)


def _is_event(request: Request, body: bytes) -> bool:
    """An Events API delivery (JSON with type event_callback)."""
    if not request.headers.get("content-type", "").startswith("application/json"):
        return False
    try:
        payload = json.loads(body)
    except ValueError:
        return False
    return isinstance(payload, dict) and payload.get("type") == "event_callback"


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

    def __init__(self, asgi: Starlette, *, host: str, port: int) -> None:
        self.host = host
        self.socket = bind(host, port)
        self.port: int = self.socket.getsockname()[1]
        config = uvicorn.Config(asgi, log_config=None, access_log=False, lifespan="off", ws="none",
                                timeout_graceful_shutdown=5)
        self.server = _Server(config)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The base URL clients use."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def run(self) -> None:
        """Serve in this thread until SIGINT/SIGTERM (in the main thread) or stop()."""
        log.info("serving Slack HTTP endpoints on %s (%s, /healthz)", self.url, EVENTS_PATH)
        try:
            self.server.run(sockets=[self.socket])
        finally:
            self.socket.close()

    def start(self, timeout: float = 10.0) -> None:
        """Serve from a background thread; returns once the server accepts connections."""
        self._thread = threading.Thread(target=self.run, name="slack-http", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started and self._thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        if not self.server.started:
            raise RuntimeError("the Slack HTTP server did not start")

    def stop(self) -> None:
        """Stop serving and wait for the server thread."""
        self.server.should_exit = True
        if self._thread is not None:
            self._thread.join(10)
        self.socket.close()
