"""Every StateStore method, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from time import sleep

import pytest

from bot.store import Delivery, NotFound, Purged, StateStore, StoredAnswer, Subscription
from bot.store.schema import asked_questions
from tests.bot.store.samples import make_answer


def assert_utc(value: datetime | None) -> None:
    """A timestamp the store returns is aware, in UTC, and recent."""
    assert value is not None
    assert value.tzinfo is not None and value.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - value) < timedelta(minutes=5)


def save(
    store: StateStore,
    question: str,
    *,
    channel: str = "C1",
    thread: str | None = "T1",
    abstained: bool = False,
) -> int:
    """Save an answer to question in slack/channel/thread."""
    answer = make_answer(question, abstained=abstained)
    return store.save_answer(
        platform="slack", channel=channel, thread=thread, user="U1", question=question, answer=answer
    )


def test_claim_event_is_true_only_the_first_time(store: StateStore) -> None:
    assert store.claim_event(platform="slack", event_id="Ev1") is True
    assert store.claim_event(platform="slack", event_id="Ev1") is False
    assert store.claim_event(platform="discord", event_id="Ev1") is True
    assert store.claim_event(platform="slack", event_id="Ev2") is True


def test_prune_events_forgets_old_events(store: StateStore) -> None:
    store.claim_event(platform="slack", event_id="old")
    assert store.prune_events(before=datetime.now(UTC) - timedelta(hours=1)) == 0
    assert store.prune_events(before=datetime.now(UTC) + timedelta(seconds=1)) == 1
    assert store.claim_event(platform="slack", event_id="old") is True
    with pytest.raises(ValueError, match="timezone-aware"):
        store.prune_events(before=datetime(2025, 1, 1))


def test_save_and_get_answer_round_trips(store: StateStore) -> None:
    answer = make_answer()
    answer_id = store.save_answer(
        platform="slack",
        channel="C1",
        thread="T1",
        user="U1",
        question="Is AI a bubble? 泡沫嗎？",
        answer=answer,
    )
    stored = store.get_answer(answer_id)
    assert isinstance(stored, StoredAnswer)
    assert (stored.id, stored.platform, stored.channel, stored.thread, stored.user) == (
        answer_id,
        "slack",
        "C1",
        "T1",
        "U1",
    )
    assert stored.question == "Is AI a bubble? 泡沫嗎？"
    assert stored.answer == answer
    assert_utc(stored.created_at)
    assert store.get_answer(answer_id + 1000) is None


def test_save_answer_logs_the_answer_latency(store: StateStore) -> None:
    timed = make_answer("timed")
    timed.latency_ms = 1234
    save_id = store.save_answer(
        platform="slack", channel="C1", thread=None, user="U1", question="timed", answer=timed
    )
    store.save_answer(
        platform="slack",
        channel="C1",
        thread=None,
        user="U1",
        question="untimed",
        answer=make_answer("untimed"),
    )
    with store._read("test") as conn:
        rows = conn.execute(asked_questions.select().order_by(asked_questions.c.id)).all()
    assert [(r.question, r.latency_ms) for r in rows] == [("timed", 1234), ("untimed", None)]
    stored = store.get_answer(save_id)
    assert stored is not None and "latency_ms" not in stored.answer.contract()


def test_the_longest_question_is_logged_on_every_backend(store: StateStore) -> None:
    question = "人工智能泡沫会破裂吗？" * 200  # 2,200 characters, 6.6 kB: more than an index entry may hold
    store.save_answer(
        platform="slack",
        channel="C1",
        thread=None,
        user="U1",
        question=question,
        answer=make_answer(question),
    )
    assert store.asked_questions(
        platform="slack", channel="C1", since=datetime.now(UTC) - timedelta(hours=1)
    ) == [(question, 1)]


def test_save_answer_accepts_no_thread_and_no_user(store: StateStore) -> None:
    answer_id = store.save_answer(
        platform="cli", channel="local", thread=None, user=None, question="q", answer=make_answer("q")
    )
    stored = store.get_answer(answer_id)
    assert stored is not None and stored.thread is None and stored.user is None


def test_last_answer_by_thread_and_by_channel(store: StateStore) -> None:
    assert store.last_answer(platform="slack", channel="C1") is None
    first = save(store, "first", thread="T1")
    second = save(store, "second", thread="T2")
    save(store, "elsewhere", channel="C2", thread="T1")
    in_t1 = store.last_answer(platform="slack", channel="C1", thread="T1")
    assert in_t1 is not None and in_t1.id == first
    in_channel = store.last_answer(platform="slack", channel="C1")
    assert in_channel is not None and in_channel.id == second
    assert store.last_answer(platform="discord", channel="C1") is None
    assert store.last_answer(platform="slack", channel="C1", thread="T9") is None


def test_thread_questions_oldest_first(store: StateStore) -> None:
    for question in ["What did Altman say?", "and Anthropic?", "and Meta?"]:
        save(store, question, thread="T1")
    save(store, "other thread", thread="T2")
    save(store, "top level", thread=None)
    assert store.thread_questions(platform="slack", channel="C1", thread="T1") == [
        "What did Altman say?",
        "and Anthropic?",
        "and Meta?",
    ]
    assert store.thread_questions(platform="slack", channel="C1", thread="T1", limit=2) == [
        "and Anthropic?",
        "and Meta?",
    ]
    assert store.thread_questions(platform="slack", channel="C1", thread="none") == []


def test_votes_one_per_user_and_replaced(store: StateStore) -> None:
    answer_id = save(store, "q")
    other_id = save(store, "q2")
    assert store.vote_totals(answer_id) == (0, 0)
    store.record_vote(answer_id=answer_id, user="U1", vote=1)
    store.record_vote(answer_id=answer_id, user="U2", vote=1)
    store.record_vote(answer_id=answer_id, user="U3", vote=-1)
    store.record_vote(answer_id=other_id, user="U1", vote=-1)
    assert store.vote_totals(answer_id) == (2, 1)
    store.record_vote(answer_id=answer_id, user="U1", vote=-1)
    store.record_vote(answer_id=answer_id, user="U1", vote=-1)
    assert store.vote_totals(answer_id) == (1, 2)
    assert store.vote_totals(other_id) == (0, 1)
    assert store.vote_totals(answer_id + 1000) == (0, 0)


def test_record_vote_rejects_bad_votes_and_unknown_answers(store: StateStore) -> None:
    answer_id = save(store, "q")
    for bad in (0, 2, -2):
        with pytest.raises(ValueError, match="vote"):
            store.record_vote(answer_id=answer_id, user="U1", vote=bad)
    with pytest.raises(NotFound):
        store.record_vote(answer_id=answer_id + 1000, user="U1", vote=1)
    assert store.vote_totals(answer_id) == (0, 0)


def test_asked_questions_counts_most_asked_first(store: StateStore) -> None:
    before = datetime.now(UTC) - timedelta(seconds=1)
    questions = [
        "is AI  a bubble",
        "Is AI a bubble?",
        "Who is Joe Fath?",
        "IS AI A BUBBLE？",
        "Is AI a bubble?",
    ]
    for question in [*questions, "weather?"]:
        save(store, question, abstained=question == "weather?")
    save(store, "Is AI a bubble?", channel="C2")
    asked = store.asked_questions(platform="slack", channel="C1", since=before)
    assert asked == [("Is AI a bubble?", 4), ("weather?", 1), ("Who is Joe Fath?", 1)]  # ties: latest first
    assert store.asked_questions(platform="slack", channel="C1", since=before, limit=2) == asked[:2]
    answered = store.asked_questions(platform="slack", channel="C1", since=before, include_abstained=False)
    assert answered == [("Is AI a bubble?", 4), ("Who is Joe Fath?", 1)]
    assert store.asked_questions(platform="slack", channel="C2", since=before) == [("Is AI a bubble?", 1)]
    later = datetime.now(UTC) + timedelta(seconds=1)
    assert store.asked_questions(platform="slack", channel="C1", since=later) == []
    with pytest.raises(ValueError, match="timezone-aware"):
        store.asked_questions(platform="slack", channel="C1", since=datetime(2025, 1, 1))


def test_equal_spellings_show_the_latest(store: StateStore) -> None:
    before = datetime.now(UTC) - timedelta(seconds=1)
    for question in ["what did altman say", "What did Altman say?"]:
        save(store, question)
    assert store.asked_questions(platform="slack", channel="C1", since=before) == [
        ("What did Altman say?", 2)
    ]


def test_asked_questions_log_keeps_no_user_ids() -> None:
    assert not {"user", "user_id", "by_user"} & set(asked_questions.c.keys())


def test_subscribe_upserts_and_keeps_creator(store: StateStore) -> None:
    created = store.subscribe(
        platform="slack", channel="C1", time="09:00", tz="Asia/Taipei", language="zh-Hant", by_user="U1"
    )
    assert isinstance(created, Subscription)
    assert (created.time, created.tz, created.language, created.show_most_asked, created.created_by) == (
        "09:00",
        "Asia/Taipei",
        "zh-Hant",
        True,
        "U1",
    )
    assert_utc(created.created_at)
    updated = store.subscribe(
        platform="slack",
        channel="C1",
        time="18:30",
        tz="Europe/Berlin",
        language="en",
        show_most_asked=False,
        by_user="U2",
    )
    assert (updated.time, updated.tz, updated.language, updated.show_most_asked) == (
        "18:30",
        "Europe/Berlin",
        "en",
        False,
    )
    assert (updated.created_by, updated.created_at) == ("U1", created.created_at)
    assert store.subscription(platform="slack", channel="C1") == updated


def test_subscribe_validates_time_and_zone(store: StateStore) -> None:
    for time in ("9:00", "24:00", "12:60", "noon", "09:00:00"):
        with pytest.raises(ValueError, match="HH:MM"):
            store.subscribe(platform="slack", channel="C1", time=time, tz="UTC", language="en")
    for tz in ("Mars/Olympus", "", "../etc/passwd"):
        with pytest.raises(ValueError, match="time zone"):
            store.subscribe(platform="slack", channel="C1", time="09:00", tz=tz, language="en")
    with pytest.raises(ValueError, match="language"):
        store.subscribe(platform="slack", channel="C1", time="09:00", tz="UTC", language=" ")
    assert store.subscriptions() == []


def test_subscriptions_listing_and_unsubscribe(store: StateStore) -> None:
    store.subscribe(platform="slack", channel="C2", time="08:00", tz="UTC", language="en")
    store.subscribe(platform="discord", channel="D1", time="08:00", tz="UTC", language="zh-Hans")
    store.subscribe(platform="slack", channel="C1", time="08:00", tz="UTC", language="en")
    assert [(s.platform, s.channel) for s in store.subscriptions()] == [
        ("discord", "D1"),
        ("slack", "C1"),
        ("slack", "C2"),
    ]
    assert [s.channel for s in store.subscriptions(platform="slack")] == ["C1", "C2"]
    assert store.unsubscribe(platform="slack", channel="C1") is True
    assert store.unsubscribe(platform="slack", channel="C1") is False
    assert store.subscription(platform="slack", channel="C1") is None
    assert [s.channel for s in store.subscriptions(platform="slack")] == ["C2"]


def test_claim_delivery_once_per_channel_and_day(store: StateStore) -> None:
    day = date(2025, 11, 3)
    claimed = store.claim_delivery(platform="slack", channel="C1", local_date=day)
    assert isinstance(claimed, Delivery)
    assert (claimed.status, claimed.attempts, claimed.local_date, claimed.featured) == ("claimed", 1, day, [])
    assert claimed.sent_at is None and claimed.error is None and claimed.message_ref is None
    assert_utc(claimed.created_at)
    assert store.claim_delivery(platform="slack", channel="C1", local_date=day) is None
    assert store.claim_delivery(platform="slack", channel="C2", local_date=day) is not None
    assert (
        store.claim_delivery(platform="slack", channel="C1", local_date=day + timedelta(days=1)) is not None
    )


def test_failed_delivery_is_claimable_after_retry_at(store: StateStore) -> None:
    day = date(2025, 11, 3)
    first = store.claim_delivery(platform="slack", channel="C1", local_date=day)
    assert first is not None
    store.mark_failed(
        first.id, error="rate limited " + "x" * 5000, retry_at=datetime.now(UTC) + timedelta(hours=1)
    )
    failed = store.last_delivery(platform="slack", channel="C1")
    assert failed is not None and failed.status == "failed" and failed.error is not None
    assert failed.error.startswith("rate limited") and len(failed.error) <= 2000
    assert failed.retry_at is not None and failed.retry_at > datetime.now(UTC)
    assert store.claim_delivery(platform="slack", channel="C1", local_date=day) is None
    store.mark_failed(first.id, error="rate limited", retry_at=datetime.now(UTC) - timedelta(seconds=1))
    second = store.claim_delivery(platform="slack", channel="C1", local_date=day)
    assert second is not None and (second.id, second.status, second.attempts) == (first.id, "claimed", 2)
    assert store.claim_delivery(platform="slack", channel="C1", local_date=day) is None
    store.mark_delivered(second.id, message_ref="1700000000.000100", featured=["altman-250gw", "burry"])
    sent = store.last_delivery(platform="slack", channel="C1")
    assert sent is not None
    assert (sent.status, sent.attempts, sent.message_ref, sent.featured) == (
        "sent",
        2,
        "1700000000.000100",
        ["altman-250gw", "burry"],
    )
    assert sent.error is None and sent.retry_at is None
    assert_utc(sent.sent_at)
    assert store.claim_delivery(platform="slack", channel="C1", local_date=day) is None
    with pytest.raises(ValueError, match="timezone-aware"):
        store.mark_failed(first.id, error="x", retry_at=datetime(2025, 1, 1))


def test_stale_claim_is_reclaimable_only_when_asked(store: StateStore) -> None:
    day = date(2025, 11, 3)
    assert store.claim_delivery(platform="slack", channel="C1", local_date=day) is not None
    assert (
        store.claim_delivery(platform="slack", channel="C1", local_date=day, reclaim_after=timedelta(hours=1))
        is None
    )
    again = store.claim_delivery(platform="slack", channel="C1", local_date=day, reclaim_after=timedelta(0))
    assert again is not None and again.attempts == 2


def test_mark_unknown_delivery_raises_not_found(store: StateStore) -> None:
    with pytest.raises(NotFound):
        store.mark_delivered(999)
    with pytest.raises(NotFound):
        store.mark_failed(999, error="x", retry_at=datetime.now(UTC))


def test_deliveries_history_and_featured_rotation(store: StateStore) -> None:
    assert store.deliveries(platform="slack", channel="C1") == []
    assert store.last_delivery(platform="slack", channel="C1") is None
    assert store.featured_history(platform="slack", channel="C1") == []
    days = [date(2025, 11, 5), date(2025, 11, 3), date(2025, 11, 4)]
    claims = {day: store.claim_delivery(platform="slack", channel="C1", local_date=day) for day in days}
    other = store.claim_delivery(platform="slack", channel="C2", local_date=days[0])
    assert other is not None
    store.mark_delivered(other.id, featured=["elsewhere"])
    for day, featured in [(days[0], ["c", "d"]), (days[1], ["a"])]:
        claim = claims[day]
        assert claim is not None
        store.mark_delivered(claim.id, featured=featured)
    failed = claims[days[2]]
    assert failed is not None
    store.mark_failed(failed.id, error="boom", retry_at=datetime.now(UTC))
    history = store.deliveries(platform="slack", channel="C1")
    assert [(d.local_date, d.status) for d in history] == [
        (date(2025, 11, 3), "sent"),
        (date(2025, 11, 4), "failed"),
        (date(2025, 11, 5), "sent"),
    ]
    assert store.featured_history(platform="slack", channel="C1") == ["a", "c", "d"]
    last = store.last_delivery(platform="slack", channel="C1")
    assert last is not None and last.local_date == date(2025, 11, 5)


def test_closed_store_refuses_work(store_url: str) -> None:
    with StateStore.open(store_url) as store:
        assert store.claim_event(platform="slack", event_id="x") is True
    with pytest.raises(RuntimeError, match="closed"):
        store.claim_event(platform="slack", event_id="y")


def test_an_unanswered_claim_expires_after_its_lease(store: StateStore) -> None:
    lease = timedelta(seconds=60)
    assert store.claim_event(platform="slack", event_id="Ev9", lease=lease) is True
    assert store.claim_event(platform="slack", event_id="Ev9", lease=lease) is False  # still leased
    assert store.claim_event(platform="slack", event_id="Ev9", lease=timedelta(0)) is True  # expired
    store.mark_event_answered(platform="slack", event_id="Ev9")
    assert store.claim_event(platform="slack", event_id="Ev9", lease=timedelta(0)) is False


def test_purge_before_deletes_older_questions_answers_votes_and_events(store: StateStore) -> None:
    old = save(store, "Is AI a bubble?")
    store.record_vote(answer_id=old, user="U2", vote=1)
    store.claim_event(platform="slack", event_id="EvOld")
    sleep(0.05)
    cutoff = datetime.now(UTC)
    sleep(0.05)
    new = save(store, "What did Altman say?")
    store.record_vote(answer_id=new, user="U2", vote=-1)
    purged = store.purge_before(before=cutoff)
    assert purged == Purged(answers=1, votes=1, questions=1, events=1)
    assert store.get_answer(old) is None and store.get_answer(new) is not None
    assert store.vote_totals(new) == (0, 1)
    assert store.asked_questions(platform="slack", channel="C1", since=cutoff - timedelta(days=1)) == [
        ("What did Altman say?", 1)
    ]
    assert store.purge_before(before=cutoff) == Purged()
    with pytest.raises(ValueError):
        store.purge_before(before=datetime(2025, 1, 1))
