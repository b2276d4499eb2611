"""Check a model's answer before anyone sees it: cited ids, language, and every number against the cited passages."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from pydantic import BaseModel, Field

from bot.compose import make_citation
from bot.evidence import Evidence
from bot.i18n import convert
from bot.models import Citation
from knowledge.corpus import Corpus
from knowledge.figures import find_figures, parse_number
from knowledge.language import detect_language
from knowledge.passages import Passage
from knowledge.query import QueryAnalysis

MAX_ANSWER_CHARS = 1500
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Amounts without a currency or unit word: "115 billion", "1.5 trillion", "5000亿", "2万亿".
_AMOUNT = re.compile(
    rf"(?P<num>{_NUM})\s*(?P<mult>万亿|萬億|兆|亿|億|万|萬|trillion|billion|million|tn|bn)(?![A-Za-z])", re.I
)
_MULTIPLIERS = {
    "万亿": 1e12,
    "萬億": 1e12,
    "兆": 1e12,
    "亿": 1e8,
    "億": 1e8,
    "万": 1e4,
    "萬": 1e4,
    "trillion": 1e12,
    "tn": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "million": 1e6,
}
_NUMBER = re.compile(_NUM)


class LLMReply(BaseModel):
    """The structured output the model must return."""

    answer: str = Field(
        description="The answer the user sees, in the requested language. No passage ids in it."
    )
    cited_passage_ids: list[str] = Field(
        description="The ids of the passages the answer relies on, most important first; only ids you were given."
    )


class Rejected(Exception):
    """The model's answer failed a check; str(error) says why."""


def _blank(text: str, part: str) -> str:
    at = text.find(part)
    return text if at < 0 else text[:at] + " " * len(part) + text[at + len(part) :]


def _close(value: float, allowed: list[float]) -> bool:
    # Exact up to float noise: 3500亿 and $350 billion agree; 251 GW and 250 GW do not.
    return any(abs(value - v) <= 1e-6 * max(abs(v), 1.0) for v in allowed)


class _Valued(Protocol):
    value: float
    unit: str


def stray_numbers(text: str, figures: Sequence[_Valued], passages: list[Passage]) -> list[str]:
    """Numbers in text that the given figures and passages do not carry (figures, bare amounts, any other number)."""
    problems = []
    rest = text
    for figure in find_figures(text):
        same_unit = [f.value for f in figures if f.unit == figure.unit]
        if not _close(figure.value, same_unit):
            problems.append(figure.text)
        rest = _blank(rest, figure.text)
    values = [f.value for f in figures]
    for match in list(_AMOUNT.finditer(rest)):
        value = parse_number(match.group("num")) * _MULTIPLIERS[match.group("mult").lower()]
        if not _close(value, values):
            problems.append(match.group(0).strip())
        rest = _blank(rest, match.group(0))
    # Anything else (a year, a count) must be written in a cited passage or its gloss.
    written = {parse_number(n) for p in passages for n in _NUMBER.findall(f"{p.text} {p.gloss_en or ''}")}
    problems += [
        m.group(0)
        for m in _NUMBER.finditer(rest)
        if parse_number(m.group(0)) not in written and not _close(parse_number(m.group(0)), values)
    ]
    return problems


def strip_ids(text: str, ids: list[str]) -> str:
    """The answer without passage ids the model wrote into it ("[techreview-ai-bubble:14.3]")."""
    for pid in sorted(ids, key=len, reverse=True):
        text = re.sub(rf"\s*[\[(（【]?\s*{re.escape(pid)}\s*[\])）】]?", "", text)
    return text.strip()


def check_reply(
    reply: LLMReply, query: QueryAnalysis, evidence: Evidence, corpus: Corpus
) -> tuple[str, list[Citation]]:
    """The answer text (in the asker's script) and its citations, or Rejected with the reason."""
    given = {hit.passage.id: hit.passage for hit in evidence.hits}
    ids = list(dict.fromkeys(i.strip() for i in reply.cited_passage_ids if i.strip()))
    if not ids:
        raise Rejected("it cites no passage")
    unknown = [i for i in ids if i not in given]
    if unknown:
        raise Rejected(f"it cites passages it was not given: {', '.join(unknown)}")
    text = strip_ids(reply.answer, list(given))
    if not text:
        raise Rejected("the answer is empty")
    if len(text) > MAX_ANSWER_CHARS:
        raise Rejected(f"the answer is {len(text)} characters long")
    language = query.language
    written_in = detect_language(text)
    if (language == "en") != (written_in == "en"):
        raise Rejected(f"the answer is in {written_in}, not {language}")
    text = convert(text, language)
    passages = [given[i] for i in ids]
    citations = [make_citation(p, corpus, evidence.focus, language) for p in passages]
    stray = stray_numbers(text, [f for c in citations for f in c.figures], passages)
    if stray:
        raise Rejected(f"numbers not among the cited passages' figures: {', '.join(stray)}")
    return text, citations
