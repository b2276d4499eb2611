"""Read-only analytics over stored questions, answers and votes (what the operator console shows)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.sql.elements import ColumnElement

from bot.models import Answer
from bot.store.log_stats import DayTotals, LogStatsStore, percentile, period
from bot.store.schema import answers, asked_questions, votes

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

    @classmethod
    def combine(cls, days: Iterable[DayTotals], votes: tuple[int, int], digests: dict[str, int]) -> Overview:
        """The overview of a period from its days' totals, the votes on its answers and its digest deliveries."""
        result = cls(digests=digests)
        result.up, result.down = votes
        per_day: dict[str, list[int]] = {}
        platforms: Counter[str] = Counter()
        languages: Counter[str] = Counter()
        channels: set[tuple[str, str]] = set()
        users: set[str] = set()
        latencies: list[int] = []
        for totals in days:
            users |= totals.users
            latencies.extend(totals.latencies)
            for (platform, channel, language, gave_up), n in totals.counts.items():
                per_day.setdefault(totals.day, [0, 0])[1 if gave_up else 0] += n
                platforms[platform] += n
                languages[language] += n
                channels.add((platform, channel))
        result.per_day = [(d, a, b) for d, (a, b) in sorted(per_day.items())]
        result.abstained = sum(b for _, _, b in result.per_day)
        result.questions = result.abstained + sum(a for _, a, _ in result.per_day)
        result.platforms, result.languages = dict(platforms.most_common()), dict(languages.most_common())
        result.channels, result.users = len(channels), len(users)
        latencies.sort()  # each day's are sorted already: runs that Timsort merges
        result.timed = len(latencies)
        if latencies:
            result.latency_p50, result.latency_p95 = percentile(latencies, 0.5), percentile(latencies, 0.95)
        return result

    @property
    def answered(self) -> int:
        """Questions that got an answer (not an abstention)."""
        return self.questions - self.abstained


def _same_question() -> ColumnElement[bool]:
    a, q = answers.c, asked_questions.c
    return and_(
        q.platform == a.platform, q.channel == a.channel, q.asked_at == a.created_at, q.question == a.question
    )


def _asked(column: Any) -> Any:
    """A column of the answer's asked_questions row, as a correlated subquery.

    Listings are driven by answers (newest id first, stopping at the page): a join let SQLite start from
    asked_questions instead and compare every abstained question with every answer of its channel (seconds).
    """
    return select(column).where(_same_question()).limit(1).scalar_subquery()


