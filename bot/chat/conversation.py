"""The conversation core: claim and de-duplicate events, rate limit, history, ask and save, sources, votes.

Every platform runs its questions through here, so the rules are one: an event is answered once (in this
process and, through the store, in every replica); a user over the rate limit is told once per wait; a
thread's (or a DM's recent) earlier questions are the history; an answer is saved when the store is up and
its buttons need the id. When the store is down the bot still answers (memory stands in) and never crashes.
Synchronous: platforms with an event loop call it from a worker thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Protocol, TypeVar

from bot.chat.memory import LRU
from bot.chat.place import Place
from bot.chat.replies import AnswerReply, Notice, Reply, SourcesReply
from bot.errors import BubblebotError, EmptyQuestion, QuestionTooLong, RateLimited, StoreUnavailable
from bot.i18n import message, reply_language
from bot.models import Answer
from bot.ratelimit import RateLimiter

if TYPE_CHECKING:
    from bot.store import StateStore, StoredAnswer

log = logging.getLogger(__name__)

HISTORY_LIMIT = 5  # earlier questions of a thread passed as history
DM_FOLLOW_UP_WINDOW = timedelta(minutes=15)  # a DM's previous question counts as history this long
# How long a claimed event stays ours without a posted answer. Longer than a queued answer takes, shorter
# than platforms keep redelivering, so a process that dies after the ack loses nothing.
EVENT_LEASE = timedelta(seconds=90)
T = TypeVar("T")


class AnswerSource(Protocol):
    """What the core needs of the answer service (the real AnswerService, or a fake in fast tests)."""

    max_chars: int

    def ask(
        self, question: str, *, history: Sequence[str] = (), cut: bool = False, locale: str | None = None
    ) -> Answer:
        """Answer one question given the thread's earlier questions."""
        ...


