"""The year a figure's own words date it to ("next year", "今年", the end of a span), by the article's date."""

from __future__ import annotations

import datetime as dt
import re

from knowledge.figures import Figure
from knowledge.periods import one_quarter, quarters, relative_years, several_quarters
from knowledge.scripts import fold

# "next year" in an article of 2026 is 2027.
YEAR_OFFSET = {"last": -1, "this": 0, "next": 1, "after_next": 2}


def dated_year(text: str, figure: Figure, published: dt.date | None) -> int | None:
    """The year the words around a figure name relative to the article's date ("… $2.8 billion … next year")."""
    if published is None:
        return None
    folded = fold(text)
    at = folded.find(fold(figure.text))
    if at < 0:
        return None
    clause = re.split(r"[,，。;；]", folded[at + len(figure.text) :])[0][:40]
    # the words since the clause began and since any figure before it ("would cut next year's capital spending
    # to about $1.6 billion")
    before = re.split(r"\d[\d.,]*", re.split(r"[,，。;；]", words_before(text, figure, 50))[-1])[-1]
    near = re.split(r"\d[\d.,]*", words_before(text, figure, 30))[-1]  # "…this year, about 2.1% of…"
    named = relative_years(before) or relative_years(near) or relative_years(clause)
    return published.year + YEAR_OFFSET[next(iter(named))] if len(named) == 1 else None


def of_asked_year(text: str, figure: Figure, published: dt.date | None, years: list[int]) -> bool:
    """Whether a figure is for an asked year: its own year, the year its words name relative to the article's
    date ("capital spending this year would rise to $14 billion and … in 2027"), or the end of the span it
    covers ("grow 2.5 times between the end of 2025 and the end of 2027")."""
    if figure.year in years or dated_year(text, figure, published) in years:
        return True
    folded = fold(text)
    at = folded.find(fold(figure.text))
    after = folded[at + len(figure.text) : at + len(figure.text) + 80] if at >= 0 else ""
    return any(
        re.search(rf"(?:\band|\bto|\bthrough|\buntil|至|到)\s+(?:the end of\s+)?{y}", after) for y in years
    )


def words_before(text: str, figure: Figure, width: int) -> str:
    """Up to `width` folded characters just before the figure in the text ("" when it is not found)."""
    folded = fold(text)
    at = folded.find(fold(figure.text))
    return folded[max(0, at - width) : at] if at >= 0 else ""


def words_after(text: str, figure: Figure, width: int) -> str:
    """Up to `width` folded characters just after the figure in the text ("" when it is not found)."""
    folded, written = fold(text), fold(figure.text)
    at = folded.find(written)
    return folded[at + len(written) : at + len(written) + width] if at >= 0 else ""


# "…expects to cost $118 billion next year": an English year written right after the figure, in its clause,
# or right after the whole it is a part of ("about 11% of its revenue next year")
_YEAR_RIGHT_AFTER = re.compile(
    r"^\s*(?:of (?:[\w'’-]+ ){1,3})?(?:in |for |during )?(?:the )?(?:last|this|next) (?:fiscal |financial )?year\b"
)


_RELATIVE_ZH_YEAR = {"去年": "last", "今年": "this", "明年": "next"}
_RELATIVE_ZH = re.compile("|".join(_RELATIVE_ZH_YEAR))


def dated_to(text: str, figure: Figure, asked: set[str]) -> bool:
    """Whether the words just before a figure ("明年的额度…8亿元"), or an English year right after it in the same
    clause ("$118 billion next year"), date it to the asked relative year."""
    if relative_years(words_before(text, figure, 16)) & asked:
        return True
    # "今年前三季度，该市已向217家企业发放算力券3.2亿元": Chinese dates a sentence once, at its head, so the year
    # named last before the figure in its sentence dates it when no other year comes between
    sentence = re.split(r"[。；;！？!?]", words_before(text, figure, 60))[-1]
    if re.search(r"[\u4e00-\u9fff]", sentence) and not re.search(r"[A-Za-z]{3}", sentence):
        named = list(_RELATIVE_ZH.finditer(sentence))
        if named and _RELATIVE_ZH_YEAR[named[-1].group(0)] in asked:
            return True
    after = re.split(r"[,，。;；]", words_after(text, figure, 50))[0]
    return bool(_YEAR_RIGHT_AFTER.search(after)) and bool(relative_years(after) & asked)


def other_year(text: str, figure: Figure, asked: set[str]) -> bool:
    """Whether the words just before a figure date it to another year than the asked one ("今年…420亿")."""
    # only the words since the figure before it: "由今年的约9%提高到12%" dates the 9%, not the 12%
    written = relative_years(re.split(r"\d[\d.,]*", words_before(text, figure, 30))[-1])
    return bool(written) and not written & asked


# The period a figure is for, the last one named before it in its passage: a half, or a whole year.
_PERIOD_MARK = re.compile(
    r"(?P<half>\bh[12]\b|\b(?:first|second)[- ]half\b|[上下]半(?:个|财)?年)|"
    r"(?P<year>去年|今年|全年|前年|\b(?:last|this|full|whole|fiscal) year\b|\b20\d\d\b(?![- ]?(?:h[12]|first|second)))",
    re.I,
)


def for_a_whole_year(text: str, figure: Figure) -> bool:
    """Whether the period named last before a figure is a whole year, not a half ("去年…净亏损3.1亿元；今年上半年
    收入5.2亿元": the loss is last year's)."""
    before = words_before(text, figure, 200) if fold(figure.text) in fold(text) else ""
    marks = list(_PERIOD_MARK.finditer(before))
    if not marks or marks[-1].group("year") is None:
        return False
    # "the first half of the fiscal year", "H1 2026": a year right after a half names the half's year
    halves = [m for m in marks if m.group("half")]
    return not (halves and marks[-1].start() - halves[-1].end() <= 16)


# A whole year named beside a figure: "全年存货跌价损失合计约19亿元", "revenue for the fiscal year of $3.05 billion".
_WHOLE_YEAR = re.compile(r"全年|全年度|full[- ]year|(?:fiscal|financial) year|for the year\b", re.I)


def other_period(text: str, figure: Figure, asked_quarters: set[int], asked_span: bool) -> bool:
    """Whether a figure's own clause dates it to another period than the one asked: a single quarter or the whole
    year for "the first nine months", another quarter, several quarters or the whole year for "Q2"."""
    before = re.split(r"[,，。;；:：]", words_before(text, figure, 40))[-1]
    after = re.split(r"[,，。;；]", words_after(text, figure, 40))[0]
    clause = f"{before} {after}"
    whole_year = bool(_WHOLE_YEAR.search(clause))
    if asked_span:
        single = bool(quarters(clause) or one_quarter(clause)) and not several_quarters(clause)
        return single or (whole_year and not several_quarters(clause))
    named = quarters(clause)
    return bool(asked_quarters) and (
        # ("第四季底存货较第三季底减少约2成" compares the asked quarter with another: it still answers)
        bool(named and not named & asked_quarters) or several_quarters(clause) or (whole_year and not named)
    )
