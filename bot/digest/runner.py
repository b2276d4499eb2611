"""Posting due digests exactly once: claim the (channel, local date) row, build, post, then mark it sent.

Two replicas or two `run-due` processes racing both try to claim; the store lets one win. A failed post
is marked failed with a retry time (exponential backoff, one minute doubling to an hour) and is claimed
again by a later tick while its local day lasts; every failure is logged, counted and kept on the
delivery row (shown by `digest list` and `/bubble digest status`). A claim whose process died mid-send
is taken over after RECLAIM_AFTER.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal, Protocol

from bot.digest.content import Catalog, ChannelSettings, build_digest
from bot.digest.model import Digest
from bot.digest.schedule import due_date
from bot.errors import StoreUnavailable
from bot.observability.metrics import digest_delivered, digest_failed
from bot.store import Delivery, StateStore, Subscription

log = logging.getLogger(__name__)

RECLAIM_AFTER = timedelta(minutes=15)
BACKOFF_FIRST = timedelta(minutes=1)
BACKOFF_MAX = timedelta(hours=1)
MARK_ATTEMPTS = 3


class PostFailed(Exception):
    """A platform refused or could not take a digest; `reason` is a short code (e.g. `not_in_channel`)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


class DigestPoster(Protocol):
    """Posts a digest to one platform's channel and returns the message's id (raises PostFailed)."""

    platform: str

    def post(self, channel: str, digest: Digest) -> str | None:
        """Post the digest; the platform's message id."""
        ...


@dataclass(frozen=True)
class Outcome:
    """What one tick did with one due digest."""

    platform: str
    channel: str
    local_date: date
    status: Literal["sent", "failed"]
    attempts: int
    message_ref: str | None = None
    error: str | None = None
    retry_at: datetime | None = None


def backoff(attempts: int) -> timedelta:
    """How long to wait after the given number of failed attempts (1 min, 2, 4, … up to 1 h)."""
    return min(BACKOFF_FIRST * int(2 ** max(0, attempts - 1)), BACKOFF_MAX)


def due_subscriptions(store: StateStore, platform: str, now: datetime) -> list[tuple[Subscription, date]]:
    """The platform's subscriptions whose digest is due at `now`, with the local date due."""
    due = []
    for subscription in store.subscriptions(platform=platform):
        day = due_date(subscription, now)
        if day is not None:
            due.append((subscription, day))
    return due


def deliver_due(
    store: StateStore,
    poster: DigestPoster,
    catalog: Callable[[], Catalog],
    now: datetime,
    *,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> list[Outcome]:
    """One scheduler tick for one platform: post every due digest this process manages to claim."""
    outcomes = []
    loaded: Catalog | None = None
    for subscription, day in due_subscriptions(store, poster.platform, now):
        delivery = store.claim_delivery(
            platform=subscription.platform,
            channel=subscription.channel,
            local_date=day,
            reclaim_after=RECLAIM_AFTER,
        )
        if delivery is None:
            continue  # sent already, held by another process, or waiting for its retry time
        loaded = loaded or catalog()
        outcomes.append(_deliver(store, poster, loaded, subscription, delivery, clock))
    return outcomes


def _deliver(
    store: StateStore,
    poster: DigestPoster,
    catalog: Catalog,
    subscription: Subscription,
    delivery: Delivery,
    clock: Callable[[], datetime],
) -> Outcome:
    where = f"{subscription.platform} channel {subscription.channel} for {delivery.local_date}"
    try:
        digest = build_digest(catalog, ChannelSettings.of(subscription), delivery.local_date, store)
        ref = poster.post(subscription.channel, digest)
    except PostFailed as error:
        reason, detail = error.reason, str(error)
    except StoreUnavailable as error:
        reason, detail = "store", error.detail or str(error)
    except Exception as error:
        log.exception("building or posting the digest to %s failed", where)
        reason, detail = type(error).__name__, str(error) or type(error).__name__
    else:
        _mark_delivered(store, delivery, ref, digest.featured(), where)
        digest_delivered(subscription.platform)
        log.info("posted the digest to %s (attempt %d)", where, delivery.attempts)
        return Outcome(
            subscription.platform,
            subscription.channel,
            delivery.local_date,
            "sent",
            delivery.attempts,
            message_ref=ref,
        )
    retry_at = clock() + backoff(delivery.attempts)
    digest_failed(subscription.platform, reason)
    log.error(
        "the digest to %s failed on attempt %d (%s); retrying after %s",
        where,
        delivery.attempts,
        detail,
        retry_at.isoformat(timespec="seconds"),
    )
    try:
        store.mark_failed(delivery.id, error=detail, retry_at=retry_at)
    except StoreUnavailable as error:
        log.error(
            "could not record the failure (%s); the claim is retried after %s", error.detail, RECLAIM_AFTER
        )
    return Outcome(
        subscription.platform,
        subscription.channel,
        delivery.local_date,
        "failed",
        delivery.attempts,
        error=detail,
        retry_at=retry_at,
    )


def _mark_delivered(
    store: StateStore, delivery: Delivery, ref: str | None, featured: list[str], where: str
) -> None:
    for attempt in range(1, MARK_ATTEMPTS + 1):
        try:
            store.mark_delivered(delivery.id, message_ref=ref, featured=featured)
            return
        except StoreUnavailable as error:
            if attempt == MARK_ATTEMPTS:
                log.error(
                    "posted the digest to %s but could not record it (%s); it may be posted again after %s",
                    where,
                    error.detail,
                    RECLAIM_AFTER,
                )
                return
            time.sleep(attempt)
