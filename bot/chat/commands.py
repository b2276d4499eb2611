"""The one `/bubble` router: ask, sources, help, digest, ingest, chart, the same on every platform.

`route` splits what can be said at once (within a platform's acknowledgement time: help, usage, refusals,
sources) from the work that follows (answering, ingesting, drawing a chart, digest changes), which the
platform runs on its own worker threads and delivers as it delivers any reply.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from bot.chat.chart_command import ChartCommand
from bot.chat.conversation import Conversation
from bot.chat.digest_commands import DigestCommands
from bot.chat.ingest_command import IngestCommand
from bot.chat.place import Place
from bot.chat.replies import HelpReply, Notice, Reply
from bot.i18n import message

COMMANDS = ("ask", "sources", "help", "digest", "ingest", "chart")
Work = Literal["answer", "ingest", "quick"]


@dataclass(frozen=True)
class Routed:
    """A command's reply now (None: only acknowledge) and the work that follows, on which kind of thread."""

    now: Reply | None = None
    later: Callable[[], Reply | None] | None = None
    work: Work = "quick"
    language: str = "en"


class CommandRouter:
    """Parses `/bubble <command> <rest>` and hands each command to the part of the core that does it."""

    def __init__(
        self,
        conversation: Conversation,
        *,
        digest: DigestCommands,
        ingest: IngestCommand,
        chart: ChartCommand,
    ) -> None:
        self.conversation = conversation
        self.digest = digest
        self.ingest = ingest
        self.chart = chart

    def route(self, place: Place, text: str) -> Routed:
        """What to do with one command line (`ask Is AI a bubble?`, `digest status`, `chart capex`…)."""
        command, _, rest = " ".join((text or "").split()).partition(" ")
        command = command.lower()
        # The language of the words a user chose (a question, a topic, a city), not of command keywords or a URL.
        words = {"ask": rest, "chart": rest, "digest": rest.partition(" ")[2]}.get(command, "")
        language = self.conversation.language(place, words)
        if command in ("", "help"):
            return Routed(HelpReply(language), language=language)
        if command == "sources":
            return Routed(self.conversation.sources(place), language=language)
        if command == "ask":
            return Routed(None, lambda: self.conversation.answer(rest, place, echo=True), "answer", language)
        if command == "digest":
            return Routed(None, lambda: self.digest.run(place, rest.split(), language), "quick", language)
        if command == "ingest":
            url, said = self.ingest.check(place, rest, language)
            if url is None:
                return Routed(said, language=language)
            return Routed(said, lambda: self.ingest.run(place, url, language), "ingest", language)
        if command == "chart":
            if not rest:
                return Routed(Notice(message("chart.usage", language), language), language=language)
            return Routed(None, lambda: self.chart.run(rest, language), "answer", language)
        note = message("chat.unknown_command", language, command=command)
        return Routed(HelpReply(language, note=note), language=language)
