"""How many months from the start of a year a text's figures cover: 首三季 and "first nine months" are nine."""

from __future__ import annotations

import re

from knowledge.figures.numbers import CN_DIGITS
from knowledge.scripts import fold

# the Chinese digits the figure reader knows, and ten (a count of months never needs more)
_NUMBERS = {**CN_DIGITS, "十": 10}
_NUMBERS |= {"十一": 11, "十二": 12}
_WORDS = "one two three four five six seven eight nine ten eleven".split()
_NUMBERS |= {word: n for n, word in enumerate(_WORDS, start=1)}
_MONTHS = re.compile(
    r"(?:头|首|前)(?P<zh>十一|十二|[一二两三四五六七八九十]|\d{1,2})个?月|"
    r"\bfirst (?P<en>\d{1,2}|" + "|".join(_WORDS) + r") months\b",
    re.I,
)
_QUARTERS = re.compile(
    r"(?:头|首|前)(?P<zh>[一二两三])个?季(?:度)?|\bfirst (?P<en>two|three) quarters\b",
    re.I,
)
_HALF = re.compile(r"上半年|\bfirst half\b|\bh1\b", re.I)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def month_spans(text: str) -> set[int]:
    """The spans from a year's start a text names, in months ("前九个月" 9, "首三季" 9, "上半年" 6)."""
    folded = fold(text)
    spans = {_count(m.group("zh") or m.group("en")) for m in _MONTHS.finditer(folded)}
    spans |= {3 * _count(m.group("zh") or m.group("en")) for m in _QUARTERS.finditer(folded)}
    return spans | ({6} if _HALF.search(folded) else set())
