"""Versioned migrations: upgrades keep data, the migrated schema matches schema.py, reruns are no-ops."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import Boolean, Date, Integer, String, column, inspect, select, table

from bot.store import StateStore
from bot.store.engine import create_store_engine, parse_url
from bot.store.migrations import LATEST_VERSION, MIGRATIONS, current_version, migrate
from bot.store.schema import UTCDateTime, metadata, schema_version

V1_SUBSCRIPTIONS = table(
    "subscriptions",
    column("platform", String),
    column("channel", String),
    column("time", String),
    column("tz", String),
    column("language", String),
    column("created_by", String),
    column("created_at", UTCDateTime),
    column("updated_at", UTCDateTime),
)
V1_DELIVERIES = table(
    "deliveries",
    column("platform", String),
    column("channel", String),
    column("local_date", Date),
    column("status", String),
    column("attempts", Integer),
    column("message_ref", String),
    column("created_at", UTCDateTime),
    column("claimed_at", UTCDateTime),
    column("sent_at", UTCDateTime),
)
V2_SUBSCRIPTIONS = table("subscriptions", column("show_most_asked", Boolean))


def test_migrations_are_numbered_in_order() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert LATEST_VERSION == MIGRATIONS[-1].version >= 2


def test_upgrading_a_v1_database_keeps_its_data(store_url: str) -> None:
    engine = create_store_engine(parse_url(store_url))
    try:
        assert migrate(engine, target=1) == 1
        created = datetime(2025, 10, 1, 8, 0, tzinfo=UTC)
        with engine.begin() as conn:
            assert current_version(conn) == 1
            assert "show_most_asked" not in {c["name"] for c in inspect(conn).get_columns("subscriptions")}
            conn.execute(
                V1_SUBSCRIPTIONS.insert().values(
                    platform="slack", channel="C1", time="09:00", tz="Asia/Shanghai", language="zh-Hans",
                    created_by="U1", created_at=created, updated_at=created,
                )
            )  # fmt: skip
            conn.execute(
                V1_DELIVERIES.insert().values(
                    platform="slack", channel="C1", local_date=date(2025, 10, 2), status="sent", attempts=1,
                    message_ref="m1", created_at=created, claimed_at=created, sent_at=created,
                )
            )  # fmt: skip
    finally:
        engine.dispose()

    with StateStore.open(store_url) as store:
        subscription = store.subscription(platform="slack", channel="C1")
        assert subscription is not None
        assert (subscription.time, subscription.tz, subscription.language, subscription.created_by) == (
            "09:00", "Asia/Shanghai", "zh-Hans", "U1",
        )  # fmt: skip
        assert subscription.show_most_asked is True
        assert subscription.created_at == created
        delivery = store.last_delivery(platform="slack", channel="C1")
        assert delivery is not None and delivery.message_ref == "m1" and delivery.featured == []
        assert store.featured_history(platform="slack", channel="C1") == []

    engine = create_store_engine(parse_url(store_url))
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(schema_version.c.version).order_by(schema_version.c.version)).scalars()
            assert list(rows) == [m.version for m in MIGRATIONS]
    finally:
        engine.dispose()


V3_ASKED = table(
    "asked_questions",
    column("platform", String),
    column("channel", String),
    column("question", String),
    column("question_key", String),
    column("language", String),
    column("abstained", Boolean),
    column("asked_at", UTCDateTime),
)


def test_questions_logged_before_version_4_have_no_latency(store_url: str) -> None:
    engine = create_store_engine(parse_url(store_url))
    asked = datetime(2025, 11, 3, 9, 0, tzinfo=UTC)
    try:
        assert migrate(engine, target=3) == 3
        with engine.begin() as conn:
            conn.execute(
                V3_ASKED.insert().values(
                    platform="slack",
                    channel="C1",
                    question="Is AI a bubble?",
                    question_key="is ai a bubble",
                    language="en",
                    abstained=False,
                    asked_at=asked,
                )
            )
        assert migrate(engine) == LATEST_VERSION
        with engine.connect() as conn:
            rows: Any = conn.execute(
                select(column("question"), column("latency_ms")).select_from(table("asked_questions"))
            ).all()
        assert [tuple(r) for r in rows] == [("Is AI a bubble?", None)]
    finally:
        engine.dispose()


def test_migrated_schema_matches_schema_module(store_url: str) -> None:
    StateStore.open(store_url).close()
    engine = create_store_engine(parse_url(store_url))
    try:
        with engine.connect() as conn:
            db = inspect(conn)
            assert set(db.get_table_names()) == set(metadata.tables)
            for name, model in metadata.tables.items():
                columns = {c["name"]: c["nullable"] for c in db.get_columns(name)}
                assert columns == {c.name: c.nullable for c in model.columns}, name
                primary = db.get_pk_constraint(name)["constrained_columns"]
                assert primary == [c.name for c in model.primary_key.columns], name
                indexes = {i["name"] for i in db.get_indexes(name) if not i.get("duplicates_constraint")}
                assert indexes >= {i.name for i in model.indexes}, name
            uniques = {tuple(u["column_names"]) for u in db.get_unique_constraints("deliveries")}
            assert ("platform", "channel", "local_date") in uniques
    finally:
        engine.dispose()


def test_reopening_is_a_no_op(store_url: str) -> None:
    with StateStore.open(store_url) as store:
        store.subscribe(platform="discord", channel="D1", time="07:15", tz="UTC", language="en")
    with StateStore.open(store_url) as store:
        assert [s.channel for s in store.subscriptions()] == ["D1"]
    engine = create_store_engine(parse_url(store_url))
    try:
        assert migrate(engine) == LATEST_VERSION
        with engine.connect() as conn:
            count = len(list(conn.execute(select(schema_version.c.version)).scalars()))
        assert count == len(MIGRATIONS)
    finally:
        engine.dispose()


def test_a_newer_schema_is_used_with_a_warning(sqlite_url: str, caplog: pytest.LogCaptureFixture) -> None:
    StateStore.open(sqlite_url).close()
    engine = create_store_engine(parse_url(sqlite_url))
    with engine.begin() as conn:
        conn.execute(
            schema_version.insert().values(
                version=LATEST_VERSION + 1, description="future", applied_at=datetime.now(UTC)
            )
        )
    engine.dispose()
    with caplog.at_level(logging.WARNING, logger="bot.store"), StateStore.open(sqlite_url) as store:
        assert store.claim_event(platform="slack", event_id="e") is True
    assert "newer than this code" in caplog.text
