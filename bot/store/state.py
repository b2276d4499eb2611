"""StateStore: events, answers, votes, the asked-questions log, and (via DigestStore) digests."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from types import TracebackType
from typing import Any, Self

from sqlalchemy import Engine, case, delete, func, select, update
from sqlalchemy.exc import OperationalError

from bot.models import Answer
from bot.store.analytics import AnalyticsStore
from bot.store.base import aware
from bot.store.digests import DigestStore
from bot.store.engine import OUTAGE_ERRORS, create_store_engine, is_outage, parse_url, unavailable
from bot.store.migrations import migrate
from bot.store.records import NotFound, Purged, StoredAnswer
from bot.store.schema import answers, asked_questions, processed_events, utcnow, votes

_TRAILING = " ?？!！。.,，、;；:：~～"
MAX_ID = 2**63 - 1  # the largest id a database integer holds; a bigger one (from a forged button) is unknown


def question_key(question: str) -> str:
    """How the asked-questions log groups questions: collapsed whitespace, case-folded, no end punctuation."""
    return " ".join(question.split()).casefold().rstrip(_TRAILING)


def _stored(row: Any) -> StoredAnswer:
    return StoredAnswer(
        id=row.id,
        platform=row.platform,
        channel=row.channel,
        thread=row.thread,
        user=row.user,
        question=row.question,
        answer=Answer.model_validate_json(row.answer_json),
        created_at=row.created_at,
    )


class StateStore(AnalyticsStore, DigestStore):
    """The bot's durable state on SQLite or PostgreSQL; every method raises StoreUnavailable on outages."""

    @classmethod
    def open(cls, url: str) -> Self:
        """Connect to url and apply pending migrations (safe when several processes start at once)."""
        parsed = parse_url(url)
        engine = create_store_engine(parsed)
        try:
            _migrate_when_free(engine)
        except OUTAGE_ERRORS as error:
            engine.dispose()
            if not is_outage(error):
                raise
            raise unavailable(error, parsed, "open") from error
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, parsed)

    def __enter__(self) -> Self:
        """Use the store as a context manager that closes it."""
        return self

    def __exit__(self, *exc_info: type[BaseException] | BaseException | TracebackType | None) -> None:
        """Close the store."""
        self.close()

    # --- platform events -------------------------------------------------------------------

    def claim_event(self, *, platform: str, event_id: str, lease: timedelta | None = None) -> bool:
        """True only the first time (platform, event_id) is seen, across all processes and replicas.

        With a lease, a claim whose answer was not marked posted (mark_event_answered) within the lease
        has expired: its process died after the ack, so a redelivery claims the event again.
        """
        now = utcnow()
        insert = (
            self._insert(processed_events)
            .values(platform=platform, event_id=event_id, seen_at=now)
            .on_conflict_do_nothing(index_elements=["platform", "event_id"])
            .returning(processed_events.c.event_id)
        )
        with self._write("claim_event") as conn:
            if conn.execute(insert).first() is not None:
                return True
            if lease is None:
                return False
            return conn.execute(self._reclaim(platform, event_id, now, lease)).first() is not None

    @staticmethod
    def _reclaim(platform: str, event_id: str, now: datetime, lease: timedelta) -> Any:
        """UPDATE … RETURNING that takes over an unanswered claim older than the lease."""
        row = processed_events.c
        return (
            update(processed_events)
            .where(
                row.platform == platform,
                row.event_id == event_id,
                row.answered_at.is_(None),
                row.seen_at < now - lease,
            )
            .values(seen_at=now)
            .returning(row.event_id)
        )

    def mark_event_answered(self, *, platform: str, event_id: str) -> None:
        """Record that the event's answer was posted: its claim never expires."""
        row = processed_events.c
        stmt = (
            update(processed_events)
            .where(row.platform == platform, row.event_id == event_id)
            .values(answered_at=utcnow())
        )
        with self._write("mark_event_answered") as conn:
            conn.execute(stmt)

    def prune_events(self, *, before: datetime) -> int:
        """Forget events first seen before `before` (retries come within minutes); return how many."""
        stmt = delete(processed_events).where(processed_events.c.seen_at < aware(before, "before"))
        with self._write("prune_events") as conn:
            return conn.execute(stmt).rowcount

    def purge_before(self, *, before: datetime) -> Purged:
        """Delete questions, answers, votes and event records older than `before` (retention); what went."""
        cutoff = aware(before, "before")
        old_answers = select(answers.c.id).where(answers.c.created_at < cutoff)
        with self._write("purge_before") as conn:
            # votes first and explicitly: SQLite enforces ON DELETE CASCADE only with a pragma we do not rely on
            voted = conn.execute(
                delete(votes).where((votes.c.voted_at < cutoff) | votes.c.answer_id.in_(old_answers))
            ).rowcount
            answered = conn.execute(delete(answers).where(answers.c.created_at < cutoff)).rowcount
            asked = conn.execute(delete(asked_questions).where(asked_questions.c.asked_at < cutoff)).rowcount
            seen = conn.execute(delete(processed_events).where(processed_events.c.seen_at < cutoff)).rowcount
        return Purged(answers=answered, votes=voted, questions=asked, events=seen)

    # --- answers ---------------------------------------------------------------------------

    def save_answer(
        self,
        *,
        platform: str,
        channel: str,
        thread: str | None,
        user: str | None,
        question: str,
        answer: Answer,
    ) -> int:
        """Store an answer given and log its question (without the user) and latency; return the answer id."""
        now = utcnow()
        with self._write("save_answer") as conn:
            answer_id = conn.execute(
                answers.insert()
                .values(
                    platform=platform,
                    channel=channel,
                    thread=thread,
                    user=user,
                    question=question,
                    answer_json=answer.model_dump_json(),
                    created_at=now,
                )
                .returning(answers.c.id)
            ).scalar_one()
            conn.execute(
                asked_questions.insert().values(
                    platform=platform,
                    channel=channel,
                    question=question,
                    question_key=question_key(question),
                    language=answer.language,
                    abstained=answer.abstained,
                    latency_ms=answer.latency_ms,
                    asked_at=now,
                )
            )
        return int(answer_id)

    def get_answer(self, answer_id: int) -> StoredAnswer | None:
        """The stored answer with this id, if any."""
        if not 0 < answer_id <= MAX_ID:
            return None
        with self._read("get_answer") as conn:
            row = conn.execute(select(answers).where(answers.c.id == answer_id)).first()
        return None if row is None else _stored(row)

    def last_answer(self, *, platform: str, channel: str, thread: str | None = None) -> StoredAnswer | None:
        """The newest answer in the thread, or anywhere in the channel when thread is None."""
        stmt = select(answers).where(answers.c.platform == platform, answers.c.channel == channel)
        if thread is not None:
            stmt = stmt.where(answers.c.thread == thread)
        with self._read("last_answer") as conn:
            row = conn.execute(stmt.order_by(answers.c.id.desc()).limit(1)).first()
        return None if row is None else _stored(row)

    def thread_questions(
        self, *, platform: str, channel: str, thread: str, limit: int | None = None
    ) -> list[str]:
        """Questions answered earlier in the thread, oldest first (only the last `limit` if given)."""
        stmt = (
            select(answers.c.question)
            .where(answers.c.platform == platform, answers.c.channel == channel, answers.c.thread == thread)
            .order_by(answers.c.id.desc())
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._read("thread_questions") as conn:
            newest_first = list(conn.execute(stmt).scalars())
        return newest_first[::-1]

    # --- votes -----------------------------------------------------------------------------

    def record_vote(self, *, answer_id: int, user: str, vote: int) -> None:
        """Record a user's +1 or -1 on an answer, replacing their earlier one; NotFound if no such answer."""
        if vote not in (1, -1):
            raise ValueError(f"vote must be +1 or -1, not {vote!r}")
        if not 0 < answer_id <= MAX_ID:
            raise NotFound(f"no answer {answer_id}")
        now = utcnow()
        stmt = (
            self._insert(votes)
            .values(answer_id=answer_id, user=user, vote=vote, voted_at=now)
            .on_conflict_do_update(index_elements=["answer_id", "user"], set_={"vote": vote, "voted_at": now})
        )
        with self._write("record_vote") as conn:
            if conn.execute(select(answers.c.id).where(answers.c.id == answer_id)).first() is None:
                raise NotFound(f"no answer {answer_id}")
            conn.execute(stmt)

    def vote_totals(self, answer_id: int) -> tuple[int, int]:
        """(up, down) vote counts for the answer; (0, 0) if none."""
        stmt = select(
            func.coalesce(func.sum(case((votes.c.vote > 0, 1), else_=0)), 0),
            func.coalesce(func.sum(case((votes.c.vote < 0, 1), else_=0)), 0),
        ).where(votes.c.answer_id == answer_id)
        with self._read("vote_totals") as conn:
            up, down = conn.execute(stmt).one()
        return int(up), int(down)

    # --- asked-questions log ---------------------------------------------------------------

    def asked_questions(
        self,
        *,
        platform: str,
        channel: str,
        since: datetime,
        limit: int | None = None,
        include_abstained: bool = True,
    ) -> list[tuple[str, int]]:
        """(question, times asked) since `since`, most asked first; similar spellings count as one.

        Each question is shown in its most frequent spelling (the latest one on a tie).
        """
        log = asked_questions.c
        stmt = (
            select(log.question_key, log.question, func.count(), func.max(log.asked_at))
            .where(log.platform == platform, log.channel == channel, log.asked_at >= aware(since, "since"))
            .group_by(log.question_key, log.question)
        )
        if not include_abstained:
            stmt = stmt.where(log.abstained.is_(False))
        groups: dict[str, list[tuple[int, datetime, str]]] = {}
        with self._read("asked_questions") as conn:
            for key, question, count, latest in conn.execute(stmt):
                groups.setdefault(key, []).append((int(count), latest, question))
        ranked = sorted(
            ((max(spellings)[2], sum(c for c, _, _ in spellings), max(t for _, t, _ in spellings), key)
             for key, spellings in groups.items()),
            key=lambda item: (-item[1], -item[2].timestamp(), item[3]),
        )  # fmt: skip
        return [(question, times) for question, times, _, _ in ranked[:limit]]


def _migrate_when_free(engine: Engine, *, attempts: int = 6) -> None:
    """Migrate, retrying briefly while a new SQLite file is locked by another process opening it.

    Switching a brand-new file to WAL while another process does the same returns "database is locked"
    at once, without waiting out the busy timeout; it clears as soon as the other opener is done.
    """
    for attempt in range(attempts):
        try:
            migrate(engine)
            return
        except OperationalError as error:
            locked = engine.dialect.name == "sqlite" and "locked" in str(error).lower()
            if not locked or attempt == attempts - 1:
                raise
            time.sleep(0.05 * 2**attempt)
