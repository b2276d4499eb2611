"""What the Slack adapter does with a question once it has one: dedupe, rate limit, ask, save, post.

No retrieval or answer logic lives here: the question goes to `AnswerService.ask`, the answer to
`render_slack_answer`, the message to `SlackPoster`. The state store is used for de-duplication,
thread history, "sources" and votes; when it is unreachable the bot still answers (in-memory
de-duplication and thread memory stand in) and never crashes.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from bot.errors import BubblebotError, EmptyQuestion, QuestionTooLong, RateLimited, StoreUnavailable
from bot.ratelimit import RateLimiter
from bot.slack.render import render_notice, render_slack_answer, text_for
from bot.slack.web import SlackPoster
from bot.store import NotFound, StateStore, StoredAnswer

if TYPE_CHECKING:
    from bot.service import AnswerService

log = logging.getLogger(__name__)

PLATFORM = "slack"
HISTORY_LIMIT = 5
DM_FOLLOW_UP_WINDOW = timedelta(minutes=15)
# How long a claimed event stays ours without a posted answer. Longer than a queued answer takes,
# shorter than Slack's redeliveries keep coming, so a process that dies after the ack loses nothing.
EVENT_LEASE = timedelta(seconds=90)
THINKING = "eyes"  # the reaction shown on the question while its answer is composed
SORRY = "Sorry, something went wrong while answering. Please try again in a moment."
T = TypeVar("T")


@dataclass(frozen=True)
class Place:
    """Where a question was asked and where its answer goes."""

    channel: str
    user: str
    team: str = ""
    thread_ts: str | None = None  # post the answer in this thread (None: top level)
    is_dm: bool = False
    response_url: str | None = None  # slash commands and shortcuts can always answer here
    event_id: str | None = None  # the Events API event being answered (marked answered once posted)
    message_ts: str | None = None  # the asker's message, which gets the 👀 "thinking" reaction


class LRU:
    """A small thread-safe bounded mapping (in-memory de-duplication and thread memory)."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, key: Any) -> bool:
        """Remember key; True if it was new."""
        with self._lock:
            if key in self._items:
                return False
            self._items[key] = True
            self._trim()
            return True

    def append(self, key: Any, value: str) -> None:
        """Append value to the list kept under key."""
        with self._lock:
            self._items.setdefault(key, []).append(value)
            self._items.move_to_end(key)
            self._trim()

    def get(self, key: Any) -> Any:
        with self._lock:
            return self._items.get(key)

    def _trim(self) -> None:
        while len(self._items) > self.size:
            self._items.popitem(last=False)


