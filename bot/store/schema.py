"""The current tables of the state store (migrations.py builds them version by version)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Dialect,
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
    true,
)
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every backend (SQLite stores it naive, in UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        """Refuse naive datetimes; store UTC."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the state store; use a timezone-aware one")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """Return an aware UTC datetime."""
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", String(200), nullable=False),
    Column("applied_at", UTCDateTime, nullable=False),
)

processed_events = Table(
    "processed_events",
    metadata,
    Column("platform", String(32), nullable=False),
    Column("event_id", String(255), nullable=False),
    Column("seen_at", UTCDateTime, nullable=False),
    Column("answered_at", UTCDateTime, nullable=True),  # added in version 3
    PrimaryKeyConstraint("platform", "event_id"),
    Index("ix_processed_events_seen_at", "seen_at"),
)

answers = Table(
    "answers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("platform", String(32), nullable=False),
    Column("channel", String(255), nullable=False),
    Column("thread", String(255), nullable=True),
    Column("user", String(255), nullable=True),
    Column("question", Text, nullable=False),
    Column("answer_json", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_answers_place", "platform", "channel", "thread", "id"),
    Index("ix_answers_created", "created_at", "user"),  # added in version 5
)

asked_questions = Table(
    "asked_questions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("platform", String(32), nullable=False),
    Column("channel", String(255), nullable=False),
    Column("question", Text, nullable=False),
    Column("question_key", Text, nullable=False),
    Column("language", String(16), nullable=True),
    Column("abstained", Boolean, nullable=False),
    Column("asked_at", UTCDateTime, nullable=False),
    Column("latency_ms", Integer, nullable=True),  # added in version 4 (None: asked before, or not measured)
    Index("ix_asked_questions_place", "platform", "channel", "asked_at"),
    # added in version 5, for the console
    Index(
        "ix_asked_questions_period", "asked_at", "platform", "channel", "language", "abstained", "latency_ms"
    ),
    Index("ix_asked_questions_abstained", "abstained", "asked_at"),
)

votes = Table(
    "votes",
    metadata,
    Column("answer_id", Integer, ForeignKey("answers.id", ondelete="CASCADE"), nullable=False),
    Column("user", String(255), nullable=False),
    Column("vote", SmallInteger, nullable=False),
    Column("voted_at", UTCDateTime, nullable=False),
    PrimaryKeyConstraint("answer_id", "user"),
)

subscriptions = Table(
    "subscriptions",
    metadata,
    Column("platform", String(32), nullable=False),
    Column("channel", String(255), nullable=False),
    Column("time", String(5), nullable=False),
    Column("tz", String(64), nullable=False),
    Column("language", String(16), nullable=False),
    Column("created_by", String(255), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("show_most_asked", Boolean, nullable=False, server_default=true()),  # added in version 2
    PrimaryKeyConstraint("platform", "channel"),
)

deliveries = Table(
    "deliveries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("platform", String(32), nullable=False),
    Column("channel", String(255), nullable=False),
    Column("local_date", Date, nullable=False),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("error", Text, nullable=True),
    Column("retry_at", UTCDateTime, nullable=True),
    Column("message_ref", String(255), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("claimed_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime, nullable=True),
    Column("featured_json", Text, nullable=False, server_default="[]"),  # added in version 2
    UniqueConstraint("platform", "channel", "local_date", name="uq_deliveries_day"),
)
