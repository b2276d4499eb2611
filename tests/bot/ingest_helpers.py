"""Helpers for URL ingests in tests: a loopback web site with a test article (and broken pages)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = """<!doctype html><html><head><title>Grid operators warn of AI load | Prairie Courier</title>
<meta property="og:site_name" content="Prairie Courier"></head><body>
<nav><a href="/">Home</a> <a href="/energy">Energy</a> <a href="/subscribe">Subscribe</a></nav>
<article><h1>Grid operators warn of AI load</h1>
<p>Electricity demand from data centers in the Great Plains will triple by 2028, grid operators said on Monday,
as developers race to build campuses for artificial intelligence.</p>
<p>"We have never seen requests like this," said Harold Quist, chief executive of Plainsgrid Cooperative. He said the
cooperative had received applications for 12 gigawatts of new load, more than its entire current peak.</p>
<p>According to a study by the Wexford Energy Council, utilities in the region will need to spend $48 billion on new
lines by 2030.</p>
</article><footer>© Prairie Courier. All rights reserved. Privacy · Terms</footer></body></html>"""
TITLE = "Grid operators warn of AI load"
ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/grid.html": (200, "text/html; charset=utf-8", PAGE.encode()),
    "/empty.html": (200, "text/html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"),
    "/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
    "/gone": (404, "text/plain", b"not here"),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, kind, body = ROUTES.get(self.path, (404, "text/plain", b"no"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_site(handler: type[BaseHTTPRequestHandler] | None = None) -> Iterator[str]:
    """Serve ROUTES (or `handler`) on 127.0.0.1 (a free port); yields the base URL, e.g. http://127.0.0.1:41234."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler or _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
