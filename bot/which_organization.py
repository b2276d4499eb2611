"""A question that asks which organization did something, and the passages that can say which."""

from __future__ import annotations

import re

from bot.naming import unnamed_description
from knowledge.corpus import Corpus
from knowledge.search import Hit

_WHICH_ORGANIZATION = re.compile(
    r"\b(?:which|what) (?:firm|company|bank|fund|lender|investor|auditor|appraiser|consultancy|broker|underwriter)\b|"
    r"哪家|哪一家|哪間|哪间",
    re.I,
)


def asks_which_organization(question: str) -> bool:
    """Whether a question asks which organization did something ("Which firm did the appraisal?", "哪家领投")."""
    return _WHICH_ORGANIZATION.search(question) is not None


def names_another_organization(hit: Hit, asked: set[str], corpus: Corpus) -> bool:
    """Whether a passage names an organization the question does not ask about (its own speaker counts)."""
    named = {m.speaker.name for m in corpus.speakers.find_mentions(hit.passage.text)}
    speaker = corpus.speaker(hit.passage.speaker)
    if speaker is not None:
        named.add(speaker.name)
    return any(
        (s := corpus.speaker(n)) is not None
        and s.kind == "organization"
        and n not in asked
        and unnamed_description(s) is None  # "one of them" is no firm
        for n in named
    )
