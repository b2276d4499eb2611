"""What qualifies a figure: the year it refers to, the period it counts over, whether it is approximate."""

from __future__ import annotations

import re

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)(?:\s*年)?")
_NOW_BETWEEN = re.compile(r"目前|现在|現在|如今|眼下|当前|當前|\bnow\b|\bcurrently\b|\btoday\b", re.I)
_DEADLINE = re.compile(
    r"(?:(?<![看提谈談说說想遇受排])到|至|\bby |\bthrough |\bby (?:the )?end(?:[- ]of)?\s+|\bby year[- ]end\s+)((?:19|20)\d{2})",
    re.I,
)
# A comma inside "1,500" does not end a clause.
_CLAUSE_BREAK = re.compile(r",(?!\d{3})|[，;；。!?！？:：—]")

# Periods, nearest one wins. "a year earlier" and "a quarter of" are not periods.
PERIODS: tuple[tuple[str, str], ...] = (
    (
        "year",
        r"\bper (?:year|annum)\b|\ba year\b(?!\s+(?:earlier|ago|before|later|after|from|of))"
        r"|\bannually\b|\b(?:each|every) year\b|\bfull[- ]year\b|\bfor all of\b"
        r"|每一?年|年化|全年|年收入|一年(?![前后後多来來內内])",
    ),
    (
        "month",
        r"\bper month\b|\ba month\b(?!\s+(?:earlier|ago|before|later|after|of))|\bmonthly\b"
        r"|\b(?:each|every) month\b|每個?月|每个月|月均",
    ),
    (
        "quarter",
        r"\bper quarter\b|\ba quarter\b(?!['’]s|\s+(?:earlier|ago|before|later|after|of))|\bquarterly\b"
        r"|\b(?:each|every|this|last|latest|previous|current|first|second|third|fourth)[- ]quarter\b"
        r"|\bQ[1-4]\b|(?<![前首头頭])[一二三四1-4]季度|第[一二三四1-4]季|单季|單季|本季|上季|每季",
        # ("前三季度收入4.3亿元" is nine months' revenue, no quarter's)
    ),
)
_PERIODS = [(period, re.compile(pattern, re.I)) for period, pattern in PERIODS]
# "$2,400 per kilowatt": any other unit the amount is priced per.
_PER_WORD = re.compile(r"\s*(?:per\s+|/\s*)([A-Za-z]+(?:-hours?)?)")
ZH_PER_WORDS = {
    "每股": "share",
    "每千瓦": "kilowatt",
    "每千瓦时": "kilowatt-hour",
    "每千瓦時": "kilowatt-hour",
    "每度电": "kilowatt-hour",
    "每度電": "kilowatt-hour",
    "每兆瓦时": "megawatt-hour",
    "每兆瓦時": "megawatt-hour",
    "每兆瓦": "megawatt",
    "每小时": "hour",
    "每小時": "hour",
    "每卡": "card",
    "每百万tokens": "million tokens",
    "每百萬tokens": "million tokens",
}
_A_SHARE = re.compile(r"\s*(?:a|per) share\b", re.I)
_EACH = re.compile(r"\s*(?:each|apiece)\b", re.I)
_SHARES_BEFORE = re.compile(r"\bshares?\b[^,;.]{0,30}$", re.I)
_ZH_PER = re.compile("|".join(sorted(ZH_PER_WORDS, key=len, reverse=True)))

