"""Words in a question or a passage that admit a figure as the answer or rule it out, and the measures they sort."""

from __future__ import annotations

import re

# "what share of the growth in power use", "增量中有多少来自": a part of a change, not of the whole.
SHARE_OF_GROWTH = re.compile(
    r"\b(?:share|portion|proportion|percentage|fraction|part|how much) of\b[^?]{0,40}\b(?:growth|increase|rise|"
    r"increment)\b|增量|新增部分|增长中|增长部分",
    re.I,
)
# Words before a percentage that make it a part of a change: "增量", "growth", "rise in".
GROWTH_PART = re.compile(
    r"增量|新增|增长中|增长的|增长部分|\bgrowth\b|\bincrease\b|\bincrement|\brise in\b", re.I
)
# "now", "目前", "而家": the present, not a forecast.
NOW_ASKED = re.compile(r"\bnow\b|\bcurrently\b|\btoday\b|目前|现在|現在|而家|当前|當前|眼下|如今", re.I)
# "10月合并营收新台币48.6亿元", "October sales of $410 million": a figure for one month (a month's end dates a
# balance, not a month's flow)
ONE_MONTH_BEFORE = re.compile(
    r"(?<![0-9])(?:1[0-2]|[1-9])月(?![底末0-9])|\b(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\s+(?:revenue|sales|bookings|shipments)\b",
    re.I,
)
# "去年同期为26.1%", "a year earlier": a passage that says its figure is the year before's.
YEAR_BEFORE = re.compile(r"\ba year (?:earlier|ago|before)\b|同期|上年", re.I)
# "第二季營收比去年同期成長多少": last year is what the quarter is compared with, not the quarter asked
AGAINST_LAST_YEAR = re.compile(
    r"[比较較]去年|去年同期|than (?:it was )?last year|(?:from|on|over|compared with|versus) last year", re.I
)
# "前三季度营业收入21.4亿元", "for the first nine months": a figure for several quarters together.
SEVERAL_QUARTERS_BEFORE = re.compile(
    r"前[二三两兩]季|上半年|\bfirst (?:two|three) quarters\b|\bfirst (?:six|nine) months\b|\byear to date\b",
    re.I,
)
# "单个用户的获客成本", "per subscriber": a cost or price for one of something, not a total.
PER_HEAD = re.compile(
    r"单个|單個|每个|每個|每位|每名|每户|每戶|人均|\bper (?:user|customer|subscriber|seat|head)\b", re.I
)
# A level a share moved from or to, right before the figure: "由", "从", "to".
LEVEL_BEFORE = re.compile(r"(?:由|从|從|到|至|\bfrom|\bto)[^，,。；;]{0,6}$", re.I)
# "期内", "in the period": the period the results report, named before in the article.
THE_PERIOD = re.compile(r"期内|期內|\b(?:in|for|during) the (?:period|half)\b", re.I)
# "$310 per clinician a month", "每月": a price for each of something, each month.
A_MONTH_AFTER = re.compile(
    r"\s*(?:per|for each|each|a|an|every)\s+[\w-]+\s+(?:a|per|each|every)\s+month\b|[^，,。；;]{0,6}每月",
    re.I,
)
# A monthly amount named before its figure: "月租", "monthly".
MONTHLY = re.compile(r"月租|月费|月費|每月|\bmonthly\b", re.I)


# "how much more", "by how much", "多出多少": the question asks the difference itself.
DELTA_ASKED = re.compile(
    r"\bhow much (?:more|less|higher|lower|bigger|smaller|extra)\b|\bby how much\b|\b(?:more|less) than\b|"
    r"\bsav(?:e|ed|es|ing|ings)\b|\badd(?:s|ed)?\b|\bgap\b|\bdifference\b|\bshortfall\b|\bexceed|"
    r"慳|省了|省下|节省|節省|少花|"
    r"多出|多了|少了|差距|差多少|相差|增加了?多少|减少了?多少|減少了?多少",
    re.I,
)


# A calendar year a passage counts in ("2025年营业收入", "in 2026").
A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)(?:年(?!\d))?")
# When a question asks: "今年头九个月", "第三季", "上半年", "2025年", "last year", "in the first half".
TIMES = re.compile(
    r"(?:今年|去年|明年|前年)?(?:[头首前][0-9一二三四五六七八九十两]+个?(?:月|季度?)|第[一二三四1-4]季度?|[上下]半年|全年|"
    r"[0-9]{4}年)|今年|去年|明年|\b(?:this|last|next) (?:year|quarter)\b|\b(?:first|second|third|fourth) quarter\b|"
    r"\bfirst (?:half|nine months|six months)\b|\b(?:in|for) (?:19|20)\d\d\b",
    re.I,
)


