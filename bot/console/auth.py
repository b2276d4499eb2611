"""Console access: the operator token, signed sessions, CSRF tokens and login throttling."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from bot.errors import ConfigurationError
from bot.settings import Settings

SESSION_COOKIE = "bubblebot_console"
SESSION_HOURS = 8
LOGIN_FAILURES = 5  # per client and window, then 429 until the window has passed
LOGIN_WINDOW = 60.0  # seconds
MAX_TRACKED_CLIENTS = 10_000  # a flood of addresses must not grow memory without bound


class ConsoleKeys:
    """The operator token and the key that signs session cookies."""

    def __init__(self, token: str, secret: str | None = None) -> None:
        if not token.strip():
            raise ConfigurationError("the console is off: set BUBBLEBOT_CONSOLE_TOKEN to turn it on")
        self._token = token.strip().encode()
        # Derived, not the token itself: the cookie signature must never help anyone guess the token.
        self.session_secret = (
            secret or hmac.new(self._token, b"bubblebot-console-session", hashlib.sha256).hexdigest()
        )
        # Sessions remember which token opened them, so changing the token logs everyone out.
        self.fingerprint = hmac.new(
            self._token, b"bubblebot-console-fingerprint", hashlib.sha256
        ).hexdigest()[:16]

    @classmethod
    def from_settings(cls, settings: Settings) -> ConsoleKeys:
        """Keys from BUBBLEBOT_CONSOLE_TOKEN (and BUBBLEBOT_CONSOLE_SECRET); ConfigurationError when unset."""
        token = settings.console_token.get_secret_value() if settings.console_token else ""
        secret = settings.console_secret.get_secret_value() if settings.console_secret else None
        return cls(token, secret or None)

    def check(self, candidate: str) -> bool:
        """Whether candidate is the operator token (constant-time)."""
        return hmac.compare_digest(candidate.strip().encode(), self._token)


class LoginThrottle:
    """At most LOGIN_FAILURES failed logins per client within LOGIN_WINDOW seconds."""

    def __init__(
        self,
        limit: int = LOGIN_FAILURES,
        window: float = LOGIN_WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def retry_after(self, client: str) -> float:
        """Seconds until client may try again (0 when it may now)."""
        with self._lock:
            recent = self._recent(client)
            if len(recent) < self.limit:
                return 0.0
            return max(0.0, recent[0] + self.window - self._clock())

    def failed(self, client: str) -> None:
        """Count a failed login."""
        with self._lock:
            recent = self._recent(client)
            recent.append(self._clock())
            self._failures[client] = recent
            self._failures.move_to_end(client)
            while len(self._failures) > MAX_TRACKED_CLIENTS:
                self._failures.popitem(last=False)

    def succeeded(self, client: str) -> None:
        """Forget a client's failures."""
        with self._lock:
            self._failures.pop(client, None)

    def _recent(self, client: str) -> deque[float]:
        cutoff = self._clock() - self.window
        recent = self._failures.get(client, deque())
        while recent and recent[0] <= cutoff:
            recent.popleft()
        return recent


def client_of(request: Request) -> str:
    """The address failures are counted against (the socket peer: X-Forwarded-For is trivially forged)."""
    return request.client.host if request.client else "unknown"


def csrf_token(session: dict[str, Any]) -> str:
    """The session's CSRF token, created on first use."""
    token = session.get("csrf")
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    return token


def csrf_ok(session: dict[str, Any], submitted: object) -> bool:
    """Whether a submitted CSRF token matches the session's."""
    expected = session.get("csrf")
    return (
        isinstance(expected, str)
        and bool(expected)
        and isinstance(submitted, str)
        and hmac.compare_digest(submitted.encode(), expected.encode())
    )


def log_in(session: dict[str, Any], keys: ConsoleKeys) -> None:
    """Mark the session as the operator's, with a fresh CSRF token (the login page's one was seen unauthenticated)."""
    session.clear()
    session.update(auth=keys.fingerprint, at=int(time.time()))
    csrf_token(session)


def logged_in(session: dict[str, Any], keys: ConsoleKeys) -> bool:
    """Whether the session was opened with the current token within SESSION_HOURS."""
    at = session.get("at")
    fresh = isinstance(at, int) and time.time() - at < SESSION_HOURS * 3600
    auth = session.get("auth")
    return fresh and isinstance(auth, str) and hmac.compare_digest(auth, keys.fingerprint)


class RequireSession:
    """ASGI middleware (inside SessionMiddleware): every path but /login and /static needs a session.

    Pages redirect to /login; /api answers 401 JSON. Being middleware, a route added later cannot forget it.
    """

    def __init__(self, app: ASGIApp, keys: ConsoleKeys) -> None:
        self.app = app
        self.keys = keys

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass authenticated requests (and public paths) through; refuse the rest."""
        if (
            scope["type"] != "http"
            or _public(scope["path"])
            or logged_in(scope.get("session", {}), self.keys)
        ):
            await self.app(scope, receive, send)
            return
        from starlette.responses import JSONResponse, RedirectResponse

        response: Any
        if scope["path"].startswith("/api/"):
            response = JSONResponse({"error": "log in first"}, status_code=401)
        else:
            response = RedirectResponse("/login", status_code=303)
        await response(scope, receive, send)


def _public(path: str) -> bool:
    return path == "/login" or path.startswith("/static/")