def _asked_where(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    return select(asked_questions.c.id).where(_same_question(), condition).exists()


def _downvoted() -> ColumnElement[bool]:
    # the few voted-down ids are read once, rather than a votes lookup for every answer
    return answers.c.id.in_(select(votes.c.answer_id).where(votes.c.vote < 0))


def _unindexed(column: Any, dialect: str) -> Any:
    """On SQLite, the column as an expression no index serves ("platform || ''"); elsewhere the column.

    Without statistics SQLite takes the place index for `platform = ?` alone, then must sort a third of the
    log by id (listings) or read every row of it (counts); walking answers newest first, or the covering period
    index, stops or finishes sooner. PostgreSQL keeps statistics and chooses well, but misjudges the expression.
    """
    return column.concat("") if dialect == "sqlite" else column


class AnalyticsStore(LogStatsStore):
    """Aggregates and listings for the operator console; every query runs in one read transaction."""

    def overview(self, *, since: datetime | None = None, until: datetime | None = None) -> Overview:
        """Counts for questions asked in [since, until)."""
        return Overview.combine(
            self.day_totals(since=since, until=until).values(),
            self.vote_counts(since=since, until=until),
            self.delivery_counts(since=since, until=until),
        )

    def _conversation_query(self, filters: ConversationFilter) -> Select[Any]:
        a, q = answers.c, asked_questions.c
        ups = select(func.count()).where(votes.c.answer_id == a.id, votes.c.vote > 0).scalar_subquery()
        downs = select(func.count()).where(votes.c.answer_id == a.id, votes.c.vote < 0).scalar_subquery()
        stmt = select(
            a.id,
            a.platform,
            a.channel,
            a.thread,
            a.user,
            a.question,
            _asked(q.language).label("language"),
            _asked(q.abstained).label("abstained"),
            a.answer_json,
            ups.label("up"),
            downs.label("down"),
            a.created_at,
        )
        return stmt.where(*self._conditions(filters, self.dialect))

    @staticmethod
    def _conditions(filters: ConversationFilter, dialect: str) -> list[ColumnElement[bool]]:
        a, q = answers.c, asked_questions.c
        conditions = period(a.created_at, filters.since, filters.until)
        if filters.abstained is not None:
            conditions.append(_asked_where(q.abstained.is_(filters.abstained)))
        if filters.downvoted:
            conditions.append(_downvoted())
        if filters.language:
            conditions.append(_asked_where(q.language == filters.language))
        if filters.platform:
            conditions.append(_unindexed(a.platform, dialect) == filters.platform)
        if filters.channel:
            conditions.append(_unindexed(a.channel, dialect) == filters.channel)
        return conditions

    def conversations(
        self, filters: ConversationFilter = ConversationFilter(), *, limit: int = 50, offset: int = 0
    ) -> list[Conversation]:
        """One page of matching conversations, newest first (limit at most MAX_PAGE)."""
        stmt = self._conversation_query(filters).order_by(answers.c.id.desc())
        stmt = stmt.limit(max(1, min(limit, MAX_PAGE))).offset(max(0, offset))
        with self._read("conversations") as conn:
            return [_conversation(row) for row in conn.execute(stmt)]

    def iter_conversations(
        self, filters: ConversationFilter = ConversationFilter(), *, batch: int = MAX_PAGE
    ) -> Iterator[Conversation]:
        """Every matching conversation, newest first, read in batches by id (for exports)."""
        before: int | None = None
        while True:
            stmt = self._conversation_query(filters)
            if before is not None:
                stmt = stmt.where(answers.c.id < before)
            with self._read("iter_conversations") as conn:
                rows = [
                    _conversation(row)
                    for row in conn.execute(stmt.order_by(answers.c.id.desc()).limit(batch))
                ]
            yield from rows
            if len(rows) < batch:
                return
            before = rows[-1].id

    def count_conversations(self, filters: ConversationFilter = ConversationFilter()) -> int:
        """How many conversations match."""
        if filters.downvoted:
            stmt = select(func.count()).select_from(answers).where(*self._conditions(filters, self.dialect))
        else:
            # Every answer has exactly one asked_questions row: counting those needs no correlated lookups.
            q = asked_questions.c
            conditions = period(q.asked_at, filters.since, filters.until)
            for column, wanted in (
                (q.abstained, filters.abstained),
                (q.language, filters.language),
                (_unindexed(q.platform, self.dialect), filters.platform),
                (_unindexed(q.channel, self.dialect), filters.channel),
            ):
                if wanted is not None and wanted != "":
                    conditions.append(column == wanted)
            stmt = select(func.count()).select_from(asked_questions).where(*conditions)
        with self._read("count_conversations") as conn:
            return int(conn.execute(stmt).scalar_one())

    def facets(self) -> dict[str, list[str]]:
        """The platforms, channels and languages that occur, for the filters' choices."""
        q = asked_questions.c
        with self._read("facets") as conn:
            return {
                name: [str(v) for v in conn.execute(select(col).distinct().order_by(col)).scalars() if v]
                for name, col in (("platform", q.platform), ("channel", q.channel), ("language", q.language))
            }


def _conversation(row: Any) -> Conversation:
    return Conversation(
        id=row.id,
        platform=row.platform,
        channel=row.channel,
        thread=row.thread,
        user=row.user,
        question=row.question,
        language=row.language,
        abstained=bool(row.abstained),
        answer=Answer.model_validate_json(row.answer_json),
        up=int(row.up),
        down=int(row.down),
        created_at=row.created_at,
    )
