"""Fixtures for the state store tests: SQLite in tmp_path, and a fresh PostgreSQL database per test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, exc, make_url, text

from bot.store import StateStore

PG_ADMIN_URL = os.environ.get(
    "BUBBLEBOT_TEST_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A SQLite URL in a directory that does not exist yet (the store creates it)."""
    return f"sqlite:///{tmp_path}/state/bubblebot.db"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A uniquely named, empty PostgreSQL database, dropped afterwards; fails if the server is down."""
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"bubblebot_test_{uuid.uuid4().hex[:12]}"
    problem = None
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except exc.OperationalError as error:
        problem = str(error.orig)
    if problem is not None:
        admin.dispose()
        where = make_url(PG_ADMIN_URL).render_as_string(hide_password=True)
        pytest.fail(
            f"PostgreSQL is not reachable at {where} ({problem}). Start it with: "
            "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
            pytrace=False,
        )
    try:
        yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_admin() -> Iterator[Engine]:
    """An autocommit engine on the PostgreSQL maintenance database."""
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    yield admin
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest) -> str:
    """The URL of an empty store: SQLite, then PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "pg_url"
    url = request.getfixturevalue(name)
    assert isinstance(url, str)
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[StateStore]:
    """An opened (migrated) store on each backend."""
    opened = StateStore.open(store_url)
    yield opened
    opened.close()
