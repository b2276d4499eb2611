"""Whether a passage's figures cover another scope than the one a question asks (a part, a total, a period)."""

from __future__ import annotations

from bot.asked_figure_cues import WHOLE_YEAR
from bot.figure_kinds import one_for_total, other_currency_debt, part_missing, total_for_one
from bot.share_scope import whole_missing
from bot.single_largest import largest_missing
from knowledge.asked_units import asking_parts
from knowledge.periods import one_quarter, quarters, several_quarters
from knowledge.query import QueryAnalysis


def other_scope(text: str, query: QueryAnalysis) -> bool:
    """Whether a passage's figures cover another scope than the one asked: a total for one part, or a single
    quarter for several ("前三季度累计营收" is not answered by "当季营收")."""
    if total_for_one(query.text, text) or one_for_total(query.text, text):
        return True
    if largest_missing(query.text, text):
        return True  # "the single largest loan" is not answered by the new loans of next year
    names = [
        form for s in (*query.speakers, *query.entities) for form in (s.name, s.name_zh or "", *s.aliases)
    ]
    if "share" in query.measures and (
        part_missing(query.text, text, names) or whole_missing(query.text, text)
    ):
        return True
    if other_currency_debt(query.text, text):
        return True  # "the coupon on its dollar notes" is not the yen bonds' coupon
    if (
        # (in every part of the question: "Q3 revenue, and the capex forecast for the full year" asks a quarter too)
        all(WHOLE_YEAR.search(part) for part in asking_parts(query.text) or [query.text])
        and (several_quarters(text) or quarters(text) or one_quarter(text))
        and not WHOLE_YEAR.search(text)
    ):
        # "今年全年营收能有多少" is not answered by the first three quarters' revenue, "整个财年" not by one quarter's
        return True
    return (
        several_quarters(query.text)
        and not several_quarters(text)
        and bool(quarters(text) or one_quarter(text))
    )
