"""The Discord adapter's link to the answer service, the state store and the rate limiter.

Everything here is platform-neutral in shape (strings in, answers out); the synchronous service and
store are called in worker threads so the gateway's event loop never blocks.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import EmptyQuestion, QuestionTooLong, RateLimited, StoreUnavailable
from bot.models import Answer
from bot.ratelimit import RateLimiter
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.chat_ingest import ChatIngest
    from bot.service import AnswerService
    from bot.store import StateStore

log = logging.getLogger(__name__)

PLATFORM = "discord"
TURNS = 4  # earlier questions of a thread passed as history


@dataclass(frozen=True)
class Place:
    """Where a question was asked: channel, thread (if any) and user, as Discord snowflakes."""

    channel: str
    thread: str | None
    user: str
    dm: bool = False


@dataclass(frozen=True)
class Asked:
    """An answer and the id it is stored under (None when the store could not save it)."""

    answer: Answer
    answer_id: int | None


class Responder:
    """Answers, stores and looks up answers for the Discord adapter."""

    def __init__(self, service: AnswerService, store: StateStore | None, *,
                 rate_limit_per_minute: int, max_question_chars: int, data_dir: Path | None = None,
                 ingest: ChatIngest | None = None) -> None:
        self.service = service
        self.store = store
        self.data_dir = data_dir  # the library of ingested articles (for the digest)
        self.ingest = ingest  # `/bubble ingest` (None: nobody may ingest from chat)
        self.max_question_chars = max_question_chars
        self.limiter = RateLimiter(limit=rate_limit_per_minute, window=60)
        self._warned: set[str] = set()

    @classmethod
    def from_settings(cls, settings: Settings) -> Responder:
        """Open the answer service and (if reachable) the state store."""
        from bot.chat_ingest import ChatIngest
        from bot.service import AnswerService
        from bot.store import StateStore

        service = AnswerService.from_settings(settings)
        store: StateStore | None
        try:
            store = StateStore.open(settings.resolved_database_url())
        except StoreUnavailable:
            log.warning("the state store is unavailable; answering without sources buttons, votes or dedupe")
            store = None
        return cls(service, store, rate_limit_per_minute=settings.rate_limit_per_minute,
                   max_question_chars=settings.max_question_chars, data_dir=settings.data_dir,
                   ingest=ChatIngest.from_settings(settings, service))

    def close(self) -> None:
        """Close the state store."""
        if self.store is not None:
            self.store.close()

    # --- before answering -------------------------------------------------------------------------

    def check(self, question: str, user: str) -> None:
        """Raise EmptyQuestion, QuestionTooLong or RateLimited before any work is done."""
        text = " ".join(question.split())
        if not text:
            raise EmptyQuestion()
        if len(text) > self.max_question_chars:
            raise QuestionTooLong(self.max_question_chars, len(text))
        key = f"{PLATFORM}:{user}"
        if not self.limiter.allow(key):
            raise RateLimited(self.limiter.retry_after(key))
        self._warned.discard(key)

    def first_warning(self, user: str) -> bool:
        """True the first time a rate-limited user is told so in this window (so a flood gets one reply)."""
        key = f"{PLATFORM}:{user}"
        if key in self._warned:
            return False
        self._warned.add(key)
        return True

    async def claim(self, event_id: str) -> bool:
        """Claim an event so a redelivered or replayed one is answered once (True when unavailable)."""
        if self.store is None:
            return True
        try:
            return await asyncio.to_thread(self.store.claim_event, platform=PLATFORM, event_id=event_id)
        except StoreUnavailable:
            log.warning("could not claim event %s (state store unavailable); answering anyway", event_id)
            return True

    async def history(self, place: Place, *, replied_to: int | None = None) -> list[str]:
        """Earlier questions for a follow-up: the answer replied to, the thread's, or the DM's last one."""
        store = self.store
        if store is None:
            return []
        try:
            if replied_to is not None:
                stored = await asyncio.to_thread(store.get_answer, replied_to)
            elif place.thread is not None:
                return await asyncio.to_thread(store.thread_questions, platform=PLATFORM,
                                               channel=place.channel, thread=place.thread, limit=TURNS)
            elif place.dm:
                stored = await asyncio.to_thread(store.last_answer, platform=PLATFORM, channel=place.channel)
            else:
                return []
        except StoreUnavailable:
            log.warning("could not read earlier questions (state store unavailable); answering without them")
            return []
        return [stored.question] if stored is not None else []

    # --- answering --------------------------------------------------------------------------------

    async def ask(self, question: str, place: Place, *, history: Sequence[str] = ()) -> Asked:
        """Answer the question (in a worker thread) and store the answer when the store is reachable."""
        answer = await asyncio.to_thread(self.service.ask, question, history=history)
        answer_id: int | None = None
        if self.store is not None:
            try:
                answer_id = await asyncio.to_thread(
                    self.store.save_answer, platform=PLATFORM, channel=place.channel, thread=place.thread,
                    user=place.user, question=answer.question, answer=answer)
            except StoreUnavailable:
                log.warning("could not save an answer: the state store is unavailable; answering anyway")
        return Asked(answer, answer_id)

    # --- after answering --------------------------------------------------------------------------

    async def stored_answer(self, answer_id: int) -> Answer | None:
        """The stored answer with this id (None when unknown); raises StoreUnavailable."""
        if self.store is None:
            raise StoreUnavailable("no state store")
        try:
            stored = await asyncio.to_thread(self.store.get_answer, answer_id)
        except LookupError:
            return None
        return stored.answer if stored is not None else None

    async def last_answer(self, place: Place) -> Answer | None:
        """The last answer given in this channel or thread; raises StoreUnavailable."""
        if self.store is None:
            raise StoreUnavailable("no state store")
        stored = await asyncio.to_thread(self.store.last_answer, platform=PLATFORM,
                                         channel=place.channel, thread=place.thread)
        return stored.answer if stored is not None else None

    async def vote(self, answer_id: int, user: str, vote: int) -> bool:
        """Record a 👍 (+1) or 👎 (-1); False when the answer is unknown; raises StoreUnavailable."""
        if self.store is None:
            raise StoreUnavailable("no state store")
        try:
            await asyncio.to_thread(self.store.record_vote, answer_id=answer_id, user=user, vote=vote)
        except LookupError:
            return False
        return True


def responder_of(client: object) -> Responder:
    """The Responder attached to a bubblebot Discord client (see bot.discord.client)."""
    responder = getattr(client, "responder", None)
    if not isinstance(responder, Responder):
        raise RuntimeError("this Discord client has no responder (it was built for command sync only)")
    return responder
