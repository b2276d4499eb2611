"""Outages: unreachable or locked databases raise StoreUnavailable (password never logged) and recover."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, make_url, text

from bot.errors import ConfigurationError, StoreUnavailable
from bot.store import StateStore
from tests.bot.store.samples import make_answer

SECRET = "Sup3r-Secret-pw"


def every_method(store: StateStore) -> list[tuple[str, Callable[[], object]]]:
    """One call of every public StateStore method."""
    now = datetime.now(UTC)
    return [
        ("claim_event", lambda: store.claim_event(platform="slack", event_id="e")),
        ("mark_event_answered", lambda: store.mark_event_answered(platform="slack", event_id="e")),
        ("check", lambda: store.check()),
        ("prune_events", lambda: store.prune_events(before=now)),
        ("save_answer", lambda: store.save_answer(
            platform="slack", channel="C", thread=None, user=None, question="q", answer=make_answer("q"))),
        ("get_answer", lambda: store.get_answer(1)),
        ("last_answer", lambda: store.last_answer(platform="slack", channel="C")),
        ("thread_questions", lambda: store.thread_questions(platform="slack", channel="C", thread="T")),
        ("record_vote", lambda: store.record_vote(answer_id=1, user="U", vote=1)),
        ("vote_totals", lambda: store.vote_totals(1)),
        ("asked_questions", lambda: store.asked_questions(platform="slack", channel="C", since=now)),
        ("subscribe", lambda: store.subscribe(
            platform="slack", channel="C", time="09:00", tz="UTC", language="en")),
        ("unsubscribe", lambda: store.unsubscribe(platform="slack", channel="C")),
        ("subscription", lambda: store.subscription(platform="slack", channel="C")),
        ("subscriptions", lambda: store.subscriptions()),
        ("claim_delivery", lambda: store.claim_delivery(
            platform="slack", channel="C", local_date=date(2025, 1, 1))),
        ("mark_delivered", lambda: store.mark_delivered(1)),
        ("mark_failed", lambda: store.mark_failed(1, error="x", retry_at=now)),
        ("deliveries", lambda: store.deliveries(platform="slack", channel="C")),
        ("featured_history", lambda: store.featured_history(platform="slack", channel="C")),
        ("last_delivery", lambda: store.last_delivery(platform="slack", channel="C")),
        ("purge_before", lambda: store.purge_before(before=now)),
        ("overview", lambda: store.overview(since=now)),
        ("conversations", lambda: store.conversations()),
        ("iter_conversations", lambda: list(store.iter_conversations())),
        ("count_conversations", lambda: store.count_conversations()),
        ("facets", lambda: store.facets()),
        ("gap_questions", lambda: store.gap_questions(since=now)),
        ("day_totals", lambda: store.day_totals(since=now)),
        ("vote_counts", lambda: store.vote_counts(since=now)),
        ("delivery_counts", lambda: store.delivery_counts(since=now)),
        ("asked_between", lambda: store.asked_between(since=now, until=now)),
    ]  # fmt: skip


def test_every_public_method_is_exercised() -> None:
    public = {name for name in dir(StateStore) if not name.startswith("_")} - {"open", "close", "dialect"}
    assert public == {name for name, _ in every_method(StateStore.__new__(StateStore))}


def test_open_unreachable_server_raises_store_unavailable(caplog: pytest.LogCaptureFixture) -> None:
    url = f"postgresql+psycopg://postgres:{SECRET}@127.0.0.1:1/nowhere?connect_timeout=3"
    with caplog.at_level(logging.WARNING, logger="bot.store"), pytest.raises(StoreUnavailable) as info:
        StateStore.open(url)
    assert "database" in str(info.value)
    assert "127.0.0.1" in info.value.detail
    assert "state store unavailable" in caplog.text and "127.0.0.1" in caplog.text
    assert SECRET not in caplog.text and SECRET not in info.value.detail and SECRET not in str(info.value)


@pytest.mark.postgres
def test_open_missing_database_hides_password(pg_url: str, caplog: pytest.LogCaptureFixture) -> None:
    url = make_url(pg_url).set(password=SECRET, database="bubblebot_no_such_db").render_as_string(False)
    with caplog.at_level(logging.WARNING, logger="bot.store"), pytest.raises(StoreUnavailable) as info:
        StateStore.open(url)
    assert "bubblebot_no_such_db" in info.value.detail
    assert SECRET not in caplog.text and SECRET not in info.value.detail


def test_open_sqlite_that_cannot_be_opened(tmp_path: Path) -> None:
    (tmp_path / "taken.db").mkdir()
    with pytest.raises(StoreUnavailable) as info:
        StateStore.open(f"sqlite:///{tmp_path / 'taken.db'}")
    assert "unable to open" in info.value.detail
    (tmp_path / "a-file").write_text("not a directory")
    with pytest.raises(StoreUnavailable, match="database") as info:
        StateStore.open(f"sqlite:///{tmp_path / 'a-file' / 'state.db'}")
    assert "directory" in info.value.detail


def test_bad_urls_are_configuration_errors() -> None:
    with pytest.raises(ConfigurationError):
        StateStore.open("not a url")
    with pytest.raises(ConfigurationError, match="only sqlite and postgresql"):
        StateStore.open("mysql://root@localhost/db")
    with pytest.raises(ConfigurationError, match="driver"):
        StateStore.open("postgresql+nosuchdriver://postgres@127.0.0.1/db")


def test_sqlite_creates_its_directory_and_uses_wal(sqlite_url: str) -> None:
    path = Path(make_url(sqlite_url).database or "")
    assert not path.parent.exists()
    with StateStore.open(sqlite_url) as store:
        assert store.dialect == "sqlite"
    assert path.exists()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_locked_sqlite_raises_then_recovers(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "state.db"
    with StateStore.open(f"sqlite:///{path}?timeout=0.2") as store:
        answer_id = store.save_answer(
            platform="slack", channel="C", thread=None, user=None, question="q", answer=make_answer("q")
        )
        locker = sqlite3.connect(path, isolation_level=None)
        try:
            locker.execute("BEGIN IMMEDIATE")
            with (
                caplog.at_level(logging.WARNING, logger="bot.store"),
                pytest.raises(StoreUnavailable) as info,
            ):
                store.claim_event(platform="slack", event_id="e1")
            assert "locked" in info.value.detail and "claim_event" in caplog.text
            assert store.get_answer(answer_id) is not None  # WAL: readers are not blocked by a writer
        finally:
            locker.execute("ROLLBACK")
            locker.close()
        assert store.claim_event(platform="slack", event_id="e1") is True


@pytest.mark.postgres
def test_postgres_outage_every_method_raises_then_recovers(pg_url: str, pg_admin: Engine) -> None:
    name = make_url(pg_url).database
    with StateStore.open(pg_url) as store:
        assert store.claim_event(platform="slack", event_id="before") is True
        with pg_admin.connect() as admin:
            admin.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
            admin.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
                {"name": name},
            )
        try:
            for method, call in every_method(store):
                with pytest.raises(StoreUnavailable) as info:
                    call()
                assert "not currently accepting connections" in info.value.detail, method
        finally:
            with pg_admin.connect() as admin:
                admin.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
        assert store.claim_event(platform="slack", event_id="before") is False
        assert store.claim_event(platform="slack", event_id="after") is True
