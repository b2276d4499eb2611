"""The operator console: `bubblebot serve console`, a small web app over the state store and the library.

Modules: app (ASGI app and middleware), auth (token, sessions, CSRF, throttling), pages (what every page
shares), routes and insight_routes (pages, forms, /api), queries, top_questions and digest_status (what each
page shows), log_cache (finished days and weeks kept), catalog (corpus, embedder, ingest), clustering
(coverage gaps, top questions), figure_charts (chart data from the library's figures, reusable by other
surfaces), stance (where speakers stand on "is it a bubble?"), charts (inline SVG). Templates and CSS live
beside them; no page runs JavaScript.
"""

from __future__ import annotations

import logging

from bot.settings import Settings

log = logging.getLogger(__name__)

__all__ = ["serve_console"]


def serve_console(settings: Settings, *, host: str, port: int) -> None:
    """Serve the console on host:port until interrupted; ConfigurationError unless BUBBLEBOT_CONSOLE_TOKEN is set."""
    import uvicorn

    from bot.console.app import create_app
    from bot.console.auth import ConsoleKeys
    from bot.console.catalog import Catalog
    from bot.store import StateStore

    keys = ConsoleKeys.from_settings(settings)  # before opening anything: the console is off without a token
    store = StateStore.open(settings.resolved_database_url())
    try:
        app = create_app(keys, store, Catalog(settings), secure_cookie=settings.console_secure_cookie)
        config = uvicorn.Config(
            app,
            host=host,
            port=port,
            log_config=None,
            access_log=False,
            lifespan="off",
            ws="none",
            timeout_graceful_shutdown=5,
        )
        shown = f"[{host}]" if ":" in host else host
        log.info("serving the operator console on http://%s:%d", shown, port)
        uvicorn.Server(config).run()
    finally:
        store.close()
