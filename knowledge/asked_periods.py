"""The period a question asks about: a quarter, a year or a month, and which years."""

from __future__ import annotations

import re

from knowledge.periods import several_quarters

_QUARTER = re.compile(r"\bq[1-4]\b|quarter|季度|单季|第[一二三四1-4]季|[上本这這该該]一?季(?![报報])", re.I)
_YEARLY = re.compile(
    # "up from 44% a year earlier", "一年前是多少": a comparison with a year before, not a yearly figure
    r"this year|per year|a year(?! (?:ago|earlier|before))|each year|annual|full[- ]year|"
    r"(?:whole|entire|fiscal|financial) year|今年|全年|每年|年度|一年(?!前|之前|以前)",
    re.I,
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def asked_period(folded: str) -> str | None:
    """The period a folded question asks a figure for: "month", "quarter", "year" or none."""
    # "第三季度平均一个月要烧掉多少": a monthly figure is asked, whatever quarter it falls in
    if _MONTHLY.search(folded):
        return "month"
    if _TO_DATE.search(folded) or several_quarters(folded):
        # "so far this year" is answered by the first three quarters as well as by the year; "今年前三季" asks
        # neither one quarter nor a year
        return None

    return "quarter" if _QUARTER.search(folded) else "year" if _YEARLY.search(folded) else None


_TO_DATE = re.compile(
    r"so far this year|year to date|year-to-date|\bytd\b|今年以来|今年迄今|年初至今|今年到目前", re.I
)
_MONTHLY = re.compile(r"\bper month\b|\ba month\b|\bmonthly\b|\beach month\b|每个?月|一个月|月均", re.I)


def asked_years(text: str) -> list[int]:
    """The years a question asks about; a year it compares with ("how does that compare with 2023?") is context."""
    years = [
        int(m.group(1))
        for m in _YEAR.finditer(text)
        if not _COMPARED_YEAR.search(text[: m.start()])
        # "Larchmont's 2021 flagship", "the 2019 fund": a year that names a thing, not a period asked about
        and not (_NAMING_YEAR_BEFORE.search(text[: m.start()]) and re.match(r"\s+[a-z]", text[m.end() :]))
    ]
    # "in FY27", "fiscal '28": a fiscal year written short
    years += [
        2000 + int(m.group(1)) for m in _FISCAL_SHORT.finditer(text) if 2000 + int(m.group(1)) not in years
    ]
    return years


_FISCAL_SHORT = re.compile(r"\b(?:fy|fiscal\s+['’]?)(\d{2})\b", re.I)


_NAMING_YEAR_BEFORE = re.compile(r"(?:'s|’s|\bthe|\bits|\btheir|\bhis|\bher)\s+$", re.I)


_COMPARED_YEAR = re.compile(
    r"(?:compare[sd]? (?:with|to)|compared|than|from|since|versus|vs\.?|against|比|相比|较|比起|对比)\s*(?:in |the end of |early |late )?$",
    re.I,
)
