"""Which organization "the company", "it" or "集团" means: the one in play, else the one the article is about."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from knowledge.attribution.entities import ArticleEntities, Entity
from knowledge.attribution.lexicon_en import ORG_NOUN_FAMILIES
from knowledge.attribution.lexicon_zh import EXCHANGE_NAME
from knowledge.attribution.lexicon_zh import ORG_NOUN_FAMILIES as ORG_NOUN_FAMILIES_ZH
from knowledge.scripts import to_simplified

if TYPE_CHECKING:
    from knowledge.attribution.discourse import DiscourseState


def current_org(state: DiscourseState, entities: ArticleEntities, *, noun: str = "") -> Entity | None:
    """The organization "the company" or "it" means now: the last one mentioned, else the article's.

    A noun narrows it: after "Aurelis Compute, an Amsterdam-based company that rents Nvidia processors", "the
    company" is the one described as a company, not the one named last.
    """
    # "公司前三季度…" right after the exchange's letter: a company anaphor never means the exchange
    companylike = noun in ("公司", "company", "集团", "group")
    recent = [
        e for e in state.mentioned if e.kind == "organization" and not (companylike and is_exchange(e))
    ][:4]
    if noun == "公司" and recent and _institution(recent[0]):
        # "公司公告称" right after "据研究机构棂石数据统计": an institution that counts is no company
        lead = protagonist(entities)
        if lead is not None and not _institution(lead):
            return lead
    # "the board": the one described as one, or named as one ("Harlan Basin Utilities Board"); "the agency" is
    # also the one whose name says what kind of agency ("Veldt Ratings")
    described = [
        e
        for e in recent
        if noun
        and (
            _described_as(e, (noun, *ORG_NOUN_FAMILIES.get(noun, ())))
            if noun.isascii()
            # "法院" is the court named "临江市中级人民法院", "券商" the brokerage named "麦斯顿证券"
            else any(
                word in to_simplified(form)
                for form in e.forms
                for word in (noun, *ORG_NOUN_FAMILIES_ZH.get(noun, ()))
            )
        )
    ]
    if described:
        return described[0]
    if noun == "company" and len(recent) > 1:
        # "The company rejected the claims": of the organizations in play, the one the article is about (a
        # research house that disputes its numbers is no company: "Marbleton Research … disputes the company's
        # breakdown")
        companies = [e for e in recent[:3] if not _RESEARCH_HOUSE.search(e.name)] or recent[:3]
        return max(companies, key=lambda e: e.mentions)
    for pool in (state.mentioned, state.speakers):
        for entity in pool:
            if entity.kind == "organization" and not (companylike and is_exchange(entity)):
                return entity
    return protagonist(entities)


def is_exchange(entity: Entity) -> bool:
    """Whether an organization is a stock exchange ("交易所", "深交所")."""
    return bool(EXCHANGE_NAME.search(to_simplified(entity.name)))


def _institution(entity: Entity) -> bool:
    """Whether the article described an organization as a research house, think tank or association."""
    described = entity.role_zh and re.search("机构|智库|研究|咨询|协会|数据商", entity.role_zh)
    # "弦测咨询", "拓勤顾问": a name that ends like a research or advisory house is one
    return bool(described or re.search("(?:研究|咨询|顾问|数研)$", to_simplified(entity.name)))


def protagonist(entities: ArticleEntities, article: str = "") -> Entity | None:
    """The organization the article is about: the one it mentions most, counting the lede's first organization
    twice as much as a later one; what "the company" means when nothing nearer does.

    With the article's text, "the bank" and "the lender" count as mentions of the one bank it names: a story
    about a bank calls it "the bank" more often than by name, while a short seller attacking it is named each time.
    """
    score = _scores(entities, article)
    orgs = [e for e in entities.entities if e.kind == "organization"]
    # an exchange that sent the company a letter is named as often as the company, but the story is the company's
    listed = [e for e in orgs if not is_exchange(e)]
    return max(listed or orgs, key=lambda e: score[id(e)], default=None)


def _scores(entities: ArticleEntities, article: str) -> dict[int, int]:
    """How much an article is about each organization: its mentions, its "the bank"s, the lede's first twice."""
    orgs = [e for e in entities.entities if e.kind == "organization"]
    first = min((e for e in orgs if e.order), key=lambda e: e.order, default=None)
    by_noun = described_mentions(orgs, article)
    return {id(e): e.mentions + by_noun.get(id(e), 0) + (_LEDE_WEIGHT if e is first else 0) for e in orgs}


