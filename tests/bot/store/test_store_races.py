"""Exactly-once claims with real OS processes racing, on SQLite and PostgreSQL."""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bot.store import StateStore
from tests.bot.store.race_workers import claim_deliveries, claim_events

WORKERS = 4
TIMEOUT = 120


def race(worker: Callable[..., None], url: str, items: list[Any]) -> list[list[Any]]:
    """Run worker(url, barrier, queue, items) in WORKERS spawned processes; return each one's winnings."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(WORKERS)
    results = ctx.Queue()
    processes = [ctx.Process(target=worker, args=(url, barrier, results, items)) for _ in range(WORKERS)]
    for process in processes:
        process.start()
    try:
        outcomes = [results.get(timeout=TIMEOUT) for _ in processes]
    finally:
        for process in processes:
            process.join(timeout=TIMEOUT)
            if process.is_alive():
                process.kill()
                process.join()
        results.close()
        results.join_thread()
    errors = [detail for status, detail in outcomes if status != "ok"]
    assert not errors, "\n".join(errors)
    assert all(process.exitcode == 0 for process in processes)
    return [won for _, won in outcomes]


def test_claim_event_exactly_once_across_processes(store_url: str) -> None:
    event_ids = [f"Ev{n:04d}" for n in range(80)]
    winnings = race(claim_events, store_url, event_ids)
    counts = Counter(event_id for won in winnings for event_id in won)
    assert set(counts) == set(event_ids)
    assert set(counts.values()) == {1}
    assert sum(1 for won in winnings if won) >= 2, "the workers did not actually race"


def test_claim_delivery_exactly_once_across_processes(store_url: str) -> None:
    days = [date(2025, 1, 1) + timedelta(days=n) for n in range(25)]
    with StateStore.open(store_url):
        pass  # migrate first; this race is about deliveries
    first = race(claim_deliveries, store_url, days)
    claimed = Counter(day for won in first for day, _, _ in won)
    assert set(claimed) == set(days) and set(claimed.values()) == {1}
    assert sum(1 for won in first if won) >= 2, "the workers did not actually race"

    with StateStore.open(store_url) as store:
        for day, delivery_id, attempts in (item for won in first for item in won):
            assert attempts == 1
            store.mark_failed(
                delivery_id, error=f"failed {day}", retry_at=datetime.now(UTC) - timedelta(seconds=1)
            )
    second = race(claim_deliveries, store_url, days)
    reclaimed = Counter(day for won in second for day, _, _ in won)
    assert set(reclaimed) == set(days) and set(reclaimed.values()) == {1}
    assert {attempts for won in second for _, _, attempts in won} == {2}

    with StateStore.open(store_url) as store:
        assert all(
            store.claim_delivery(platform="slack", channel="C1", local_date=day) is None for day in days
        )


def test_one_store_shared_by_threads_claims_exactly_once(store: StateStore) -> None:
    event_ids = [f"Ev{n:03d}" for n in range(60)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(lambda e: store.claim_event(platform="discord", event_id=e), event_ids * 4))
    assert outcomes.count(True) == len(event_ids)
    days = [date(2025, 3, 1) + timedelta(days=n) for n in range(10)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        claims = list(
            pool.map(lambda d: store.claim_delivery(platform="discord", channel="D", local_date=d), days * 4)
        )
    assert sorted(c.local_date for c in claims if c is not None) == days


def test_in_memory_sqlite_works_across_threads() -> None:
    with StateStore.open("sqlite://") as store, ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(lambda e: store.claim_event(platform="slack", event_id=e), ["a", "b"] * 8))
        assert outcomes.count(True) == 2
        assert store.subscriptions() == []
