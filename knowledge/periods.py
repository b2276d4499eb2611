"""The periods a text names: quarters, halves, several quarters at once, a debt's tenor, last or next year."""

from __future__ import annotations

import datetime as dt
import re

from knowledge.figures.numbers import EN_TENS, EN_UNITS
from knowledge.scripts import fold

_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "一": 1, "二": 2, "三": 3, "四": 4}
_QUARTER = re.compile(
    # ("三季报" is the report for the first three quarters, not the third quarter's figures)
    r"\b(?:q([1-4])|([1-4])q|(first|second|third|fourth)[- ]quarter)\b|第?([一二三四1-4])季(?!报|報)",
    re.I,
)


# Right after a quarter: its last day ("三季度末", "第三季底", "Q3-end"), where balances are counted.
_QUARTER_END = re.compile(r"度?(?:末|底)|[- ]end\b", re.I)


def quarters(text: str) -> set[int]:
    """The quarters a text names ("Q4", "third quarter", "第三季", "三季度"); "前三季度", "首三季" are not one quarter."""
    found = set()
    folded = fold(text)
    for match in _QUARTER.finditer(folded):
        before = folded[max(0, match.start() - 1) : match.start()]
        if before in ("前", "首", "头") or (
            before in ("上", "下", "这", "那", "每", "本", "同", "单") and match.group(0) == "一季"
        ):
            continue  # "前三季度" is not one quarter, "上一季" is the last quarter, not the first
        if _QUARTER_END.match(folded, match.end()):
            continue  # "三季度末的应收款", "at the end of the third quarter": a balance on a day, not the quarter's flow
        word = next(g for g in match.groups() if g)
        found.add(int(word) if word.isdigit() else _QUARTER_WORDS[word.lower()])
    for match in _MONTH_SPAN.finditer(folded):
        # "七到九月", "July to September": the three months of one calendar quarter
        first, last = (_month(m) for m in match.groups() if m)
        if last - first == 2 and first % 3 == 1:
            found.add(first // 3 + 1)
    return found


# "last quarter", "上个季度", "上一季": the latest quarter reported by the article's date
_LAST_QUARTER = re.compile(
    r"\b(?:last|previous|latest|most recent|past) quarter\b|上[一个]?季度|上一季|上季|最近一[个]?季度?|最新一季",
    re.I,
)


def last_quarter(text: str, published: dt.date) -> int | None:
    """The quarter "last quarter" means in an article of that date (the one before the date's own), if asked."""
    if not _LAST_QUARTER.search(fold(text)):
        return None
    return (published.month - 1) // 3 or 4


_MONTHS_EN = "january february march april may june july august september october november december".split()
_MONTH_NAME = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_MONTH_ZH = r"(?:[1-9]|1[0-2]|[一二三四五六七八九十]|十[一二])"
_MONTH_SPAN = re.compile(
    rf"(?<!\d)({_MONTH_ZH})月?(?:到|至|-|–|~|～)({_MONTH_ZH})月|\b({_MONTH_NAME})\s*(?:to|through|-|–)\s*({_MONTH_NAME})\b"
)
_ZH_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _month(word: str) -> int:
    if word in _MONTHS_EN:
        return _MONTHS_EN.index(word) + 1
    if word.isdigit():
        return int(word)
    if word.startswith("十"):
        return 10 + sum(_ZH_NUMERALS[c] for c in word[1:])
    return _ZH_NUMERALS[word]


_SEVERAL_QUARTERS = re.compile(
    # "首三季", "頭九個月": Hong Kong and Taiwan say first (首/头) where the mainland says 前
    r"[前首头][二三四两2-4]个?季|first (?:two|three) quarters|(?:first )?(?:six|nine) months|first half|上半年|"
    r"[前首头][6-9六七八九]个?月|"
    r"[六6]个月",
    re.I,
)


def several_quarters(text: str) -> bool:
    """Whether a text gives a total over several quarters ("前三季合併營收", "the first nine months")."""
    return bool(_SEVERAL_QUARTERS.search(fold(text)))


_ONE_QUARTER = re.compile(r"当季|单季|本季|该季|\bthe quarter\b|\bthis quarter\b", re.I)


def one_quarter(text: str) -> bool:
    """Whether a text speaks of a single quarter without naming it ("当季营收312亿元", "revenue for the quarter")."""
    return bool(_ONE_QUARTER.search(fold(text)))


# What a price per unit of energy is priced per: "每千瓦时0.31元", "$110 per megawatt-hour".
_HALF = re.compile(r"\b(?:h([12])|(first|second)[- ]half)\b|([上下])半(?:个|財|财)?年", re.I)


def halves(text: str, *, six_months: bool = False) -> set[int]:
    """The halves of a year a text names ("first half", "H2", "上半年"); with `six_months`, either half for a
    six-month period that names neither ("the six months to September", "截至9月30日止六个月", "中期")."""
    folded = fold(text)
    named = {
        1 if (m.group(1) == "1" or (m.group(2) or "").lower() == "first" or m.group(3) == "上") else 2
        for m in _HALF.finditer(folded)
    }
    return named or ({1, 2} if six_months and _SIX_MONTHS.search(folded) else set())


# A six-month period whose half depends on the company's fiscal year.
_SIX_MONTHS = re.compile(
    r"\bsix months (?:to|ended|ending|through)\b|\bsix-month period\b|止六个月|中期|半年度"
)


_NUMBER_WORDS = {**EN_UNITS, **EN_TENS}  # "a five-year loan", "a thirty-year bond"
# "a 30-year bond", "10年期"; not "9-month revenue", a reporting period
_TERM = re.compile(
    r"\b(\d{1,3}|[a-z]+)-(year|month)\b(?!\s+(?:revenue|sales|profit|results|period|earnings|loss|net|operating|"
    # "the three-year investment budget": a plan's span, not a debt's tenor
    r"figures|total|high|low|growth|investment|budget|plan|programme|program|spending|capex|capital|strategy|"
    r"outlook|forecast|horizon|window|cycle|roadmap|history|span|old))|(\d{1,3}|[一二三五十]+)年期",
    re.I,
)
_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "五": 5, "十": 10, "二十": 20, "三十": 30, "十五": 15}


