"""Which figure answers a how-much question: the asked measure, period, year, tenor and organization."""

from __future__ import annotations

import datetime as dt
import re

from bot.aboutness import aboutness, named_before, names_places
from bot.figure_kinds import (
    comparison_basis,
    counted_things,
    figure_basis,
    is_change,
    is_comparison,
    is_share_of,
    one_for_total,
    one_years_budget,
    other_count,
    other_currency_debt,
    part_missing,
    per_unit_of_money,
    project_total,
    total_for_one,
)
from bot.i18n import family
from bot.naming import unnamed_description
from knowledge.corpus import Corpus
from knowledge.figures import Figure
from knowledge.measures import (
    ENERGY_UNITS,
    energy_priced,
    figure_measures,
    find_measures,
    halves,
    head_measures,
    looks_ahead,
    one_quarter,
    profit_kinds,
    quarters,
    relative_years,
    several_quarters,
    tenors,
)
from knowledge.passages import Passage
from knowledge.places import places_in
from knowledge.query import QueryAnalysis
from knowledge.scripts import fold
from knowledge.search import Hit
from knowledge.speakers import find_orgs

_PAST = re.compile(r"\b(?:did|was|were|had|booked|reported|posted|made|earned)\b|了|过去", re.I)
_FURTHER = re.compile(r"再|还要|還要|进一步|進一步|\bfurther\b|\bany more\b|\banymore\b", re.I)


def focus_figure(
    hit: Hit, query: QueryAnalysis, entities: list[tuple[str, ...]], published: dt.date | None = None
) -> Figure | None:
    """The figure of the lead passage that answers: the asked measure and period, nearest the asked organization."""
    figures = asked_figures(hit, query, published)
    if not figures:
        return None
    now = _asks_now(query.text)  # "now": where it has got to, not where it started
    if len(figures) > 1 and (_DESTINATION.search(query.text) or looks_ahead(query.text) or now):
        # "由今年的约9%提高到12%", "cut her price target to $41 from $48": where it is going, not where it was
        arriving = [f for f in figures if _arrives(hit.passage.text, f)]
        figures = arriving or figures
    fitting = [f for f in figures if query.measures & figure_measures(hit.passage, f)]
    figures = fitting or figures
    if "share" in query.measures:
        # "how much of the capex plan is for big customers?": the slice ("$4 billion of that"), not the whole
        figures = [f for f in figures if is_share_of(hit.passage.text, f)] or figures
    text = fold(hit.passage.text)
    asked_year = relative_years(query.text)
    if asked_year and len(figures) > 1:
        # "明年…加到多少": the figure its own words date to next year, not this year's so far
        dated = [f for f in figures if _dated_to(hit.passage.text, f, asked_year)]
        figures = dated or figures
    if query.period:
        timed = [f for f in figures if f.per == query.period]
        figures = timed or figures
    spots = [m.start() for words in entities for w in words for m in re.finditer(re.escape(w), text)]
    if not spots:
        return figures[0]

    def distance(figure: Figure) -> int:
        at = text.find(fold(figure.text))
        return min(abs(at - s) for s in spots) if at >= 0 else 10**6

    return min(figures, key=distance)


# "升到多高", "调到多少", "cut to what": the question asks where a figure ends up.
_DESTINATION = re.compile(r"[到至](?:多少|多高|多大|几)|\b(?:to|reach) what\b|\bnew\b|\bto\s*[?？]\s*$", re.I)
_ARRIVAL = re.compile(r"(?:[到至]|\bto|\breach(?:es|ed)?)\s*(?:约|about |around |roughly |nearly )?$", re.I)


def _arrives(text: str, figure: Figure) -> bool:
    """Whether the figure is where something goes ("…提高到12%", "to $41"), not where it starts."""
    return bool(_ARRIVAL.search(_words_before(text, figure, 12)))


_YEAR_OFFSET = {"last": -1, "this": 0, "next": 1}


def _dated_year(text: str, figure: Figure, published: dt.date | None) -> int | None:
    """The year the words around a figure name relative to the article's date ("… $2.8 billion … next year")."""
    if published is None:
        return None
    folded = fold(text)
    at = folded.find(fold(figure.text))
    if at < 0:
        return None
    clause = re.split(r"[,，。;；]", folded[at + len(figure.text) :])[0][:40]
    named = relative_years(re.split(r"\d[\d.,]*", _words_before(text, figure, 30))[-1]) or relative_years(
        clause
    )
    return published.year + _YEAR_OFFSET[next(iter(named))] if len(named) == 1 else None


