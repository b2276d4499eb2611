"""Titles: the TITLE_WORDS key of a written title, whether a company's officer holds it, and its English."""

from __future__ import annotations

import re

from knowledge.attribution.entities import Entity
from knowledge.attribution.naming_words import DEPARTMENTS_EN, TITLE_EN, TITLE_ZH_EXTRA
from knowledge.scripts import to_simplified
from knowledge.speakers import TITLE_WORDS

# Titles an organization's own officers hold: "chief executive Marguerite Olsen" in a story about a company.
OFFICER_TITLES = frozenset({"ceo", "cfo", "cto", "coo", "cio", "chair", "president", "founder", "co-founder"})
# Staff titles that, named without an employer, also mean the company the article is about.
_STAFF_TITLES = frozenset(
    {"vice president", "general manager", "managing director", "treasurer", "head"}
    | {"chief credit officer", "chief risk officer"}
)


def is_officer_title(written: str) -> bool:
    """Whether a title ("finance chief", "vice president for regulatory affairs") is held at a company."""
    head = _head_title(written.lower())
    # "chief underwriting officer", "chief people officer": every chief … officer is an officer of the company
    return (
        title_key(head) in OFFICER_TITLES
        or head in _STAFF_TITLES
        or re.fullmatch(r"chief(?: [a-z-]+){1,2} officer", head) is not None
    )


def _head_title(written: str) -> str:
    """The title without its complement: "vice president for regulatory affairs" -> "vice president"."""
    # "vice-president": the British spelling of the same title
    return re.split(r"\s+(?:of|for)\s+", written)[0].replace("vice-", "vice ")


def unit_title_key(written: str) -> str | None:
    """The key of a title with its complement ("vice president for sales" -> "vice president"); "head of
    research" heads a unit, not the company (kept as written, to be asked by its own word)."""
    head = _head_title(written.lower())
    return None if head == "head" and head != written.lower().strip() else title_key(head)


def unit_head(entity: Entity) -> str | None:
    """ "head of European telecoms research at Corvin": the unit a bare "head" heads, read from the role."""
    if (entity.title or "").lower() != "head" or not entity.role:
        return None
    # "Halvorsen's head of leveraged finance" too: the unit after the employer's possessive
    unit = re.match(
        r"(?:the\s+|[\w&.-]+(?:\s+[\w&.-]+){0,3}(?:'s|’s)\s+)?(head\s+of\s+.+?)(?:\s+(?:at|of|for|with)\s+[A-Z].*|,.*)?$",
        entity.role,
    )
    if unit is None or (entity.org and entity.org.lower() in unit.group(1).lower()):
        return None  # "head of Corvin Securities" runs the firm
    return unit.group(1)


def title_key(written: str) -> str | None:
    """The TITLE_WORDS key for a written title in any language ("Finance chief", "財務長" -> "cfo")."""
    folded = to_simplified(" ".join(written.lower().split()))
    for part in re.split(r"[兼暨及和]| and ", folded):
        for key, words in TITLE_WORDS.items():
            if part in words:
                return key
        # "首席投资总监" is the 投资总监, "高级分析师" an analyst: a rank before a known title
        ranked = _RANK_ZH.match(part)
        if ranked and part[ranked.end() :] != part:
            return title_key(part[ranked.end() :])
    return None


_RANK_ZH = re.compile(
    r"(?:首席|常务|高级|资深|联席|代理)(?!执行官|财务官|技术官|运营官|投资官|风险官|信息官)"
)


def title_en(written: str | None) -> str | None:
    """A written title in English: "产品副总裁" -> "vice president for product"; English ones as written."""
    if not written:
        return None
    if written.isascii():
        return written
    simplified = to_simplified(written)
    parts = []
    for part in re.split(r"[兼暨及和]", simplified):
        department = next((d for d in DEPARTMENTS_EN if part.startswith(d) and len(part) > len(d)), None)
        if department is not None and title_key(part) is None:
            # "产品副总裁" is the vice president for product
            rest = part[len(department) :].removeprefix("部")  # "市场部总监"
            head = title_en(rest) or rest
            parts.append(f"{head} for {DEPARTMENTS_EN[department]}")
            continue
        key = title_key(part)
        parts.append(TITLE_EN.get(key, key) if key else TITLE_ZH_EXTRA.get(part, part))
    return " and ".join(p for p in parts if p)


# Titles that mean one thing wherever they appear ("head" may be "head of technology research": kept as written).
PLAIN_TITLES = frozenset(
    {
        "ceo",
        "chief executive",
        "chief executive officer",
        "cfo",
        "chief financial officer",
        "finance chief",
        "financial chief",
        "cto",
        "chief technology officer",
        "coo",
        "chief operating officer",
        "chairman",
        "chairwoman",
        "chair",
        "president",
        "analyst",
        "partner",
        "founder",
        "co-founder",
        "cofounder",
    }
)


# Titles only an investor's staff hold: they work for the fund the article is about, not the company it backs.
# ("Trustee Wilhelmina Osgood" in a story about a pension fund sits on the fund's board)
INVESTMENT_TITLE = re.compile(
    r"\binvestment officer\b|\bcio\b|\bportfolio\b|\bfund manager\b|\btrustee\b", re.I
)
