"""Worker functions run in spawned OS processes by the race tests (importable by name)."""

from __future__ import annotations

import traceback
from datetime import date
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier

from bot.store import StateStore

LOCKSTEP = 5  # the workers meet at a barrier every LOCKSTEP items, so they contend for the same ones


def claim_events(url: str, barrier: Barrier, results: Queue[object], event_ids: list[str]) -> None:
    """Open the store together with the other workers, then claim every event id; report the ones won."""
    try:
        barrier.wait(timeout=60)
        with StateStore.open(url) as store:
            won = []
            for n, event_id in enumerate(event_ids):
                if n % LOCKSTEP == 0:
                    barrier.wait(timeout=60)
                if store.claim_event(platform="slack", event_id=event_id):
                    won.append(event_id)
        results.put(("ok", won))
    except BaseException:
        results.put(("error", traceback.format_exc()))


def claim_deliveries(url: str, barrier: Barrier, results: Queue[object], days: list[date]) -> None:
    """Claim the digest of channel C1 for every day; report (day, delivery id, attempts) for the ones won."""
    try:
        with StateStore.open(url) as store:
            won = []
            for day in days:
                # every day at the barrier: with only 25 days, a worker scheduled first on a loaded machine could
                # otherwise take each group of days before the others wake, and nothing would be contended
                barrier.wait(timeout=60)
                delivery = store.claim_delivery(platform="slack", channel="C1", local_date=day)
                if delivery is not None:
                    won.append((day, delivery.id, delivery.attempts))
        results.put(("ok", won))
    except BaseException:
        results.put(("error", traceback.format_exc()))
