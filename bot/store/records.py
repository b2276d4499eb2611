"""What the state store hands back: stored answers, digest subscriptions and deliveries."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.models import Answer

DeliveryStatus = Literal["claimed", "sent", "failed"]


class NotFound(LookupError):
    """A vote or delivery update named an answer or delivery id the store does not have."""


class StoredAnswer(BaseModel):
    """An answer the bot gave, with where and to whom (for "sources" and votes)."""

    model_config = ConfigDict(frozen=True)

    id: int
    platform: str
    channel: str
    thread: str | None
    user: str | None
    question: str
    answer: Answer
    created_at: datetime


class Subscription(BaseModel):
    """A channel's daily digest: local time "HH:MM" in an IANA time zone, and language."""

    model_config = ConfigDict(frozen=True)

    platform: str
    channel: str
    time: str
    tz: str
    language: str
    show_most_asked: bool = True
    created_by: str | None = None
    created_at: datetime


class Delivery(BaseModel):
    """One digest for one channel on one local date: claimed, sent, or failed (retry after retry_at)."""

    model_config = ConfigDict(frozen=True)

    id: int
    platform: str
    channel: str
    local_date: date
    status: DeliveryStatus
    attempts: int
    error: str | None = None
    retry_at: datetime | None = None
    message_ref: str | None = None
    featured: list[str] = Field(default_factory=list)
    created_at: datetime
    sent_at: datetime | None = None


class Purged(BaseModel):
    """How many stored rows a retention purge deleted, by kind."""

    model_config = ConfigDict(frozen=True)

    answers: int = 0  # question, asker's user id and answer
    votes: int = 0
    questions: int = 0  # the asked-questions log behind "Most asked this week"
    events: int = 0  # de-duplication records of platform events
