"""The measures a text names (revenue, valuation, burn, orders…), in either language, and whether it looks ahead."""

from __future__ import annotations

import re

from knowledge.measure_patterns import MEASURES
from knowledge.scripts import fold, space_scripts

# Each measure's pattern, compiled once.
COMPILED_MEASURES = {name: re.compile(pattern, re.I) for name, pattern in MEASURES.items()}


_FUTURE = re.compile(
    r"\bwill\b|\bnext\b|plan|expect|going to|future|coming|\bguid(?:e|es|ed|ing|ance)\b|\boutlook\b|\b(?:may|might|could) (?:have|need) to\b|接下来|还要|将(?!近)(?![^，。；,;]{1,10}?(?:置于|视为|视作|列为|列入|归为|纳入))|未来|计划|预计|明年|下[一个]?财年|今后|再(?!度|次|下调)|打算|准备|要(?=[在投花砸拿融募借买建扩烧付])"
    r"|会(?=[^，。？]{0,3}(?:多|增|涨|升|达|到|提|降|减|少|跌))|(?:完工|建成|投产|盖好|建好|落成)之?后",
    re.I,
)


def looks_ahead(text: str) -> bool:
    """Whether a question or clause speaks of what is still to come ("接下来还要砸多少", "will invest")."""
    return bool(_FUTURE.search(fold(text)))


# Every question matches the measures of the clauses around its hits' figures: the same clauses come back
# question after question, and 25 searches per clause were half of a warm answer's CPU at 1,000 articles.
_MEASURES_MEMO: dict[str, frozenset[str]] = {}
MEASURES_MEMO = 16384  # texts remembered (a few MB); cleared whole when full


def find_measures(text: str) -> set[str]:
    """Every measure a text names."""
    found = _MEASURES_MEMO.get(text)
    if found is None:
        folded = space_scripts(fold(text))  # "ARR已突破": a Latin word beside Chinese is still a word
        found = frozenset(name for name, pattern in COMPILED_MEASURES.items() if pattern.search(folded))
        if len(_MEASURES_MEMO) >= MEASURES_MEMO:
            _MEASURES_MEMO.clear()  # a simple bound; answering threads may race here, harmlessly
        _MEASURES_MEMO[text] = found
    return set(found)


_PROFIT_KINDS = {
    # "净利息收入" is net interest income, not a net profit
    "net": re.compile(r"\bnet (?:profit|income|loss|earnings)|净利(?!息)|净亏|纯益", re.I),
    "operating": re.compile(
        r"\boperating (?:profit|income|loss|margin)|营业利润|营业利益|营业亏损|经营利润|营益", re.I
    ),
    "gross": re.compile(r"\bgross (?:profit|margin)|毛利", re.I),
}


def profit_kinds(text: str) -> set[str]:
    """Which profit a text names: "net", "operating" or "gross" ("net profit", "营业利润", "毛利率")."""
    folded = fold(text)
    return {name for name, pattern in _PROFIT_KINDS.items() if pattern.search(folded)}
