"""Engine creation (SQLite WAL + busy timeout, PostgreSQL pre-ping) and outage translation."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc, make_url
from sqlalchemy.engine import URL, Connection
from sqlalchemy.pool import StaticPool

from bot.errors import ConfigurationError, StoreUnavailable

log = logging.getLogger("bot.store")

#: SQLAlchemy errors that mean "the database cannot be reached, is busy or is unusable", not a bug here.
#: DatabaseError covers a file that is not (or no longer) a database; its IntegrityError subclass is a bug
#: and is re-raised before this tuple is consulted (see `is_outage`).
OUTAGE_ERRORS: tuple[type[Exception], ...] = (exc.DatabaseError, exc.InterfaceError, exc.TimeoutError)
LOG_AGAIN_AFTER = 60.0  # seconds: the same outage is logged once per minute, not once per call
_logged: dict[str, float] = {}
_logged_lock = threading.Lock()

SQLITE_BUSY_TIMEOUT = 15.0  # seconds a writer waits for another process's lock
PG_CONNECT_TIMEOUT = 10  # seconds
BEGIN_OPTION = "bubblebot_sqlite_begin"  # execution option: "IMMEDIATE" for SQLite write transactions


def parse_url(url: str) -> URL:
    """Parse and check a database URL (SQLite or PostgreSQL); ConfigurationError otherwise."""
    try:
        parsed = make_url(url)
    except exc.ArgumentError:
        raise ConfigurationError("BUBBLEBOT_DATABASE_URL is not a valid database URL.") from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ConfigurationError(
            f"BUBBLEBOT_DATABASE_URL uses {parsed.get_backend_name()!r}; "
            "only sqlite and postgresql are supported."
        )
    return parsed


def _is_memory(url: URL) -> bool:
    return url.database in (None, "", ":memory:") or url.query.get("mode") == "memory"


def create_store_engine(url: URL) -> Engine:
    """An engine tuned for the store; creates the SQLite file's parent directory."""
    kwargs: dict[str, Any] = {}
    connect_args: dict[str, Any] = {}
    sqlite = url.get_backend_name() == "sqlite"
    if sqlite:
        if _is_memory(url):
            kwargs["poolclass"] = StaticPool
            connect_args["check_same_thread"] = False
        elif url.database and not url.database.startswith("file:"):
            try:
                Path(url.database).parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreUnavailable(f"cannot create the database directory: {error}") from error
        if "timeout" not in url.query:
            connect_args["timeout"] = SQLITE_BUSY_TIMEOUT
    else:
        kwargs["pool_pre_ping"] = True
        if "connect_timeout" not in url.query:
            connect_args["connect_timeout"] = PG_CONNECT_TIMEOUT
    try:
        engine = create_engine(url, connect_args=connect_args, **kwargs)
    except (exc.NoSuchModuleError, ImportError) as error:
        raise ConfigurationError(f"No database driver for {url.drivername!r}: {error}") from None
    if sqlite:
        _tune_sqlite(engine, memory=_is_memory(url))
    else:
        _require_utf8(engine, url)
    return engine


def _require_utf8(engine: Engine, url: URL) -> None:
    """Refuse a PostgreSQL database that is not UTF8 with a clear message, before anything reads from it.

    Questions and articles are Chinese and English: a SQL_ASCII (or LATIN1…) database cannot hold them
    faithfully, and with SQL_ASCII the driver hands back bytes, which crashes SQLAlchemy's first query.
    The server reports its encoding when a connection opens, so checking costs no query; the listener is
    inserted first so it runs before SQLAlchemy's own first-connection set-up.
    """

    @event.listens_for(engine, "connect", insert=True)
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        info = getattr(dbapi_connection, "info", None)
        encoding = info.parameter_status("server_encoding") if info is not None else None
        if encoding and encoding.upper().replace("-", "") != "UTF8":
            dbapi_connection.close()
            raise ConfigurationError(
                f"The PostgreSQL database {url.database!r} uses the {encoding} encoding; bubblebot stores "
                "Chinese and English text and needs UTF8. Create the database with "
                f"CREATE DATABASE {url.database or 'bubblebot'} ENCODING 'UTF8' TEMPLATE template0 "
                "(see deploy/README.md) and point BUBBLEBOT_DATABASE_URL at it."
            )


def _tune_sqlite(engine: Engine, *, memory: bool) -> None:
    """WAL, foreign keys, and SQLAlchemy-controlled BEGIN (IMMEDIATE for writers)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        try:
            if not memory:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def redact(text: str, url: URL) -> str:
    """Remove the URL's password from a message."""
    if url.password:
        text = text.replace(str(url.password), "***")
    return text


def is_outage(error: BaseException) -> bool:
    """Whether an error means the store is unusable (an outage) rather than a bug (IntegrityError)."""
    return isinstance(error, OUTAGE_ERRORS) and not isinstance(error, exc.IntegrityError)


def _first_time(detail: str) -> bool:
    """True if this outage was not logged within the last LOG_AGAIN_AFTER seconds."""
    now = time.monotonic()
    with _logged_lock:
        if now - _logged.get(detail, -LOG_AGAIN_AFTER) < LOG_AGAIN_AFTER:
            return False
        _logged[detail] = now
        return True


def unavailable(error: Exception, url: URL, action: str) -> StoreUnavailable:
    """Log an outage (password redacted; once a minute per kind) and build the StoreUnavailable to raise."""
    cause = getattr(error, "orig", None) or error
    detail = redact(f"{type(cause).__name__}: {cause}".strip(), url)
    where = url.render_as_string(hide_password=True)
    level = logging.WARNING if _first_time(f"{where} {detail}") else logging.DEBUG
    log.log(level, "state store unavailable during %s (%s): %s", action, where, detail)
    return StoreUnavailable(detail)
