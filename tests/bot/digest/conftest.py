"""Fixtures for the digest tests: a store per backend, the packaged catalog, a fake Slack, helpers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.digest.content import Catalog, ChannelSettings, build_digest
from bot.digest.model import Digest
from bot.store import StateStore
from tests.bot.discord.conftest import _restore_discord_endpoints, run_bot
from tests.bot.slack.conftest import make_slack, slack
from tests.bot.slack.fake_slack import FakeSlack
from tests.bot.store.conftest import pg_url, sqlite_url, store_url

__all__ = [
    "_restore_discord_endpoints",
    "make_slack",
    "pg_url",
    "run_bot",
    "slack",
    "sqlite_url",
    "store_url",
]


@pytest.fixture
def store(store_url: str) -> Iterator[StateStore]:
    """An opened store on SQLite, then on PostgreSQL."""
    with StateStore.open(store_url) as opened:
        yield opened


@pytest.fixture
def sqlite_store(sqlite_url: str) -> Iterator[StateStore]:
    """An opened SQLite store (tests whose backend does not matter)."""
    with StateStore.open(sqlite_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """The packaged corpus (a data directory with no ingested articles)."""
    return Catalog.load(tmp_path_factory.mktemp("empty-data"))


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


def deliver(store: StateStore, catalog: Catalog, channel: ChannelSettings, day: date) -> Digest:
    """Build the channel's digest for day and record it as sent (what a successful tick does)."""
    assert channel.platform and channel.channel
    digest = build_digest(catalog, channel, day, store)
    delivery = store.claim_delivery(platform=channel.platform, channel=channel.channel, local_date=day)
    assert delivery is not None
    store.mark_delivered(delivery.id, message_ref="m", featured=digest.featured())
    return digest


def utc(text: str) -> datetime:
    """An aware UTC datetime from '2026-11-23T01:05'."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def empty_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir(exist_ok=True)
    return path
