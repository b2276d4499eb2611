"""What kind of number a figure is beside its measure: a share of it, or a change against which period."""

from __future__ import annotations

import re

from knowledge.figures import Figure
from knowledge.measure_patterns import PHRASAL_UP_VERBS
from knowledge.scripts import fold

# The period a change is measured against: "年增35%" and "up 64% from a year earlier" are year on year,
# "季增18%" and "up 8% from the previous quarter" quarter on quarter.
_YEAR_ON_YEAR = re.compile(
    r"年增|年减|同比|年成长|年增长|较去年同期|比去年同期|去年同期|year[- ](?:on|over)[- ]year|\byoy\b|"
    r"(?:from|than|on|over|versus|vs\.?) (?:a|the) (?:year|twelve months) (?:earlier|ago|before)|"
    r"(?:from|than|over|on|versus|vs\.?) (?:the same (?:quarter|period|month) )?(?:of |in )?last year|"
    r"(?:from|than|over|on) the (?:same|year-earlier|year-ago) (?:quarter|period|month)",
    re.I,
)
_QUARTER_ON_QUARTER = re.compile(
    r"季增|季减|环比|较上季|比上季|上一季|上季|quarter[- ](?:on|over)[- ]quarter|\bqoq\b|sequential|"
    r"(?:from|than|over|on) (?:the )?(?:previous|prior|preceding|last|second|first|third) quarter|"
    r"(?:from|than|over|on) (?:a|the) (?:quarter|three months) (?:earlier|ago|before)",
    re.I,
)
_MONTH_ON_MONTH = re.compile(
    r"月增|月减|较上月|比上月|month[- ](?:on|over)[- ]month|\bmom\b|(?:from|than|over|on) (?:the )?previous month|"
    r"(?:from|than|over|on) (?:a|the) month (?:earlier|ago|before)",
    re.I,
)
_CLAUSE = re.compile(r"[，,。；;：！？!?、]")


def comparison_basis(text: str) -> str | None:
    """ "year", "quarter" or "month" when a text asks or states a change against a period before."""
    folded = fold(text)
    found = [
        basis
        for basis, pattern in (
            ("year", _YEAR_ON_YEAR),
            ("quarter", _QUARTER_ON_QUARTER),
            ("month", _MONTH_ON_MONTH),
        )
        if pattern.search(folded)
    ]
    return found[0] if len(found) == 1 else None


def _found(text: str, figure: Figure) -> tuple[str, int]:
    """The folded text and where the figure is written in it (-1 when it is not)."""
    folded = fold(text)
    return folded, folded.find(fold(figure.text))


def figure_basis(text: str, figure: Figure) -> str | None:
    """The period a figure's change is measured against, from the words right beside it ("季增18%、年增35%")."""
    folded, at = _found(text, figure)
    if at < 0:
        return None
    before = _CLAUSE.split(folded[max(0, at - 6) : at])[-1]
    after = _CLAUSE.split(folded[at + len(figure.text) : at + len(figure.text) + 40])[0]
    return comparison_basis(before) or comparison_basis(after)


# "35% of the year's bookings", "占营收的35%", "$310 million of the deal": a part of something.
_SHARE_AFTER = re.compile(r"\s*of\b|(?:左右)?(?:来自|源自|出自)", re.I)
# "占营收比重已由去年的2成提高到第三季的4成": the level a share moved to is a part too
_SHARE_BEFORE = re.compile(
    r"(?<!应)占[^，,。；;]{0,14}$|[^，,。；;]{1,12}中的?$|(?<!应)占[^，,。；;]{0,30}[到至][^，,。；;\d]{0,8}$"
)


def is_share_of(text: str, figure: Figure) -> bool:
    """Whether a figure is a part of something ("35% of the bookings", "$310 million of the deal")."""
    folded, at = _found(text, figure)
    if at < 0:
        return False
    return bool(_SHARE_AFTER.match(folded, at + len(figure.text)) or _SHARE_BEFORE.search(folded[:at]))


# "40% less water", "30% more expensive", "两成以上的降幅": a comparison with something else, not a part of it.
_COMPARED = re.compile(r"\s*(?:less|more|fewer|higher|lower|cheaper|faster|slower|bigger|smaller)\b", re.I)


