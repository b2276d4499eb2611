"""What the bot says, before a platform renders it: each reply names its language and its content.

Text in a `Notice` is plain (the platform escapes it); user mentions in an `Announcement` are the platform's
(the core asks the platform to write them). Answers, sources, help, digests and charts carry their data, so
each platform lays them out its own way (Block Kit, embeds, plain text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.models import Answer

if TYPE_CHECKING:
    from bot.charts.chat import ChatChart
    from bot.digest.model import Digest


@dataclass(frozen=True)
class Notice:
    """A short message only the asker sees (an error, a refusal, thanks, a status)."""

    text: str
    language: str = "en"
    markup: bool = False  # already in the platform's markup (it names users), so not escaped again


@dataclass(frozen=True)
class Announcement:
    """A message for the whole channel (a digest change), already in the platform's markup."""

    text: str
    language: str = "en"


@dataclass(frozen=True)
class AnswerReply:
    """An answer for the channel; `answer_id` is None when the store could not save it (then no buttons)."""

    answer: Answer
    answer_id: int | None
    question: str = ""
    echo: bool = False  # start with who asked what (slash commands, whose question nobody else saw)
    asker: str = ""


@dataclass(frozen=True)
class SourcesReply:
    """An answer's verbatim sources, for the asker only."""

    answer: Answer


@dataclass(frozen=True)
class HelpReply:
    """How to use the bot on this platform, in the asker's language, after an optional note."""

    language: str
    note: str | None = None


@dataclass(frozen=True)
class DigestHelpReply:
    """How the digest commands work."""

    language: str


@dataclass(frozen=True)
class DigestReply:
    """A digest shown to the asker only (a preview)."""

    digest: Digest


@dataclass(frozen=True)
class ChartReply:
    """A figure chart: an image, its text fallback and citations, in the asker's language."""

    chart: ChatChart
    language: str


@dataclass(frozen=True)
class Replies:
    """What a command says now (within the platform's acknowledgement time) and whether slow work follows."""

    now: list[Reply] = field(default_factory=list)
    later: bool = False


Reply = (
    Notice
    | Announcement
    | AnswerReply
    | SourcesReply
    | HelpReply
    | DigestHelpReply
    | DigestReply
    | ChartReply
)
