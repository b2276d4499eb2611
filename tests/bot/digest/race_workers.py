"""A scheduler tick run in a spawned OS process by the exactly-once tests (importable by name)."""

from __future__ import annotations

import traceback
from datetime import datetime
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from pathlib import Path

from slack_sdk import WebClient

from bot.digest.content import Catalog
from bot.digest.runner import deliver_due
from bot.slack.digest import SlackDigestPoster
from bot.store import StateStore
from tests.bot.slack.fake_slack import BOT_TOKEN


def tick(url: str, api_url: str, data_dir: str, now: str, barrier: Barrier, results: Queue[object]) -> None:
    """Open the store, meet the other workers, run one tick at `now`; report (channel, status) posted."""
    try:
        catalog = Catalog.load(Path(data_dir))
        with StateStore.open(url) as store:
            poster = SlackDigestPoster(WebClient(token=BOT_TOKEN, base_url=api_url))
            barrier.wait(timeout=60)
            outcomes = deliver_due(store, poster, lambda: catalog, datetime.fromisoformat(now))
        results.put(("ok", [(o.channel, o.status) for o in outcomes]))
    except BaseException:
        results.put(("error", traceback.format_exc()))