# Metrics named outright: a figure with one of them measures it and nothing else.
NAMED = frozenset({"stock", "net_debt", "buyback", "retention", "loss_ratio", "combined_ratio"})
# Measures a percentage can be the value of.
RATE_MEASURES = frozenset({"share", "growth", "cut", "margin", "yield", "retention", "stock", "utilization"})
# Measures told as amounts: a percentage or a multiple beside them is how they moved or divide.
AMOUNT_MEASURES = frozenset(
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


# "第二期", "二期", "phase two", "the second phase": which phase of a project a question or a passage names.
_PHASE = re.compile(
    r"第([一二三四五六七八九十\d]+)期|(?<![\d一二三四五六七八九十第同本上下前每])([一二三四五六七八九十首])期"
    r"(?![间間限货貨刊权權末初中内內基债債票])|\bphase (one|two|three|four|\d+|i{1,3}|iv)\b|\b(first|second|third|fourth) phase\b",
    re.I,
)
_PHASE_NUMBER = {
    **dict.fromkeys(("一", "首", "one", "i", "first"), "1"),
    **dict.fromkeys(("二", "two", "ii", "second"), "2"),
    **dict.fromkeys(("三", "three", "iii", "third"), "3"),
    **dict.fromkeys(("四", "four", "iv", "fourth"), "4"),
}


def phases(text: str) -> set[str]:
    """The phases a text names, by number, whatever the language ("二期" and "phase two" are both "2")."""
    return {
        _PHASE_NUMBER.get(name.lower(), name) for m in _PHASE.finditer(text) for name in m.groups() if name
    }


# "burned about $95 million of cash", "烧掉约3亿元现金": cash spent, which is no profit or loss
CASH_BURNED = re.compile(r"\bburn(?:ed|t|ing|s)?\b|烧掉|烧了|烧钱|现金消耗|燒掉|燒錢", re.I)
# "its fiscal second quarter", "2027财年第二季": a company's own year, whose quarters are not the calendar's
FISCAL = re.compile(r"\bfiscal\b|\bFY\d|财年|財年|财政年度|財政年度|会计年度|會計年度", re.I)
# "full-year", "全年", "整个财年": a whole year, not one quarter of it.
WHOLE_YEAR = re.compile(
    r"\bfull[- ]year\b|\bannual\b(?! recurring)|\bfor the (?:whole|full|entire) (?:fiscal )?year\b|全年|年度|"
    r"整个财年|整個財年|全财年|全財年|整年",
    re.I,
)
# "一共", "in total", "altogether": a sum asked, never a price per unit.
TOTAL_WORDS = re.compile(
    r"一共|总共|總共|合计|合計|累计|累積|\bin total\b|\baltogether\b|\bin all\b|\bcumulative", re.I
)
# "how much will the first plant cost to build?": the whole build, never a cost per kilowatt.
WHOLE_BUILD = re.compile(r"\bcost(?:s|ing)? to (?:build|construct|complete|finish)\b|总造价|建设总成本", re.I)
# A question about an amount for each month: "per month", "每月".
PER_MONTH_ASKED = re.compile(r"\bper month\b|\ba month\b|\beach month\b|\bmonthly\b|每月|每个月|每個月", re.I)
# A question about an amount for each unit: "per seat", "each GPU", "每卡", "单价".
PER_UNIT_ASKED = re.compile(
    r"\bper\b|\beach\b|\ba (?:user|seat|share|unit|gpu|chip|card|hour|token)\b|每|单价|單價|\bdividends?\b|股息|派息",
    re.I,
)
# "what rate is it paying on the loan?": the price of money, never a part of something.
INTEREST_RATE = re.compile(r"\brate\b|利率|利息", re.I)
# "an average coupon of 2.35%": one figure over several parts.
AVERAGE = re.compile(r"\baverage\b|\bblended\b|平均|综合", re.I)
# A question about one share's worth ("the per-share price", "每股盈余").
ONE_SHARE_ASKED = re.compile(r"\bper[- ]share\b|\ba share\b|\beach share\b|每股", re.I)
# A question that may be answered by an amount per share: about shares, stock, prices or EPS.
# ("穎矽明年EPS…": an acronym between Chinese characters has no word boundary)
PER_SHARE_ASKED = re.compile(
    r"\bshares?\b|\bstock|\bprice|(?<![a-z])eps(?![a-z])|\bdividends?\b|股|价|價|派息|股息", re.I
)
# "what share of", "占营收几成": a part asked by name ("how much of a boost" asks a change).
SHARE_NOUN = re.compile(
    r"\bshare of\b|\bportion\b|\bproportion\b|\bfraction\b|占|比例|比重|几成|幾成|多少成", re.I
)


# "累计净亏损", "a cumulative $4 billion": a sum over several periods.
CUMULATIVE = re.compile(r"累计|累積|共计|共計|总计|總計|\bcumulative(?:ly)?\b|\bin all\b", re.I)
# Words that put a passage's figures ahead of the article's date.
FUTURE = re.compile(
    r"\b(?:will|would|plans?|planned|expects?|expected|forecasts?|projects?|projected|aims?|targets?|budget(?:s|ed)?|"
    r"next|by 20\d\d|to come)\b|将|计划|拟|预计|预期|预测|目标|有望|力争|打算|未来|预算|明年|后年|20\d\d年[前底末]",
    re.I,
)
