"""Read-only analytics over stored questions, answers and votes (what the operator console shows)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.sql.elements import ColumnElement

from bot.models import Answer
from bot.store.base import StoreBase, aware
from bot.store.schema import answers, asked_questions, deliveries, votes

MAX_PAGE = 500


@dataclass(frozen=True)
class ConversationFilter:
    """Which stored conversations to list; None (or False) means "any"."""

    abstained: bool | None = None
    downvoted: bool = False
    language: str | None = None
    platform: str | None = None
    channel: str | None = None
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive


@dataclass(frozen=True)
class Conversation:
    """One question with the answer it got, where and from whom, and its votes."""

    id: int
    platform: str
    channel: str
    thread: str | None
    user: str | None
    question: str
    language: str | None
    abstained: bool
    answer: Answer
    up: int
    down: int
    created_at: datetime


@dataclass
class Overview:
    """Counts over a period: questions per day, abstentions, votes, users, platforms, languages, digests."""

    questions: int = 0
    abstained: int = 0
    up: int = 0
    down: int = 0
    users: int = 0
    channels: int = 0
    per_day: list[tuple[str, int, int]] = field(default_factory=list)  # (YYYY-MM-DD, answered, abstained)
    platforms: dict[str, int] = field(default_factory=dict)
    languages: dict[str, int] = field(default_factory=dict)
    digests: dict[str, int] = field(default_factory=dict)  # delivery status → count
    timed: int = 0  # questions whose answer latency was recorded
    latency_p50: int | None = None  # milliseconds
    latency_p95: int | None = None

    @property
    def answered(self) -> int:
        """Questions that got an answer (not an abstention)."""
        return self.questions - self.abstained


@dataclass(frozen=True)
class GapQuestion:
    """A question the library could not answer (abstained) or answered badly (downvoted), grouped by key."""

    key: str
    question: str
    times: int
    abstained: int
    downvoted: int
    last_answer_id: int


def percentile(ordered: list[int], q: float) -> int:
    """The nearest-rank q-quantile (0 < q <= 1) of sorted values: the smallest one at least q of them reach."""
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def _joined() -> Any:
    """answers joined to their asked_questions row (same place, text and instant: save_answer writes both)."""
    return answers.join(asked_questions, _same_question())


def _same_question() -> ColumnElement[bool]:
    a, q = answers.c, asked_questions.c
    return and_(q.platform == a.platform, q.channel == a.channel, q.asked_at == a.created_at, q.question == a.question)


def _asked(column: Any) -> Any:
    """A column of the answer's asked_questions row, as a correlated subquery.

    Listings are driven by answers (newest id first, stopping at the page): a join let SQLite start from
    asked_questions instead and compare every abstained question with every answer of its channel (seconds).
    """
    return select(column).where(_same_question()).limit(1).scalar_subquery()


def _asked_where(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    return select(asked_questions.c.id).where(_same_question(), condition).exists()


def _downvoted() -> ColumnElement[bool]:
    return select(votes.c.answer_id).where(votes.c.answer_id == answers.c.id, votes.c.vote < 0).exists()


def _period(column: Any, since: datetime | None, until: datetime | None) -> list[ColumnElement[bool]]:
    conditions = []
    if since is not None:
        conditions.append(column >= aware(since, "since"))
    if until is not None:
        conditions.append(column < aware(until, "until"))
    return conditions


class AnalyticsStore(StoreBase):
    """Aggregates and listings for the operator console; every query runs in one read transaction."""

    def _day(self, column: Any) -> Any:
        """A column's UTC calendar day as 'YYYY-MM-DD' on either backend."""
        if self.dialect == "postgresql":
            return func.to_char(func.timezone("UTC", column), "YYYY-MM-DD")
        return func.date(column)  # SQLite keeps naive UTC text, which date() reads

    def overview(self, *, since: datetime | None = None, until: datetime | None = None) -> Overview:
        """Counts for questions asked in [since, until)."""
        q = asked_questions.c
        where = _period(q.asked_at, since, until)
        day = self._day(q.asked_at).label("day")
        in_answers = _period(answers.c.created_at, since, until)
        vote_stmt = (select(func.sum(case((votes.c.vote > 0, 1), else_=0)), func.sum(case((votes.c.vote < 0, 1), else_=0)))
                     .select_from(votes.join(answers, answers.c.id == votes.c.answer_id)).where(*in_answers))
        # One grouped scan of the log gives the totals, days, platforms, languages and channels at once.
        grouped = (select(day, q.platform, q.channel, q.language, q.abstained, func.count()).where(*where)
                   .group_by(day, q.platform, q.channel, q.language, q.abstained))
        result = Overview()
        per_day: dict[str, list[int]] = {}
        platforms: Counter[str] = Counter()
        languages: Counter[str] = Counter()
        channels: set[tuple[str, str]] = set()
        with self._read("overview") as conn:
            for when, platform, channel, language, gave_up, n in conn.execute(grouped):
                counts = per_day.setdefault(str(when), [0, 0])
                counts[1 if gave_up else 0] += int(n)
                platforms[str(platform)] += int(n)
                languages[str(language or "?")] += int(n)
                channels.add((platform, channel))
            result.users = int(conn.execute(select(func.count(func.distinct(answers.c.user)))
                                            .where(*in_answers)).scalar_one())
            up, down = conn.execute(vote_stmt).one()
            result.digests = self._counts(conn, deliveries.c.status, _period(deliveries.c.created_at, since, until))
            latencies = sorted(conn.execute(select(q.latency_ms).where(*where, q.latency_ms.is_not(None))).scalars())
        result.timed = len(latencies)
        if latencies:
            result.latency_p50, result.latency_p95 = percentile(latencies, 0.5), percentile(latencies, 0.95)
        result.per_day = [(d, a, b) for d, (a, b) in sorted(per_day.items())]
        result.abstained = sum(b for _, _, b in result.per_day)
        result.questions = result.abstained + sum(a for _, a, _ in result.per_day)
        result.platforms, result.languages = dict(platforms.most_common()), dict(languages.most_common())
        result.channels = len(channels)
        result.up, result.down = int(up or 0), int(down or 0)
        return result

    @staticmethod
    def _counts(conn: Any, column: Any, where: list[ColumnElement[bool]]) -> dict[str, int]:
        """value → rows, most frequent first."""
        rows = conn.execute(select(column, func.count()).where(*where).group_by(column).order_by(func.count().desc()))
        return {str(value): int(n) for value, n in rows}

    def _conversation_query(self, filters: ConversationFilter) -> Select[Any]:
        a, q = answers.c, asked_questions.c
        ups = select(func.count()).where(votes.c.answer_id == a.id, votes.c.vote > 0).scalar_subquery()
        downs = select(func.count()).where(votes.c.answer_id == a.id, votes.c.vote < 0).scalar_subquery()
        stmt = select(a.id, a.platform, a.channel, a.thread, a.user, a.question,
                      _asked(q.language).label("language"), _asked(q.abstained).label("abstained"),
                      a.answer_json, ups.label("up"), downs.label("down"), a.created_at)
        return stmt.where(*self._conditions(filters))

    @staticmethod
    def _conditions(filters: ConversationFilter) -> list[ColumnElement[bool]]:
        a, q = answers.c, asked_questions.c
        conditions = _period(a.created_at, filters.since, filters.until)
        if filters.abstained is not None:
            conditions.append(_asked_where(q.abstained.is_(filters.abstained)))
        if filters.downvoted:
            conditions.append(_downvoted())
        if filters.language:
            conditions.append(_asked_where(q.language == filters.language))
        if filters.platform:
            conditions.append(a.platform == filters.platform)
        if filters.channel:
            conditions.append(a.channel == filters.channel)
        return conditions

    def conversations(self, filters: ConversationFilter = ConversationFilter(), *, limit: int = 50,
                      offset: int = 0) -> list[Conversation]:
        """One page of matching conversations, newest first (limit at most MAX_PAGE)."""
        stmt = self._conversation_query(filters).order_by(answers.c.id.desc())
        stmt = stmt.limit(max(1, min(limit, MAX_PAGE))).offset(max(0, offset))
        with self._read("conversations") as conn:
            return [_conversation(row) for row in conn.execute(stmt)]

    def iter_conversations(self, filters: ConversationFilter = ConversationFilter(),
                           *, batch: int = MAX_PAGE) -> Iterator[Conversation]:
        """Every matching conversation, newest first, read in batches by id (for exports)."""
        before: int | None = None
        while True:
            stmt = self._conversation_query(filters)
            if before is not None:
                stmt = stmt.where(answers.c.id < before)
            with self._read("iter_conversations") as conn:
                rows = [_conversation(row) for row in conn.execute(stmt.order_by(answers.c.id.desc()).limit(batch))]
            yield from rows
            if len(rows) < batch:
                return
            before = rows[-1].id

    def count_conversations(self, filters: ConversationFilter = ConversationFilter()) -> int:
        """How many conversations match."""
        if filters.downvoted:
            stmt = select(func.count()).select_from(answers).where(*self._conditions(filters))
        else:
            # Every answer has exactly one asked_questions row: counting those needs no correlated lookups.
            q = asked_questions.c
            conditions = _period(q.asked_at, filters.since, filters.until)
            for column, wanted in ((q.abstained, filters.abstained), (q.language, filters.language),
                                   (q.platform, filters.platform), (q.channel, filters.channel)):
                if wanted is not None and wanted != "":
                    conditions.append(column == wanted)
            stmt = select(func.count()).select_from(asked_questions).where(*conditions)
        with self._read("count_conversations") as conn:
            return int(conn.execute(stmt).scalar_one())

    def facets(self) -> dict[str, list[str]]:
        """The platforms, channels and languages that occur, for the filters' choices."""
        q = asked_questions.c
        with self._read("facets") as conn:
            return {name: [str(v) for v in conn.execute(select(col).distinct().order_by(col)).scalars() if v]
                    for name, col in (("platform", q.platform), ("channel", q.channel), ("language", q.language))}

    def _week(self, column: Any) -> Any:
        """A column's UTC week as its Monday, 'YYYY-MM-DD', on either backend."""
        if self.dialect == "postgresql":
            return func.to_char(func.date_trunc("week", func.timezone("UTC", column)), "YYYY-MM-DD")
        return func.date(column, "weekday 0", "-6 days")  # the Sunday ending the week, less six days

    def weekly_questions(self, *, since: datetime, until: datetime | None = None) -> list[WeeklyQuestion]:
        """Questions asked in [since, until) counted per week and question key, newest week and most asked first."""
        q = asked_questions.c
        week = self._week(q.asked_at).label("week")
        stmt = (select(week, q.question_key, func.max(q.question), func.count(), func.sum(case((q.abstained, 1), else_=0)))
                .where(*_period(q.asked_at, since, until))
                .group_by(week, q.question_key))
        with self._read("weekly_questions") as conn:
            rows = [WeeklyQuestion(week=str(w), key=str(k), question=str(text), times=int(n), abstained=int(ab or 0))
                    for w, k, text, n, ab in conn.execute(stmt)]
        rows.sort(key=lambda r: (-r.times, r.key))
        rows.sort(key=lambda r: r.week, reverse=True)  # stable: newest week first, most asked first within it
        return rows

    def gap_questions(self, *, since: datetime | None = None, until: datetime | None = None,
                      limit: int = 500) -> list[GapQuestion]:
        """Abstained or downvoted questions grouped by question key, most asked first (at most `limit`)."""
        a, q = answers.c, asked_questions.c
        down = case((_downvoted(), 1), else_=0)
        stmt = (select(q.question_key, func.max(q.question), func.count(), func.sum(case((q.abstained, 1), else_=0)),
                       func.sum(down), func.max(a.id))
                .select_from(_joined())
                .where(*_period(a.created_at, since, until), q.abstained.is_(True) | _downvoted())
                .group_by(q.question_key)
                .order_by(func.count().desc(), func.max(a.id).desc())
                .limit(max(1, limit)))
        with self._read("gap_questions") as conn:
            return [GapQuestion(key=str(key), question=str(text), times=int(n), abstained=int(ab or 0),
                                downvoted=int(dv or 0), last_answer_id=int(last))
                    for key, text, n, ab, dv, last in conn.execute(stmt)]


@dataclass(frozen=True)
class WeeklyQuestion:
    """A question (grouped by key) and how often it was asked in one week (starting Monday, UTC)."""

    week: str  # the Monday, YYYY-MM-DD
    key: str
    question: str
    times: int
    abstained: int


def _conversation(row: Any) -> Conversation:
    return Conversation(id=row.id, platform=row.platform, channel=row.channel, thread=row.thread, user=row.user,
                        question=row.question, language=row.language, abstained=bool(row.abstained),
                        answer=Answer.model_validate_json(row.answer_json), up=int(row.up), down=int(row.down),
                        created_at=row.created_at)
