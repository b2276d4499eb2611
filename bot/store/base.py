"""The store's plumbing: transactions that turn outages into StoreUnavailable, and dialect upserts."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import datetime

from sqlalchemy import Engine, Table, exc, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Connection
from sqlalchemy.pool import StaticPool

from bot.store.engine import BEGIN_OPTION, OUTAGE_ERRORS, unavailable

FileId = tuple[int, int] | None

Upsert = sqlite.Insert | postgresql.Insert


class StoreBase:
    """Holds the engine; subclasses run every query inside `_read()` or `_write()`."""

    def __init__(self, engine: Engine, url: URL) -> None:
        self._engine = engine
        self._url = url
        self._closed = False
        # A SQLite file deleted or replaced while open would silently become a new, empty database.
        self._path = _sqlite_file(url)
        self._file = _file_id(self._path)
        # one shared connection (in-memory SQLite): let one transaction at a time use it
        self._serial: AbstractContextManager[object] = (
            threading.Lock() if isinstance(engine.pool, StaticPool) else nullcontext()
        )

    @property
    def dialect(self) -> str:
        """The backend in use: "sqlite" or "postgresql"."""
        return self._engine.dialect.name

    def close(self) -> None:
        """Release every pooled connection; the store cannot be used afterwards."""
        self._closed = True
        self._engine.dispose()

    @contextmanager
    def _transaction(self, action: str, *, write: bool) -> Iterator[Connection]:
        if self._closed:
            raise RuntimeError("the state store is closed")
        self._check_file(action)
        try:
            with self._serial, self._engine.connect() as conn:
                if write:
                    conn.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
                with conn.begin():
                    yield conn
        except exc.IntegrityError:
            raise
        except OUTAGE_ERRORS as error:
            raise unavailable(error, self._url, action) from error

    def _check_file(self, action: str) -> None:
        """StoreUnavailable if the SQLite file was deleted or replaced since the store opened it."""
        if self._path is not None and _file_id(self._path) != self._file:
            gone = FileNotFoundError(f"{self._path} was deleted or replaced while in use")
            raise unavailable(gone, self._url, action)

    def check(self) -> None:
        """StoreUnavailable unless the database still answers (and, for SQLite, is still the file opened)."""
        with self._read("check") as conn:
            conn.execute(text("SELECT 1"))

    def _read(self, action: str) -> AbstractContextManager[Connection]:
        """A read-only transaction (deferred BEGIN on SQLite)."""
        return self._transaction(action, write=False)

    def _write(self, action: str) -> AbstractContextManager[Connection]:
        """A read-write transaction (BEGIN IMMEDIATE on SQLite, so writers queue instead of deadlocking)."""
        return self._transaction(action, write=True)

    def _insert(self, table: Table) -> Upsert:
        """An INSERT that supports ON CONFLICT on this dialect."""
        if self.dialect == "postgresql":
            return postgresql.insert(table)
        return sqlite.insert(table)


def _sqlite_file(url: URL) -> str | None:
    """The file of a SQLite URL (None for PostgreSQL and in-memory databases)."""
    database = url.database or ""
    if url.get_backend_name() != "sqlite" or database in ("", ":memory:") or database.startswith("file:"):
        return None
    return database


def _file_id(path: str | None) -> FileId:
    """(device, inode) of a file, None if there is no such file."""
    if path is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def aware(value: datetime, name: str) -> datetime:
    """Check that a datetime argument is timezone-aware (the store works in UTC)."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime")
    return value
