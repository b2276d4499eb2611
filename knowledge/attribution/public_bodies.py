"""A county's or city's own bodies ("the county planning commission"): named after the place the article names."""

from __future__ import annotations

import re

from knowledge.attribution.entities import ArticleEntities, Entity

# "the county planning commission", "the city zoning board": a public body of the place the article is about.
BODY = re.compile(
    # "the county assessor's office": an elected officer's office is a body too
    r"\bthe (county|city|state|town) ((?:[a-z-]+ ){0,2}(?:commission|board|department|council|authority|agency)|"
    r"[a-z]+['’]s office)\b",
    re.I,
)


def _place(entities: ArticleEntities, kind: str) -> Entity | None:
    """The organization the article names as that kind of place ("Caddoran County" for "county")."""
    return next(
        (
            e
            for e in reversed(entities.entities)
            if e.kind == "organization" and e.name.split()[-1].lower() == kind.lower()
        ),
        None,
    )


def body_names(text: str, entities: ArticleEntities) -> list[str]:
    """The full names of the public bodies a sentence names by kind ("Velmont County Planning Commission")."""
    names = []
    for match in BODY.finditer(text):
        place = _place(entities, match.group(1))
        if place is not None:
            names.append(f"{place.name} {' '.join(w[:1].upper() + w[1:] for w in match.group(2).split())}")
    return names


def body_named(words: str, entities: ArticleEntities) -> Entity | None:
    """The body "the county planning commission" stands for, when the article's place has one by that name."""
    match = BODY.fullmatch(words)
    if match is None:
        return None
    tail = f"{match.group(1)} {match.group(2)}".lower()
    return next(
        (e for e in entities.entities if e.kind == "organization" and e.name.lower().endswith(tail)), None
    )
