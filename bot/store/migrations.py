"""Versioned, additive schema migrations: each runs in its own locked transaction."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import NamedTuple

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    inspect,
    select,
    text,
    true,
)
from sqlalchemy.engine import Connection
from sqlalchemy.schema import CreateColumn

from bot.store.engine import BEGIN_OPTION
from bot.store.schema import schema_version, utcnow

log = logging.getLogger("bot.store")

#: pg_advisory_xact_lock key serializing migrations across processes ("bubb").
PG_MIGRATION_LOCK = 0x62756262


class Migration(NamedTuple):
    """One schema version: its number, what it does, and the function applying it."""

    version: int
    description: str
    apply: Callable[[Connection], None]


def _v1_initial(conn: Connection) -> None:
    """Version 1 as first shipped (frozen: never edit, add a migration instead)."""
    md = MetaData()
    ts = DateTime(timezone=True)
    Table(
        "processed_events", md,
        Column("platform", String(32), nullable=False),
        Column("event_id", String(255), nullable=False),
        Column("seen_at", ts, nullable=False),
        PrimaryKeyConstraint("platform", "event_id"),
        Index("ix_processed_events_seen_at", "seen_at"),
    )  # fmt: skip
    Table(
        "answers", md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("platform", String(32), nullable=False),
        Column("channel", String(255), nullable=False),
        Column("thread", String(255), nullable=True),
        Column("user", String(255), nullable=True),
        Column("question", Text, nullable=False),
        Column("answer_json", Text, nullable=False),
        Column("created_at", ts, nullable=False),
        Index("ix_answers_place", "platform", "channel", "thread", "id"),
    )  # fmt: skip
    Table(
        "asked_questions", md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("platform", String(32), nullable=False),
        Column("channel", String(255), nullable=False),
        Column("question", Text, nullable=False),
        Column("question_key", Text, nullable=False),
        Column("language", String(16), nullable=True),
        Column("abstained", Boolean, nullable=False),
        Column("asked_at", ts, nullable=False),
        Index("ix_asked_questions_place", "platform", "channel", "asked_at"),
    )  # fmt: skip
    Table(
        "votes", md,
        Column("answer_id", Integer, ForeignKey("answers.id", ondelete="CASCADE"), nullable=False),
        Column("user", String(255), nullable=False),
        Column("vote", SmallInteger, nullable=False),
        Column("voted_at", ts, nullable=False),
        PrimaryKeyConstraint("answer_id", "user"),
    )  # fmt: skip
    Table(
        "subscriptions", md,
        Column("platform", String(32), nullable=False),
        Column("channel", String(255), nullable=False),
        Column("time", String(5), nullable=False),
        Column("tz", String(64), nullable=False),
        Column("language", String(16), nullable=False),
        Column("created_by", String(255), nullable=True),
        Column("created_at", ts, nullable=False),
        Column("updated_at", ts, nullable=False),
        PrimaryKeyConstraint("platform", "channel"),
    )  # fmt: skip
    Table(
        "deliveries", md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("platform", String(32), nullable=False),
        Column("channel", String(255), nullable=False),
        Column("local_date", Date, nullable=False),
        Column("status", String(16), nullable=False),
        Column("attempts", Integer, nullable=False),
        Column("error", Text, nullable=True),
        Column("retry_at", ts, nullable=True),
        Column("message_ref", String(255), nullable=True),
        Column("created_at", ts, nullable=False),
        Column("claimed_at", ts, nullable=False),
        Column("sent_at", ts, nullable=True),
        UniqueConstraint("platform", "channel", "local_date", name="uq_deliveries_day"),
    )  # fmt: skip
    md.create_all(conn)


def _add_column(conn: Connection, table: str, column: Column[object]) -> None:
    """ALTER TABLE ... ADD COLUMN, compiled for the connection's dialect."""
    ddl = CreateColumn(column).compile(dialect=conn.dialect)
    conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {ddl}"))


