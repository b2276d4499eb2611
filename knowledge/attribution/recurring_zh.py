"""Companies a Chinese article names only in passing ("“AI概念”股蕤丰电子自…停牌", "蕤丰电子原主业为…"): a brand
and a company ending that the article writes again and again."""

from __future__ import annotations

import re
from collections import Counter

from knowledge.attribution import lexicon_zh as lx
from knowledge.attribution.entities import ArticleEntities
from knowledge.attribution.orgs_zh import add_org_zh
from knowledge.attribution.people_zh import everyday_word

# Endings only a company's name has (a bureau's or a fund's are named by the verbs that cite them)
_COMPANY_ENDS = (
    "微电子",
    "半导体",
    "电子",
    "科技",
    "智能",
    "数据",
    "数科",
    "通信",
    "通讯",
    "光电",
    "网络",
    "软件",
    "芯片",
    "电气",
    "精密",
    "电脑",
    "智算",
    "算力",
)
_BRAND_AND_END = re.compile(
    # at a clause's start or after what it is ("概念股蕤丰电子", "分销商岱澜电子"), not after a verb or "AI" ("用于推理芯片",
    # "AI推理芯片": a product)
    r"(?:^|(?<=[^\u4e00-\u9fffA-Za-z0-9])|(?<=[股商厂司]))(?P<name>[\u4e00-\u9fff]{2}(?:"
    + "|".join(sorted(_COMPANY_ENDS, key=len, reverse=True))
    + "))"
)
# What follows a company's name and never a product's: its chairman, its shares, its results, what it announced
_COMPANY_CUE = re.compile(
    r"原|股价|股票|市值|董事|总经理|总裁|首席|公告|宣布|披露|表示|称|回应|前三季|上半年|全年|营业收入|营收|净利|净亏|"
    r"自\d|将于|的(?:董事|股|市值|营收|收入|公告|总经理|净利)"
)
_TIMES = 2  # once may be a product or a sector; twice is the article's subject or party


def add_recurring_companies(folded: list[str], written: list[str], entities: ArticleEntities) -> None:
    """Add every brand-and-ending name the article writes at least twice, once as a company acts or reports ("蕤丰电子
    原主业为…", "蕤丰电子前三季度营业收入…"), that no other rule found."""
    seen: Counter[str] = Counter()
    where: dict[str, tuple[int, int]] = {}
    acting: set[str] = set()
    for number, text in enumerate(folded):
        for match in _BRAND_AND_END.finditer(text):
            name, brand = match.group("name"), match.group("name")[:2]
            if (
                any(c in lx.FUNCTION_CHARS for c in brand)
                or everyday_word(brand)
                or brand in lx.GENERIC_WORDS
            ):
                continue  # "消费电子", "汽车电子": a sector; "的电子": no name
            seen[name] += 1
            where.setdefault(name, (number, match.start()))
            # "AI软件公司睿弈智能，…": introduced as a company is acting as one
            if _COMPANY_CUE.match(text, match.end()) or text.endswith("公司", 0, match.start()):
                acting.add(name)
    # "睿弈智能" once, then "睿弈" again and again: the brand alone counts as the company's name too
    brands = Counter({name: sum(text.count(name[:2]) for text in folded) for name in seen})
    for name in seen:
        if brands[name] >= _TIMES and name in acting and entities.find_any(name) is None:
            number, at = where[name]
            add_org_zh(entities, written[number][at : at + len(name)])
