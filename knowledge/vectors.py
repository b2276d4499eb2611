"""A local cache of passage vectors keyed by embedder and text hash, so only new text is ever embedded."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)
CACHE_FILE = "vectors.sqlite3"


def text_key(text: str) -> str:
    """The cache key of a text: its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class VectorCache:
    """Vectors in SQLite (one row per embedder and text); a broken cache only costs re-embedding."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._warned = False

    def _failed(self, message: str, exc: sqlite3.Error) -> None:
        """Log a cache failure once per cache (an unwritable data directory is already reported by the index)."""
        if self._warned:
            return
        self._warned = True
        quiet = any(
            word in str(exc).lower() for word in ("unable to open", "readonly", "read-only", "disk is full")
        )
        log.log(logging.INFO if quiet else logging.WARNING, message, self.path, exc)

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=30)
        connection.execute(
            "CREATE TABLE IF NOT EXISTS vectors (embedder TEXT NOT NULL, key TEXT NOT NULL, "
            "vector BLOB NOT NULL, PRIMARY KEY (embedder, key))"
        )
        return connection

    def get_many(self, embedder: str, texts: list[str]) -> dict[str, list[float]]:
        """Cached vectors by text, for the texts the cache holds."""
        keys = {text_key(t): t for t in texts}
        found: dict[str, list[float]] = {}
        try:
            connection = self._connect()
            try:
                pending = list(keys)
                for start in range(0, len(pending), 500):
                    chunk = pending[start : start + 500]
                    rows = connection.execute(
                        f"SELECT key, vector FROM vectors WHERE embedder = ? AND key IN ({','.join('?' * len(chunk))})",
                        [embedder, *chunk],
                    ).fetchall()
                    for key, blob in rows:
                        found[keys[key]] = np.frombuffer(blob, dtype=np.float32).tolist()
            finally:
                connection.close()
        except sqlite3.Error as exc:
            self._failed("the vector cache at %s is unreadable (%s); embedding again", exc)
        return found

    def put_many(self, embedder: str, vectors: dict[str, list[float]]) -> None:
        """Store vectors by text (best effort: a failure is logged, never raised)."""
        if not vectors:
            return
        rows = [
            (embedder, text_key(t), np.asarray(v, dtype=np.float32).tobytes()) for t, v in vectors.items()
        ]
        try:
            connection = self._connect()
            try:
                with connection:
                    connection.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", rows)
            finally:
                connection.close()
        except sqlite3.Error as exc:
            self._failed("could not write the vector cache at %s: %s", exc)
