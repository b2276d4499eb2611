"""Download one page for ingest, safely: public addresses only, a byte limit and one overall deadline.

Every connection (the first request and each redirect) resolves its host and refuses loopback, private,
link-local, multicast, reserved and unspecified addresses unless the operator allowed that host or range
(BUBBLEBOT_INGEST_ALLOW). The check sits where the socket is opened, so a name that resolves differently
between a check and the connect (DNS rebinding) cannot slip through. Bodies are streamed and counted after
decompression, so neither a large body nor a small gzip bomb is ever held whole, and every socket operation
gets only the time left before the deadline, so a server trickling bytes cannot hold a worker.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import certifi
import httpcore
import httpx

from knowledge.errors import IngestError

MAX_DOWNLOAD_BYTES = 5_000_000  # after decompression
MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 5.0
ALLOW_SETTING = "BUBBLEBOT_INGEST_ALLOW"
_USER_AGENT = "bubblebot-ingest/0.1"
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class BlockedAddress(IngestError):
    """The page's host is (or resolves to) an address that ingest may not reach."""


class TooLarge(IngestError):
    """The page is larger than the download limit."""


def _kind(address: IPAddress) -> str | None:
    """Why an address is not public ('loopback', 'private', …), or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return _kind(address.ipv4_mapped)
    for kind in ("loopback", "unspecified", "link_local", "multicast", "private", "reserved"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if address.is_global else "non-public"


@dataclass(frozen=True)
class AllowList:
    """Hosts and address ranges the operator lets ingest reach even though they are not public."""

    hosts: frozenset[str] = frozenset()
    networks: tuple[Network, ...] = ()

    @classmethod
    def parse(cls, entries: Iterable[str]) -> AllowList:
        """From entries like 'wiki.internal', '127.0.0.1' or '10.0.0.0/8'; ValueError names a bad one."""
        hosts, networks = set(), []
        for entry in (e.strip() for e in entries):
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError as exc:
                if "/" in entry or not all(part for part in entry.split(".")):
                    raise ValueError(
                        f"{ALLOW_SETTING}: {entry!r} is neither a host name nor an address range"
                    ) from exc
                hosts.add(entry.lower().rstrip("."))
        return cls(frozenset(hosts), tuple(networks))

    def allows(self, host: str, address: IPAddress) -> bool:
        """Whether ingest may connect to `address` (which `host` resolved to)."""
        if _kind(address) is None or host.lower().rstrip(".") in self.hosts:
            return True
        return any(address in network for network in self.networks)


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class _Deadline:
    """One deadline for a whole download: each socket operation gets at most the time left."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def left(self, timeout: float | None, error: type[Exception] = httpcore.ReadTimeout) -> float:
        """The smaller of `timeout` and the time left; `error` once none is left."""
        remaining = self.end - time.monotonic()
        if remaining <= 0:
            raise error("the download deadline passed")
        return remaining if timeout is None else min(timeout, remaining)


class _Stream(httpcore.NetworkStream):
    """A connection whose reads and writes never outlast the deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: _Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        """Read within the time left."""
        return self._inner.read(max_bytes, self._deadline.left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        """Write within the time left."""
        self._inner.write(buffer, self._deadline.left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        """Close the connection."""
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        """TLS within the time left; the TLS stream keeps the deadline."""
        inner = self._inner.start_tls(ssl_context, server_hostname, self._deadline.left(timeout))
        return _Stream(inner, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        """As the wrapped stream."""
        return self._inner.get_extra_info(info)


class _GuardedBackend(httpcore.NetworkBackend):
    """Opens TCP connections only to allowed addresses, within the deadline."""

    def __init__(self, allow: AllowList, deadline: _Deadline) -> None:
        self._inner = httpcore.SyncBackend()
        self._allow = allow
        self._deadline = deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        """Resolve `host`, refuse it if any of its addresses is not allowed, connect to the first that answers."""
        addresses = _resolve(host, port)
        for text in addresses:
            address = ipaddress.ip_address(text.split("%", 1)[0])  # drop an IPv6 zone id
            if not self._allow.allows(host, address):
                raise BlockedAddress(
                    f"{host} is a {_kind(address)} address ({address}); ingest only fetches "
                    f"public addresses unless {ALLOW_SETTING} lists the host or range"
                )
        error: Exception = httpcore.ConnectError(f"no address for {host}")
        for text in addresses:
            try:
                stream = self._inner.connect_tcp(
                    text,
                    port,
                    self._deadline.left(timeout, httpcore.ConnectTimeout),
                    local_address,
                    socket_options,
                )
            except httpcore.ConnectError as exc:
                error = exc
                continue
            return _Stream(stream, self._deadline)
        raise error

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        """Never: ingest fetches only over TCP."""
        raise BlockedAddress("ingest does not fetch over Unix sockets")

    def sleep(self, seconds: float) -> None:
        """As the wrapped backend."""
        self._inner.sleep(seconds)


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's transport over the guarded backend (no proxies: a proxy would connect for us, unchecked)."""

    def __init__(self, allow: AllowList, deadline: _Deadline) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl.create_default_context(cafile=certifi.where()),
            network_backend=_GuardedBackend(allow, deadline),
        )


