"""The digests page: every subscription with its next run, last delivery and recent failures."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from bot.store import Delivery, StateStore, Subscription

FAILURE_DAYS = 30  # failures counted over this many days


def next_run(subscription: Subscription, last: Delivery | None, now: dt.datetime) -> dt.datetime:
    """The UTC instant of the channel's next digest: today's local time unless today's was already sent."""
    zone = ZoneInfo(subscription.tz)
    today = now.astimezone(zone).date()
    hours, minutes = (int(part) for part in subscription.time.split(":"))
    at = dt.datetime.combine(today, dt.time(hours, minutes), tzinfo=zone).astimezone(dt.UTC)
    sent_today = last is not None and last.local_date == today and last.status == "sent"
    if sent_today and now >= at:
        tomorrow = dt.datetime.combine(today + dt.timedelta(days=1), dt.time(hours, minutes), tzinfo=zone)
        return tomorrow.astimezone(dt.UTC)
    return at


def _delivery_json(delivery: Delivery) -> dict[str, Any]:
    return {
        "local_date": delivery.local_date.isoformat(),
        "status": delivery.status,
        "attempts": delivery.attempts,
        "error": delivery.error,
        "retry_at": delivery.retry_at.isoformat() if delivery.retry_at else None,
        "sent_at": delivery.sent_at.isoformat() if delivery.sent_at else None,
    }


def digests_data(store: StateStore, now: dt.datetime | None = None) -> dict[str, Any]:
    """Subscriptions by platform and channel, each with its schedule, next run, last delivery and failures."""
    now = now or dt.datetime.now(dt.UTC)
    since = (now - dt.timedelta(days=FAILURE_DAYS)).date()
    rows: list[dict[str, Any]] = []
    for sub in store.subscriptions():
        history = store.deliveries(platform=sub.platform, channel=sub.channel)
        last = history[-1] if history else None
        recent = [d for d in history if d.local_date >= since]
        # a failed attempt is retried on the same delivery: attempts beyond the one that succeeded failed
        failures = sum(d.attempts - (d.status != "failed") for d in recent)
        failed = [d for d in recent if d.status == "failed"]
        upcoming = next_run(sub, last, now)
        rows.append(
            {
                "platform": sub.platform,
                "channel": sub.channel,
                "time": sub.time,
                "tz": sub.tz,
                "language": sub.language,
                "most_asked": sub.show_most_asked,
                "created_by": sub.created_by,
                "next_run": upcoming.isoformat(),
                "next_run_local": upcoming.astimezone(ZoneInfo(sub.tz)).isoformat(),
                "due": upcoming <= now,
                "last": _delivery_json(last) if last else None,
                "sent": sum(d.status == "sent" for d in history),
                "failures": failures,
                "last_failure": _delivery_json(failed[-1]) if failed else None,
            }
        )
    return {
        "now": now.isoformat(),
        "failure_days": FAILURE_DAYS,
        "subscriptions": rows,
        "failing": sum(1 for r in rows if r["last"] and r["last"]["status"] == "failed"),
    }