def _of_asked_year(text: str, figure: Figure, published: dt.date | None, years: list[int]) -> bool:
    """Whether a figure is for an asked year: its own year, the year its words name relative to the article's
    date ("capital spending this year would rise to $14 billion and … in 2027"), or the end of the span it
    covers ("grow 2.5 times between the end of 2025 and the end of 2027")."""
    if figure.year in years or _dated_year(text, figure, published) in years:
        return True
    folded = fold(text)
    at = folded.find(fold(figure.text))
    after = folded[at + len(figure.text) : at + len(figure.text) + 80] if at >= 0 else ""
    return any(
        re.search(rf"(?:\band|\bto|\bthrough|\buntil|至|到)\s+(?:the end of\s+)?{y}", after) for y in years
    )


def _words_before(text: str, figure: Figure, width: int) -> str:
    """Up to `width` folded characters just before the figure in the text ("" when it is not found)."""
    folded = fold(text)
    at = folded.find(fold(figure.text))
    return folded[max(0, at - width) : at] if at >= 0 else ""


# "what share of the growth in power use", "增量中有多少来自": a part of a change, not of the whole.
_SHARE_OF_GROWTH = re.compile(
    r"\b(?:share|portion|proportion|percentage|fraction|part|how much) of\b[^?]{0,40}\b(?:growth|increase|rise|"
    r"increment)\b|增量|新增部分|增长中|增长部分",
    re.I,
)
_GROWTH_PART = re.compile(
    r"增量|新增|增长中|增长的|增长部分|\bgrowth\b|\bincrease\b|\bincrement|\brise in\b", re.I
)
_MONTHLY = re.compile(r"月租|月费|月費|每月|\bmonthly\b", re.I)
# "now", "目前", "而家": the present, not a forecast.
_NOW_ASKED = re.compile(r"\bnow\b|\bcurrently\b|\btoday\b|目前|现在|現在|而家|当前|當前|眼下|如今", re.I)


def _asks_now(question: str) -> bool:
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


