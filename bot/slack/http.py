"""HTTP mode: POST /slack/events (signed requests; events, commands, interactivity) beside the one health server's
GET /healthz and /metrics (bot.observability.server), on the same port.

A small Starlette app served by uvicorn. bolt's App is synchronous, so each request is dispatched on
a worker thread (`run_in_threadpool`): the event loop never blocks, the signature is verified, and
the response (the ack) goes back as soon as the listener acknowledges — the answer is posted later
from bolt's own worker threads.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from slack_bolt import App
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from slack_sdk.signature import SignatureVerifier
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from bot.observability.server import HttpServer, health_routes

__all__ = ["EVENTS_PATH", "HttpServer", "asgi_app"]

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
MAX_BODY = 1_000_000  # bytes; Slack's payloads are far smaller


def asgi_app(
    bolt_app: App | None,
    *,
    mode: str = "http",
    ready: Callable[[], bool] = lambda: True,
    signing_secret: str | None = None,
) -> Starlette:
    """The ASGI app: /slack/events (when bolt_app is given), /healthz and /metrics.

    signing_secret defaults to the one the bolt app verifies with.
    """
    # bolt parses a body before verifying it; the signature is checked here first, so an unsigned body
    # is never parsed at all and a signed one that does not parse is a 400, not a 500 with a traceback.
    secret = (
        signing_secret if signing_secret is not None else str(getattr(bolt_app, "_signing_secret", "") or "")
    )
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

    routes = health_routes(ready, mode)
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
