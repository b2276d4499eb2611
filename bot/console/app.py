"""The console's ASGI app: sessions, the session requirement, security headers, routes and static files."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.console.auth import SESSION_COOKIE, SESSION_HOURS, ConsoleKeys, LoginThrottle, RequireSession
from bot.console.catalog import Catalog
from bot.console.log_cache import LogCache
from bot.console.pages import Console
from bot.console.routes import build_routes
from bot.store import StateStore

STATIC = Path(__file__).parent / "static"
# No script runs on any page, and nothing is loaded from elsewhere: an injected tag could not do anything.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class SecurityHeaders:
    """ASGI middleware adding SECURITY_HEADERS to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Add the headers as the response starts."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(
    keys: ConsoleKeys,
    store: StateStore,
    catalog: Catalog,
    *,
    secure_cookie: bool = False,
    throttle: LoginThrottle | None = None,
) -> Starlette:
    """The console app; secure_cookie marks the session cookie HTTPS-only (behind a TLS proxy)."""
    console = Console(
        keys=keys, store=store, catalog=catalog, throttle=throttle or LoginThrottle(), log=LogCache(store)
    )
    routes = [*build_routes(console), Mount("/static", StaticFiles(directory=STATIC), name="static")]
    middleware = [
        Middleware(SecurityHeaders),
        # SameSite=Strict: no other site can make the browser send the session (CSRF tokens are the second lock).
        Middleware(
            SessionMiddleware,
            secret_key=keys.session_secret,
            session_cookie=SESSION_COOKIE,
            max_age=SESSION_HOURS * 3600,
            same_site="strict",
            https_only=secure_cookie,
        ),
        Middleware(RequireSession, keys=keys),
    ]
    return Starlette(routes=routes, middleware=middleware)
