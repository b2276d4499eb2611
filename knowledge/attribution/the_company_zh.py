"""Whose "该公司" is: the employer of officers named by a bare title, and the article's own company."""

from __future__ import annotations

import re

from knowledge.attribution import lexicon_zh as lx
from knowledge.attribution.entities import ArticleEntities, Entity
from knowledge.attribution.orgs_zh import shortens_to_brand
from knowledge.scripts import to_simplified

# Placeholder employer of an officer named without a company, until the article's company is known.
THE_COMPANY = "\x00the company"
# Placeholder employer of an officer with a bare title ("財務長賴佩瑩"): the company the article is about.
THE_LEAD = "\x00the article's company"
_BARE_COMPANY = re.compile(r"(?:^|[，。；：「」“”])(?:该|这)?(?:集团|公司)")
_THE_COMPANY_REACH = 160  # characters before "该公司…" within which its company is named


def _cores(forms: list[str]) -> list[str]:
    """Chinese names without their generic ending ("阿尔马纳投资局" -> "阿尔马纳"), as articles shorten them."""
    cores = []
    for form in forms:
        simplified = to_simplified(form)
        suffix = next(
            (x for x in sorted(lx.ORG_SUFFIXES, key=len, reverse=True) if simplified.endswith(x)), ""
        )
        if suffix and len(simplified) - len(suffix) >= 2:
            cores.append(simplified[: -len(suffix)])
        if shortens_to_brand(form):  # "宸羿太空科技" is "宸羿" for the rest of the story
            cores.append(simplified[:2])  # "沛霖散熱" is "沛霖董事长余承翰" two paragraphs on
    return cores


def _last_before(entity: Entity, article: str, at: int) -> int:
    """Where the organization is last named before an offset of the article (-1 if not)."""
    return max(
        (article.rfind(to_simplified(f), 0, at) for f in [*entity.forms, *_cores(entity.forms)]), default=-1
    )


def mark_lead_investors(entities: ArticleEntities, article: str) -> None:
    """An organization that leads the article company's round ("本轮由环弘资本领投", "领投方环弘资本") is its
    lead investor, so that "the lead investor in X's round" finds it and the people who speak for it."""
    for entity in entities.entities:
        forms = "|".join(re.escape(to_simplified(f)) for f in entity.forms if not f.isascii())
        leads = rf"由(?:{forms})(?:联合|共同)?领投|领投方(?:{forms})|(?:{forms})(?:担任)?领投"
        if entity.kind == "organization" and entity.org is None and forms and re.search(leads, article):
            entity.title, entity.org = "领投方", THE_COMPANY


def settle_the_company(entities: ArticleEntities, article: str) -> None:
    """People introduced as "该公司首席财务官" work for the article's own company named just before them.

    That is the nearest organization named in the few sentences before the person that is not a well-known one
    ("陇原智算是省内最大的运营商。该公司董事长郭海峰…"), else the organization the article names most often.
    """
    orgs = [e for e in entities.entities if e.kind == "organization"]
    counts = {id(e): max(article.count(to_simplified(f)) for f in [*e.forms, *_cores(e.forms)]) for e in orgs}
    # the organization the lede names first: the one a bare "集团" means ("集團行政總裁岑啟航")
    firsts = [
        (min((i for f in o.forms if (i := article.find(to_simplified(f))) >= 0), default=-1), o) for o in orgs
    ]
    lede = min(
        ((i, o) for i, o in firsts if i >= 0 and o.known is None), key=lambda item: item[0], default=None
    )
    if lede is not None:
        # "集团在通告中表示", "该公司预计": each clause the company opens by a bare noun is a mention of it
        counts[id(lede[1])] += len(_BARE_COMPANY.findall(article))
    company = max(orgs, key=lambda e: counts[id(e)], default=None)
    covering = {
        e.org for e in entities.entities if e.kind == "person" and e.org and re.search("分析", e.title or "")
    }
    for entity in entities.entities:
        if entity.org == THE_LEAD:
            lead = company if company is not entity else None
            entity.org = lead.forms[0] if lead is not None else None
            entity.role_zh = (entity.role_zh or "").replace(THE_LEAD, entity.org or "") or None
        if entity.org == THE_COMPANY:
            at = min((i for f in entity.forms if (i := article.find(to_simplified(f))) >= 0), default=-1)
            # an organization is never its own company ("由云岫资本领投": the round's company is another)
            # nor the broker whose analyst was just quoted ("券商X分析员…。首席财务官Y回应说")
            others = [o for o in orgs if o is not entity and o.forms[0] not in covering]
            near = [(_last_before(o, article, at), o) for o in others if o.known is None] if at > 0 else []
            near = [(i, o) for i, o in near if i >= 0 and at - i <= _THE_COMPANY_REACH]
            chosen = (
                max(near, key=lambda item: item[0])[1] if near else company if company is not entity else None
            )
            opening = article[max(0, at - len(entity.title or "") - 3) : max(0, at - len(entity.title or ""))]
            if lede is not None and re.search(r"(?<![该这本])集团$", opening):
                chosen = lede[1]  # "集团" is the group the story is about, not the customer named just before
            entity.org = chosen.forms[0] if chosen is not None else None
            entity.role_zh = (entity.role_zh or "").replace(THE_COMPANY, entity.org or "") or None
