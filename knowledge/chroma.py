"""Chroma clients: an embedded store under the data directory (set aside when corrupt, in memory when unwritable)
or a Chroma server over HTTP, one client per URL."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import chromadb
import httpx
from chromadb.api.client import SharedSystemClient  # type: ignore[attr-defined]
from chromadb.config import Settings as ChromaSettings

from knowledge.errors import IndexUnavailable

log = logging.getLogger(__name__)

_SERVERS: dict[str, Any] = {}  # one HttpClient per server URL, reused across reconnections
_SERVERS_LOCK = threading.Lock()
SERVER_TIMEOUT = httpx.Timeout(30.0, connect=5.0)  # chromadb's own client never times out


def _server_client(chroma_url: str, settings: ChromaSettings) -> Any:
    """The HttpClient for a Chroma server; IndexUnavailable (and nothing left behind) when it is down."""
    match = re.match(r"^(https?)://([^/:]+)(?::(\d+))?", chroma_url)
    if not match:
        raise IndexUnavailable(f"BUBBLEBOT_CHROMA_URL {chroma_url!r} is not an http(s) URL")
    scheme, host, port = match.groups()
    port = port or ("443" if scheme == "https" else "8000")
    with _SERVERS_LOCK:
        if chroma_url in _SERVERS:
            return _SERVERS[chroma_url]
        try:  # chromadb keeps every HttpClient it constructs, even one that failed: check first
            httpx.get(f"{scheme}://{host}:{port}/api/v2/heartbeat", timeout=5.0).raise_for_status()
            client = chromadb.HttpClient(host=host, port=int(port), ssl=scheme == "https", settings=settings)
        except Exception as exc:
            raise IndexUnavailable(f"cannot reach the Chroma server at {chroma_url}: {exc}") from exc
        for session in _sessions(client):
            session.timeout = SERVER_TIMEOUT
        _SERVERS[chroma_url] = client
        return client


def _sessions(client: Any) -> list[httpx.Client]:
    """The HTTP sessions inside a chromadb HttpClient (its own and its admin client's)."""
    servers = [
        getattr(client, "_server", None),
        getattr(getattr(client, "_admin_client", None), "_server", None),
    ]
    sessions = [getattr(server, "_session", None) for server in servers]
    return [session for session in sessions if isinstance(session, httpx.Client)]


def close_server_clients() -> None:
    """Close the connections of every Chroma server client (at shutdown, and between tests)."""
    with _SERVERS_LOCK:
        for client in _SERVERS.values():
            for session in _sessions(client):
                session.close()
        _SERVERS.clear()


def lock_dir(data_dir: Path, chroma_url: str | None) -> Path | None:
    """Where build locks live: beside the embedded store (a Chroma server's builders share no files)."""
    return None if chroma_url else data_dir / "chroma"


OPEN_ATTEMPTS = 4  # tries to open an embedded store before it counts as unreadable


def open_client(*, data_dir: Path | None = None, chroma_url: str | None = None) -> Any:
    """An embedded PersistentClient under data_dir, or an HttpClient for a Chroma server.

    A data directory that cannot be written (read-only, full, not ours) gets an in-memory index for this
    run; only a store that really does not parse is set aside as corrupt and rebuilt.
    """
    settings = ChromaSettings(anonymized_telemetry=False)
    if chroma_url:
        return _server_client(chroma_url, settings)
    assert data_dir is not None
    path = data_dir / "chroma"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return _in_memory(path, error, settings)
    problem = _unwritable(path)
    if problem is not None:
        return _in_memory(path, problem, settings)
    for attempt in range(OPEN_ATTEMPTS):
        try:
            client = chromadb.PersistentClient(path=str(path), settings=settings)
            client.list_collections()
            return client
        except Exception as exc:
            if attempt + 1 < OPEN_ATTEMPTS:
                # Several processes creating a fresh store at once can see each other's half-made files:
                # wait and look again rather than call it corrupt (and move it away under the others).
                SharedSystemClient.clear_system_cache()
                time.sleep(0.4 * (attempt + 1))
                continue
            if _resource_error(exc):
                return _in_memory(path, exc, settings)
            return _set_aside(path, exc, settings)
    raise AssertionError("unreachable")


def _set_aside(path: Path, exc: Exception, settings: ChromaSettings) -> Any:
    """Move a corrupt store aside and open a fresh one there (IndexUnavailable if that fails too)."""
    aside = path.with_name(f"chroma.corrupt-{int(time.time())}")
    log.warning("the vector index at %s is unreadable (%s); moved to %s and rebuilding", path, exc, aside)
    try:
        os.replace(path, aside)
        path.mkdir(parents=True, exist_ok=True)
        # Chroma caches one client system per path; drop the broken one before reopening.
        SharedSystemClient.clear_system_cache()
        return chromadb.PersistentClient(path=str(path), settings=settings)
    except Exception as again:
        raise IndexUnavailable(f"the vector index at {path} cannot be rebuilt: {again}") from again


# errno values and messages meaning "cannot write here", which is no reason to call a store corrupt
_RESOURCE_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT})
_RESOURCE_WORDS = (
    "readonly",
    "read-only",
    "permission denied",
    "no space left",
    "disk is full",
    "database or disk is full",
    "unable to open database",
    "quota",
)


def _resource_error(exc: BaseException) -> bool:
    """Whether an error (or its cause) is a permission, read-only or full-disk problem."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno in _RESOURCE_ERRNOS:
            return True
        if any(word in str(seen).lower() for word in _RESOURCE_WORDS):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _unwritable(path: Path) -> OSError | None:
    """Why files cannot be written in path (None when they can): a small probe file, synced and removed."""
    probe = path / f".probe-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    try:
        with open(probe, "wb") as handle:
            handle.write(b"\0" * 4096)
            handle.flush()
            os.fsync(handle.fileno())
        return None
    except OSError as error:
        return error
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()


def _in_memory(path: Path, problem: BaseException, settings: ChromaSettings) -> Any:
    """An in-memory Chroma client for a run whose data directory cannot be written (one warning)."""
    reason = problem.strerror if isinstance(problem, OSError) and problem.strerror else str(problem)
    log.warning(
        "cannot write the vector index at %s (%s); keeping it in memory for this run",
        path,
        reason.splitlines()[0] if reason else type(problem).__name__,
    )
    return chromadb.EphemeralClient(settings=settings)
