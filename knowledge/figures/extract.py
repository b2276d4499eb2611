"""Find every figure in a text: amounts with a unit, multipliers and shares, with their qualifiers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from knowledge.figures import units
from knowledge.figures.model import Figure
from knowledge.figures.numbers import parse_number, scale_of
from knowledge.figures.qualifiers import clause_bounds, is_approximate, period_near, year_near
from knowledge.figures.rules import (
    DEMAND_MULTIPLE,
    EN_FRACTIONS,
    RULE_PATTERNS,
    WORD_MULTIPLES,
    ZH_FRACTION,
    ZH_WORD_FIGURES,
)
from knowledge.language import detect_language

# "每百万tokens", "per 1,000 tokens": a denominator, not an amount.
_DENOMINATOR = re.compile(r"(?:每|\bper\s|\bevery\s|/)\s*$", re.I)
# Currencies that mark a bare 元 later in the same clause ("新台幣300元上調至420元").
_CLAUSE_CURRENCY = re.compile("|".join(sorted(units.MONEY_BEFORE_ZH, key=len, reverse=True)))


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    values: tuple[float, ...]
    unit: str
    order: int


class _Language:
    """The text's language, detected only when a figure's unit depends on it."""

    def __init__(self, text: str, known: str | None) -> None:
        self._text, self._known = text, known

    def get(self) -> str:
        if self._known is None:
            self._known = detect_language(self._text)
        return self._known


def _values(match: re.Match[str], ranged: bool) -> tuple[float, ...] | None:
    try:
        return _written_values(match, ranged)
    except ValueError:  # "many times", "several-fold": a word that is not a number
        return None


def _written_values(match: re.Match[str], ranged: bool) -> tuple[float, ...] | None:
    high = parse_number(match.group("n1")) * scale_of(match.group("s1"))
    if not ranged:
        return (high,)
    top = parse_number(match.group("n2")) * scale_of(match.group("s2"))
    low = high if match.group("s1") else parse_number(match.group("n1")) * scale_of(match.group("s2"))
    # "2030 to 11%" or "$500 to $1 billion" are not ranges; the single amounts are found on their own.
    if low >= top:
        return None
    return (low, top)


def _unit(spelled: tuple[str, float], text: str, start: int, language: _Language) -> str | None:
    unit = spelled[0]
    if unit == units.YEN_SIGN:
        return "JPY" if language.get() == "en" else "CNY"
    if unit == units.BARE_YUAN:
        left, _ = clause_bounds(text, start, start)
        marks = _CLAUSE_CURRENCY.findall(text, left, start)
        if marks:
            return units.MONEY_BEFORE_ZH[marks[-1]][0]
        # 元 alone is renminbi in Simplified text but ambiguous (NT$ or RMB) in Traditional text.
        return None if language.get() == "zh-Hant" else "CNY"
    return unit


def _amounts(text: str, language: _Language) -> Iterator[_Found]:
    for order, compiled in enumerate(RULE_PATTERNS):
        for match in compiled.pattern.finditer(text):
            start, end = match.span()
            if _DENOMINATOR.search(text, max(0, start - 8), start):
                continue
            values = _values(match, compiled.ranged)
            spelled = compiled.spellings.get(re.sub(r"\s+", " ", match.group("u")).lower(), ("x", 1.0))
            unit = _unit(spelled, text, start, language)
            if values is None or unit is None:
                continue
            yield _Found(start, end, tuple(v * spelled[1] for v in values), unit, order)


def _words(text: str) -> Iterator[_Found]:
    last = len(RULE_PATTERNS)
    for pattern, table in ((WORD_MULTIPLES, units.WORD_FIGURES), (ZH_WORD_FIGURES, units.ZH_WORD_FIGURES)):
        for match in pattern.finditer(text):
            value, unit = table[match.group("w").lower()]
            yield _Found(*match.span("w"), (value,), unit, last)
    for match in EN_FRACTIONS.finditer(text):
        group = "w" if match.group("w") else "h"
        share = units.EN_FRACTIONS[re.sub(r"[\s-]+", " ", match.group(group).lower())]
        yield _Found(*match.span(group), (share,), "%", last)
    for match in DEMAND_MULTIPLE.finditer(text):
        try:
            multiple = parse_number(match.group("n"))
        except ValueError:  # "oversubscribed many times"
            continue
        yield _Found(match.start("n"), match.end(), (multiple,), "x", last)
    for match in ZH_FRACTION.finditer(text):
        whole = parse_number(match.group("d"))
        if whole:  # 零分之一 is no share
            yield _Found(*match.span(), (100 * parse_number(match.group("n")) / whole,), "%", last)


def _first_come(candidates: list[_Found]) -> list[_Found]:
    kept: list[_Found] = []
    for found in sorted(candidates, key=lambda f: (f.start, -f.end, f.order)):
        if all(found.start >= k.end or found.end <= k.start for k in kept):
            kept.append(found)
    return kept


def _figure(text: str, found: _Found, value: float) -> Figure:
    # The written span may carry spaces at its edges ("1.4 trillion dollars" never does, "$72 bn " could).
    written = text[found.start : found.end]
    start = found.start + len(written) - len(written.lstrip())
    end = found.end - (len(written) - len(written.rstrip()))
    # Rounded to 12 significant digits so 224萬瓩 is 2.24 GW, not 2.2399999999999998.
    return Figure(
        text=text[start:end],
        value=float(f"{value:.12g}"),
        unit=found.unit,
        year=year_near(text, start, end),
        per=period_near(text, start, end),
        approx=is_approximate(text, start, end),
    )


def find_figures(text: str, language: str | None = None) -> list[Figure]:
    """Every figure with a unit in text, in order of appearance; vague amounts and bare years are skipped.

    language ('en', 'zh-Hans', 'zh-Hant') settles ¥ and a bare 元; it is detected from text when None.
    """
    lazy = _Language(text, language)
    found = _first_come([*_amounts(text, lazy), *_words(text)])
    return [_figure(text, f, value) for f in found for value in f.values]
