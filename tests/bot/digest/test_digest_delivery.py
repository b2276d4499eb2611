"""Exactly-once delivery: racing processes on SQLite and PostgreSQL, failures retried with backoff."""

from __future__ import annotations

import logging
import multiprocessing
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from prometheus_client import REGISTRY

from bot.digest.content import Catalog
from bot.digest.manage import DigestDesk
from bot.digest.runner import backoff, deliver_due
from bot.slack.app import web_client
from bot.slack.digest import SlackDigestPoster
from bot.store import StateStore
from tests.bot.digest.conftest import utc
from tests.bot.digest.race_workers import tick
from tests.bot.slack.fake_slack import FakeSlack
from tests.bot.slack.slack_rig import slack_settings

WORKERS = 4
CHANNELS = [f"C0RACE{n:02d}" for n in range(12)]
DUE = "2026-11-23T01:05:00+00:00"


def race(url: str, fake: FakeSlack, data_dir: Path, now: str) -> list[list[tuple[str, str]]]:
    """Run one tick in WORKERS spawned processes at once; each one's (channel, status) outcomes."""
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(WORKERS), ctx.Queue()
    processes = [
        ctx.Process(target=tick, args=(url, fake.api_url, str(data_dir), now, barrier, results))
        for _ in range(WORKERS)
    ]
    for process in processes:
        process.start()
    try:
        outcomes = [results.get(timeout=120) for _ in processes]
    finally:
        for process in processes:
            process.join(timeout=60)
            if process.is_alive():
                process.kill()
                process.join()
        results.close()
        results.join_thread()
    errors = [detail for status, detail in outcomes if status != "ok"]
    assert not errors, "\n".join(errors)
    return [won for _, won in outcomes]


def test_racing_processes_post_each_digest_exactly_once(
    store_url: str, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    with StateStore.open(store_url) as store:
        for channel in CHANNELS:
            store.subscribe(
                platform="slack", channel=channel, time="09:00", tz="Asia/Shanghai", language="en"
            )
    first = race(store_url, fake_slack, tmp_path, DUE)
    assert Counter(channel for won in first for channel, _ in won) == Counter(CHANNELS)
    assert {status for won in first for _, status in won} == {"sent"}
    posts = fake_slack.calls_to("chat.postMessage")
    assert sorted(call.args["channel"] for call in posts) == sorted(CHANNELS)
    # A second race later that day finds everything sent.
    assert race(store_url, fake_slack, tmp_path, "2026-11-23T09:00:00+00:00") == [[]] * WORKERS
    assert len(fake_slack.calls_to("chat.postMessage", ok=None)) == len(CHANNELS)
    with StateStore.open(store_url) as store:
        for channel in CHANNELS:
            [delivery] = store.deliveries(platform="slack", channel=channel)
            assert delivery.status == "sent" and delivery.attempts == 1 and len(delivery.featured) == 2
            assert delivery.message_ref in {call.response["ts"] for call in posts}


def _failures(reason: str) -> float:
    return (
        REGISTRY.get_sample_value("bubblebot_digest_failures_total", {"platform": "slack", "reason": reason})
        or 0
    )


def _sent() -> float:
    return REGISTRY.get_sample_value("bubblebot_digest_deliveries_total", {"platform": "slack"}) or 0


def test_a_failed_post_is_reported_and_retried_with_backoff(
    store: StateStore,
    fake_slack: FakeSlack,
    catalog: Catalog,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    store.subscribe(platform="slack", channel="C0FAIL", time="09:00", tz="Asia/Shanghai", language="en")
    poster = SlackDigestPoster(web_client(slack_settings(fake_slack, tmp_path)))
    fake_slack.fail("chat.postMessage", "not_in_channel")
    failures_before, sent_before = _failures("not_in_channel"), _sent()
    started = datetime.now(UTC)
    with caplog.at_level(logging.ERROR, logger="bot.digest.runner"):
        [failed] = deliver_due(store, poster, lambda: catalog, utc("2026-11-23T01:05"))
    assert failed.status == "failed" and failed.error == "not_in_channel" and failed.attempts == 1
    assert failed.retry_at is not None and started + timedelta(seconds=59) <= failed.retry_at
    assert "failed on attempt 1 (not_in_channel)" in caplog.text
    assert _failures("not_in_channel") == failures_before + 1
    [row] = store.deliveries(platform="slack", channel="C0FAIL")
    assert (row.status, row.error, row.attempts) == ("failed", "not_in_channel", 1)
    status = DigestDesk(store, tmp_path).status("slack", "C0FAIL", now=utc("2026-11-23T01:06"))
    assert "FAILED after 1 attempt: not_in_channel; next try after" in status

    # Before its retry time nothing happens; once it has passed, the next tick retries and succeeds.
    assert deliver_due(store, poster, lambda: catalog, utc("2026-11-23T01:06")) == []
    store.mark_failed(row.id, error="not_in_channel", retry_at=datetime.now(UTC) - timedelta(seconds=1))
    [retried] = deliver_due(store, poster, lambda: catalog, utc("2026-11-23T01:10"))
    assert (retried.status, retried.attempts) == ("sent", 2)
    assert _sent() == sent_before + 1
    assert len(fake_slack.calls_to("chat.postMessage")) == 1
    assert "posted" in DigestDesk(store, tmp_path).status("slack", "C0FAIL", now=utc("2026-11-23T01:11"))


def test_a_failure_that_outlives_its_day_stays_visible(
    sqlite_store: StateStore, fake_slack: FakeSlack, catalog: Catalog, tmp_path: Path
) -> None:
    sqlite_store.subscribe(platform="slack", channel="C0GONE", time="09:00", tz="UTC", language="en")
    fake_slack.channel_errors["C0GONE"] = "channel_not_found"
    poster = SlackDigestPoster(web_client(slack_settings(fake_slack, tmp_path)))
    deliver_due(
        sqlite_store,
        poster,
        lambda: catalog,
        utc("2026-11-23T09:00"),
        clock=lambda: datetime.now(UTC) - timedelta(hours=2),
    )
    [again] = deliver_due(sqlite_store, poster, lambda: catalog, utc("2026-11-23T10:00"))
    assert again.attempts == 2 and again.status == "failed"
    status = DigestDesk(sqlite_store, tmp_path).status("slack", "C0GONE", now=utc("2026-11-24T08:00"))
    assert "2026-11-23 was NOT posted after 2 attempts: channel_not_found" in status


def test_backoff_doubles_from_a_minute_up_to_an_hour() -> None:
    assert [backoff(n) for n in (1, 2, 3, 4)] == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert backoff(30) == timedelta(hours=1)


def test_a_digest_another_process_is_posting_is_left_alone(
    sqlite_store: StateStore, fake_slack: FakeSlack, catalog: Catalog, tmp_path: Path
) -> None:
    sqlite_store.subscribe(platform="slack", channel="C0BUSY", time="09:00", tz="UTC", language="en")
    held = sqlite_store.claim_delivery(platform="slack", channel="C0BUSY", local_date=date(2026, 11, 23))
    assert held is not None  # another replica claimed it and is posting right now
    poster = SlackDigestPoster(web_client(slack_settings(fake_slack, tmp_path)))
    assert deliver_due(sqlite_store, poster, lambda: catalog, utc("2026-11-23T09:30")) == []
    assert fake_slack.calls_to("chat.postMessage", ok=None) == []
    assert "being posted" in DigestDesk(sqlite_store, tmp_path).status(
        "slack", "C0BUSY", now=utc("2026-11-23T09:31")
    )
