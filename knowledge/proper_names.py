"""Names the library writes only capitalized ("Corrin Ridge", "Tessmore"): how a lower-case question still names them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from knowledge.attribution.org_tails_en import ORG_TAILS
from knowledge.glossary import load_glossary
from knowledge.passages import Passage

# A capitalized word inside a sentence (not its first word), and any word, in English text.
_INNER_CAPITAL = re.compile(r"(?<=[\w,;:’'\"”)] )([A-Z][a-z]{3,})\b")
_WORD = re.compile(r"\b[A-Za-z]{4,}\b")
# Capitalized by the calendar, not because they name something an article is about.
_CALENDAR = frozenset(
    "january february march april june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)


@cache
def _domain_words() -> frozenset[str]:
    """Words of the trade that a small library may happen to write only inside names ("Pellmore Compute")."""
    glossary = load_glossary(Path(__file__).parent / "corpus" / "glossary.yaml")
    return frozenset(k for k in glossary.entries if k.isascii() and k.isalpha()) | ORG_TAILS


class LibraryNames:
    """Every word the library's English passages write capitalized mid-sentence, never in lower case, and that is
    no word of the trade."""

    def __init__(self, passages: Iterable[Passage]) -> None:
        capital: dict[str, set[str]] = {}
        lower: set[str] = set()
        for passage in passages:
            text = passage.text
            for match in _INNER_CAPITAL.finditer(text):
                capital.setdefault(match.group(1).lower(), set()).add(passage.source_id)
            lower.update(w for w in _WORD.findall(text) if w.islower())
        common = lower | _CALENDAR | _domain_words()
        self._sources = {w: ids for w, ids in capital.items() if w not in common}

    def in_question(self, question: str) -> list[str]:
        """The library's names a question uses, whatever their case ("how much will corrin ridge need?")."""
        words = dict.fromkeys(w.lower() for w in _WORD.findall(question))
        return [w for w in words if w in self._sources]

    def names_in(self, source_id: str, word: str) -> bool:
        """Whether an article writes this name."""
        return source_id in self._sources.get(word, set())
