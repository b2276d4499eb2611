"""Fetching pages from a hostile web site on 127.0.0.1: bombs, endless bodies, trickles and redirects inward."""

from __future__ import annotations

import contextlib
import gzip
import re
import time
import tracemalloc
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from typing import ClassVar

import pytest

from knowledge.errors import IngestError
from knowledge.fetch import MAX_DOWNLOAD_BYTES, AllowList
from knowledge.reader import read_article
from tests.bot.ingest_helpers import serve_site

LOOPBACK = ["127.0.0.1"]
ARTICLE = (
    "<html><head><title>Power deals | Harbor Wire</title></head><body><article><h1>Power deals</h1>"
    "<p>Corvane signed contracts for 3.2 gigawatts of capacity it has not built yet, the company said on "
    "Tuesday, as cloud landlords race to lock in power for artificial intelligence.</p></article></body></html>"
)
BOMB = gzip.compress(bytes(50_000_000), compresslevel=9)  # 50 MB of zeros in about 50 KB
TRICKLE_SECONDS = 30.0  # how long a trickling page takes in all: the fetches below get 2 s


def _send(handler: BaseHTTPRequestHandler, body: bytes, kind: str = "text/html", **headers: str) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", kind)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in headers.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.end_headers()
    handler.wfile.write(body)


def _redirect(handler: BaseHTTPRequestHandler, location: str) -> None:
    handler.send_response(302)
    handler.send_header("Location", location)
    handler.send_header("Content-Length", "0")
    handler.end_headers()


def _endless_chunks(handler: BaseHTTPRequestHandler) -> None:
    """A chunked body that never ends (the client must stop reading)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    chunk = b"Data centers need power. " * 2600
    while True:
        handler.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")


def _trickle(handler: BaseHTTPRequestHandler, *, in_headers: bool) -> None:
    """One byte every 0.2 s: of the headers, or of the body (each byte well within any read timeout)."""
    body = ARTICLE.encode()
    head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    slow, fast = (head, b"") if in_headers else (body, head)
    handler.wfile.write(fast)
    step = TRICKLE_SECONDS / len(slow)
    for i in range(len(slow)):
        handler.wfile.write(slow[i : i + 1])
        handler.wfile.flush()
        time.sleep(min(step, 0.2))
    if in_headers:
        handler.wfile.write(body)


class _Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    routes: ClassVar[dict[str, Callable[[BaseHTTPRequestHandler], None]]] = {
        "/article.html": lambda h: _send(h, ARTICLE.encode()),
        "/bomb.html": lambda h: _send(h, BOMB, Content_Encoding="gzip"),
        "/endless.txt": _endless_chunks,
        "/trickle-body.html": lambda h: _trickle(h, in_headers=False),
        "/trickle-headers.html": lambda h: _trickle(h, in_headers=True),
        "/to-metadata": lambda h: _redirect(h, "http://169.254.169.254/latest/meta-data/iam"),
        "/to-private": lambda h: _redirect(h, "http://10.1.2.3/admin"),
        "/to-article": lambda h: _redirect(h, "/article.html"),
        "/loop": lambda h: _redirect(h, "/loop"),
        "/to-file": lambda h: _redirect(h, "file:///etc/passwd"),
    }

    def do_GET(self) -> None:
        route = self.routes.get(self.path)
        with contextlib.suppress(ConnectionError):  # the client hung up: that is the point of several tests
            if route is None:
                self.send_error(404)
            else:
                route(self)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serve_site(_Hostile) as url:
        yield url


def test_an_allowed_loopback_page_and_a_redirect_to_it_are_read(site: str) -> None:
    for path in ("/article.html", "/to-article"):
        article = read_article(f"{site}{path}", allow=LOOPBACK)
        assert "3.2 gigawatts" in article.text and article.url == f"{site}/article.html"


@pytest.mark.parametrize(
    "url",
    [
        "/article.html",
        "http://localhost:9/a",
        "http://[::1]:9/a",
        "http://0.0.0.0:9/a",
        "http://169.254.169.254/latest/meta-data",
        "http://10.0.0.8/",
        "http://[::ffff:127.0.0.1]:9/",
    ],
)
def test_non_public_addresses_are_refused_by_default(site: str, url: str) -> None:
    with pytest.raises(IngestError, match=r"address .*BUBBLEBOT_INGEST_ALLOW") as caught:
        read_article(url if url.startswith("http") else f"{site}{url}")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("path", "address"),
    [
        ("/to-metadata", "link-local address (169.254.169.254)"),
        ("/to-private", "private address (10.1.2.3)"),
    ],
)
def test_a_redirect_from_an_allowed_host_to_a_private_address_is_refused(
    site: str, path: str, address: str
) -> None:
    with pytest.raises(IngestError, match=re.escape(address)):
        read_article(f"{site}{path}", allow=LOOPBACK)


def test_redirect_loops_and_other_schemes_are_errors(site: str) -> None:
    with pytest.raises(IngestError, match="more than 5 redirects"):
        read_article(f"{site}/loop", allow=LOOPBACK)
    with pytest.raises(IngestError, match="not an http"):
        read_article(f"{site}/to-file", allow=LOOPBACK)


@pytest.mark.parametrize("path", ["/bomb.html", "/endless.txt"])
def test_a_gzip_bomb_or_an_endless_body_stops_at_the_limit_without_buffering(site: str, path: str) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(IngestError, match=f"larger than {MAX_DOWNLOAD_BYTES // 1_000_000} MB"):
            read_article(f"{site}{path}", allow=LOOPBACK, timeout=30)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * MAX_DOWNLOAD_BYTES  # never the whole 50 MB (or endless) body


@pytest.mark.parametrize("path", ["/trickle-body.html", "/trickle-headers.html"])
def test_a_trickling_server_hits_the_overall_deadline(site: str, path: str) -> None:
    # Each byte comes well within a read timeout, so only a deadline over the whole download stops it.
    with pytest.raises(IngestError, match="did not arrive within 2 s"):
        read_article(f"{site}{path}", allow=LOOPBACK, timeout=2)


def test_the_allow_list_takes_hosts_and_ranges() -> None:
    import ipaddress

    allow = AllowList.parse(["wiki.internal", "10.0.0.0/8", " ", "fd00::1"])
    assert allow.allows("wiki.internal", ipaddress.ip_address("192.168.1.1"))
    assert allow.allows("x.test", ipaddress.ip_address("10.9.8.7"))
    assert allow.allows("x.test", ipaddress.ip_address("fd00::1"))
    assert not allow.allows("x.test", ipaddress.ip_address("192.168.1.1"))
    assert allow.allows("x.test", ipaddress.ip_address("93.184.215.14"))
    with pytest.raises(ValueError, match="neither a host name nor an address range"):
        AllowList.parse(["10.0.0.0/33"])
