"""What every console page shares: the console's state, templates, one-line errors, and guarded handlers."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from bot.console.auth import ConsoleKeys, LoginThrottle, csrf_ok, csrf_token
from bot.console.catalog import MAX_UPLOAD_BYTES, Catalog
from bot.console.log_cache import LogCache
from bot.errors import BubblebotError
from bot.store import StateStore
from knowledge.errors import KnowledgeError

log = logging.getLogger(__name__)
TEMPLATES = Path(__file__).parent / "templates"
NAV = (
    ("/", "Overview"),
    ("/conversations", "Conversations"),
    ("/gaps", "Coverage gaps"),
    ("/questions", "Top questions"),
    ("/figures", "Figures"),
    ("/sources", "Sources"),
    ("/speakers", "Speakers"),
    ("/digests", "Digests"),
)
FACETS_SECONDS = 60.0
GAPS_SECONDS = 60.0
Handler = Callable[[Request], Awaitable[Response]]
FormHandler = Callable[[Request, FormData], Awaitable[Response]]


@dataclass
class Console:
    """What the routes share: the keys, the throttle, the store and the library."""

    keys: ConsoleKeys
    store: StateStore
    catalog: Catalog
    throttle: LoginThrottle
    log: LogCache
    _facets: tuple[float, dict[str, list[str]]] | None = None
    _gaps: tuple[float, int, dict[str, Any]] | None = None

    def facets(self) -> dict[str, list[str]]:
        """The filters' choices, re-read at most once a minute (three scans of the log on every page is waste)."""
        if self._facets is None or time.monotonic() - self._facets[0] > FACETS_SECONDS:
            self._facets = (time.monotonic(), self.store.facets())
        return self._facets[1]

    def gaps(self, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """The coverage gaps, rebuilt at most once a minute or when the library changed (a planning view:
        regrouping every abstention on every load costs a third of a second at 100,000 questions)."""
        version = self.catalog.version()
        if self._gaps is None or self._gaps[1] != version or time.monotonic() - self._gaps[0] > GAPS_SECONDS:
            self._gaps = (
                time.monotonic(),
                version,
                {**build(), "as_of": dt.datetime.now(dt.UTC).isoformat()},
            )
        return self._gaps[2]


class BadRequest(ValueError):
    """A query parameter or form field the console cannot use (shown as a one-line 400)."""


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    env.filters["percent"] = lambda share: f"{100 * share:.0f}%"
    env.filters["quoted"] = lambda text: text if text[:1] in "“「\"'『" else f"“{text}”"
    env.filters["seconds"] = lambda ms: f"{ms / 1000:.1f} s" if ms >= 1000 else f"{ms} ms"
    return env


ENV = _environment()


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page with the navigation, the session's CSRF token and any one-time message."""
    flash = request.session.pop("flash", None) if "session" in request.scope else None
    csrf = csrf_token(request.session) if "session" in request.scope else ""
    html = ENV.get_template(template).render(
        nav=NAV, path=request.url.path, csrf=csrf, flash=flash, **context
    )
    return HTMLResponse(html, status_code=status)


def flash(request: Request, kind: str, message: str) -> None:
    """A one-line message shown once on the next page."""
    request.session["flash"] = {"kind": kind, "text": message.splitlines()[0] if message else ""}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, message: str) -> Response:
    """A one-line error: JSON for /api, else the page frame with the message."""
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    return render(request, "error.html", status=status, message=message)


def guarded(handler: Handler) -> Handler:
    """Turn bad parameters into a 400 and an unreachable store or library into a 503, one line each."""

    async def endpoint(request: Request) -> Response:
        try:
            return await handler(request)
        except BadRequest as exc:
            return _error(request, 400, str(exc))
        except (BubblebotError, KnowledgeError) as exc:
            log.warning("console: %s %s failed: %s", request.method, request.url.path, exc)
            return _error(request, 503, str(exc).splitlines()[0])

    return endpoint


def form_post(handler: FormHandler) -> Handler:
    """A POST endpoint that refuses (403) a form without the session's CSRF token before doing anything."""

    async def endpoint(request: Request) -> Response:
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > MAX_UPLOAD_BYTES + 100_000:
            return _error(request, 413, "the upload is too large")
        try:
            form = await request.form(max_files=1, max_fields=20, max_part_size=MAX_UPLOAD_BYTES + 1)
        except Exception as exc:  # a malformed or oversized multipart body (starlette raises several types)
            return _error(request, 400, f"the form could not be read ({type(exc).__name__})")
        if not csrf_ok(request.session, form.get("csrf")):
            return _error(request, 403, "missing or wrong CSRF token: reload the page and try again")
        return await guarded(lambda r: handler(r, form))(request)

    return endpoint