def asked_figures(hit: Hit, query: QueryAnalysis, published: dt.date | None = None) -> list[Figure]:
    """The passage's figures in an asked unit (any unit when none is asked), year and quarter, best measure first;
    `published`: the article's date, which dates "next year" and "今年"."""
    if _other_scope(hit.passage.text, query):
        return []
    figures = [f for f in hit.passage.figures if not query.units or f.unit in query.units]
    if not query.measures & _CHANGE_MEASURES:
        # "nearly doubled" says how something moved: it does not answer how oversubscribed or how big
        figures = [f for f in figures if not find_measures(f.text) & {"growth", "cut"}]
    text = hit.passage.text
    if not query.measures & _CHANGE_MEASURES and not _DELTA_ASKED.search(query.text):
        # "what was the depreciation bill?" is not answered by "lowered its depreciation expense by $610 million"
        figures = [f for f in figures if f.unit in ("%", "x") or not is_change(text, f)]
    if query.measures:
        # "Veridane shares jumped 31%", "net debt at 2.1 times earnings": a named metric answers only its question
        others = _NAMED - query.measures
        figures = [f for f in figures if not figure_measures(hit.passage, f) & others]
        changed = query.measures & {"growth", "cut"}
        if "share" not in query.measures and (
            "%" not in query.units or _INTEREST_RATE.search(query.text) or changed
        ):
            # "how much has the backlog grown?" is not answered by "25% of the backlog could be pushed out", nor
            # "what rate is it paying on the loan?" by "6% of its loan book"
            figures = [f for f in figures if not (f.unit == "%" and is_share_of(text, f))]
        if _SHARE_NOUN.search(query.text) and not query.measures & {"growth", "cut"}:
            # "what share of the bill do data centres pay?" is not answered by "rates rose 7.1%"
            figures = [f for f in figures if not is_change(text, f)]
    if not _PER_SHARE_ASKED.search(query.text):
        # "第四季税后纯益多少" is not answered by earnings per share
        figures = [f for f in figures if f.per != "share"]
    elif _ONE_SHARE_ASKED.search(query.text):
        # "the per-share price in the staff sale" is not answered by the $600 million sold in all
        moved = bool(query.measures & {"growth", "cut"})  # "how far below the March price per share"
        figures = [f for f in figures if f.per == "share" or (moved and f.unit in ("%", "x"))]
    # "一共交了多少电费" is a sum, never a price per kilowatt-hour
    total = bool(_TOTAL_WORDS.search(query.text))
    amount = bool(query.measures) and query.measures <= _AMOUNT_MEASURES
    if (amount or total) and not _PER_UNIT_ASKED.search(query.text):
        # "how much did Quillfield pay its providers?" is a total: "$28 per user per month" is a price
        figures = [f for f in figures if f.per in (None, "quarter", "year", "month")]
        if per_unit_of_money(text):  # nor "每多花1元营销费用，只换回约0.36元订阅收入" a revenue
            figures = [f for f in figures if f.unit in ("%", "x")]
    if _PER_MONTH_ASKED.search(query.text):
        # "how much extra per month will a household pay?" is not answered by what utilities pay in a year
        figures = [
            f
            for f in figures
            # "月租金已从约13万元降至7万元": a monthly rent named before its figures
            if f.per == "month" or f.unit in ("%", "x") or _MONTHLY.search(_words_before(text, f, 24))
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
        figures = [f for f in figures if f.unit != "%" or _GROWTH_PART.search(_words_before(text, f, 24))]
    if query.years:
        figures = [f for f in figures if _of_asked_year(text, f, published, query.years)]
        if len(query.years) == 1 and not _TOTAL_WORDS.search(fold(query.text)):
            # "2025年全年净亏损" is not answered by "2023年至2025年累计净亏损38.4亿元"
            figures = [f for f in figures if not _CUMULATIVE.search(_words_before(text, f, 12))]
    elif published is not None and _asks_now(query.text) and not relative_years(query.text) - {"this"}:
        # "而家有幾多" (how much now) is not answered by what it may reach next year
        figures = [
            f for f in figures if (_dated_year(text, f, published) or published.year) <= published.year
        ]
    if query.period in ("quarter", "year", "month"):
        # "last quarter" is not answered by a figure for the year, nor the reverse
        figures = [
            f for f in figures if f.per in (None, query.period) or f.per not in ("quarter", "year", "month")
        ]
    if query.period in ("quarter", "month"):
        # "fiscal Q4 guidance" is not answered by "raised its full-year revenue forecast to $4.9 billion"
        figures = [f for f in figures if not _WHOLE_YEAR.search(_words_before(hit.passage.text, f, 45))]
    if query.quarters:
        named = quarters(hit.passage.text)
        if named and not named & query.quarters:
            return []  # "Q4 revenue" is not answered by the third quarter's
        if not named and several_quarters(hit.passage.text):
            return []  # "第三季單季營收" is not answered by the total of the first three quarters
    # "现在占多少？明年呢？" asks this year as well as next
    asked_year = relative_years(query.text) | ({"this"} if _NOW_ASKED.search(query.text) else set())
    if asked_year:  # "明年的资本支出" is not answered by "今年的资本支出将落在420亿至450亿美元"
        text = fold(hit.passage.text)
        figures = [f for f in figures if not _other_year(text, f, asked_year)]
        if asked_year == {"next"} and not (relative_years(text) & asked_year or _FUTURE.search(text)):
            return []  # "明年的预算" is not answered by what the vouchers "带动了" so far
        named = relative_years(query.text) | ({"this"} if _asks_now(query.text) else set())
        if published is not None and not query.years and named:
            # "this year's revenue" is not answered by "$2.8 billion in 2027" in an article of 2026
            wanted = {published.year + _YEAR_OFFSET[name] for name in named}
            figures = [f for f in figures if f.year is None or f.year in wanted]
    if relative_years(query.text) or query.years:  # nor by what a new plant costs in all
        figures = [
            f for f in figures if not project_total(query.text, _words_before(hit.passage.text, f, 20))
        ]
    else:  # and what a plant costs in all is not answered by one year's budget
        figures = [
            f for f in figures if not one_years_budget(query.text, _words_before(hit.passage.text, f, 20))
        ]
    asked_profit = profit_kinds(query.text)
    if asked_profit and profit_kinds(hit.passage.text) and not asked_profit & profit_kinds(hit.passage.text):
        return []  # "net profit" is not answered by the operating profit
    if query.halves and not halves(hit.passage.text) & query.halves:
        return []  # "上半年亏了多少" is not answered by the loss for the whole year
    if query.tenors and not tenors(hit.passage.text) & query.tenors:
        return []  # "the 20-year bonds' yield" is not the 30-year bond's
    if query.tenors and len(tenors(hit.passage.text)) > 1:
        # "10-year and 15-year tranches … an average coupon of 2.35%" is no answer for the 15-year one
        figures = [f for f in figures if not _AVERAGE.search(_words_before(hit.passage.text, f, 30))]
    asked_phases, phases = _PHASE.findall(fold(query.text)), _PHASE.findall(fold(hit.passage.text))
    if asked_phases and phases and not set(asked_phases) & set(phases):
        return []  # "第二期要投资多少" is not answered by what the first phase costs
    later = [p for p in asked_phases if any(x not in ("一", "1", "one", "i") for x in p if x)]
    if later and not phases:
        return []  # nor by next year's capital spending, in a passage that names no phase at all
    return sorted(figures, key=lambda f: not (query.measures & figure_measures(hit.passage, f)))


def with_asked_figure(
    query: QueryAnalysis, candidates: list[Hit], entities: list[tuple[str, ...]], corpus: Corpus
) -> list[Hit]:
    """Passages with a figure that answers the question: unit, year, the organization asked about, the measure.

    A figure whose words name another measure does not answer ("how much will Almana put into one project?" is
    not answered by its assets); one whose clause names no measure at all ("About 22%, Osei replied") may.
    The figure whose nearest measure word is the asked one comes first ("利息收入约为9.8亿" is income, not loans),
    then more matching measures, then more of the organizations asked about.
    """
    ranked = []
    ahead = looks_ahead(query.text)
    # "How much revenue did Hengjun book?" asks what happened: a forecast of next year's does not answer it
    past = not ahead and bool(_PAST.search(query.text))
    further = bool(_FURTHER.search(query.text))
    places, counted = places_in(query.text), counted_things(query.text)
    anchors = _proper_nouns(query, entities)
    asked_year = relative_years(query.text)
    # "營收有多少來自AI": among figures of the asked measure, one whose passage shares none of the question's topic
    # words while others do is about something else (the revenue from the top customers)
    topical = bool(query.measures) and any(h.topic_coverage > 0 for h in candidates)
    for position, hit in enumerate(candidates):
        figures = asked_figures(hit, query, corpus.source(hit.passage.source_id).published)
        if not figures:
            continue
        # the figure the passage names with the asked measure right beside it ("about $1.4 billion of cash")
        heads = [bool(head_measures(hit.passage, f, query.measures) & query.measures) for f in figures]
        # else a part, for "what share …" ("about 34% of its assets", or "$4 billion of that" when an amount may
        # tell the slice)
        parts = [
            "share" in query.measures
            and (f.unit == "%" or f.unit in query.units)
            and is_share_of(hit.passage.text, f)
            for f in figures
        ]
        both = [h and p for h, p in zip(heads, parts, strict=True)]
        best = next((i for flags in (both, heads, parts) for i, flag in enumerate(flags) if flag), 0)
        figure, head, part = figures[best], heads[best], parts[best]
        text = hit.passage.text
        measured = _measured(hit, figure, query)
        matches = len(query.measures & measured)
        if query.measures and measured and not matches:
            continue
        # "在手訂單約6.8億元，其中約4成來自朔川": a passage with a figure for each asked measure answers both parts
        matches = max(matches, *(len(query.measures & _measured(hit, f, query)) for f in figures))
        if not measured and query.measures & _OWN_MEASURES and not _measure_in_context(hit, query, corpus):
            continue  # "聿達第三季營收" is not answered by a prepayment the passage never calls revenue
        asked_what, measured_what = query.measures - _CHANGE_MEASURES, measured - _CHANGE_MEASURES
        if "volume" in measured_what:
            # "中国AI眼镜出货量增长2.3倍": how the market grew, in units
            measured_what = measured_what | {"market"}
        if asked_what and measured_what and not asked_what & measured_what:
            continue  # "估值降到多少" is not answered by a margin that fell: a change alone is no match
        if other_count(counted, text):
            continue  # "all six halls" is not answered by what "the first two halls" cost
        if not names_places(hit, places, corpus):
            continue  # "越南新廠要投資多少" is not answered by next year's capex in a paragraph without Vietnam
        about = aboutness(hit, entities, corpus)
        # "the Groningen campus that Vossmeer financed": the passage naming Groningen is the one asked about,
        # whoever else it names
        anchored = bool(anchors) and all(a in text for a in anchors)
        # "per Naomi Ferris, how much would families pay under Prairie Crest's plan?": hers, whoever she works for
        theirs = hit.passage.speaker in {s.name for s in query.speakers}
        if not about or (
            about < 1
            and query.measures & _OWN_MEASURES
            and _someone_elses(hit, corpus)
            and not (anchored or theirs)
        ):
            continue
        behind = ahead and not looks_ahead(hit.passage.text)
        # "聿达对台积电的依赖有多大" asks how things stand: a forecast for next year comes after what is disclosed
        forecast = not ahead and looks_ahead(_words_before(hit.passage.text, figure, 30))
        # "再跌多少" (how much further) is not answered by how far it already fell
        # Named in the passage beats named only in its article's title ("Amazon burned $3 billion" in an article
        # titled with OpenAI does not answer for OpenAI while a passage naming OpenAI does).
        ranked.append(
            (
                (
                    # "the Groningen campus": a name the question gives that the passage does not
                    bool(anchors)
                    and family(corpus.source(hit.passage.source_id).language) == family(query.language)
                    and not anchored,
                    # "明年…加到多少": a figure whose own words say "明年" before one that does not date itself
                    bool(asked_year) and not _dated_to(text, figure, asked_year),
                    not head,
                    not (head or part),
                    further and behind,
                    about < 1,
                    past and forecast,
                    bool(query.quarters) and not quarters(text) & query.quarters,
                    -matches,
                    # a two-part question: a passage with a figure for each part (an amount and its share)
                    -len({f.unit for f in figures}) if len(query.measures) > 1 else 0,
                    # a passage in the other language shares few of the question's words: no sign it is off topic
                    topical
                    and hit.topic_coverage == 0
                    and family(corpus.source(hit.passage.source_id).language) == family(query.language),
                    not named_before(hit, figure.text, entities, corpus),
                    forecast,
                    -about,
                    behind,
                    position,
                ),
                hit,
            )
        )
    return [hit for _, hit in sorted(ranked, key=lambda item: item[0])]


_MONTHS_AND_DAYS = frozenset(
    "January February March April May June July August September October November December Monday Tuesday"
    " Wednesday Thursday Friday Saturday Sunday".split()
)


def _proper_nouns(query: QueryAnalysis, entities: list[tuple[str, ...]]) -> list[str]:
    """Capitalized words inside an English question that name no asked organization or person ("Groningen")."""
    people = [form for s in (*query.speakers, *query.unquoted) for form in (s.name, *s.aliases)]
    named = fold(" ".join([*(form for forms in entities for form in forms), *people]))
    words = re.findall(r"(?<=[a-z,] )[A-Z][a-z]{3,}\b", query.text)
    return [w for w in words if fold(w) not in named and w not in _MONTHS_AND_DAYS]


def _measured(hit: Hit, figure: Figure, query: QueryAnalysis) -> set[str]:
    """What a figure measures; for a share question also "share" when it is one ("only about 58% of Vantora's
    GPUs were generating revenue", "$310 million of the deal")."""
    text = hit.passage.text
    share = "share" in query.measures and (
        (figure.unit == "%" and not is_comparison(text, figure)) or is_share_of(text, figure)
    )
    return figure_measures(hit.passage, figure) | ({"share"} if share else set())


# Metrics named outright: a figure with one of them measures it and nothing else.
_NAMED = frozenset({"stock", "net_debt", "buyback", "retention"})
# Measures a percentage can be the value of.
_RATE_MEASURES = frozenset({"share", "growth", "cut", "margin", "yield", "retention", "stock", "utilization"})
# Measures told as amounts: a percentage or a multiple beside them is how they moved or divide.
_AMOUNT_MEASURES = frozenset(
    {"revenue", "spending", "debt", "orders", "cash", "assets", "burn", "market", "rent", "sale", "subsidy"}
    | {"net_debt", "buyback"}
)
# Measures that say how a figure moved or divides, not what it counts.
_CHANGE_MEASURES = frozenset({"growth", "cut", "share"})
# What an organization has of its own: another's sentence in an article about it does not give these for it.
_OWN_MEASURES = frozenset(
    {
        "revenue",
        "valuation",
        "burn",
        "margin",
        "spending",
        "orders",
        "employees",
        "retention",
        "stock",
        "yield",
        "net_debt",
        "buyback",
        "fee",
    }
)


_PHASE = re.compile(r"第([一二三四五六七八九十\d]+)期|\bphase (one|two|three|four|\d+|i{1,3}|iv)\b", re.I)
_WHOLE_YEAR = re.compile(
    r"\bfull[- ]year\b|\bannual\b(?! recurring)|\bfor the (?:whole|full|entire) year\b|全年|年度", re.I
)
_TOTAL_WORDS = re.compile(
    r"一共|总共|總共|合计|合計|累计|累積|\bin total\b|\baltogether\b|\bin all\b|\bcumulative", re.I
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
    names = [
        form for s in (*query.speakers, *query.entities) for form in (s.name, s.name_zh or "", *s.aliases)
    ]
    if "share" in query.measures and part_missing(query.text, text, names):
        return True
    if other_currency_debt(query.text, text):
        return True  # "the coupon on its dollar notes" is not the yen bonds' coupon
    return (
        several_quarters(query.text)
        and not several_quarters(text)
        and bool(quarters(text) or one_quarter(text))
    )


def _measure_in_context(hit: Hit, query: QueryAnalysis, corpus: Corpus) -> bool:
    """Whether the passage, or the question it answers just before it, names an asked measure."""
    passage = hit.passage
    before = corpus.by_id.get(f"{passage.source_id}:{passage.paragraph}.{passage.sentence - 1}")
    texts = [passage.text] + ([before.text] if before is not None else [])
    return any(find_measures(text) & query.measures for text in texts)


def _someone_elses(hit: Hit, corpus: Corpus) -> bool:
    """Whether a passage that does not name the asked organization is another one's: an organization speaks, or
    the passage names one ("贝恩估计…2万亿美元" in an article titled with OpenAI is Bain's estimate, not OpenAI's)."""
    speaker = corpus.speaker(hit.passage.speaker)
    # An unnamed source ("two bankers who worked on the sale") reports on the article's subject, not its own
    organization = (
        speaker is not None and speaker.kind == "organization" and unnamed_description(speaker) is None
    )
    return organization or bool(find_orgs(hit.passage.text))


# "累计净亏损", "a cumulative $4 billion": a sum over several periods.
_CUMULATIVE = re.compile(r"累计|累積|共计|共計|总计|總計|\bcumulative(?:ly)?\b|\bin all\b", re.I)
# Words that put a passage's figures ahead of the article's date.
_FUTURE = re.compile(
    r"\b(?:will|would|plans?|planned|expects?|expected|forecasts?|projects?|projected|aims?|targets?|budget(?:s|ed)?|"
    r"next|by 20\d\d|to come)\b|将|计划|拟|预计|预期|预测|目标|有望|力争|打算|未来|预算|明年|后年|20\d\d年[前底末]",
    re.I,
)


def _dated_to(text: str, figure: Figure, asked: set[str]) -> bool:
    """Whether the words just before a figure date it to the asked relative year ("明年的额度…8亿元")."""
    return bool(relative_years(_words_before(text, figure, 16)) & asked)


def _other_year(text: str, figure: Figure, asked: set[str]) -> bool:
    """Whether the words just before a figure date it to another year than the asked one ("今年…420亿")."""
    # only the words since the figure before it: "由今年的约9%提高到12%" dates the 9%, not the 12%
    written = relative_years(re.split(r"\d[\d.,]*", _words_before(text, figure, 30))[-1])
    return bool(written) and not written & asked


def nearest_figure(
    query: QueryAnalysis, candidates: list[Hit], entities: list[tuple[str, ...]], corpus: Corpus
) -> tuple[Passage, Figure] | None:
    """A figure of the asked kind for the asked organization but another period or year: what the articles do have."""
    if not query.measures or not (
        query.years or query.quarters or query.period or query.halves or query.tenors
    ):
        return None
    for hit in candidates:
        if not aboutness(hit, entities, corpus):
            continue
        for figure in hit.passage.figures:
            if (not query.units or figure.unit in query.units) and query.measures & figure_measures(
                hit.passage, figure
            ):
                return hit.passage, figure
    return None
