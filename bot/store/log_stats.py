"""Aggregates over the question log that the console combines: per-day totals, questions by key, coverage gaps."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select, tuple_
from sqlalchemy.sql.elements import ColumnElement

from bot.store.base import StoreBase, aware
from bot.store.schema import answers, asked_questions, deliveries, votes

GroupKey = tuple[str, str, str, bool]  # platform, channel, language ("?" if unknown), abstained


def percentile(ordered: list[int], q: float) -> int:
    """The nearest-rank q-quantile (0 < q <= 1) of sorted values: the smallest one at least q of them reach."""
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def period(column: Any, since: datetime | None, until: datetime | None) -> list[ColumnElement[bool]]:
    """Conditions keeping a timestamp column in [since, until) (either end open when None)."""
    conditions = []
    if since is not None:
        conditions.append(column >= aware(since, "since"))
    if until is not None:
        conditions.append(column < aware(until, "until"))
    return conditions


@dataclass
class DayTotals:
    """One UTC day of the question log: counts by place, language and abstention; latencies; who asked."""

    day: str  # YYYY-MM-DD
    counts: dict[GroupKey, int] = field(default_factory=dict)
    latencies: list[int] = field(default_factory=list)  # ms, sorted
    users: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class AskedQuestion:
    """A question (grouped by key, in its latest spelling) and how often it was asked, and abstained on."""

    key: str
    question: str
    times: int
    abstained: int


@dataclass(frozen=True)
class GapQuestion:
    """A question the library could not answer (abstained) or answered badly (downvoted), grouped by key."""

    key: str
    question: str
    times: int
    abstained: int
    downvoted: int
    last_answer_id: int


class LogStatsStore(StoreBase):
    """Aggregates over the asked-questions log, each read in one transaction through the console's indexes."""

    def _day(self, column: Any) -> Any:
        """A column's UTC calendar day as 'YYYY-MM-DD' on either backend."""
        if self.dialect == "postgresql":
            return func.to_char(func.timezone("UTC", column), "YYYY-MM-DD")
        return func.substr(column, 1, 10)  # SQLite keeps naive UTC text: "YYYY-MM-DD HH:MM:SS.ffffff"

    def day_totals(
        self, *, since: datetime | None = None, until: datetime | None = None
    ) -> dict[str, DayTotals]:
        """Day → its totals, for the days in [since, until) that have questions or answers."""
        q, a = asked_questions.c, answers.c
        where = period(q.asked_at, since, until)
        day = self._day(q.asked_at).label("day")
        grouped = (
            select(day, q.platform, q.channel, q.language, q.abstained, func.count())
            .where(*where)
            .group_by(day, q.platform, q.channel, q.language, q.abstained)
        )
        timed = select(day, q.latency_ms).where(*where, q.latency_ms.is_not(None))
        asked_by = (
            select(self._day(a.created_at), a.user)
            .where(*period(a.created_at, since, until), a.user.is_not(None))
            .distinct()
        )
        days: dict[str, DayTotals] = {}
        with self._read("day_totals") as conn:
            for when, platform, channel, language, gave_up, n in conn.execute(grouped):
                totals = days.setdefault(str(when), DayTotals(str(when)))
                totals.counts[(str(platform), str(channel), str(language or "?"), bool(gave_up))] = int(n)
            for when, ms in conn.execute(timed):
                days.setdefault(str(when), DayTotals(str(when))).latencies.append(int(ms))
            for when, user in conn.execute(asked_by):
                days.setdefault(str(when), DayTotals(str(when))).users.add(str(user))
        for totals in days.values():
            totals.latencies.sort()
        return days

    def vote_counts(self, *, since: datetime | None = None, until: datetime | None = None) -> tuple[int, int]:
        """(up, down) votes on answers given in [since, until)."""
        a = answers.c
        with self._read("vote_counts") as conn:
            # Answer ids grow with time, so the period is an id range: the first answer at or after each end
            # (one index probe each), then a range of the votes' primary key, whatever the planner knows.
            bounds = []
            for edge in (since, until):
                first = (
                    None
                    if edge is None
                    else conn.execute(
                        select(a.id)
                        .where(a.created_at >= aware(edge, "period"))
                        .order_by(a.created_at)
                        .limit(1)
                    ).scalar()
                )
                bounds.append(first)
            if since is not None and bounds[0] is None:
                return 0, 0  # no answer given since then
            stmt = select(
                func.sum(case((votes.c.vote > 0, 1), else_=0)), func.sum(case((votes.c.vote < 0, 1), else_=0))
            )
            if bounds[0] is not None:
                stmt = stmt.where(votes.c.answer_id >= bounds[0])
            if bounds[1] is not None:
                stmt = stmt.where(votes.c.answer_id < bounds[1])
            up, down = conn.execute(stmt).one()
        return int(up or 0), int(down or 0)

    def delivery_counts(
        self, *, since: datetime | None = None, until: datetime | None = None
    ) -> dict[str, int]:
        """Digest deliveries created in [since, until) by status, most frequent first."""
        status = deliveries.c.status
        stmt = (
            select(status, func.count())
            .where(*period(deliveries.c.created_at, since, until))
            .group_by(status)
            .order_by(func.count().desc())
        )
        with self._read("delivery_counts") as conn:
            return {str(value): int(n) for value, n in conn.execute(stmt)}

    def asked_between(self, *, since: datetime, until: datetime) -> list[AskedQuestion]:
        """Questions asked in [since, until) grouped by key, most asked first."""
        q = asked_questions.c
        stmt = (
            select(
                q.question_key, func.max(q.question), func.count(), func.sum(case((q.abstained, 1), else_=0))
            )
            .where(*period(q.asked_at, since, until))
            .group_by(q.question_key)
        )
        with self._read("asked_between") as conn:
            rows = [
                AskedQuestion(key=str(k), question=str(text), times=int(n), abstained=int(ab or 0))
                for k, text, n, ab in conn.execute(stmt)
            ]
        rows.sort(key=lambda r: (-r.times, r.key))
        return rows

    def gap_questions(
        self, *, since: datetime | None = None, until: datetime | None = None, limit: int = 500
    ) -> list[GapQuestion]:
        """Abstained or downvoted questions grouped by question key, most asked first (at most `limit`).

        Abstentions are counted from the log alone and downvotes from the votes, so neither query scans every
        answer; only the answers behind the groups kept are looked up afterwards.
        """
        q, a = asked_questions.c, answers.c
        abstained = (
            select(q.question_key, func.max(q.question), func.count(), func.max(q.id))
            .where(q.abstained.is_(True), *period(q.asked_at, since, until))
            .group_by(q.question_key)
        )
        same = (
            (q.platform == a.platform)
            & (q.channel == a.channel)
            & (q.asked_at == a.created_at)
            & (q.question == a.question)
        )
        down = (
            select(a.id, a.question, q.question_key, q.abstained)
            .select_from(answers.outerjoin(asked_questions, same))
            .where(
                a.id.in_(select(votes.c.answer_id).where(votes.c.vote < 0)),
                *period(a.created_at, since, until),
            )
        )
        groups: dict[str, dict[str, Any]] = {}
        with self._read("gap_questions") as conn:
            for key, text, n, last in conn.execute(abstained):
                groups[str(key)] = {
                    "question": str(text),
                    "times": int(n),
                    "abstained": int(n),
                    "downvoted": 0,
                    "asked_id": int(last),
                    "answer_id": None,
                }
            for answer_id, text, key, gave_up in conn.execute(down):
                group = groups.setdefault(
                    str(key or text),
                    {
                        "question": str(text),
                        "times": 0,
                        "abstained": 0,
                        "downvoted": 0,
                        "asked_id": None,
                        "answer_id": None,
                    },
                )
                group["downvoted"] += 1
                group["times"] += 0 if gave_up else 1  # an abstention voted down is counted once
                group["answer_id"] = max(group["answer_id"] or 0, int(answer_id))
            ranked = sorted(
                groups.items(), key=lambda kv: (-kv[1]["times"], -(kv[1]["asked_id"] or 0), kv[0])
            )
            kept = ranked[: max(1, limit)]
            found = self._answers_of(conn, [g["asked_id"] for _, g in kept if g["answer_id"] is None])
        return [
            GapQuestion(
                key=key,
                question=g["question"],
                times=g["times"],
                abstained=g["abstained"],
                downvoted=g["downvoted"],
                last_answer_id=g["answer_id"] or found.get(g["asked_id"], 0),
            )
            for key, g in kept
        ]

    @staticmethod
    def _answers_of(conn: Any, asked_ids: Iterable[int]) -> dict[int, int]:
        """asked_questions id → the id of the answer saved with it (same place, text and instant)."""
        ids = list(asked_ids)
        if not ids:
            return {}
        q, a = asked_questions.c, answers.c
        rows = conn.execute(
            select(q.id, q.platform, q.channel, q.asked_at, q.question).where(q.id.in_(ids))
        ).all()
        if not rows:
            return {}
        by_place = {(r.platform, r.channel, r.asked_at, r.question): r.id for r in rows}
        stmt = select(a.id, a.platform, a.channel, a.created_at, a.question).where(
            a.created_at.in_(list({r.asked_at for r in rows})),
            tuple_(a.platform, a.channel).in_(list({(r.platform, r.channel) for r in rows})),
        )
        found: dict[int, int] = {}
        for answer in conn.execute(stmt):
            asked = by_place.get((answer.platform, answer.channel, answer.created_at, answer.question))
            if asked is not None:
                found[asked] = max(found.get(asked, 0), int(answer.id))
        return found