def is_comparison(text: str, figure: Figure) -> bool:
    """Whether a figure says how much more or less something is ("draw 40% less water"), not how much of it."""
    folded, at = _found(text, figure)
    return at >= 0 and bool(_COMPARED.match(folded, at + len(figure.text)))


_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split(),
    )
}
_TOKEN = re.compile(r"[a-z0-9'’-]+(?:\.\d+)?")


_DURATIONS = frozenset(
    {"years", "yrs", "months", "mos", "quarters", "qtrs", "weeks", "days", "hours", "decades"}
)


# Words for what the asker has read or wants, never a count of things an article reports.
_ABOUT_THE_ANSWER = frozenset(
    {
        "numbers",
        "figures",
        "estimates",
        "answers",
        "sources",
        "reports",
        "articles",
        "versions",
        "stories",
        "things",
    }
)


def counted_things(text: str) -> dict[str, int]:
    """How many of each thing an English text counts ("all six of its data halls" -> {"hall": 6})."""
    tokens = _TOKEN.findall(text.lower())
    counts: dict[str, int] = {}
    for at, token in enumerate(tokens):
        if len(token) < 4 or not token.endswith("s") or token.endswith(("'s", "’s", "ss")):
            continue
        if token in _DURATIONS and tokens[at + 1 : at + 2] in (["ago"], ["earlier"], ["before"], ["back"]):
            continue  # "vs 2 yrs ago": a point in time, not a number of things
        if token in _ABOUT_THE_ANSWER:
            continue  # "I've seen two very different numbers": the asker's sources, not things in the story
        for back in range(at - 1, max(-1, at - 5), -1):
            word = tokens[back]
            number = _NUMBER_WORDS.get(word, int(word) if word.isdigit() and len(word) < 4 else None)
            if number is not None:
                if not (number == 1 and tokens[back + 1 : back + 2] == ["of"]):
                    counts[token[:-1]] = number  # "one of those testers" is any one of them, not a count
                break
    return counts


def other_count(asked: dict[str, int], text: str) -> bool:
    """Whether a passage counts a thing the question counts (`asked`, from `counted_things`) differently ("first
    two halls" for "all six halls"), or never names it."""
    if not asked:
        return False
    given = counted_things(text)
    if any(noun in given and given[noun] != number for noun, number in asked.items()):
        return True
    # "all six data halls" asks about halls: an English passage that never names them does not answer
    english = not re.search(r"[\u4e00-\u9fff]", text)
    # (…unless it counts as many of something else: "the big five labs" are "the five largest model developers")
    return (
        english
        and not any(re.search(rf"\b{re.escape(noun)}", text, re.I) for noun in asked)
        and not set(asked.values()) & set(given.values())
    )


# "rose 7.1%", "up 12%", "增长9%", "收涨9.6%": how much something moved, not how big a part of it is.
_MOVED_BY = re.compile(
    r"(?:\b(?:rose|rise|risen|rising|fell|fall|fallen|falling|(?<!wrote )(?<!write )(?<!writes )(?<!written )(?<!marked )down|grew|grow|grown|jumped|climbed|gained|lost|"
    r"increased|decreased|declined|dropped|slipped|slid|surged|soared|tumbled|plunged|by|up)"
    r"|涨|跌|增|降|增长|下降|上涨|下跌|上升|提高|减少|成长)"
    r"\s*(?:about|around|roughly|nearly|almost|some|just over|more than|约|近|逾|超过)?\s*$",
    re.I,
)
# "make up 18%", "tie up $180 million of cash": a part or a phrasal verb, no move
_PHRASAL_UP = re.compile(
    r"\b(?:"
    + "|".join(sorted(PHRASAL_UP_VERBS))
    + r")\s+up\s*(?:about|around|roughly|nearly|almost|some|just over|more than)?\s*$",
    re.I,
)


def is_change(text: str, figure: Figure) -> bool:
    """Whether a figure says how much something moved ("rates rose 7.1%", "同比增长9%")."""
    folded, at = _found(text, figure)
    before = _CLAUSE.split(folded[max(0, at - 24) : at])[-1]
    return at >= 0 and bool(_MOVED_BY.search(before)) and not _PHRASAL_UP.search(before)


