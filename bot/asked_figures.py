"""A passage's figures that can answer a how-much question: in the asked unit, measure, period and year."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

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
    one_for_total,
    one_years_budget,
    other_currency_debt,
    part_missing,
    per_unit_of_money,
    project_total,
    total_for_one,
    whole_for_segment,
)
from bot.share_scope import whole_missing
from bot.single_largest import largest_missing
from knowledge.asked_measures import ENERGY_UNITS, energy_priced
from knowledge.asked_units import asking_parts
from knowledge.figure_measures import figure_measures
from knowledge.figures import Figure
from knowledge.income_kinds import income_kinds
from knowledge.measures import find_measures, looks_ahead, profit_kinds
from knowledge.periods import halves, one_quarter, quarters, relative_years, several_quarters, tenors
from knowledge.query import QueryAnalysis
from knowledge.scripts import fold
from knowledge.search import Hit
from knowledge.year_spans import month_spans

# "what share of the growth in power use", "增量中有多少来自": a part of a change, not of the whole.
_SHARE_OF_GROWTH = re.compile(
    r"\b(?:share|portion|proportion|percentage|fraction|part|how much) of\b[^?]{0,40}\b(?:growth|increase|rise|"
    r"increment)\b|增量|新增部分|增长中|增长部分",
    re.I,
)
_GROWTH_PART = re.compile(
    r"增量|新增|增长中|增长的|增长部分|\bgrowth\b|\bincrease\b|\bincrement|\brise in\b", re.I
)
# "now", "目前", "而家": the present, not a forecast.
_NOW_ASKED = re.compile(r"\bnow\b|\bcurrently\b|\btoday\b|目前|现在|現在|而家|当前|當前|眼下|如今", re.I)
# "前三季度营业收入21.4亿元", "for the first nine months": a figure for several quarters together.
_SEVERAL_QUARTERS_BEFORE = re.compile(
    r"前[二三两兩]季|上半年|\bfirst (?:two|three) quarters\b|\bfirst (?:six|nine) months\b|\byear to date\b",
    re.I,
)
# "单个用户的获客成本", "per subscriber": a cost or price for one of something, not a total.
_PER_HEAD = re.compile(
    r"单个|單個|每个|每個|每位|每名|每户|每戶|人均|\bper (?:user|customer|subscriber|seat|head)\b", re.I
)
_LEVEL_BEFORE = re.compile(r"(?:由|从|從|到|至|\bfrom|\bto)[^，,。；;]{0,6}$", re.I)
_THE_PERIOD = re.compile(r"期内|期內|\b(?:in|for|during) the (?:period|half)\b", re.I)
_A_MONTH_AFTER = re.compile(
    r"\s*(?:per|for each|each|a|an|every)\s+[\w-]+\s+(?:a|per|each|every)\s+month\b|[^，,。；;]{0,6}每月",
    re.I,
)
_MONTHLY = re.compile(r"月租|月费|月費|每月|\bmonthly\b", re.I)


def asks_now(question: str) -> bool:
    """Whether a question asks how things stand now, and not also where they are going ("会升到多高？现在是多少？")."""
    return _NOW_ASKED.search(question) is not None and not looks_ahead(question)


# "how much more", "by how much", "多出多少": the question asks the difference itself.
_DELTA_ASKED = re.compile(
    r"\bhow much (?:more|less|higher|lower|bigger|smaller|extra)\b|\bby how much\b|\b(?:more|less) than\b|"
    r"\bsav(?:e|ed|es|ing|ings)\b|\badd(?:s|ed)?\b|\bgap\b|\bdifference\b|\bshortfall\b|\bexceed|"
    r"慳|省了|省下|节省|節省|少花|"
    r"多出|多了|少了|差距|差多少|相差|增加了?多少|减少了?多少|減少了?多少",
    re.I,
)


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
        times = " ".join(t for t in _TIMES.findall(query.text) if t not in part)
        found += [
            f for f in _asked_in(hit, replace(query, text=f"{part} {times}"), published) if f not in found
        ]
    return found


# A calendar year a passage counts in ("2025年营业收入", "in 2026").
_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)(?:年(?!\d))?")
# When a question asks: "今年头九个月", "第三季", "上半年", "2025年", "last year", "in the first half".
_TIMES = re.compile(
    r"(?:今年|去年|明年|前年)?(?:[头首前][0-9一二三四五六七八九十两]+个?(?:月|季度?)|第[一二三四1-4]季度?|[上下]半年|全年|"
    r"[0-9]{4}年)|今年|去年|明年|\b(?:this|last|next) (?:year|quarter)\b|\b(?:first|second|third|fourth) quarter\b|"
    r"\bfirst (?:half|nine months|six months)\b|\b(?:in|for) (?:19|20)\d\d\b",
    re.I,
)


def _asked_in(hit: Hit, query: QueryAnalysis, published: dt.date | None) -> list[Figure]:
    """The figures one ask of a question admits."""
    if _other_scope(hit.passage.text, query):
        return []
    figures = [f for f in hit.passage.figures if not query.units or f.unit in query.units]
    relative, now = relative_years(query.text), asks_now(query.text)  # the years the question names by word
    if not query.measures & CHANGE_MEASURES:
        # "nearly doubled" says how something moved: it does not answer how oversubscribed or how big
        figures = [f for f in figures if not find_measures(f.text) & {"growth", "cut"}]
    text = hit.passage.text
    if not query.measures & CHANGE_MEASURES and not _DELTA_ASKED.search(query.text):
        # "what was the depreciation bill?" is not answered by "lowered its depreciation expense by $610 million"
        figures = [f for f in figures if f.unit in ("%", "x") or not is_change(text, f)]
    if query.measures:
        # "Veridane shares jumped 31%", "net debt at 2.1 times earnings": a named metric answers only its question
        others = _NAMED - query.measures
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
            "%" not in query.units or _INTEREST_RATE.search(query.text) or changed
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
                    and not _LEVEL_BEFORE.search(words_before(text, f, 8))
                )
            ]
        if _SHARE_NOUN.search(query.text) and not query.measures & {"growth", "cut"}:
            # "what share of the bill do data centres pay?" is not answered by "rates rose 7.1%"
            figures = [f for f in figures if not is_change(text, f)]
    if not _PER_SHARE_ASKED.search(query.text):
        # "第四季税后纯益多少" is not answered by earnings per share
        figures = [f for f in figures if f.per != "share"]
    elif _ONE_SHARE_ASKED.search(query.text):
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
    total = bool(_TOTAL_WORDS.search(query.text) or _WHOLE_BUILD.search(query.text))
    amount = bool(query.measures) and query.measures <= _AMOUNT_MEASURES
    if (amount or total) and not _PER_UNIT_ASKED.search(query.text):
        # "how much did Quillfield pay its providers?" is a total: "$28 per user per month" is a price
        figures = [f for f in figures if f.per in (None, "quarter", "year", "month")]
        if per_unit_of_money(text):  # nor "每多花1元营销费用，只换回约0.36元订阅收入" a revenue
            figures = [f for f in figures if f.unit in ("%", "x")]
        # nor "单个用户的获客成本从目前的45元" a company's selling expenses
        figures = [
            f for f in figures if not _PER_HEAD.search(re.split(r"[，,。；;]", words_before(text, f, 30))[-1])
        ]
    if _PER_MONTH_ASKED.search(query.text):
        # "how much extra per month will a household pay?" is not answered by what utilities pay in a year
        figures = [
            f
            for f in figures
            # "月租金已从约13万元降至7万元": a monthly rent named before its figures
            if f.per == "month"
            or f.unit in ("%", "x")
            # "his company's monthly computing bill had fallen to about $180,000": anywhere before it in its clause
            or _MONTHLY.search(re.split(r"[，,。；;]", words_before(text, f, 60))[-1])
            # "$310 per clinician a month": a price for each of something, each month
            or _A_MONTH_AFTER.match(words_after(text, f, 30))
        ]
    if energy_priced(query.text):
        # "每度电要付多少钱" is answered by a price per kilowatt-hour, not by the deal's total
        figures = [f for f in figures if f.unit in ("%", "x") or f.per in ENERGY_UNITS]
    if query.measures and not query.units and not query.measures & _RATE_MEASURES:
        # "what were the total bookings?" is not answered by "35% of the year's bookings", nor by "rose 47%"
        amount = query.measures <= _AMOUNT_MEASURES
        figures = [f for f in figures if f.unit not in ("%", "x") or not (amount or is_share_of(text, f))]
    basis = comparison_basis(query.text)
    if basis:  # "年成長多少" is not answered by "季增18%"
        figures = [f for f in figures if figure_basis(text, f) in (None, basis)]
    if _SHARE_OF_GROWTH.search(query.text):
        # "what share of the growth came from data centres?" is not answered by their share of all use
        figures = [f for f in figures if f.unit != "%" or _GROWTH_PART.search(words_before(text, f, 24))]
    if query.years:
        figures = [f for f in figures if of_asked_year(text, f, published, query.years)]
        if len(query.years) == 1 and not _TOTAL_WORDS.search(fold(query.text)):
            # "2025年全年净亏损" is not answered by "2023年至2025年累计净亏损38.4亿元"
            figures = [f for f in figures if not _CUMULATIVE.search(words_before(text, f, 12))]
    elif published is not None and now and not relative - {"this"}:
        # "而家有幾多" (how much now) is not answered by what it may reach next year
        figures = [f for f in figures if (dated_year(text, f, published) or published.year) <= published.year]
    if query.period in ("quarter", "year", "month"):
        # "last quarter" is not answered by a figure for the year, nor the reverse
        figures = [
            f for f in figures if f.per in (None, query.period) or f.per not in ("quarter", "year", "month")
        ]
    if query.period in ("quarter", "month"):
        # "fiscal Q4 guidance" is not answered by "raised its full-year revenue forecast to $4.9 billion"
        figures = [f for f in figures if not _WHOLE_YEAR.search(words_before(hit.passage.text, f, 45))]
    if query.quarters:
        named = quarters(hit.passage.text)
        if named and not named & query.quarters:
            return []  # "Q4 revenue" is not answered by the third quarter's
        if (
            not named
            and not one_quarter(hit.passage.text)
            and (relative_years(hit.passage.text) or _A_YEAR.search(hit.passage.text))
        ):
            # "capex in the third quarter alone" is not answered by "would reach $96 billion next year, up from
            # $71 billion this year": a passage that counts in years and names no quarter
            return []
        if not named and several_quarters(hit.passage.text):
            return []  # "第三季單季營收" is not answered by the total of the first three quarters
        if not several_quarters(query.text):  # nor by "前三季度营业收入", whatever else the passage names
            figures = [f for f in figures if not _SEVERAL_QUARTERS_BEFORE.search(words_before(text, f, 14))]
    # "现在占多少？明年呢？" asks this year as well as next
    asked_year = relative | ({"this"} if _NOW_ASKED.search(query.text) else set())
    if asked_year:  # "明年的资本支出" is not answered by "今年的资本支出将落在420亿至450亿美元"
        text = fold(hit.passage.text)
        figures = [f for f in figures if not other_year(text, f, asked_year)]
        if asked_year == {"next"} and not (relative_years(text) & asked_year or _FUTURE.search(text)):
            return []  # "明年的预算" is not answered by what the vouchers "带动了" so far
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
        and not _THE_PERIOD.search(hit.passage.text)
    ):
        return []  # "上半年亏了多少" is not answered by the loss for the whole year
    if query.halves:  # nor by last year's loss in a passage that goes on to the half's revenue
        figures = [f for f in figures if not for_a_whole_year(hit.passage.text, f)]
    if query.tenors and not tenors(hit.passage.text) & query.tenors:
        return []  # "the 20-year bonds' yield" is not the 30-year bond's
    if query.tenors and len(tenors(hit.passage.text)) > 1:
        # "10-year and 15-year tranches … an average coupon of 2.35%" is no answer for the 15-year one
        figures = [f for f in figures if not _AVERAGE.search(words_before(hit.passage.text, f, 30))]
    asked_phases, phases = _PHASE.findall(fold(query.text)), _PHASE.findall(fold(hit.passage.text))
    if asked_phases and phases and not set(asked_phases) & set(phases):
        return []  # "第二期要投资多少" is not answered by what the first phase costs
    later = [p for p in asked_phases if any(x not in ("一", "1", "one", "i") for x in p if x)]
    if later and not phases:
        return []  # nor by next year's capital spending, in a passage that names no phase at all
    return sorted(figures, key=lambda f: not (query.measures & figure_measures(hit.passage, f)))


# Metrics named outright: a figure with one of them measures it and nothing else.
_NAMED = frozenset({"stock", "net_debt", "buyback", "retention"})
# Measures a percentage can be the value of.
_RATE_MEASURES = frozenset({"share", "growth", "cut", "margin", "yield", "retention", "stock", "utilization"})
# Measures told as amounts: a percentage or a multiple beside them is how they moved or divide.
_AMOUNT_MEASURES = frozenset(
    {
        "revenue",
        "spending",
        "debt",
        "orders",
        "cash",
        "assets",
        "burn",
        "market",
        "rent",
        "sale",
        "subsidy",
        "saving",
        "receivables",
        "inventory",
        "writedown",
    }
    | {"net_debt", "buyback"}
)
# Measures that say how a figure moved or divides, not what it counts.
CHANGE_MEASURES = frozenset({"growth", "cut", "share"})


_PHASE = re.compile(r"第([一二三四五六七八九十\d]+)期|\bphase (one|two|three|four|\d+|i{1,3}|iv)\b", re.I)
_WHOLE_YEAR = re.compile(
    r"\bfull[- ]year\b|\bannual\b(?! recurring)|\bfor the (?:whole|full|entire) (?:fiscal )?year\b|全年|年度|"
    r"整个财年|整個財年|全财年|全財年|整年",
    re.I,
)
_TOTAL_WORDS = re.compile(
    r"一共|总共|總共|合计|合計|累计|累積|\bin total\b|\baltogether\b|\bin all\b|\bcumulative", re.I
)
# "how much will the first plant cost to build?": the whole build, never a cost per kilowatt.
_WHOLE_BUILD = re.compile(
    r"\bcost(?:s|ing)? to (?:build|construct|complete|finish)\b|总造价|建设总成本", re.I
)
_PER_MONTH_ASKED = re.compile(
    r"\bper month\b|\ba month\b|\beach month\b|\bmonthly\b|每月|每个月|每個月", re.I
)
# A question about an amount for each unit: "per seat", "each GPU", "每卡", "单价".
_PER_UNIT_ASKED = re.compile(
    r"\bper\b|\beach\b|\ba (?:user|seat|share|unit|gpu|chip|card|hour|token)\b|每|单价|單價|\bdividends?\b|股息|派息",
    re.I,
)
# "what rate is it paying on the loan?": the price of money, never a part of something.
_INTEREST_RATE = re.compile(r"\brate\b|利率|利息", re.I)
# "an average coupon of 2.35%": one figure over several parts.
_AVERAGE = re.compile(r"\baverage\b|\bblended\b|平均|综合", re.I)
# A question about one share's worth ("the per-share price", "每股盈余").
_ONE_SHARE_ASKED = re.compile(r"\bper[- ]share\b|\ba share\b|\beach share\b|每股", re.I)
# A question that may be answered by an amount per share: about shares, stock, prices or EPS.
_PER_SHARE_ASKED = re.compile(r"\bshares?\b|\bstock|\bprice|\beps\b|\bdividends?\b|股|价|價|派息|股息", re.I)
# "what share of", "占营收几成": a part asked by name ("how much of a boost" asks a change).
_SHARE_NOUN = re.compile(
    r"\bshare of\b|\bportion\b|\bproportion\b|\bfraction\b|占|比例|比重|几成|幾成|多少成", re.I
)


def _other_scope(text: str, query: QueryAnalysis) -> bool:
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
        _WHOLE_YEAR.search(query.text)
        and (several_quarters(text) or quarters(text) or one_quarter(text))
        and not _WHOLE_YEAR.search(text)
    ):
        # "今年全年营收能有多少" is not answered by the first three quarters' revenue, "整个财年" not by one quarter's
        return True
    return (
        several_quarters(query.text)
        and not several_quarters(text)
        and bool(quarters(text) or one_quarter(text))
    )


# "累计净亏损", "a cumulative $4 billion": a sum over several periods.
_CUMULATIVE = re.compile(r"累计|累積|共计|共計|总计|總計|\bcumulative(?:ly)?\b|\bin all\b", re.I)
# Words that put a passage's figures ahead of the article's date.
_FUTURE = re.compile(
    r"\b(?:will|would|plans?|planned|expects?|expected|forecasts?|projects?|projected|aims?|targets?|budget(?:s|ed)?|"
    r"next|by 20\d\d|to come)\b|将|计划|拟|预计|预期|预测|目标|有望|力争|打算|未来|预算|明年|后年|20\d\d年[前底末]",
    re.I,
)