@dataclass(frozen=True)
class Download:
    """A fetched page: its final URL (after redirects), its media type and its (decompressed) body."""

    url: str
    media_type: str
    data: bytes


def _decoder(encoding: str, url: str) -> Any:
    """A zlib decompressor for the response's Content-Encoding, or None for an uncompressed body."""
    encoding = encoding.strip().lower()
    if encoding in {"", "identity"}:
        return None
    if encoding in {"gzip", "x-gzip"}:
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj(32 + zlib.MAX_WBITS)  # zlib or gzip header
    raise IngestError(f"{url}: the page uses an unsupported compression ({encoding})")


def _inflated(chunks: Iterator[bytes], decoder: Any, limit: int) -> Iterator[bytes]:
    """Decompressed chunks, never more than `limit` + 1 bytes in all (a bomb stops at the limit)."""
    total = 0
    for chunk in chunks:
        data = chunk
        while data and total <= limit:
            out = decoder.decompress(data, limit - total + 1)
            total += len(out)
            yield out
            data = decoder.unconsumed_tail
    if total <= limit:
        yield decoder.flush()


def _body(response: httpx.Response, url: str, limit: int) -> bytes:
    """The body, streamed and counted after decompression; TooLarge past `limit` bytes."""
    too_large = TooLarge(f"{url}: the page is larger than {limit / 1_000_000:g} MB")
    declared = response.headers.get("content-length", "")
    decoder = _decoder(response.headers.get("content-encoding", ""), url)
    if decoder is None and declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks = response.iter_raw()
    parts, total = [], 0
    try:
        for part in chunks if decoder is None else _inflated(chunks, decoder, limit):
            total += len(part)
            if total > limit:
                raise too_large
            parts.append(part)
    except zlib.error as exc:
        raise IngestError(f"{url}: the page's compressed body is corrupt ({exc})") from exc
    return b"".join(parts)


def _next_hop(response: httpx.Response, url: str) -> str:
    location = response.headers.get("location", "").strip()
    target = urljoin(str(response.url), location)
    if not location or not target.lower().startswith(("http://", "https://")):
        raise IngestError(f"{url}: redirected to {location or 'nowhere'}, which is not an http(s) URL")
    return str(target)


def _get(client: httpx.Client, url: str, limit: int) -> Download:
    """Follow up to MAX_REDIRECTS redirects by hand (each hop's connection is checked) and read the body."""
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        with client.stream("GET", current) as response:
            if response.is_redirect:
                current = _next_hop(response, url)
                continue
            if response.status_code >= 400:
                raise IngestError(
                    f"cannot fetch {url}: HTTP {response.status_code} {response.reason_phrase}".rstrip()
                )
            media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            return Download(str(response.url), media_type, _body(response, url, limit))
    raise IngestError(f"cannot fetch {url}: more than {MAX_REDIRECTS} redirects")


def download(
    url: str, *, timeout: float = 15.0, allow: Iterable[str] = (), max_bytes: int = MAX_DOWNLOAD_BYTES
) -> Download:
    """GET an http(s) URL within `timeout` seconds in all, at most `max_bytes` decompressed; IngestError if not."""
    try:
        allowed = AllowList.parse(allow)
    except ValueError as exc:
        raise IngestError(str(exc)) from exc
    deadline = _Deadline(timeout)
    transport = _GuardedTransport(allowed, deadline)
    headers = {"User-Agent": _USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    client_timeout = httpx.Timeout(timeout, connect=min(timeout, CONNECT_TIMEOUT))
    try:
        with httpx.Client(
            transport=transport, timeout=client_timeout, headers=headers, trust_env=False
        ) as client:
            return _get(client, url, max_bytes)
    except httpx.TimeoutException as exc:
        raise IngestError(f"{url}: the page did not arrive within {timeout:g} s") from exc
    except httpx.HTTPError as exc:
        raise IngestError(f"cannot fetch {url}: {exc or type(exc).__name__}") from exc