# "worth on its own", "单独": one part asked; "a combined $240 million", "合计": the total of several parts.
_ALONE = re.compile(
    r"\bon (?:its|their) own\b|\balone\b|\bby itself\b|\bseparately\b|单独|單獨|单笔|單筆", re.I
)
_COMBINED = re.compile(
    r"\bcombined\b|\btogether\b|\bin total\b|\baltogether\b|合计|合計|共计|共計|总共|總共|两笔|兩筆"
)


def total_for_one(question: str, passage: str) -> bool:
    """Whether a question asks for one part ("the deal with Orison on its own") and the passage gives a total."""
    # "its top 5 customers, and the biggest one alone": the question asks the group too
    group = re.search(r"\btop \d+\b|前[一二三四五六七八九十\d]+大", question, re.I)
    return bool(_ALONE.search(question)) and bool(_COMBINED.search(passage)) and not group


_TOTAL_ASKED = re.compile(
    r"\bin total\b|\baltogether\b|\bcombined\b|\ball together\b|总共|總共|合计|合計|一共", re.I
)
# "one of the buyers", "the largest single contract", "其中一笔": one part of a total
_ONE_OF = re.compile(
    r"\bone of (?:the|its|their|his|her|our)\b|\b(?:largest|biggest|smallest) single\b|其中一|之一|单笔最大|最大一笔"
)


def one_for_total(question: str, passage: str) -> bool:
    """Whether a question asks a total ("worth in total") and the passage speaks for one of the parts ("a manager
    at one of the buyers said his company's agreement was worth $400 million")."""
    return bool(_TOTAL_ASKED.search(question)) and bool(_ONE_OF.search(passage))


# "HBM revenue", "cloud sales", "广告收入", "AI营收": one segment's revenue, named by what it comes from
_SEGMENT_ASKED = re.compile(
    r"(?<!['’])\b(?!(?:total|overall|annual|quarterly|yearly|monthly|full-year|its|their|his|her|our|the|a|an|"
    r"group|company|net|gross|much|many|what|which|whose|in|of|and|or|for|from|on|by|to|more|less|first|second|"
    r"third|fourth|last|next|this|that|same|reported|book|booked|any|some|cumulative)\b)[a-z][\w-]* "
    r"(?:revenue|sales)\b|(?<![总總营營合并併全])(?:(?<![A-Za-z])(?-i:[A-Z]{2,4})|广告|廣告|云|雲|算力|数据中心|資料中心|服务器|伺服器|海外|国内|國內)"
    r"(?:业务)?(?:收入|营收|營收|销售额|銷售額)",
    re.I,
)
# "Total revenue rose 61% to $10.3 billion", "总营收", "合并营收": the whole company's revenue
_WHOLE_REVENUE = re.compile(
    r"\b(?:total|overall|group|company-wide|consolidated) (?:revenue|sales)\b|总营收|總營收|营业总收入|營業總收入|"
    r"合并营收|合併營收|整体营收|整體營收|总收入|總收入",
    re.I,
)


def whole_for_segment(question: str, before: str) -> bool:
    """Whether a question asks one segment's revenue ("Tarrow's HBM revenue") and the words before a figure make
    it the whole company's ("Total revenue rose 61% to $10.3 billion")."""
    clause = re.split(r"[,，;；]", before)[-1]
    return bool(_SEGMENT_ASKED.search(question)) and bool(_WHOLE_REVENUE.search(clause))


# "总投资约85亿元", "a total cost of $2 billion": what a project costs over its life, not in one year.
_PROJECT_TOTAL = re.compile(
    r"总投资|總投資|总投入|總投入|总造价|總造價|\btotal (?:investment|cost|price tag)\b|\ball-in cost\b", re.I
)


def project_total(question: str, before: str) -> bool:
    """Whether the words before a figure make it a project's total while the question asks for one year's amount
    ("明年的资本支出" is not answered by a plant's "总投资约85亿元")."""
    return bool(_PROJECT_TOTAL.search(before)) and not _PROJECT_TOTAL.search(question)


