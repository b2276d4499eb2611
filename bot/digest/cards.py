"""Featured cards and their rotation: every figure card and every quote card before any repeats.

A figure card is a passage with at least one figure; a quote card is an attributed passage with a direct
quotation and no figure (so one passage is never both). Each channel has its own order of the cards (a
seeded hash of channel and card key; attributed figure cards first), and walks it one card a day:

- the card after the last one featured in a digest sent before the date, moved on by the days since then
  (a day without a digest skips its card rather than delaying the rest);
- with nothing sent yet, the card at (date - EPOCH) days in that order.

So the digest of a (channel, date) is deterministic, a preview of a future date shows what will be
posted, consecutive days never repeat a card until the whole list has been shown, and cards added or
removed by an ingest join or leave the order without disturbing it.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from knowledge.corpus import Corpus
from knowledge.passages import Passage

EPOCH = date(2026, 1, 1)
CardKind = Literal["figure", "quote"]
DIRECT_QUOTE = re.compile(r"[“「『\"][^”」』\"]{4,}[”」』\"]")


@dataclass(frozen=True)
class Card:
    """One featurable passage; `key` ("figure:<passage id>") is what a delivery records."""

    kind: CardKind
    passage: Passage

    @property
    def key(self) -> str:
        """The card's stable key."""
        return f"{self.kind}:{self.passage.id}"


def figure_cards(corpus: Corpus) -> list[Card]:
    """Every passage with a figure, as a figure card."""
    return [Card("figure", p) for p in corpus.passages if p.figures]


def quote_cards(corpus: Corpus) -> list[Card]:
    """Every attributed passage with a direct quotation and no figure, as a quote card."""
    return [
        Card("quote", p)
        for p in corpus.passages
        if p.speaker and not p.figures and DIRECT_QUOTE.search(p.text)
    ]


def _rank(seed: str, key: str, attributed: bool) -> tuple[int, str]:
    digest = hashlib.sha256(f"{seed}\x00{key}".encode()).hexdigest()
    return (0 if attributed else 1, digest)


def channel_order(cards: Sequence[Card], seed: str) -> list[Card]:
    """The cards in the channel's own order (attributed ones first, then a seeded shuffle)."""
    return sorted(cards, key=lambda c: _rank(seed, c.key, c.passage.speaker is not None))


def pick(cards: Sequence[Card], seed: str, day: date, last: tuple[date, str] | None) -> Card | None:
    """The card of `day`, given the last (date, key) of this kind featured before it (None if never)."""
    ordered = channel_order(cards, seed)
    if not ordered:
        return None
    if last is None or last[0] >= day:
        return ordered[(day - EPOCH).days % len(ordered)]
    last_day, last_key = last
    keys = [c.key for c in ordered]
    if last_key in keys:
        after = keys.index(last_key) + 1
    else:  # the card left the corpus: continue from where it would sort
        ranks = [_rank(seed, c.key, c.passage.speaker is not None) for c in ordered]
        after = bisect.bisect_right(ranks, _rank(seed, last_key, True))
    return ordered[(after + (day - last_day).days - 1) % len(ordered)]
