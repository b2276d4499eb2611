"""When a channel's digest is due: its local time in its IANA time zone, correct across DST changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.store import Subscription


def _clock(hhmm: str) -> time:
    hours, minutes = hhmm.split(":")
    return time(int(hours), int(minutes))


def local_date(now: datetime, tz: str) -> date:
    """The calendar date at `now` in the time zone."""
    return now.astimezone(ZoneInfo(tz)).date()


def scheduled_at(day: date, hhmm: str, tz: str) -> datetime:
    """The UTC instant of HH:MM on `day` in the zone.

    A time skipped by a DST change (02:30 on a spring-forward day) resolves to the same number of minutes
    after the change (03:30); a repeated one (01:30 on a fall-back day) to its first occurrence.
    """
    local = datetime.combine(day, _clock(hhmm), tzinfo=ZoneInfo(tz))
    return local.astimezone(UTC)


def due_date(subscription: Subscription, now: datetime) -> date | None:
    """The local date whose digest is due at `now` (its time has come and that day is not over), else None.

    A digest becomes due at its local time and stays due until the channel's local midnight, so a digest
    missed while the bot was down is still sent on start the same day, and never on a later day.
    """
    day = local_date(now, subscription.tz)
    if now >= scheduled_at(day, subscription.time, subscription.tz):
        return day
    return None


def next_digest(subscription: Subscription, now: datetime, *, sent_today: bool) -> datetime:
    """The UTC instant of the channel's next digest (today's if it is still to come or due and unsent)."""
    day = local_date(now, subscription.tz)
    today = scheduled_at(day, subscription.time, subscription.tz)
    if now < today or not sent_today:
        return today
    return scheduled_at(day + timedelta(days=1), subscription.time, subscription.tz)
