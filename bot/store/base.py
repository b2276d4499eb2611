"""The store's plumbing: transactions that turn outages into StoreUnavailable, and dialect upserts."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import datetime

from sqlalchemy import Engine, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Connection
from sqlalchemy.pool import StaticPool

from bot.store.engine import BEGIN_OPTION, OUTAGE_ERRORS, unavailable

Upsert = sqlite.Insert | postgresql.Insert


class StoreBase:
    """Holds the engine; subclasses run every query inside `_read()` or `_write()`."""

    def __init__(self, engine: Engine, url: URL) -> None:
        self._engine = engine
        self._url = url
        self._closed = False
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
        try:
            with self._serial, self._engine.connect() as conn:
                if write:
                    conn.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
                with conn.begin():
                    yield conn
        except OUTAGE_ERRORS as error:
            raise unavailable(error, self._url, action) from error

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


def aware(value: datetime, name: str) -> datetime:
    """Check that a datetime argument is timezone-aware (the store works in UTC)."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime")
    return value
