"""Totals of finished days and weeks of the question log, kept a few minutes: the log only grows at its end.

A question is logged once, at the time it is asked, so a day or week that is over no longer changes, except when
retention deletes it: kept totals are dropped every TTL seconds, so a purge shows within that time. Today and
the current week are always read live.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar, cast

from bot.store import StateStore
from bot.store.log_stats import AskedQuestion, DayTotals

TTL_SECONDS = 300.0
T = TypeVar("T")


def midnight(day: dt.date) -> dt.datetime:
    """The start of a UTC day."""
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


class LogCache:
    """Day totals and week questions of the past, read once per TTL; the present read every time."""

    def __init__(
        self,
        store: StateStore,
        *,
        ttl: float = TTL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        today: Callable[[], dt.date] = lambda: dt.datetime.now(dt.UTC).date(),
    ) -> None:
        self.store = store
        self.ttl = ttl
        self._clock = clock
        self._today = today
        self._lock = threading.Lock()
        self._since = clock()
        self._days: dict[dt.date, DayTotals] = {}
        self._weeks: dict[dt.date, list[AskedQuestion]] = {}
        self._week_views: dict[tuple[str, dt.date], Any] = {}

    def _fresh(self) -> None:
        """Forget everything kept once the TTL has passed (called with the lock held)."""
        if self._clock() - self._since > self.ttl:
            self._days.clear()
            self._weeks.clear()
            self._week_views.clear()
            self._since = self._clock()

    def days(self, first: dt.date, last: dt.date) -> list[DayTotals]:
        """The totals of every day from first to last (inclusive) that has questions, oldest first."""
        today = self._today()
        past_end = min(last, today - dt.timedelta(days=1))
        with self._lock:
            self._fresh()
            wanted = [first + dt.timedelta(days=n) for n in range((past_end - first).days + 1)]
            missing = [d for d in wanted if d not in self._days]
        if missing:
            read = self.store.day_totals(
                since=midnight(missing[0]), until=midnight(missing[-1] + dt.timedelta(days=1))
            )
            with self._lock:
                for day in missing:
                    self._days[day] = read.get(day.isoformat(), DayTotals(day.isoformat()))
        with self._lock:
            kept = [self._days[d] for d in wanted if d in self._days]
        if last >= today >= first:
            kept.extend(
                self.store.day_totals(
                    since=midnight(today), until=midnight(today + dt.timedelta(days=1))
                ).values()
            )
        return [d for d in kept if d.counts or d.users or d.latencies]

    def week(self, monday: dt.date) -> list[AskedQuestion]:
        """The questions of the week starting on `monday`, grouped by key, most asked first."""
        sunday = monday + dt.timedelta(days=6)
        finished = sunday < self._today()
        if finished:
            with self._lock:
                self._fresh()
                if monday in self._weeks:
                    return self._weeks[monday]
        asked = self.store.asked_between(
            since=midnight(monday), until=midnight(sunday + dt.timedelta(days=1))
        )
        if finished:
            with self._lock:
                self._weeks[monday] = asked
        return asked

    def week_view(self, name: str, monday: dt.date, build: Callable[[], T]) -> T:
        """What `build` makes of a week's questions (its clusters), kept like the questions if the week is over."""
        if monday + dt.timedelta(days=6) >= self._today():
            return build()
        with self._lock:
            self._fresh()
            if (name, monday) in self._week_views:
                return cast(T, self._week_views[(name, monday)])
        value = build()
        with self._lock:
            self._week_views[(name, monday)] = value
        return value