APPROX_BEFORE = (
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "approximately",
    "some",
    "close to",
    "more than",
    "over",
    "at least",
    "less than",
    "under",
    "upwards of",
    "an estimated",
    "just over",
    "just under",
    "as much as",
    "as many as",
    "up to",
    "逾",
    "约",
    "約",
    "大约",
    "大約",
    "近",
    "将近",
    "將近",
    "接近",
    "超过",
    "超過",
    "超",
    "不低于",
    "不低於",
    "不少于",
    "不少於",
    "不到",
    "不足",
)
APPROX_AFTER = ("上下", "左右", "以上", "多", "余", "餘", "or so", "or more")
_APPROX_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:"
    + "|".join(re.escape(w) for w in sorted(APPROX_BEFORE, key=len, reverse=True))
    + r")\s*(?:为|為|是|有|达|達|占|佔)?\s*$",
    re.I,
)
_APPROX_AFTER = re.compile(
    r"^\s*(?:" + "|".join(re.escape(w) for w in sorted(APPROX_AFTER, key=len, reverse=True)) + r")", re.I
)
# "10多亿美元", "十余倍": the hedge sits inside the written figure.
_APPROX_INSIDE = re.compile(r"[\d一二两兩三四五六七八九十百千][多余餘]")
_PERIOD_BEFORE_CHARS = 16
_PERIOD_AFTER_CHARS = 30


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end of the clause holding text[start:end], between commas, semicolons and stops."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right_match = _CLAUSE_BREAK.search(text, end)
    return left, right_match.start() if right_match else len(text)


def year_near(text: str, start: int, end: int) -> int | None:
    """The year nearest the figure in its clause, or a deadline year ('到2030年，') just before it."""
    left, right = clause_bounds(text, start, end)
    # Nearest by the gap between them; on a tie the year after wins ("2.5% in 2024 to 3.5% in 2025").
    years = [
        (_distance(m.span(), start, end), m.start() < start, int(m.group(1)))
        for m in _YEAR.finditer(text, left, right)
        if not (m.start() >= start and m.end() <= end)
    ]
    if years:
        nearest = min(years)
        after = _DEADLINE.search(text, end, right)
        if nearest[1] and after and re.search(r"\b(?:and|but)\b", text[left:start][-40:]):
            # "…in the second half of 2027 and to reach $500 million a year by the end of 2028": a deadline after
            # the figure dates it, not a year the clause before it named
            return int(after.group(1))
        return nearest[2]
    # "到2030年，……需要每年产生2万亿美元": a deadline year may sit one clause earlier.
    deadline = list(_DEADLINE.finditer(text, max(0, start - 40), start))
    # "能见度已看到2028年，但目前本益比约24倍": a figure the sentence sets now is not one for the year before it
    if deadline and not _NOW_BETWEEN.search(text, deadline[-1].end(), start):
        return int(deadline[-1].group(1))
    # "to about €4 billion, or 2.7% of assets, by the end of 2027": or a clause or two later, in the sentence
    later = _DEADLINE.search(text, end, min(len(text), end + 60))
    return (
        int(later.group(1))
        if later
        and not re.search(r"[。;；!?！？]|\.(?!\d)", text[end : later.start()])
        and not _NOW_BETWEEN.search(text, end, later.start())
        else None
    )


def period_near(text: str, start: int, end: int) -> str | None:
    """'year', 'month', 'quarter', or what the amount is priced per ('kilowatt'), or None."""
    priced = _PER_WORD.match(text, end)
    if priced:
        word = priced.group(1).lower()
        return next((period for period, pattern in _PERIODS if pattern.fullmatch(f"per {word}")), word)
    if _A_SHARE.match(text, end) or (
        _EACH.match(text, end) and _SHARES_BEFORE.search(text, max(0, start - 40), start)
    ):
        return "share"  # "$61 a share", "prices shares at $42.70 each"
    left, right = clause_bounds(text, start, end)
    left, right = max(left, start - _PERIOD_BEFORE_CHARS), min(right, end + _PERIOD_AFTER_CHARS)
    found = [
        (_distance(m.span(), start, end), period)
        for period, pattern in _PERIODS
        for m in pattern.finditer(text, left, right)
    ]
    if found:
        return min(found)[1]
    zh = list(_ZH_PER.finditer(text, left, start))
    return ZH_PER_WORDS[zh[-1].group(0)] if zh else None


def _distance(span: tuple[int, int], start: int, end: int) -> int:
    return start - span[1] if span[1] <= start else max(0, span[0] - end)


def is_approximate(text: str, start: int, end: int) -> bool:
    """True when a word such as about, more than, 约 or 左右 hedges the figure."""
    before, after = text[max(0, start - 16) : start], text[end : end + 8]
    inside = _APPROX_INSIDE.search(text, start, end)
    return bool(_APPROX_BEFORE.search(before) or _APPROX_AFTER.match(after) or inside)
