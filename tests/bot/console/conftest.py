"""Fixtures for the console tests: a seeded SQLite store in tmp_path, and the app with a test client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from bot.console.app import create_app
from bot.console.auth import ConsoleKeys
from bot.console.catalog import Catalog
from bot.settings import Settings
from bot.store import StateStore
from knowledge.embedding import Embedder, make_embedder
from tests.bot.console.seed import Seeded, seed_store

TOKEN = "test-console-token-1234"


@pytest.fixture(scope="session")
def embedder(data_dir: Path) -> Embedder:
    """The default embedder, loaded once for every console test."""
    return make_embedder(cache_dir=data_dir)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[StateStore]:
    """An empty SQLite store of this test."""
    with StateStore.open(f"sqlite:///{tmp_path}/bubblebot.db") as opened:
        yield opened


@pytest.fixture
def seeded(store: StateStore) -> Seeded:
    """The store seeded with known questions."""
    return seed_store(store)


@pytest.fixture
def client(store: StateStore, data_dir: Path, embedder: Embedder) -> Iterator[TestClient]:
    """A test client of the console (not logged in) over the test's store and the session's data directory."""
    settings = Settings(data_dir=data_dir)
    app = create_app(ConsoleKeys(TOKEN), store, Catalog(settings, embedder=embedder))
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client


def csrf_of(client: TestClient, path: str = "/login") -> str:
    """The CSRF token from a page's form."""
    import re

    match = re.search(r'name="csrf" value="([^"]+)"', client.get(path).text)
    assert match, f"no CSRF field on {path}"
    return match.group(1)


def log_in(client: TestClient) -> None:
    """Log the client in with the right token."""
    response = client.post("/login", data={"token": TOKEN, "csrf": csrf_of(client)}, follow_redirects=False)
    assert response.status_code == 303, response.text
