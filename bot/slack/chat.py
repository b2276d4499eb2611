"""The Slack adapter's link to the conversation core: answers queued on worker threads, replies delivered.

No conversation rule lives here (they are bot.chat's): this only adds what is Slack's own, the 👀 sign on
the question while its answer is composed and the choice of thread pool for each kind of work.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from typing import Any

from bot.chat.commands import CommandRouter, Routed
from bot.chat.conversation import Conversation
from bot.chat.place import Place
from bot.chat.platform import deliver
from bot.chat.replies import Reply
from bot.slack.platform import SlackPlatform
from bot.slack.render import render_reply

log = logging.getLogger(__name__)


@dataclass
class SlackChat:
    """The core, the Slack platform and the threads answers and ingests run on."""

    conversation: Conversation
    router: CommandRouter
    platform: SlackPlatform
    answers: Executor | None = None
    ingests: Executor | None = None
    bot_user_id: str | None = None

    def answer_later(self, question: str, place: Place, *, echo: bool = False) -> Future[bool] | None:
        """Queue a question for the answer threads (answer now, in this thread, if there are none)."""
        return self._later(
            self.answers, lambda: self._answer(question, place, echo), "answering a Slack question"
        )

    def _answer(self, question: str, place: Place, echo: bool) -> bool:
        thinking = self.platform.thinking(place, add=True)
        try:
            return deliver(
                self.platform, self.conversation, place, self.conversation.answer(question, place, echo=echo)
            )
        finally:
            if thinking:
                self.platform.thinking(place, add=False)

    def command(self, place: Place, text: str, ack: Callable[..., Any]) -> Routed:
        """`/bubble …`: acknowledge with what can be said at once, then run the rest on its threads."""
        routed = self.router.route(place, text)
        if routed.now is not None:
            ack(**render_reply(routed.now))
        else:
            ack()
        work = routed.later
        if work is not None:
            pool = {"answer": self.answers, "ingest": self.ingests}.get(routed.work)
            self._later(pool, lambda: self.deliver(place, work()), f"/bubble {text.split(' ', 1)[0]}")
        return routed

    def deliver(self, place: Place, reply: Reply | None) -> bool:
        """Send one reply of the core."""
        return deliver(self.platform, self.conversation, place, reply)

    @staticmethod
    def _later(pool: Executor | None, work: Callable[[], bool], what: str) -> Future[bool] | None:
        def logged() -> bool:
            try:
                return work()
            except Exception:
                log.exception("%s failed", what)
                return False

        if pool is None:
            logged()
            return None
        return pool.submit(logged)