_TOTAL_INVESTMENT_ASKED = re.compile(
    r"(?:总共|總共|一共|合计|合計)[^，。？?]{0,6}(?:投资|投資|花|成本|要多少钱|要多少錢)|总投资|總投資|"
    r"\btotal (?:investment|cost|price tag)\b|\bin total\b.{0,30}\b(?:invest|cost|spend)",
    re.I,
)
_ONE_YEARS_BUDGET = re.compile(
    r"资本支出|資本支出|\bcapex\b|capital (?:spending|expenditure)|明年|今年|next year|this year", re.I
)


def one_years_budget(question: str, before: str) -> bool:
    """Whether the question asks what a project costs in all while the words before a figure make it one year's
    budget ("高雄新廠總共要投資多少" is not answered by "明年資本支出將提高至新台幣210億元")."""
    return bool(_TOTAL_INVESTMENT_ASKED.search(question)) and bool(_ONE_YEARS_BUDGET.search(before))


# "最大单一客户占租赁资产多少": the part whose share is asked, before 占.
_PART_ASKED = re.compile(
    r"(?P<part>[\u4e00-\u9fff]{2,10})(?<!市)[占佔](?![比率])(?:[\u4e00-\u9fff]{0,12})(?:多少|几多|幾多|几成|幾成|比例|比重|百分之几)"
)


def part_missing(question: str, passage: str, names: list[str]) -> bool:
    """Whether a Chinese passage never names the part whose share a question asks ("最大单一客户占…" answered by
    "设备租赁资产占…约三成")."""
    found = _PART_ASKED.search(fold(question))
    if found is None or not re.search(r"[\u4e00-\u9fff]", passage):
        return False
    part = found.group("part")
    for name in sorted((fold(n) for n in names if n), key=len, reverse=True):
        part = part.replace(name, "")
    part = re.sub(
        r"(?:大概|大约|大致|约|差不多|到底|究竟|现在|而家|目前|已经|已|能|会|将|就|又|还)+$", "", part
    )
    # "国产的" is the part itself; in "建汇的最大客户" what comes before 的 is whose part it is
    part = part[:-1] if part.endswith(("的", "嘅")) else re.sub(r"^.*[的嘅]", "", part)
    text = fold(passage)
    return len(part) >= 2 and not any(part[i : i + 2] in text for i in range(len(part) - 1))


# "每多花1元营销费用，只换回约0.36元", "for every $1 of capex": money told per unit of other money.
_PER_UNIT_OF_MONEY = re.compile(
    r"每(?:多|一)?(?:花|投|投入|支出|付出|赚)?(?:1|一)(?:元|块|美元)|\bfor every (?:\$1|dollar|euro)\b|\bevery dollar\b|"
    r"\bper (?:\$1|dollar) of\b",
    re.I,
)


def per_unit_of_money(text: str) -> bool:
    """Whether a passage gives money per unit of other money ("每多花1元…换回0.36元"), a ratio, not an amount."""
    return bool(_PER_UNIT_OF_MONEY.search(fold(text)))


# "its dollar notes", "yen bonds", "美元债": debt named by the currency it is raised in.
_CURRENCY_WORDS = {
    "USD": r"\bdollar|美元",
    "JPY": r"\byen\b|日元|日圆",
    "EUR": r"\beuro\b|欧元",
    "CNY": r"\byuan\b|\brenminbi\b|人民币",
}
_INSTRUMENT = r"[\s-]*(?:denominated\s+)?(?:notes?|bonds?|debt|tranches?|债券|债|票据)"


def _debt_currencies(text: str) -> set[str]:
    folded = fold(text)
    return {
        code for code, words in _CURRENCY_WORDS.items() if re.search(rf"(?:{words}){_INSTRUMENT}", folded)
    }


def other_currency_debt(question: str, passage: str) -> bool:
    """Whether a question asks about debt in one currency ("its dollar notes") and the passage is about debt in
    another ("the yen bonds")."""
    asked = _debt_currencies(question)
    named = _debt_currencies(passage)
    return bool(asked and named) and not asked & named
