"""The scheduler inside `serve`: a background thread that runs a delivery tick every TICK_SECONDS.

Each tick reads the subscriptions from the state store (the database is the truth: no in-memory job
list), so subscriptions made by other replicas or the CLI are picked up, and a digest missed while the
bot was down is posted by the first tick after start if it is still the same local day.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bot.digest.content import load_catalog
from bot.digest.runner import DigestPoster, Outcome, deliver_due
from bot.errors import StoreUnavailable
from bot.settings import Settings
from bot.store import StateStore

log = logging.getLogger(__name__)

TICK_SECONDS = 30.0
OFF = frozenset({"off", "0", "false", "no", "disabled"})


def scheduler_enabled(settings: Settings) -> bool:
    """False when BUBBLEBOT_SCHEDULER is off (another process, e.g. a CronJob running `run-due`, posts)."""
    return settings.scheduler.strip().lower() not in OFF


class DigestScheduler:
    """Posts due digests of one platform from a daemon thread until stopped."""

    def __init__(
        self,
        *,
        database_url: str,
        data_dir: Path,
        poster: DigestPoster,
        interval: float = TICK_SECONDS,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.database_url = database_url
        self.data_dir = data_dir
        self.poster = poster
        self.interval = interval
        self.clock = clock
        self._store: StateStore | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"digest-{poster.platform}", daemon=True)

    def start(self) -> DigestScheduler:
        """Start ticking (the first tick runs at once)."""
        self._thread.start()
        log.info("digest scheduler for %s started (every %.0f s)", self.poster.platform, self.interval)
        return self

    def stop(self, timeout: float = 30.0) -> None:
        """Stop after the current tick and close the store."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
        if self._store is not None:
            self._store.close()
            self._store = None

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.tick()
            except Exception:
                log.exception("digest scheduler tick failed; trying again in %.0f s", self.interval)
            self._stop.wait(self.interval)

    def tick(self) -> list[Outcome]:
        """Post every due digest this process can claim (nothing, and a warning, while the store is down)."""
        try:
            if self._store is None:
                self._store = StateStore.open(self.database_url)
            return deliver_due(self._store, self.poster, lambda: load_catalog(self.data_dir), self.clock())
        except StoreUnavailable as error:
            log.warning("digest scheduler: state store unavailable (%s); retrying next tick", error.detail)
            return []
