"""A toy in-memory chat platform (errbot's TestBackend is the model) and a fake answer service.

The toy adapter is what a real one is: translation only. It turns "messages" and "commands" into `Place`s
and core calls, and records what the core asks it to post (in the channel) or tell (to one user).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.chat.chart_command import ChartCommand
from bot.chat.commands import CommandRouter
from bot.chat.conversation import Conversation
from bot.chat.digest_commands import DigestCommands
from bot.chat.ingest_command import IngestCommand
from bot.chat.place import Place
from bot.chat.platform import deliver
from bot.chat.replies import Reply
from bot.digest.model import Digest
from bot.models import Answer, Citation, CitedFigure, SourceRef
from bot.ratelimit import RateLimiter
from bot.store import StateStore
from knowledge.corpus import packaged_corpus
from knowledge.language import detect_language

NAME = "toy"


class FakeAnswerService:
    """Answers any question at once with one citation; remembers what it was asked (and with which history)."""

    max_chars = 200

    def __init__(self) -> None:
        self.asked: list[tuple[str, list[str]]] = []

    def ask(
        self, question: str, *, history: Sequence[str] = (), cut: bool = False, locale: str | None = None
    ) -> Answer:
        """A made-up answer naming a speaker and a figure, in the question's language."""
        self.asked.append((question, list(history)))
        citation = Citation(
            speaker="Sam Altman",
            speaker_role="CEO, OpenAI",
            quote="We will spend $1.4 trillion.",
            figures=[CitedFigure(text="$1.4 trillion", value=1.4e12, unit="USD")],
            source=SourceRef(id="toy-source", title="A toy article", publisher="Toy Times"),
            passage_id="toy-source:1.1",
            paragraph=1,
            sentence=1,
        )
        return Answer(
            question=question,
            language=detect_language(question),
            abstained=False,
            answer=f"Sam Altman said OpenAI will spend $1.4 trillion ({question}).",
            citations=[citation],
        )


@dataclass
class ToyPlatform:
    """The transport: everything posted in a channel, and everything told to one user, in order."""

    name: str = NAME
    posted: list[tuple[Place, Reply]] = field(default_factory=list)
    told: list[tuple[Place, Reply]] = field(default_factory=list)

    def send(self, place: Place, reply: Reply) -> bool:
        """Post in the place's channel (or thread)."""
        self.posted.append((place, reply))
        return True

    def tell(self, place: Place, reply: Reply) -> bool:
        """Show to the place's user only."""
        self.told.append((place, reply))
        return True

    def escape(self, text: str) -> str:
        """The toy's markup has nothing to escape."""
        return text

    def mention(self, user: str) -> str:
        """@user."""
        return f"@{user}"


@dataclass
class ToyDigestPoster:
    """Posts digests into a list (the digest runner's DigestPoster)."""

    platform: str = NAME
    posted: list[tuple[str, Digest]] = field(default_factory=list)

    def post(self, channel: str, digest: Digest) -> str | None:
        """Record the digest; its message id is its position."""
        self.posted.append((channel, digest))
        return str(len(self.posted))


class ToyBot:
    """The toy adapter: one Conversation core and one command router, like Slack's and Discord's."""

    def __init__(
        self,
        store: StateStore | None,
        data_dir: Path,
        *,
        service: FakeAnswerService | None = None,
        rate_limit: int = 30,
        admins: tuple[str, ...] = (),
    ) -> None:
        self.platform = ToyPlatform()
        self.service = service or FakeAnswerService()
        self.conversation = Conversation(
            service=self.service, store=store, limiter=RateLimiter(limit=rate_limit, window=60)
        )
        digest = DigestCommands(store, data_dir, mention=self.platform.mention, escape=self.platform.escape)
        self.router = CommandRouter(
            self.conversation,
            digest=digest,
            ingest=IngestCommand(None, escape=self.platform.escape),
            chart=ChartCommand(packaged_corpus),
        )

    def message(
        self,
        text: str,
        *,
        user: str = "ann",
        channel: str = "general",
        thread: str | None = None,
        event_id: str | None = None,
        dm: bool = False,
        locale: str | None = None,
    ) -> None:
        """A message that addresses the bot (a mention or a DM)."""
        place = Place(NAME, channel, user, thread=thread, is_dm=dm, event_id=event_id, locale=locale)
        if self.conversation.claim(place):
            deliver(self.platform, self.conversation, place, self.conversation.answer(text, place))

    def command(
        self, text: str, *, user: str = "ann", channel: str = "general", locale: str | None = None
    ) -> None:
        """`/bubble <text>`: what can be said at once, then the work that follows."""
        place = Place(NAME, channel, user, locale=locale)
        routed = self.router.route(place, text)
        deliver(self.platform, self.conversation, place, routed.now)
        if routed.later is not None:
            deliver(self.platform, self.conversation, place, routed.later())


POSTED: list[tuple[str, Digest]] = []  # what `digest run-due` posted to the toy platform through the registry


def deliver_due_toy(settings: object, store: StateStore, catalog: object, now: object) -> list[object]:
    """The toy platform's `run-due` entry point (what bot.chat.registry calls for each platform)."""
    from bot.digest.runner import deliver_due

    poster = ToyDigestPoster()
    outcomes = deliver_due(store, poster, catalog, now)  # type: ignore[arg-type]
    POSTED.extend(poster.posted)
    return list(outcomes)