def _v2_digest_options(conn: Connection) -> None:
    """Version 2: a per-channel "most asked" switch and the cards each digest featured."""
    _add_column(
        conn, "subscriptions", Column("show_most_asked", Boolean, nullable=False, server_default=true())
    )
    _add_column(conn, "deliveries", Column("featured_json", Text, nullable=False, server_default="[]"))


def _v3_event_answers(conn: Connection) -> None:
    """Version 3: when an event's answer was posted (a claim without one expires and can be re-claimed)."""
    _add_column(conn, "processed_events", Column("answered_at", DateTime(timezone=True), nullable=True))
    # events claimed before this version were handled by the code of the time: never answer them again
    conn.execute(text("UPDATE processed_events SET answered_at = seen_at"))


def _v4_answer_latency(conn: Connection) -> None:
    """Version 4: how long each logged question took to answer (the console's p50/p95)."""
    _add_column(conn, "asked_questions", Column("latency_ms", Integer, nullable=True))


def _v5_console_indexes(conn: Connection) -> None:
    """Version 5: indexes the operator console reads the question log by (period, gaps, weeks, users)."""
    md = MetaData()
    asked = Table("asked_questions", md, autoload_with=conn)
    answered = Table("answers", md, autoload_with=conn)
    for index in (
        # period scans read only the index: counts by day, platform, channel, language, abstention, latency
        Index(
            "ix_asked_questions_period",
            asked.c.asked_at,
            asked.c.platform,
            asked.c.channel,
            asked.c.language,
            asked.c.abstained,
            asked.c.latency_ms,
        ),
        # no question text in an index: a long question would not fit PostgreSQL's B-tree entries (~2.7 kB)
        Index("ix_asked_questions_abstained", asked.c.abstained, asked.c.asked_at),
        Index("ix_answers_created", answered.c.created_at, answered.c.user),
    ):
        index.create(conn)


MIGRATIONS: list[Migration] = [
    Migration(1, "initial tables", _v1_initial),
    Migration(2, "subscriptions.show_most_asked, deliveries.featured_json", _v2_digest_options),
    Migration(3, "processed_events.answered_at", _v3_event_answers),
    Migration(4, "asked_questions.latency_ms", _v4_answer_latency),
    Migration(
        5,
        "indexes for the console: asked_questions by period and abstention; answers by time",
        _v5_console_indexes,
    ),
]
LATEST_VERSION = MIGRATIONS[-1].version


def current_version(conn: Connection) -> int:
    """The schema version recorded in the database (0 for an empty database)."""
    if not inspect(conn).has_table(schema_version.name):
        return 0
    newest = conn.execute(select(func.max(schema_version.c.version))).scalar()
    return int(newest or 0)


def _lock(conn: Connection) -> None:
    """Serialize migrators: an advisory lock on PostgreSQL (SQLite holds BEGIN IMMEDIATE already)."""
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(PG_MIGRATION_LOCK)))


def migrate(engine: Engine, *, target: int | None = None) -> int:
    """Apply pending migrations up to target (default: latest), each locked in its own transaction."""
    target = LATEST_VERSION if target is None else target
    with engine.connect() as conn, conn.begin():
        version = current_version(conn)
    if version > LATEST_VERSION:
        log.warning("state store schema is version %d, newer than this code (%d)", version, LATEST_VERSION)
    if version >= target:
        return version
    for migration in MIGRATIONS:
        if migration.version > target:
            break
        with engine.connect() as conn:
            conn.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
            with conn.begin():
                _lock(conn)
                schema_version.create(conn, checkfirst=True)
                version = current_version(conn)
                if version >= migration.version:
                    continue
                migration.apply(conn)
                conn.execute(
                    schema_version.insert().values(
                        version=migration.version, description=migration.description, applied_at=utcnow()
                    )
                )
                version = migration.version
                log.info("state store migrated to version %d: %s", version, migration.description)
    return version
