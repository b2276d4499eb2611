"""When digests are due: time zones, daylight-saving changes, a digest missed while the bot was down."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bot.digest.content import Catalog
from bot.digest.runner import deliver_due
from bot.digest.schedule import due_date, scheduled_at
from bot.slack.app import web_client
from bot.slack.digest import SlackDigestPoster
from bot.store import StateStore, Subscription
from tests.bot.digest.conftest import utc
from tests.bot.slack.fake_slack import FakeSlack
from tests.bot.slack.slack_rig import slack_settings

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def subscription(time: str, tz: str) -> Subscription:
    return Subscription(platform="slack", channel="C1", time=time, tz=tz, language="en", created_at=NOW)


def test_due_from_the_local_time_until_the_local_midnight() -> None:
    shanghai = subscription("09:00", "Asia/Shanghai")  # 09:00 in Shanghai is 01:00 UTC
    assert due_date(shanghai, utc("2026-11-23T00:30")) is None
    assert due_date(shanghai, utc("2026-11-23T01:00")) == date(2026, 11, 23)
    assert due_date(shanghai, utc("2026-11-23T15:59")) == date(2026, 11, 23)  # 23:59 local
    assert due_date(shanghai, utc("2026-11-23T16:00")) is None  # 00:00 on the 24th: yesterday's is gone
    los_angeles = subscription("18:30", "America/Los_Angeles")  # the local date is a UTC day behind
    assert due_date(los_angeles, utc("2026-11-24T02:29")) is None
    assert due_date(los_angeles, utc("2026-11-24T02:30")) == date(2026, 11, 23)
    kathmandu = subscription("00:00", "Asia/Kathmandu")  # +05:45
    assert due_date(kathmandu, utc("2026-11-22T18:15")) == date(2026, 11, 23)


def test_local_time_is_kept_across_daylight_saving_changes() -> None:
    # New York springs forward on 8 March 2026 and falls back on 1 November 2026.
    assert scheduled_at(date(2026, 3, 7), "09:00", "America/New_York") == utc("2026-03-07T14:00")
    assert scheduled_at(date(2026, 3, 8), "09:00", "America/New_York") == utc("2026-03-08T13:00")
    assert scheduled_at(date(2026, 10, 31), "09:00", "America/New_York") == utc("2026-10-31T13:00")
    assert scheduled_at(date(2026, 11, 1), "09:00", "America/New_York") == utc("2026-11-01T14:00")
    # 02:30 does not exist on the spring-forward day: it runs at 03:30 EDT; 01:30 happens twice in
    # the autumn: it runs the first time.
    assert scheduled_at(date(2026, 3, 8), "02:30", "America/New_York") == utc("2026-03-08T07:30")
    assert scheduled_at(date(2026, 11, 1), "01:30", "America/New_York") == utc("2026-11-01T05:30")
    assert scheduled_at(date(2026, 3, 29), "09:00", "Europe/London") == utc("2026-03-29T08:00")


def _tick_every(
    store: StateStore,
    poster: SlackDigestPoster,
    catalog: Catalog,
    start: datetime,
    end: datetime,
    step: timedelta,
) -> list[tuple[datetime, date]]:
    """Run ticks from start to end; (tick time, local date) of every digest posted."""
    posted = []
    moment = start
    while moment < end:
        posted += [
            (moment, o.local_date)
            for o in deliver_due(store, poster, lambda: catalog, moment)
            if o.status == "sent"
        ]
        moment += step
    return posted


def test_ticks_across_a_dst_change_post_one_digest_a_day_at_local_time(
    sqlite_store: StateStore, catalog: Catalog, fake_slack: FakeSlack, data_dir: Path
) -> None:
    sqlite_store.subscribe(
        platform="slack", channel="C0NY", time="09:00", tz="America/New_York", language="en"
    )
    poster = SlackDigestPoster(web_client(slack_settings(fake_slack, data_dir)))
    # Every 15 minutes from midnight in New York on 6 March to midnight on the 10th.
    posted = _tick_every(
        sqlite_store, poster, catalog, utc("2026-03-06T05:00"), utc("2026-03-10T05:00"), timedelta(minutes=15)
    )
    assert posted == [
        (utc("2026-03-06T14:00"), date(2026, 3, 6)),
        (utc("2026-03-07T14:00"), date(2026, 3, 7)),
        (utc("2026-03-08T13:00"), date(2026, 3, 8)),
        (utc("2026-03-09T13:00"), date(2026, 3, 9)),
    ]
    assert len(fake_slack.calls_to("chat.postMessage")) == 4


def test_a_digest_missed_while_down_is_sent_on_start_the_same_day_and_never_later(
    sqlite_store: StateStore, catalog: Catalog, fake_slack: FakeSlack, data_dir: Path
) -> None:
    sqlite_store.subscribe(
        platform="slack", channel="C0SH", time="09:00", tz="Asia/Shanghai", language="zh-Hans"
    )
    sqlite_store.subscribe(
        platform="slack", channel="C0LATE", time="23:00", tz="Asia/Shanghai", language="en"
    )
    poster = SlackDigestPoster(web_client(slack_settings(fake_slack, data_dir)))
    # The bot was down from 00:00 to 03:00 UTC on the 23rd (08:00 to 11:00 in Shanghai): the first tick
    # after start posts the 09:00 digest; later ticks that day post nothing more.
    [first] = deliver_due(sqlite_store, poster, lambda: catalog, utc("2026-11-23T03:00"))
    assert (first.channel, first.local_date, first.status) == ("C0SH", date(2026, 11, 23), "sent")
    assert deliver_due(sqlite_store, poster, lambda: catalog, utc("2026-11-23T03:01")) == []
    # Down again from 14:00 UTC on the 23rd to 16:30 (00:30 on the 24th in Shanghai): the 23:00 digest of
    # the 23rd is not sent on the 24th, and the 24th's 09:00 digest is not due yet.
    assert deliver_due(sqlite_store, poster, lambda: catalog, utc("2026-11-23T16:30")) == []
    assert [d.local_date for d in sqlite_store.deliveries(platform="slack", channel="C0LATE")] == []
    [next_day] = deliver_due(sqlite_store, poster, lambda: catalog, utc("2026-11-24T01:00"))
    assert (next_day.channel, next_day.local_date) == ("C0SH", date(2026, 11, 24))
    assert len(fake_slack.calls_to("chat.postMessage")) == 2
