"""Find numbers with units in text and normalize them (亿/億/万/萬, $, billion, GW, %, 倍, x)."""

from __future__ import annotations

import re

from pydantic import BaseModel

CN_MULTIPLIERS = {"万亿": 1e12, "萬億": 1e12, "兆": 1e12, "亿": 1e8, "億": 1e8, "万": 1e4, "萬": 1e4, "千": 1e3}
EN_MULTIPLIERS = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "m": 1e6, "k": 1e3}


class Figure(BaseModel):
    """A number as written plus its normalized value and unit, and the year or period it refers to."""

    text: str
    value: float
    unit: str
    year: int | None = None
    per: str | None = None


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN_MULT = r"万亿|萬億|兆|亿|億|万|萬|千"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("usd_cn", re.compile(rf"(?P<num>{_NUM})\s*(?P<mult>{_CN_MULT})?\s*(?:美元|美金)")),
    ("usd_en", re.compile(
        rf"(?:US)?\$\s?(?P<num>{_NUM})(?:\s*(?P<mult>trillion|billion|million|tn|bn|m|k)\b)?", re.I)),
    ("usd_words", re.compile(
        rf"(?<![\$\d.])(?P<num>{_NUM})\s*(?P<mult>trillion|billion|million)\s+(?:US\s+)?(?:dollars|USD)\b", re.I)),
    ("gw", re.compile(rf"(?P<num>{_NUM})(?:\s*|-)(?:吉瓦|千兆瓦|GW\b|gigawatts?\b)", re.I)),
    ("pct", re.compile(rf"(?P<num>{_NUM})\s*(?:%|％|percent\b|per cent\b)", re.I)),
    ("times", re.compile(rf"(?P<num>{_NUM})(?:\s*(?:倍|x\b|times\b)|-fold\b)", re.I)),
]
_UNITS = {"usd_cn": "USD", "usd_en": "USD", "usd_words": "USD", "gw": "GW", "pct": "%", "times": "x"}
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)(?:\s*年)?")
_PER = [
    (re.compile(r"每年|每一年|一年|年收入|per year|a year|annually|each year|every year", re.I), "year"),
    (re.compile(r"每月|每個月|每个月|per month|a month|monthly|each month", re.I), "month"),
]
_DEADLINE = re.compile(r"(?:到|至|by |through )((?:19|20)\d{2})", re.I)
_CLAUSE_BREAK = re.compile(r"[,，;；。!?！？:：—]")


def parse_number(text: str) -> float:
    """Parse a written number such as '1,400' or '1.5' into a float."""
    return float(text.replace(",", ""))


def _value(kind: str, num: str, mult: str | None) -> float:
    value = parse_number(num)
    if mult:
        table = CN_MULTIPLIERS if kind == "usd_cn" else EN_MULTIPLIERS
        value *= table[mult.lower() if kind != "usd_cn" else mult]
    return value


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right_match = _CLAUSE_BREAK.search(text, end)
    return left, right_match.start() if right_match else len(text)


def _year_near(text: str, start: int, end: int) -> int | None:
    left, right = _clause_bounds(text, start, end)
    years = [(abs(m.start() - start), int(m.group(1))) for m in _YEAR.finditer(text, left, right)
             if not (m.start() >= start and m.end() <= end)]
    if years:
        return min(years)[1]
    # "到2030年，……需要每年产生2万亿美元": a deadline year may sit one clause earlier.
    deadline = list(_DEADLINE.finditer(text, max(0, start - 40), start))
    return int(deadline[-1].group(1)) if deadline else None


def _per_near(text: str, start: int, end: int) -> str | None:
    window = text[max(0, start - 8): end + 8]
    for pattern, period in _PER:
        if pattern.search(window):
            return period
    return None


def find_figures(text: str) -> list[Figure]:
    """Every figure with a unit in text, in order of appearance; vague amounts and bare years are skipped."""
    found: list[tuple[int, int, Figure]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e, _ in found):
                continue
            written = text[start:end].strip()
            figure = Figure(
                text=written,
                value=_value(kind, match.group("num"), match.groupdict().get("mult")),
                unit=_UNITS[kind],
                year=_year_near(text, start, end),
                per=_per_near(text, start, end),
            )
            found.append((start, end, figure))
    return [figure for _, _, figure in sorted(found, key=lambda item: item[0])]


def format_figure(value: float, unit: str) -> str:
    """Render a normalized figure in English: $1.5 trillion, 250 GW, 95%, 15x."""
    if unit == "USD":
        for word, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
            if abs(value) >= scale:
                return f"${_trim(value / scale)} {word}"
        return f"${_trim(value)}"
    if unit == "%":
        return f"{_trim(value)}%"
    if unit == "x":
        return f"{_trim(value)}x"
    return f"{_trim(value)} {unit}"


def _trim(number: float) -> str:
    text = f"{number:,.2f}".rstrip("0").rstrip(".")
    return text
