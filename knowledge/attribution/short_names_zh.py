"""Short names a Chinese article goes on to use: "（下称「岚鑫」）" and a bracketed short form after a long name."""

from __future__ import annotations

import re

from knowledge.attribution import lexicon_zh as lx
from knowledge.attribution.entities import ArticleEntities
from knowledge.attribution.orgs_zh import DESCRIPTORS, LEADING, add_org_zh, plausible_org

# "澜原省发展和改革委员会（下称“澜原省发改委”）": a name and the short name the article goes on to use.
HEREAFTER = re.compile(
    r"(?P<org>[\u4e00-\u9fffA-Za-z0-9]{2,24})[（(](?:以下|下文)?(?:简称|下称)[:：]?[“「]?(?P<short>[^”」）)]{2,12})[”」]?[）)]"
)
# What a company does, written before its name: "芯片设计商", "代工厂", "训练场的运营方".
_TRADE = re.compile(
    r"(?:设计|制造|分销|经销|供应|服务|运营|营运|开发|零售|代理|集成|生产|销售|设备|渠道|代工)(?:商|厂)"
    r"|(?:运营|营运|投资|发行|管理|主办|领投|跟投|承租|出租)方"
)
# "颂和数据房地产投资信托基金（颂和房托）": a long name, then in brackets the short one the article goes on to use.
_BRACKETED_SHORT = re.compile(r"[（(](?P<short>[\u4e00-\u9fff]{2,6})[）)]")


def _abbreviated_before(text: str, short: str) -> int | None:
    """Where the long name a bracketed short form abbreviates starts: the last place within 24 characters
    that opens with the short form's first two characters and holds all its characters in order."""
    start = text.rfind(short[:2], max(0, len(text) - 24))
    if start < 0 or len(text) - start <= len(short):
        return None
    rest = iter(text[start:])
    return start if all(char in rest for char in short) else None


def _add_abbreviated(text: str, original: str, entities: ArticleEntities) -> None:
    """Add each organization a sentence names in full with its short name in brackets, known by both."""
    for match in _BRACKETED_SHORT.finditer(text):
        start = _abbreviated_before(text[: match.start()], match.group("short"))
        if start is None or not text[start : match.start()].endswith(tuple(lx.ORG_SUFFIXES)):
            continue
        if entities.find_any(text[start : match.start()]) is None:
            entity = add_org_zh(entities, original[start : match.start()])
            short = original[match.start("short") : match.end("short")]
            if entity is not None and short not in entity.forms:
                entities.add(entity, short=(short,))
                entity.forms.append(short)


def add_short_names_zh(text: str, original: str, entities: ArticleEntities) -> None:
    """Add each organization a sentence names with the short name the article goes on to use, known by both."""
    for match in HEREAFTER.finditer(text):
        # the whole name however long ("澜原省发展和改革委员会"): the article spells out what it shortens
        # "港股上市的AI晶片设计商璟澔微电子（下称「璟澔」）": not what qualifies it, nor what it does
        org = LEADING.sub("", match.group("org")).rsplit("的", 1)[-1]
        if not org.endswith(tuple(lx.ORG_SUFFIXES)):
            org = DESCRIPTORS.sub("", org)  # "研究机构X（下称…）", but "…投资集团有限公司" is one name
        elif (trade := _TRADE.search(org)) is not None and len(org) - trade.end() >= 4:
            org = org[trade.end() :]
        if len(org) >= 2 and plausible_org(org, org, weak=False):
            at = match.end("org") - len(org)
            entity = add_org_zh(entities, original[at : match.end("org")])
            if entity is not None:
                entities.add(entity, short=(original[match.start("short") : match.end("short")],))
                entity.forms.append(original[match.start("short") : match.end("short")])
    _add_abbreviated(text, original, entities)