def tenors(text: str) -> set[str]:
    """The tenors a text names ("a 30-year bond", "five-year loan", "10年期"), as "30y" or "5m"."""
    found = set()
    for match in _TERM.finditer(text):
        word, unit = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), "year")
        number = int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower()) or _ZH_DIGITS.get(word)
        if number:
            found.add(f"{number}{unit[0].lower() if unit.isascii() else 'y'}")
    return found


_RELATIVE_YEAR = {
    "last": re.compile(
        r"\blast (?:fiscal |financial )?year\b|\ba year (?:ago|earlier)\b|去年|上一年|上[一个]?财年", re.I
    ),
    "this": re.compile(r"\bthis (?:fiscal |financial )?year\b|今年|本年度|本财年", re.I),
    "next": re.compile(r"\bnext (?:fiscal |financial )?year\b|明年|下一年|下[一个]?财年", re.I),
    # "the fiscal year after next", "后年": two years on, not the next one
    "after_next": re.compile(r"\b(?:fiscal |financial )?year after next\b|后年|後年", re.I),
}


def relative_years(text: str) -> set[str]:
    """The years a text names relative to its date: "last", "this", "next" (去年, 今年, 明年)."""
    folded = fold(text)
    return {name for name, pattern in _RELATIVE_YEAR.items() if pattern.search(folded)}


_MONTH_END = re.compile(
    rf"\b(?:end of|end-)\s*({_MONTH_NAME})\b|\b({_MONTH_NAME})\s+3[01]\b|(?<!\d)({_MONTH_ZH})月(?:底|末|3[01][日号])"
)


def month_ends(text: str) -> set[int]:
    """The months whose end a text dates a balance to ("at the end of June", "June 30", "6月底", "9月末")."""
    return {_month(next(g for g in m.groups() if g)) for m in _MONTH_END.finditer(fold(text).lower())}


# "10月自結營收", "9月份营收", "September sales": the month a flow (sales, revenue, orders) is counted for.
_SALES_MONTH = re.compile(
    rf"(?<!\d)({_MONTH_ZH})月份?的?(?:合并|合併|自结|自結|单月|單月)?(?:营收|營收|收入|销售|銷售|出货|出貨|订单|訂單)"
    rf"|\b({_MONTH_NAME})(?:'s)?\s+(?:revenue|sales|bookings|shipments|orders)\b"
)


def sales_months(text: str) -> set[int]:
    """The months a text counts sales or revenue for ("10月自結營收" -> {10}, "september sales" -> {9})."""
    return {_month(next(g for g in m.groups() if g)) for m in _SALES_MONTH.finditer(fold(text))}


# "…$6.8 billion from the fund in November": the month a figure is dated to, right after it.
_IN_MONTH = re.compile(rf"^[^.;,]{{0,60}}?\b(?:in|during)\s+({_MONTH_NAME})\b")
_ASKED_MONTH = re.compile(rf"\b(?:in|during|for)\s+({_MONTH_NAME})\b")


def month_after(words: str) -> int | None:
    """The month named right after a figure in its clause ("… from the ETF in November" -> 11), if any."""
    match = _IN_MONTH.match(fold(words))
    return _month(match.group(1)) if match else None


def asked_month(question: str) -> int | None:
    """The month an English question asks about ("how much did investors pull in october?" -> 10), if one."""
    found = {_month(m.group(1)) for m in _ASKED_MONTH.finditer(fold(question))}
    return found.pop() if len(found) == 1 else None
