"""An organization a description names by its words, not by an earlier mention ("the region's grid operator")."""

from __future__ import annotations

import re

from knowledge.attribution.entities import ArticleEntities, Entity

# "the region's grid operator", "the state's power regulator": a body named by the place it serves.
PLACE_OWNER = r"the (?:region|state|country|city|county|province|island|territory|nation)(?:'s|’s) "
PLACE_BODY = re.compile(PLACE_OWNER, re.I)
# Words of a description that say nothing about which organization it is.
_PLAIN_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "its",
        "their",
        "region",
        "state",
        "country",
        "city",
        "area",
        "nation",
        "local",
        "s",
        "new",
    }
)


def named_by_its_words(
    words: str, entities: ArticleEntities, named_here: list[Entity] | None = None
) -> Entity | None:
    """ "…, the region's grid operator said on Monday" in a lede, before any organization is named: the one
    organization of the article whose name shares a word with the description ("the Vardenholm Grid Authority")."""
    described = {w for w in re.findall(r"[a-z]+", words.lower()) if w not in _PLAIN_WORDS and len(w) > 2}
    fitting = [
        e
        for e in entities.entities
        if e.kind == "organization" and described & {w.lower() for w in re.findall(r"[A-Za-z]+", e.name)}
    ]
    here = [
        e for e in fitting if e in (named_here or [])
    ]  # "…connect to the Vardenholm grid, the grid operator"
    return here[0] if len(here) == 1 else fitting[0] if len(fitting) == 1 else None