def officers_company(entities: ArticleEntities, article: str) -> Entity | None:
    """The company whose officers an article quotes without naming it: the one it is about, unless that is an
    investor or a research house and a company it names as often is also in the story ("Chief financial officer X
    told analysts on the earnings call" in a story about a hedge fund's short of that company)."""
    top = protagonist(entities, article)
    if top is None or not _INVESTOR_TAIL.search(top.name):
        return top
    # a company named as often as the investor itself, not one it merely cites
    orgs = [e for e in entities.entities if e.kind == "organization"]
    operating = [e for e in orgs if not _INVESTOR_TAIL.search(e.name) and e.mentions >= top.mentions]
    score = _scores(entities, article)
    return max(operating, key=lambda e: score[id(e)]) if operating else top


def investor_in_story(entities: ArticleEntities, article: str) -> Entity | None:
    """The investor whose portfolio managers and investment officers speak in the article: the one it is about
    if that invests (a pension plan, a fund), else the fund it names most ("Thistlecombe Strategic Income Fund" in a
    story that names the company it holds as often)."""
    lead = protagonist(entities, article)
    # "Tarqesh" is the "Tarqesh Investment Authority" the article also names in full
    kin = [e for e in entities.entities if lead is not None and e.name.split()[0] == lead.name.split()[0]]
    if lead is not None and any(_INVESTING.search(f"{e.name} {e.role or ''}") for e in kin):
        return lead
    score = _scores(entities, article)
    funds = [e for e in entities.entities if e.kind == "organization" and _INVESTOR_TAIL.search(e.name)]
    return max(funds, key=lambda e: score[id(e)], default=lead)


_INVESTING = re.compile(
    r"\b(?:fund|pension|retirement|endowment|investor|investments?|asset manager|capital|partners|sovereign|"
    r"authority)\b",
    re.I,
)


# The last word of a research house's name: a firm that counts or rates, never "the company" of a story.
_RESEARCH_HOUSE = re.compile(
    r"\b(?:Research|Analytics|Insights|Intelligence|Economics|Metrics|Consulting|Advisory|Ratings)$|(?:研究|咨询|数据|评级)$"
)
# The last word of an investor's or a research house's name: its staff are partners and analysts, not officers.
_INVESTOR_TAIL = re.compile(
    r"\b(?:Capital|Partners|Fund|Funds|Management|Advisors|Advisers|Research|Securities|Analytics|Investments|"
    r"Ventures|Asset Management)$"
)


def described_mentions(orgs: list[Entity], article: str) -> dict[int, int]:
    """How often an English article calls an organization by what it is ("the regional bank", "the insurer's"),
    for each noun only one of its organizations fits."""
    counts: dict[int, int] = {}
    for noun, family in ORG_NOUN_FAMILIES.items():
        fitting = [e for e in orgs if _described_as(e, family)]
        if len(fitting) != 1:
            continue
        # "the regional bank", "the bank's": up to two words between the article and the noun
        said = len(re.findall(rf"\b[Tt]he\s+(?:[a-z-]+\s+){{0,2}}?{noun}\b(?!\s+of\b)", article))
        counts[id(fitting[0])] = counts.get(id(fitting[0]), 0) + said
    return counts


# How many mentions being named first in the story is worth: the lede names who the story is about.
_LEDE_WEIGHT = 2


def _described_as(entity: Entity, words: tuple[str, ...]) -> bool:
    """Whether an organization's description or name holds one of the words ("the board": "… Utilities Board")."""
    kinds = "|".join(re.escape(word) for word in words)
    return re.search(rf"\b(?:{kinds})\b", f"{entity.role or ''} {entity.name}".lower()) is not None
