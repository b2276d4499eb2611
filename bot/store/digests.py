"""Digest subscriptions and exactly-once daily deliveries."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import and_, delete, or_, select, update

from bot.store.base import StoreBase, aware
from bot.store.records import Delivery, NotFound, Subscription
from bot.store.schema import deliveries, subscriptions, utcnow

_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
MAX_ERROR_CHARS = 2000


def _check_subscription(time: str, tz: str, language: str) -> None:
    if not _TIME.match(time):
        raise ValueError(f"digest time must be HH:MM (24-hour), not {time!r}")
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {tz!r}") from None
    if not language.strip():
        raise ValueError("digest language must not be empty")


def _subscription(row: Any) -> Subscription:
    return Subscription(
        platform=row.platform,
        channel=row.channel,
        time=row.time,
        tz=row.tz,
        language=row.language,
        show_most_asked=bool(row.show_most_asked),
        created_by=row.created_by,
        created_at=row.created_at,
    )


def _delivery(row: Any) -> Delivery:
    return Delivery(
        id=row.id,
        platform=row.platform,
        channel=row.channel,
        local_date=row.local_date,
        status=row.status,
        attempts=row.attempts,
        error=row.error,
        retry_at=row.retry_at,
        message_ref=row.message_ref,
        featured=json.loads(row.featured_json or "[]"),
        created_at=row.created_at,
        sent_at=row.sent_at,
    )


class DigestStore(StoreBase):
    """Subscriptions (one per channel) and deliveries (one per channel and local date)."""

    def subscribe(
        self,
        *,
        platform: str,
        channel: str,
        time: str,
        tz: str,
        language: str,
        show_most_asked: bool = True,
        by_user: str | None = None,
    ) -> Subscription:
        """Create or update the channel's subscription (created_by/created_at keep the first values)."""
        _check_subscription(time, tz, language)
        now = utcnow()
        settings = {"time": time, "tz": tz, "language": language, "show_most_asked": show_most_asked}
        insert = self._insert(subscriptions).values(
            platform=platform, channel=channel, created_by=by_user, created_at=now, updated_at=now, **settings
        )
        stmt = insert.on_conflict_do_update(
            index_elements=[subscriptions.c.platform, subscriptions.c.channel],
            set_={**settings, "updated_at": now},
        ).returning(*subscriptions.c)
        with self._write("subscribe") as conn:
            return _subscription(conn.execute(stmt).one())

    def unsubscribe(self, *, platform: str, channel: str) -> bool:
        """Remove the channel's subscription; False if it had none (past deliveries are kept)."""
        stmt = delete(subscriptions).where(
            subscriptions.c.platform == platform, subscriptions.c.channel == channel
        )
        with self._write("unsubscribe") as conn:
            return conn.execute(stmt).rowcount > 0

    def subscription(self, *, platform: str, channel: str) -> Subscription | None:
        """The channel's subscription, if any."""
        stmt = select(subscriptions).where(
            subscriptions.c.platform == platform, subscriptions.c.channel == channel
        )
        with self._read("subscription") as conn:
            row = conn.execute(stmt).first()
        return None if row is None else _subscription(row)

    def subscriptions(self, *, platform: str | None = None) -> list[Subscription]:
        """Every subscription (of one platform if given), by platform then channel."""
        stmt = select(subscriptions).order_by(subscriptions.c.platform, subscriptions.c.channel)
        if platform is not None:
            stmt = stmt.where(subscriptions.c.platform == platform)
        with self._read("subscriptions") as conn:
            return [_subscription(row) for row in conn.execute(stmt)]

    def claim_delivery(
        self, *, platform: str, channel: str, local_date: date, reclaim_after: timedelta | None = None
    ) -> Delivery | None:
        """Claim the channel's digest for local_date; None if another process holds it or it was sent.

        A failed delivery whose retry_at has passed is claimable again (attempts + 1). With
        reclaim_after, a claim older than that (its process died mid-send) is claimable too.
        """
        now = utcnow()
        insert = (
            self._insert(deliveries)
            .values(
                platform=platform,
                channel=channel,
                local_date=local_date,
                status="claimed",
                attempts=1,
                created_at=now,
                claimed_at=now,
                featured_json="[]",
            )
            .on_conflict_do_nothing(index_elements=["platform", "channel", "local_date"])
            .returning(*deliveries.c)
        )
        due = [and_(deliveries.c.status == "failed",
                    or_(deliveries.c.retry_at.is_(None), deliveries.c.retry_at <= now))]  # fmt: skip
        if reclaim_after is not None:
            due.append(and_(deliveries.c.status == "claimed", deliveries.c.claimed_at <= now - reclaim_after))
        reclaim = (
            update(deliveries)
            .where(
                deliveries.c.platform == platform,
                deliveries.c.channel == channel,
                deliveries.c.local_date == local_date,
                or_(*due),
            )
            .values(status="claimed", attempts=deliveries.c.attempts + 1, claimed_at=now)
            .returning(*deliveries.c)
        )
        with self._write("claim_delivery") as conn:
            row = conn.execute(insert).first() or conn.execute(reclaim).first()
        return None if row is None else _delivery(row)

    def mark_delivered(
        self, delivery_id: int, *, message_ref: str | None = None, featured: Iterable[str] = ()
    ) -> None:
        """Record a digest as sent, with the platform's message id and the card keys it featured."""
        values = {"status": "sent", "sent_at": utcnow(), "message_ref": message_ref,
                  "featured_json": json.dumps(list(featured)), "error": None, "retry_at": None}  # fmt: skip
        self._update_delivery(delivery_id, values, "mark_delivered")

    def mark_failed(self, delivery_id: int, *, error: str, retry_at: datetime) -> None:
        """Record a failed attempt; claim_delivery hands it out again once retry_at has passed."""
        values = {
            "status": "failed",
            "error": error[:MAX_ERROR_CHARS],
            "retry_at": aware(retry_at, "retry_at"),
        }
        self._update_delivery(delivery_id, values, "mark_failed")

    def _update_delivery(self, delivery_id: int, values: dict[str, Any], action: str) -> None:
        stmt = update(deliveries).where(deliveries.c.id == delivery_id).values(**values)
        with self._write(action) as conn:
            if conn.execute(stmt).rowcount == 0:
                raise NotFound(f"no delivery {delivery_id}")

    def deliveries(self, *, platform: str, channel: str) -> list[Delivery]:
        """The channel's deliveries, oldest local date first."""
        stmt = (
            select(deliveries)
            .where(deliveries.c.platform == platform, deliveries.c.channel == channel)
            .order_by(deliveries.c.local_date, deliveries.c.id)
        )
        with self._read("deliveries") as conn:
            return [_delivery(row) for row in conn.execute(stmt)]

    def last_delivery(self, *, platform: str, channel: str) -> Delivery | None:
        """The channel's delivery with the latest local date, whatever its status."""
        stmt = (
            select(deliveries)
            .where(deliveries.c.platform == platform, deliveries.c.channel == channel)
            .order_by(deliveries.c.local_date.desc(), deliveries.c.id.desc())
            .limit(1)
        )
        with self._read("last_delivery") as conn:
            row = conn.execute(stmt).first()
        return None if row is None else _delivery(row)

    def featured_history(self, *, platform: str, channel: str) -> list[str]:
        """Card keys featured in the channel's sent digests, oldest digest first."""
        stmt = (
            select(deliveries.c.featured_json)
            .where(
                deliveries.c.platform == platform,
                deliveries.c.channel == channel,
                deliveries.c.status == "sent",
            )
            .order_by(deliveries.c.local_date, deliveries.c.id)
        )
        with self._read("featured_history") as conn:
            return [key for blob in conn.execute(stmt).scalars() for key in json.loads(blob or "[]")]