class Conversation:
    """The rules of talking to bubblebot, shared by every platform (thread-safe)."""

    def __init__(
        self,
        *,
        service: AnswerSource,
        store: StateStore | None,
        limiter: RateLimiter,
        event_lease: timedelta = EVENT_LEASE,
        history_limit: int = HISTORY_LIMIT,
    ) -> None:
        self.service = service
        self.store = store
        self.limiter = limiter
        self.event_lease = event_lease
        self.history_limit = history_limit
        self._seen = LRU()
        self._threads = LRU(2048)
        self._warned_until: dict[str, float] = {}
        self._lock = threading.Lock()

    # --- the store, never fatal -----------------------------------------------------------------

    def _stored(self, action: str, call: Callable[[StateStore], T], default: T) -> T:
        if self.store is None:
            return default
        try:
            return call(self.store)
        except StoreUnavailable as error:
            # the store logs each outage once a minute; one more line per call would flood the log
            log.debug("state store unavailable during %s: %s", action, error.detail or error)
            return default

    def _require_store(self) -> StateStore:
        if self.store is None:
            raise StoreUnavailable("no state store")
        return self.store

    # --- before answering -----------------------------------------------------------------------

    def claim(self, place: Place, *, retry: str | None = None) -> bool:
        """True the first time the place's event is seen (here or, through the store, in any replica)."""
        event_id = place.event_id
        if not event_id:
            return True
        first_here = self._seen.add((place.platform, event_id))
        first = first_here and self._stored(
            "claim_event",
            lambda s: s.claim_event(platform=place.platform, event_id=event_id, lease=self.event_lease),
            True,
        )
        if not first:
            log.info(
                "%s event %s already handled%s; not answering again",
                place.platform,
                event_id,
                f" (retry {retry})" if retry else "",
            )
        return first

    def answered(self, place: Place) -> None:
        """Mark the place's event answered, so its claim no longer expires (no-op without an event)."""
        event_id = place.event_id
        if event_id:
            self._stored(
                "mark_event_answered",
                lambda s: s.mark_event_answered(platform=place.platform, event_id=event_id),
                None,
            )

    def answered_in(self, platform: str, channel: str, thread: str) -> bool:
        """Whether the bot has answered in this thread (so follow-ups need no mention)."""
        if self._threads.get((platform, channel, thread)) is not None:
            return True
        stored = self._stored(
            "last_answer", lambda s: s.last_answer(platform=platform, channel=channel, thread=thread), None
        )
        return stored is not None

    def check(self, question: str) -> str:
        """The question with whitespace collapsed; EmptyQuestion or QuestionTooLong before any work."""
        text = " ".join((question or "").split())
        if not text:
            raise EmptyQuestion()
        if len(text) > self.service.max_chars:
            raise QuestionTooLong(self.service.max_chars, len(text))
        return text

    def admit(self, place: Place, question: str = "", *, always: bool = False) -> Notice | bool | None:
        """Apply the per-user rate limit: True when allowed, else the warning to give (once per wait, or every
        time with `always`, for platforms that must answer each command) or None."""
        key = place.user_key
        if self.limiter.allow(key):
            return True
        wait = self.limiter.retry_after(key)
        now = time.monotonic()
        with self._lock:
            warn = self._warned_until.get(key, 0.0) <= now
            if warn:
                if len(self._warned_until) > 10_000:
                    self._warned_until = {k: t for k, t in self._warned_until.items() if t > now}
                self._warned_until[key] = now + wait
        log.info("rate limited a %s user for %.0f s", place.platform, wait)
        if not warn and not always:
            return None
        return Notice(
            RateLimited(wait).localized(self.language(place, question)), self.language(place, question)
        )

    def history(self, place: Place, *, replied_to: int | None = None) -> list[str]:
        """Earlier questions: the answer replied to, the thread's, or (in a DM) the recent previous question."""
        if replied_to:
            stored = self._stored("get_answer", lambda s: s.get_answer(replied_to), None)
            return [stored.question] if stored is not None else []
        if place.thread is None:
            if not place.is_dm:
                return []
            last = self._stored(
                "last_answer", lambda s: s.last_answer(platform=place.platform, channel=place.channel), None
            )
            if last is None or last.thread is not None:
                return []
            recent = datetime.now(UTC) - last.created_at < DM_FOLLOW_UP_WINDOW
            return [last.question] if recent else []
        thread = place.thread
        remembered: list[str] = self._threads.get((place.platform, place.channel, thread)) or []
        questions = self._stored(
            "thread_questions",
            lambda s: s.thread_questions(
                platform=place.platform, channel=place.channel, thread=thread, limit=self.history_limit
            ),
            None,
        )
        return questions if questions is not None else remembered[-self.history_limit :]

    def language(self, place: Place, text: str | None = None) -> str:
        """The language to tell this user something in: their words, their locale, the channel's digest setting."""
        if (text and text.strip()) or place.locale:
            return reply_language(text, locale=place.locale)
        setting = self._stored(
            "subscription", lambda s: s.subscription(platform=place.platform, channel=place.channel), None
        )
        return reply_language(None, setting=setting.language if setting is not None else None)

    # --- answering ------------------------------------------------------------------------------

    def ask(self, question: str, place: Place, *, replied_to: int | None = None) -> AnswerReply:
        """Answer and save (raises BubblebotError for what the user should be told)."""
        answer = self.service.ask(
            question, history=self.history(place, replied_to=replied_to), locale=place.locale
        )
        answer_id = self._stored(
            "save_answer",
            lambda s: s.save_answer(
                platform=place.platform,
                channel=place.channel,
                thread=place.thread,
                user=place.user,
                question=question,
                answer=answer,
            ),
            None,
        )
        if place.thread is not None:
            self._threads.append((place.platform, place.channel, place.thread), question)
        return AnswerReply(answer, answer_id, question=question, asker=place.user)

    def answer(
        self,
        question: str,
        place: Place,
        *,
        echo: bool = False,
        replied_to: int | None = None,
        limited: bool = True,
    ) -> Reply | None:
        """The whole turn: check, rate limit, ask, save. The reply (None: rate limited and already warned).

        With `limited=False` the caller has applied the rate limit already.
        """
        try:
            text = self.check(question)
        except BubblebotError as error:
            return Notice(error.localized(self.language(place, question)), self.language(place, question))
        if limited:
            admitted = self.admit(place, text)
            if admitted is not True:
                return admitted or None
        try:
            reply = self.ask(text, place, replied_to=replied_to)
        except BubblebotError as error:
            log.warning("could not answer: %s", error)
            language = self.language(place, text)
            return Notice(error.localized(language), language)
        except Exception:
            log.exception("answering failed")
            language = self.language(place, text)
            return Notice(message("chat.sorry", language), language)
        return AnswerReply(reply.answer, reply.answer_id, question=text, echo=echo, asker=place.user)

    # --- after answering ------------------------------------------------------------------------

    def stored_answer(self, answer_id: int) -> StoredAnswer | None:
        """A saved answer by id (StoreUnavailable propagates: the caller tells the user)."""
        try:
            return self._require_store().get_answer(answer_id)
        except LookupError:
            return None

    def last_answer(self, place: Place) -> StoredAnswer | None:
        """The newest saved answer in the place's thread, or its channel (StoreUnavailable propagates)."""
        return self._require_store().last_answer(
            platform=place.platform, channel=place.channel, thread=place.thread
        )

    def sources(self, place: Place) -> Reply:
        """`/bubble sources`: the last answer's sources here, or why there are none."""
        language = self.language(place)
        try:
            stored = self.last_answer(place)
        except StoreUnavailable as error:
            return Notice(error.localized(language), language)
        if stored is None:
            return Notice(message("chat.no_answer_yet", language), language)
        return SourcesReply(stored.answer)

    def sources_of(self, place: Place, answer_id: int | None) -> Reply:
        """The sources button: the answer's sources, if it was given in this channel."""
        language = self.language(place)
        if answer_id is None:
            return Notice(message("chat.bad_button", language), language)
        try:
            stored = self.stored_answer(answer_id)
        except StoreUnavailable as error:
            return Notice(error.localized(language), language)
        if stored is None:
            return Notice(message("chat.sources_gone", language), language)
        if stored.channel != place.channel:
            return Notice(message("chat.elsewhere", language), language)
        return SourcesReply(stored.answer)

    def vote(self, place: Place, answer_id: int | None, vote: int) -> Notice:
        """Record a 👍 (+1) or 👎 (-1) on an answer given in this channel; what to tell the voter."""
        language = self.language(place)
        if answer_id is None:
            return Notice(message("chat.bad_button", language), language)
        try:
            store = self._require_store()
            stored = store.get_answer(answer_id)
            if stored is None:
                return Notice(message("chat.vote_gone", language), language)
            if stored.channel != place.channel:
                return Notice(message("chat.elsewhere", language), language)
            store.record_vote(answer_id=answer_id, user=place.user, vote=vote)
        except StoreUnavailable as error:
            return Notice(error.localized(language), language)
        except LookupError:
            return Notice(message("chat.vote_gone", language), language)
        language = stored.answer.language
        return Notice(message("chat.thanks_up" if vote > 0 else "chat.thanks_down", language), language)
