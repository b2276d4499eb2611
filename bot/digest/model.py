"""What a digest is: its items (figure, quote, new source, most asked) and the channel it is for."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.models import CitedFigure, SourceRef

ItemKind = Literal["figure", "quote", "new_source", "most_asked"]


class DigestItem(BaseModel):
    """One item; `text` is what a reader sees, the other public fields are for machines (preview --json)."""

    model_config = ConfigDict(frozen=True)

    kind: ItemKind
    speaker: str | None = None
    figures: list[CitedFigure] = Field(default_factory=list)
    quote: str | None = None
    source: SourceRef | None = None
    text: str
    # Display parts the renderers arrange (not part of the JSON contract).
    key: str | None = Field(default=None, exclude=True)
    who: str | None = Field(default=None, exclude=True)
    shown_figures: str | None = Field(default=None, exclude=True)
    body: str | None = Field(default=None, exclude=True)
    place: str | None = Field(default=None, exclude=True)


class Digest(BaseModel):
    """A channel's digest for one local date, in the channel's language."""

    model_config = ConfigDict(frozen=True)

    platform: str | None
    channel: str | None
    date: date
    language: str
    items: list[DigestItem]
    show_most_asked: bool = True

    def of(self, kind: ItemKind) -> list[DigestItem]:
        """The items of one kind, in order."""
        return [item for item in self.items if item.kind == kind]

    def featured(self) -> list[str]:
        """The card keys this digest features (recorded with its delivery, for the rotation)."""
        return [item.key for item in self.items if item.key]

    def contract(self, text: str) -> dict[str, Any]:
        """The `preview --json` object: channel, date, language, items and the plain text."""
        return {
            "channel": self.channel,
            "date": self.date.isoformat(),
            "language": self.language,
            "items": [item.model_dump(mode="json") for item in self.items],
            "text": text,
        }
