"""Which organization a sentence is about, for "…, the company said" closing it: not an investor "led by" it
names, nor the regulator a request was "filed with"."""

from __future__ import annotations

import re

from knowledge.attribution.entities import Entity

# "Stitchwright, the maker of an AI coding assistant,": an appositive that introduces the organization by its kind
_INTRODUCED = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w'’.-]+\s+){0,4}?(?:maker|makers|company|developer|provider|operator|manufacturer|"
    r"supplier|designer|producer|builder|owner|start-up|startup|firm|group|chipmaker|platform|lender|bank|insurer|"
    r"utility|retailer|miner|landlord|fund|manager|seller|vendor)\b"
)
# "to a group led by Orrery", "filed with the state Public Service Commission", "from Kestrel": the other party
_COUNTERPARTY = re.compile(
    r"\b(?:by|with|to|from|than|including|such as)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z][\w-]*\s+){0,2}$"
)
# "the company" is no public body: a commission, ministry or court is never what a closing "the company" means
_PUBLIC = re.compile(
    r"\b(?:Commission|Ministry|Department|Agency|Authority|Council|Board|Court|Regulator|Office|Bureau|Government|"
    r"Parliament|Congress|Senate|Assembly|Committee|Federal Reserve|Treasury)\b"
)
_COMPANY_NOUNS = frozenset(
    {"company", "firm", "group", "start-up", "startup", "maker", "developer", "manufacturer"}
)


def sentence_company(named: list[tuple[int, int, Entity]], outside: str, noun: str) -> Entity | None:
    """The organization a sentence's "the company" means among those it names before it (start, end, entity).

    The one the sentence introduces with an appositive ("Stitchwright, the maker of …,") is the one it is about;
    else the last one it names that is no counterparty ("led by Orrery", "filed with the commission") and, for
    "the company", no public body. None when every organization named is one of those.
    """
    if noun in _COMPANY_NOUNS:
        named = [n for n in named if not _PUBLIC.search(n[2].name)]
    introduced = [entity for _, end, entity in named if _INTRODUCED.match(outside, end)]
    if introduced:
        return introduced[0]
    own = [entity for start, _, entity in named if not _COUNTERPARTY.search(outside[:start])]
    return own[-1] if own else None
