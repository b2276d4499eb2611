"""A person named by a title alone ("the investment chief said", "这位首席财务官透露"): whom it points back to."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from knowledge.attribution import lexicon_en as en
from knowledge.attribution import lexicon_zh as zh
from knowledge.attribution.entities import ArticleEntities, Entity
from knowledge.scripts import to_simplified

if TYPE_CHECKING:
    from knowledge.attribution.discourse import DiscourseState

EN_THE_TITLE = re.compile(
    r"\b[Tt]he\s+(?P<title>(?i:"
    + "|".join(re.escape(t) for t in sorted(en.TITLES, key=len, reverse=True))
    # "the chief executive of Ravenna", "the CEO Jane Doe": a new person described, not one taken up
    + r"))\b(?!\s+(?:of|at|for|and)\b)(?!['’]s)(?!\s+[A-Z])"
)
ZH_THIS_TITLE = re.compile(
    "(?:这位|该位|这名|那位)(?P<title>" + "|".join(sorted(zh.TITLES, key=len, reverse=True)) + ")"
)


def titled(title: str, entities: ArticleEntities) -> bool:
    """Whether the article names a person with this title ("the investment chief" after "CIO Annelies Korteweg");
    else "the portfolio manager said" is left to the unnamed source it describes."""
    return any(e.kind == "person" and e.title and _same_title(e.title, title) for e in entities.entities)


def _same_title(held: str, asked: str) -> bool:
    """Whether a title someone holds ("电子行业首席分析师") is the one a phrase names ("首席分析师")."""
    from knowledge.attribution.naming_titles import title_key  # naming imports this module's neighbours

    key = title_key(asked)
    return (key is not None and title_key(held) == key) or to_simplified(held).lower().endswith(
        to_simplified(asked).lower()
    )


def holder(title: str, state: DiscourseState) -> Entity | None:
    """The person last mentioned with this title ("这位首席财务官"), else the last person or unnamed source."""
    # "这位基金经理说" may point back to an unnamed source ("一位参与询价的基金经理")
    people = [e for e in state.mentioned if e.kind == "person" or (e.kind == "unnamed" and e.gender == "?")]
    # "A partner at one of its investors, who asked not to be named, said …" then "the partner said": that source
    titled = [
        e
        for e in people
        if (e.title and _same_title(e.title, title))
        or (e.kind == "unnamed" and title.isascii() and re.search(rf"\b{re.escape(title)}\b", e.name))
    ]
    chosen = titled or people
    return chosen[0] if chosen else None
