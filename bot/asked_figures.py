"""A passage's figures that can answer a how-much question: in the asked unit, measure, period and year."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from bot.asked_figure_cues import (
    A_MONTH_AFTER,
    A_YEAR,
    AGAINST_LAST_YEAR,
    AMOUNT_MEASURES,
    AVERAGE,
    CASH_BURNED,
    CHANGE_MEASURES,
    CUMULATIVE,
    DELTA_ASKED,
    FISCAL,
    FUTURE,
    GROWTH_PART,
    INTEREST_RATE,
    LEVEL_BEFORE,
    MONTHLY,
    NAMED,
    NOW_ASKED,
    ONE_MONTH_BEFORE,
    ONE_SHARE_ASKED,
    PER_HEAD,
    PER_MONTH_ASKED,
    PER_SHARE_ASKED,
    PER_UNIT_ASKED,
    RATE_MEASURES,
    SEVERAL_QUARTERS_BEFORE,
    SHARE_NOUN,
    SHARE_OF_GROWTH,
    THE_PERIOD,
    TIMES,
    TOTAL_WORDS,
    WHOLE_BUILD,
    WHOLE_YEAR,
    YEAR_BEFORE,
    phases,
)
from bot.asked_scope import other_scope
from bot.build_cost import land_for_build
from bot.figure_dating import (
    YEAR_OFFSET,
    dated_year,
    for_a_whole_year,
    of_asked_year,
    other_year,
    words_after,
    words_before,
)
from bot.figure_kinds import (
    comparison_basis,
    figure_basis,
    is_change,
    is_share_of,
    one_years_budget,
    per_unit_of_money,
    project_total,
    whole_for_segment,
)
from knowledge.asked_measures import ENERGY_UNITS, energy_priced
from knowledge.asked_units import asking_parts
from knowledge.figure_measures import figure_measures
from knowledge.figures import Figure
from knowledge.income_kinds import income_kinds
from knowledge.measures import find_measures, looks_ahead, profit_kinds
from knowledge.periods import (
    asked_month,
    halves,
    last_quarter,
    month_after,
    month_ends,
    one_quarter,
    quarters,
    relative_years,
    sales_months,
    several_quarters,
    tenors,
)
from knowledge.query import QueryAnalysis
from knowledge.scripts import fold
from knowledge.search import Hit
from knowledge.year_spans import month_spans

# "前三季合併營收", "第三季營收", "全年營收": a span longer than the month asked.
_LONGER_SPAN = re.compile(r"前[二三两四]季|第[一二三四1-4]季|[一二三四1-4]季度|全年|上半年|下半年", re.I)
# "前11月累計營收", "year to date": several months counted together.
_MONTHS_TOGETHER = re.compile(
    r"前(?:[0-9]+|[一二三四五六七八九十]+)个?月|累计|\byear to date\b|\bfirst (?:\w+ )?months\b", re.I
)


def asks_now(question: str) -> bool:
    """Whether a question asks how things stand now, and not also where they are going ("会升到多高？现在是多少？")."""
    return NOW_ASKED.search(question) is not None and not looks_ahead(question)


def asked_figures(
    hit: Hit, query: QueryAnalysis, published: dt.date | None = None, *, by_parts: bool = False
) -> list[Figure]:
    """The passage's figures in an asked unit (any unit when none is asked), year and quarter, best measure first;
    `published`: the article's date, which dates "next year" and "今年".

    With `by_parts`, when no figure answers the whole of a question that asks two things ("容量电费每千瓦每月收多少？
    电量电价从多少降到多少？"), each ask is read on its own words and the times the question names.
    """
    whole = _asked_in(hit, query, published)
    parts = asking_parts(query.text) if by_parts and not whole else []
    if len(parts) < 2:
        return whole
    found: list[Figure] = []
    for part in parts:
        times = " ".join(t for t in TIMES.findall(query.text) if t not in part)
        found += [
            f for f in _asked_in(hit, replace(query, text=f"{part} {times}"), published) if f not in found
        ]
    return found


def _asked_in(hit: Hit, query: QueryAnalysis, published: dt.date | None) -> list[Figure]:
    """The figures one ask of a question admits."""
    latest = last_quarter(query.text, published) if published is not None and not query.quarters else None
    named_quarters = quarters(hit.passage.text)
    if (
        latest is not None
        and named_quarters
        and latest not in named_quarters
        and not FISCAL.search(hit.passage.text)
    ):
        return []  # "上个季度毛利率" in November is not answered by the fourth quarter's (a fiscal quarter may be)
    if other_scope(hit.passage.text, query):
        return []
    figures = [f for f in hit.passage.figures if not query.units or f.unit in query.units]
    relative, now = relative_years(query.text), asks_now(query.text)  # the years the question names by word
    if not query.measures & CHANGE_MEASURES:
        # "nearly doubled" says how something moved: it does not answer how oversubscribed or how big
        figures = [f for f in figures if not find_measures(f.text) & {"growth", "cut"}]
    text = hit.passage.text
    if not query.measures & CHANGE_MEASURES and not DELTA_ASKED.search(query.text):
        # "what was the depreciation bill?" is not answered by "lowered its depreciation expense by $610 million"
        figures = [f for f in figures if f.unit in ("%", "x") or not is_change(text, f)]
    if query.measures:
        # "Veridane shares jumped 31%", "net debt at 2.1 times earnings": a named metric answers only its question
        others = NAMED - query.measures
        # …but money put up for one ("拿出2.4亿元用于期权回购") is still money spent when spending is asked, and
        # net debt as a multiple ("net debt at 4.1 times earnings") is the leverage a debt multiple asks
        leverage = "debt" in query.measures and "x" in query.units
        figures = [
            f
            for f in figures
            if not (
                figure_measures(hit.passage, f)
                & others - ({"net_debt"} if leverage and f.unit == "x" else set())
            )
            or figure_measures(hit.passage, f) & query.measures & {"spending"}
        ]
        changed = query.measures & {"growth", "cut"}
        if "share" not in query.measures and (
            "%" not in query.units or INTEREST_RATE.search(query.text) or changed
        ):
            # "how much has the backlog grown?" is not answered by "25% of the backlog could be pushed out", nor
            # "what rate is it paying on the loan?" by "6% of its loan book"
            # …unless the part is what moved: "as much as 20% of its seats could be cut" answers how much is cut
            figures = [
                f
                for f in figures
                if not (f.unit == "%" and is_share_of(text, f))
                or (
                    changed
                    and changed & figure_measures(hit.passage, f)
                    # "占比将由今年的约4成提高到6成": a level the share moved from or to, not how much moved
                    and not LEVEL_BEFORE.search(words_before(text, f, 8))
                )
            ]
        if SHARE_NOUN.search(query.text) and not query.measures & {"growth", "cut"}:
            # "what share of the bill do data centres pay?" is not answered by "rates rose 7.1%"
            figures = [f for f in figures if not is_change(text, f)]
    if not PER_SHARE_ASKED.search(query.text):
        # "第四季税后纯益多少" is not answered by earnings per share
        figures = [f for f in figures if f.per != "share"]
    elif ONE_SHARE_ASKED.search(query.text):
        # "the per-share price in the staff sale" is not answered by the $600 million sold in all
        moved = bool(query.measures & {"growth", "cut"})  # "how far below the March price per share"
        # "…for each share, and what slice of their losses is that?": the slice is a percentage of its own
        sliced = "share" in query.measures
        figures = [
            f
            for f in figures
            if f.per == "share" or (moved and f.unit in ("%", "x")) or (sliced and f.unit == "%")
        ]
    # "一共交了多少电费" is a sum, never a price per kilowatt-hour
    total = bool(TOTAL_WORDS.search(query.text) or WHOLE_BUILD.search(query.text))
    amount = bool(query.measures) and query.measures <= AMOUNT_MEASURES
    if (amount or total) and not PER_UNIT_ASKED.search(query.text):
        # "how much did Quillfield pay its providers?" is a total: "$28 per user per month" is a price
        figures = [f for f in figures if f.per in (None, "quarter", "year", "month")]
        if per_unit_of_money(text):  # nor "每多花1元营销费用，只换回约0.36元订阅收入" a revenue
            figures = [f for f in figures if f.unit in ("%", "x")]
        # nor "单个用户的获客成本从目前的45元" a company's selling expenses
        figures = [
            f for f in figures if not PER_HEAD.search(re.split(r"[，,。；;]", words_before(text, f, 30))[-1])
        ]
    if PER_MONTH_ASKED.search(query.text):
        # "how much extra per month will a household pay?" is not answered by what utilities pay in a year
        figures = [
            f
            for f in figures
            # "月租金已从约13万元降至7万元": a monthly rent named before its figures
            if f.per == "month"
            or f.unit in ("%", "x")
            # "his company's monthly computing bill had fallen to about $180,000": anywhere before it in its clause
            or MONTHLY.search(re.split(r"[，,。；;]", words_before(text, f, 60))[-1])
            # "$310 per clinician a month": a price for each of something, each month
            or A_MONTH_AFTER.match(words_after(text, f, 30))
        ]
    elif (query.years or relative) and query.period != "month":
        # "去年净亏损多少" is not answered by "每月现金消耗约7000万元": a month's figure is no year's
        figures = [
            f
            for f in figures
            if f.per != "month" and not MONTHLY.search(re.split(r"[，,。；;]", words_before(text, f, 60))[-1])
        ]
    if energy_priced(query.text):
        # "每度电要付多少钱" is answered by a price per kilowatt-hour, not by the deal's total
        figures = [f for f in figures if f.unit in ("%", "x") or f.per in ENERGY_UNITS]
    if query.measures and not query.units and not query.measures & RATE_MEASURES:
        # "what were the total bookings?" is not answered by "35% of the year's bookings", nor by "rose 47%"
        amount = query.measures <= AMOUNT_MEASURES
        figures = [f for f in figures if f.unit not in ("%", "x") or not (amount or is_share_of(text, f))]
    basis = comparison_basis(query.text)
    if basis:  # "年成長多少" is not answered by "季增18%"
        figures = [f for f in figures if figure_basis(text, f) in (None, basis)]
    if SHARE_OF_GROWTH.search(query.text):
        # "what share of the growth came from data centres?" is not answered by their share of all use
        figures = [f for f in figures if f.unit != "%" or GROWTH_PART.search(words_before(text, f, 24))]
    if query.years:
        figures = [f for f in figures if of_asked_year(text, f, published, query.years)]
        if len(query.years) == 1 and not TOTAL_WORDS.search(fold(query.text)):
            # "2025年全年净亏损" is not answered by "2023年至2025年累计净亏损38.4亿元"
            figures = [f for f in figures if not CUMULATIVE.search(words_before(text, f, 12))]
    elif published is not None and now and not relative - {"this"}:
        # "而家有幾多" (how much now) is not answered by what it may reach next year
        figures = [f for f in figures if (dated_year(text, f, published) or published.year) <= published.year]
    if query.period in ("quarter", "year", "month"):
        # "last quarter" is not answered by a figure for the year, nor the reverse
        figures = [
            f for f in figures if f.per in (None, query.period) or f.per not in ("quarter", "year", "month")
        ]
    if query.period in ("quarter", "month") or (
        ONE_MONTH_BEFORE.search(fold(query.text)) and not several_quarters(query.text)
    ):
        # "fiscal Q4 guidance" is not answered by "raised its full-year revenue forecast to $4.9 billion", nor
        # "11月營收成長多少" by "全年營收成長幅度…下修至約4成"
        figures = [f for f in figures if not WHOLE_YEAR.search(words_before(hit.passage.text, f, 45))]
    asked_months = sales_months(query.text)
    if asked_months:  # "September sales" are not answered by "10月自結營收新台幣9.86億元"
        figures = [
            f
            for f in figures
            if not sales_months(words_before(text, f, 16)) - asked_months
            # nor "11月營收" by "前11月累計營收" (the first eleven months together), a quarter's or the year's
            and not _MONTHS_TOGETHER.search(words_before(text, f, 28))
            and not _LONGER_SPAN.search(words_before(text, f, 20))
        ]
    month = asked_month(query.text)
    if month is not None:  # "pulled in October" is not answered by "$6.8 billion from the ETF in November"
        figures = [f for f in figures if month_after(words_after(text, f, 70)) in (None, month)]
    asked_ends, named_ends = month_ends(query.text), month_ends(hit.passage.text)
    if asked_ends and named_ends and not named_ends & asked_ends:
        return []  # "ARR at the end of June" is not answered by "$520 million at the end of September"
    if (
        query.quarters
        and relative == {"last"}
        and published is not None
        and not AGAINST_LAST_YEAR.search(query.text)
        and not (
            relative_years(text) & {"last"} or str(published.year - 1) in text or YEAR_BEFORE.search(text)
        )
    ):
        # "Q3 gross margin last year" is not answered by this year's third quarter: a quarter an article reports
        # is its own year's unless it says it is the year before's
        return []
    if query.quarters:
        named = quarters(hit.passage.text)
        if named and not named & query.quarters:
            return []  # "Q4 revenue" is not answered by the third quarter's
        if (
            not named
            and not one_quarter(hit.passage.text)
            and (relative_years(hit.passage.text) or A_YEAR.search(hit.passage.text))
        ):
            # "capex in the third quarter alone" is not answered by "would reach $96 billion next year, up from
            # $71 billion this year": a passage that counts in years and names no quarter
            return []
        if not named and several_quarters(hit.passage.text):
            return []  # "第三季單季營收" is not answered by the total of the first three quarters
        if not named:  # nor "第三季营收" by "10月合并营收新台币48.6亿元"
            figures = [f for f in figures if not ONE_MONTH_BEFORE.search(words_before(text, f, 16))]
        if not several_quarters(query.text):  # nor by "前三季度营业收入", whatever else the passage names
            figures = [f for f in figures if not SEVERAL_QUARTERS_BEFORE.search(words_before(text, f, 14))]
    elif several_quarters(query.text):  # "前三季累計營收" is not answered by "10月自結營收新台幣64.2億元"
        figures = [f for f in figures if not ONE_MONTH_BEFORE.search(words_before(text, f, 16))]
    # "现在占多少？明年呢？" asks this year as well as next
    asked_year = relative | ({"this"} if NOW_ASKED.search(query.text) else set())
    if asked_year:  # "明年的资本支出" is not answered by "今年的资本支出将落在420亿至450亿美元"
        text = fold(hit.passage.text)
        figures = [f for f in figures if not other_year(text, f, asked_year)]
        if asked_year == {"next"} and not (relative_years(text) & asked_year or FUTURE.search(text)):
            return []  # "明年的预算" is not answered by what the vouchers "带动了" so far
        two_on = str(published.year + 2) if published is not None else "—"
        if "after_next" in asked_year and not ("after_next" in relative_years(text) or two_on in text):
            return []  # "the fiscal year after next" is not answered by the year that starts next July
        said = relative | ({"this"} if now else set())
        if published is not None and not query.years and said:
            # "this year's revenue" is not answered by "$2.8 billion in 2027" in an article of 2026
            wanted = {published.year + YEAR_OFFSET[name] for name in said}
            figures = [f for f in figures if f.year is None or f.year in wanted]
    if relative or query.years:  # nor by what a new plant costs in all
        figures = [f for f in figures if not project_total(query.text, words_before(hit.passage.text, f, 20))]
    else:  # and what a plant costs in all is not answered by one year's budget
        figures = [
            f for f in figures if not one_years_budget(query.text, words_before(hit.passage.text, f, 20))
        ]
    # "spend building out the campus" is not answered by what the land cost, one segment's revenue not by the total
    figures = [
        f
        for f in figures
        if not land_for_build(query.text, text, f)
        # (a share of the total is what "ads as a share of sales" asks)
        and not (f.unit != "%" and whole_for_segment(query.text, words_before(text, f, 40)))
    ]
    asked_profit = profit_kinds(query.text)
    if asked_profit and profit_kinds(hit.passage.text) and not asked_profit & profit_kinds(hit.passage.text):
        return []  # "net profit" is not answered by the operating profit
    if asked_profit and not profit_kinds(hit.passage.text):
        # nor "net loss" by the cash burned ("had burned about $95 million of cash in the third quarter")
        figures = [f for f in figures if not CASH_BURNED.search(words_before(text, f, 30))]
    asked_span, named_span = month_spans(query.text), month_spans(hit.passage.text)
    if asked_span and named_span and not asked_span & named_span:
        return []  # "頭九個月賣咗幾多" is not answered by what was sold in the first ten months
    asked_income, named_income = income_kinds(query.text), income_kinds(hit.passage.text)
    if asked_income and named_income and not asked_income & named_income:
        return []  # "淨利息收入" is not answered by the fee income or the wealth-management income
    if (
        query.halves
        and not halves(hit.passage.text, six_months=True) & query.halves
        # "期内收入按年增长1.4倍": the period the results report, which the article named before
        and not THE_PERIOD.search(hit.passage.text)
    ):
        return []  # "上半年亏了多少" is not answered by the loss for the whole year
    if query.halves:  # nor by last year's loss in a passage that goes on to the half's revenue
        figures = [f for f in figures if not for_a_whole_year(hit.passage.text, f)]
    if query.tenors and not tenors(hit.passage.text) & query.tenors:
        return []  # "the 20-year bonds' yield" is not the 30-year bond's
    if query.tenors and len(tenors(hit.passage.text)) > 1:
        # "10-year and 15-year tranches … an average coupon of 2.35%" is no answer for the 15-year one
        figures = [f for f in figures if not AVERAGE.search(words_before(hit.passage.text, f, 30))]
    asked_phases, named_phases = phases(fold(query.text)), phases(fold(hit.passage.text))
    if asked_phases and named_phases and not asked_phases & named_phases:
        return []  # "第二期要投资多少" is not answered by what the first phase costs
    if asked_phases - {"1"} and not named_phases:
        return []  # nor by next year's capital spending, in a passage that names no phase at all
    return sorted(figures, key=lambda f: not (query.measures & figure_measures(hit.passage, f)))
