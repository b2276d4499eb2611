"""Finished days and weeks of the question log are read once per TTL; today is always read live."""

from __future__ import annotations

import datetime as dt

from bot.console.log_cache import LogCache
from bot.store import StateStore
from tests.bot.console.seed import seed_store


def test_past_days_are_kept_until_the_ttl_and_today_is_live(store: StateStore) -> None:
    seeded = seed_store(store)
    today = max(dt.date.fromisoformat(d) for d in seeded.per_day)
    now = [0.0]
    cache = LogCache(store, ttl=60, clock=lambda: now[0], today=lambda: today)
    first = today - dt.timedelta(days=6)
    assert sum(sum(d.counts.values()) for d in cache.days(first, today)) == 8
    store.purge_before(
        before=dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)
    )  # retention: only today left
    kept = cache.days(first, today)
    assert sum(sum(d.counts.values()) for d in kept) == 8  # finished days come from the cache…
    now[0] = 61.0
    fresh = cache.days(first, today)
    assert [d.day for d in fresh] == [today.isoformat()]  # …until the TTL has passed
    assert sum(fresh[0].counts.values()) == sum(seeded.per_day[today.isoformat()])


def test_the_current_week_is_read_live(store: StateStore) -> None:
    seeded = seed_store(store)
    today = max(dt.date.fromisoformat(d) for d in seeded.per_day)
    cache = LogCache(store, ttl=60, clock=lambda: 0.0, today=lambda: today)
    monday = today - dt.timedelta(days=today.weekday())
    before = sum(a.times for a in cache.week(monday))
    store.purge_before(before=dt.datetime.combine(today + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC))
    assert before > 0 and cache.week(monday) == []


def test_views_of_finished_weeks_are_built_once_per_ttl(store: StateStore) -> None:
    today = dt.date(2026, 12, 2)  # a Wednesday
    now = [0.0]
    cache = LogCache(store, ttl=60, clock=lambda: now[0], today=lambda: today)
    built: list[dt.date] = []

    def build(monday: dt.date) -> str:
        built.append(monday)
        return f"clusters of {monday}"

    last_week, this_week = dt.date(2026, 11, 23), dt.date(2026, 11, 30)
    for _ in range(2):
        assert cache.week_view("clusters", last_week, lambda: build(last_week)) == "clusters of 2026-11-23"
        assert cache.week_view("clusters", this_week, lambda: build(this_week)) == "clusters of 2026-11-30"
    assert built == [last_week, this_week, this_week]  # the week under way is rebuilt every time
    now[0] = 61.0
    cache.week_view("clusters", last_week, lambda: build(last_week))
    assert built[-1] == last_week and len(built) == 4
