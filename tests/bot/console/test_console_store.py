"""The console's store queries give the same numbers on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.store import StateStore
from bot.store.analytics import ConversationFilter
from tests.bot.console.seed import UNANSWERABLE, seed_store
from tests.bot.store.conftest import pg_url  # noqa: F401  (the fixture)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_url(request: pytest.FixtureRequest, tmp_path: object) -> str:
    """A SQLite URL, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/bubblebot.db"
    return str(request.getfixturevalue("pg_url"))


def test_analytics_on_both_backends(any_url: str) -> None:
    with StateStore.open(any_url) as store:
        seeded = seed_store(store)
        overview = store.overview()
        assert (overview.questions, overview.abstained, overview.up, overview.down, overview.users) == (
            8,
            4,
            2,
            1,
            4,
        )
        assert {day: (a, b) for day, a, b in overview.per_day} == seeded.per_day
        assert overview.channels == 3
        assert store.count_conversations(ConversationFilter(abstained=True)) == 4
        assert [c.question for c in store.conversations(ConversationFilter(downvoted=True))] == [
            seeded.downvoted_question
        ]
        assert len(list(store.iter_conversations(batch=3))) == 8
        gaps = {g.question: g for g in store.gap_questions()}
        assert set(UNANSWERABLE) <= set(gaps) and gaps[seeded.downvoted_question].downvoted == 1
        today = dt.datetime.combine(
            max(dt.date.fromisoformat(d) for d in seeded.per_day), dt.time(), tzinfo=dt.UTC
        )
        assert store.overview(since=today).questions == sum(seeded.per_day[today.date().isoformat()])
        assert store.facets()["platform"] == ["discord", "slack"]
        assert (overview.timed, overview.latency_p50, overview.latency_p95) == (
            8,
            seeded.latency_p50,
            seeded.latency_p95,
        )
        asked = store.asked_between(
            since=dt.datetime.now(dt.UTC) - dt.timedelta(days=30),
            until=dt.datetime.now(dt.UTC) + dt.timedelta(days=1),
        )
        assert sum(a.times for a in asked) == 8 and sum(a.abstained for a in asked) == 4
        days = store.day_totals(since=today - dt.timedelta(days=2), until=today + dt.timedelta(days=1))
        assert {
            d: (sum(n for k, n in t.counts.items() if not k[3]), sum(n for k, n in t.counts.items() if k[3]))
            for d, t in days.items()
        } == seeded.per_day
        assert set().union(*(t.users for t in days.values())) == {"U1", "U2", "u-3", "u-4"}
        assert store.vote_counts() == (2, 1)
        yesterday = today - dt.timedelta(days=1)
        assert store.vote_counts(since=today) == (0, 1)  # votes on the answers given in the period
        assert store.vote_counts(since=yesterday) == (1, 1)
        assert store.vote_counts(until=today) == (2, 0)
        assert store.vote_counts(since=yesterday, until=today) == (1, 0)
        assert store.vote_counts(since=today + dt.timedelta(days=1)) == (0, 0)
        gap = {g.question: g for g in store.gap_questions()}
        for question in (UNANSWERABLE[0], seeded.downvoted_question):  # the answer behind each group is found
            behind = store.get_answer(gap[question].last_answer_id)
            assert behind is not None and behind.question == question