class Responder:
    """Answers questions for the Slack listeners (called from bolt's worker threads)."""

    def __init__(self, *, service: AnswerService, store: StateStore | None, poster: SlackPoster,
                 limiter: RateLimiter, bot_user_id: str | None, bot_id: str | None,
                 executor: Executor | None = None) -> None:
        self.service = service
        self.executor = executor
        self.store = store
        self.poster = poster
        self.limiter = limiter
        self.bot_user_id = bot_user_id
        self.bot_id = bot_id
        self._seen = LRU()
        self._threads = LRU(2048)
        self._limited_until: dict[str, float] = {}
        self._lock = threading.Lock()
        self.event_lease = EVENT_LEASE

    # --- the store, never fatal -------------------------------------------------------------

    def _stored(self, action: str, call: Callable[[StateStore], T], default: T) -> T:
        if self.store is None:
            return default
        try:
            return call(self.store)
        except StoreUnavailable as error:
            # the store logs each outage once a minute; one more line per call would flood the log
            log.debug("state store unavailable during %s: %s", action, error.detail or error)
            return default

    def claim(self, event_id: str | None, *, retry: str | None = None) -> bool:
        """True the first time an event is seen (here or, through the store, in any replica)."""
        if not event_id:
            return True
        first_here = self._seen.add(event_id)
        first = first_here and self._stored("claim_event", lambda s: s.claim_event(
            platform=PLATFORM, event_id=event_id, lease=self.event_lease), True)
        if not first:
            log.info("event %s already handled%s; not answering again", event_id,
                     f" (Slack retry {retry})" if retry else "")
        return first

    def answered(self, place: Place) -> None:
        """Mark the place's event answered, so its claim no longer expires (no-op without an event)."""
        event_id = place.event_id
        if event_id:
            self._stored("mark_event_answered",
                         lambda s: s.mark_event_answered(platform=PLATFORM, event_id=event_id), None)

    def bot_answered_in(self, channel: str, thread: str) -> bool:
        """Whether the bot has answered in this thread (so follow-ups need no mention)."""
        if self._threads.get((channel, thread)) is not None:
            return True
        stored = self._stored(
            "last_answer", lambda s: s.last_answer(platform=PLATFORM, channel=channel, thread=thread), None)
        return stored is not None

    def history(self, place: Place) -> list[str]:
        """Earlier questions of the thread (or, in a DM, the recent previous question), oldest first."""
        if place.thread_ts is None:
            if not place.is_dm:
                return []
            last = self._stored(
                "last_answer", lambda s: s.last_answer(platform=PLATFORM, channel=place.channel), None)
            if last is None or last.thread is not None:
                return []
            recent = datetime.now(UTC) - last.created_at < DM_FOLLOW_UP_WINDOW
            return [last.question] if recent else []
        thread = place.thread_ts
        remembered: list[str] = self._threads.get((place.channel, thread)) or []
        stored = self._stored("thread_questions", lambda s: s.thread_questions(
            platform=PLATFORM, channel=place.channel, thread=thread, limit=HISTORY_LIMIT), None)
        return stored if stored is not None else remembered[-HISTORY_LIMIT:]

    def stored_answer(self, answer_id: int) -> StoredAnswer | None:
        """A saved answer by id (StoreUnavailable propagates: the caller tells the user)."""
        if self.store is None:
            raise StoreUnavailable("no state store")
        return self.store.get_answer(answer_id)

    def last_answer_in(self, channel: str) -> StoredAnswer | None:
        """The newest saved answer in a channel (StoreUnavailable propagates)."""
        if self.store is None:
            raise StoreUnavailable("no state store")
        return self.store.last_answer(platform=PLATFORM, channel=channel)

    # --- answering --------------------------------------------------------------------------

    def allowed(self, place: Place) -> bool:
        """Apply the per-user rate limit; tell the user politely (once per wait) when over it."""
        key = f"{place.team}:{place.user}"
        if self.limiter.allow(key):
            return True
        wait = self.limiter.retry_after(key)
        now = time.monotonic()
        with self._lock:
            notify = self._limited_until.get(key, 0.0) <= now
            if notify:
                if len(self._limited_until) > 10_000:
                    self._limited_until = {k: t for k, t in self._limited_until.items() if t > now}
                self._limited_until[key] = now + wait
        log.info("rate limited a user for %.0f s", wait)
        if notify:
            self.notify(place, str(RateLimited(wait)))
        return False

    def answer_later(self, question: str, place: Place, *, echo: bool = False) -> Future[str | None] | None:
        """Queue a question for the answer threads (answer now, in this thread, if there are none)."""
        if self.executor is None:
            self.answer(question, place, echo=echo)
            return None
        return self.executor.submit(self._answer_logged, question, place, echo)

    def _answer_logged(self, question: str, place: Place, echo: bool) -> str | None:
        try:
            return self.answer(question, place, echo=echo)
        except Exception:
            log.exception("answering a Slack question failed")
            return None

    def answer(self, question: str, place: Place, *, echo: bool = False) -> str | None:
        """Answer a question at a place; the posted message's ts (None if nothing was posted).

        With echo, the message starts with who asked what (slash commands and shortcuts, whose
        question nobody else saw)."""
        if not self.allowed(place):
            return None
        thinking = self._thinking(place, add=True)
        try:
            return self._compose_and_post(question, place, echo=echo)
        finally:
            if thinking:
                self._thinking(place, add=False)

    def _thinking(self, place: Place, *, add: bool) -> bool:
        """Show (or take back) the 👀 sign on the asker's message; whether it was changed."""
        if place.message_ts is None:
            return False
        return self.poster.react(place.channel, place.message_ts, THINKING, add=add)

    def _compose_and_post(self, question: str, place: Place, *, echo: bool) -> str | None:
        """Ask the service, save and post the answer (or tell the asker what went wrong)."""
        try:
            answer = self.service.ask(question, history=self.history(place))
        except (EmptyQuestion, QuestionTooLong) as error:
            self.notify(place, str(error))
            return None
        except BubblebotError as error:
            log.warning("could not answer: %s", error)
            self.notify(place, str(error))
            return None
        except Exception:
            log.exception("answering failed")
            self.notify(place, SORRY)
            return None
        answer_id = self._stored("save_answer", lambda s: s.save_answer(
            platform=PLATFORM, channel=place.channel, thread=place.thread_ts, user=place.user,
            question=question, answer=answer), None)
        if place.thread_ts is not None:
            self._threads.append((place.channel, place.thread_ts), question)
        payload = render_slack_answer(answer, answer_id, asker=place.user if echo else None,
                                      question=question if echo else None)
        ts = self.poster.post_message(place.channel, payload, thread_ts=place.thread_ts)
        if ts is not None or (place.response_url and self.poster.respond(place.response_url, payload,
                                                                         ephemeral=False)):
            self.answered(place)
        return ts

    def notify(self, place: Place, message: str) -> None:
        """A short message for the asker only (in a DM, a normal message); the event counts as answered."""
        self.tell(place, render_notice(message))
        self.answered(place)

    def tell(self, place: Place, payload: dict[str, Any]) -> None:
        """Show a payload to the asker only: response_url, else an ephemeral, else (DM) a message."""
        if place.response_url and self.poster.respond(place.response_url, payload):
            return
        if place.is_dm:
            self.poster.post_message(place.channel, payload, thread_ts=place.thread_ts)
            return
        self.poster.post_ephemeral(place.channel, place.user, payload, thread_ts=place.thread_ts)

    def vote(self, answer_id: int, user: str, vote: int, *, channel: str | None = None,
             elsewhere: str = "") -> str:
        """Record a vote; the message to show the voter (`elsewhere` if the answer is not in `channel`)."""
        if self.store is None:
            return str(StoreUnavailable())
        store = self.store
        try:
            stored = store.get_answer(answer_id)
            if stored is not None and channel is not None and stored.channel != channel:
                return elsewhere
            store.record_vote(answer_id=answer_id, user=user, vote=vote)
        except StoreUnavailable as error:
            return str(error)
        except NotFound:
            return "I no longer have that answer, so I can't record the vote."
        return text_for("thanks", stored.answer.language if stored else "en")
