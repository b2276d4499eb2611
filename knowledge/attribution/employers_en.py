"""Which organization of an English article a person works for: the one just named, or the article's own."""

from __future__ import annotations

import re

from knowledge.attribution import lexicon_en as lx
from knowledge.attribution.entities import ArticleEntities, Entity
from knowledge.attribution.names_en import add_org


def last_org(entities: ArticleEntities) -> str | None:
    """The organization the article named last, if any."""
    return next((e.name for e in reversed(entities.entities) if e.kind == "organization"), None)


# A government body's name (in English or Simplified Chinese): it employs officials, not company officers.
GOVERNMENT_BODY = re.compile(
    r"\b(?:Commission|Ministry|Department|Bureau|Council|Parliament|Congress|Senate|Court|Government|"
    r"Administration)\b|(?:局|厅|部|署|委员会|政府|办公室|法院)$"
)
# Any public body, regulators and exchanges included: never "the company" an article is about.
_PUBLIC_BODY = re.compile(GOVERNMENT_BODY.pattern + r"|\b(?:Agency|Authority|Reserve|Regulator|Exchange)\b")


def last_named_org(entities: ArticleEntities, before: str) -> str | None:
    """The organization named last in the text before a point ("Lumenvault has been borrowing. Its chief
    executive…" is Lumenvault's, whichever organization the article introduced last)."""
    # "Lunsford, which owns 0.3% of Strathwick, set out its case. Its chief investment officer…": an organization
    # a relative clause names in passing is not the one "its" takes up
    before = re.sub(r",\s+(?:which|who)\s(?:[^,.;]|\.(?=\d))*,", ",", before)
    named = [
        candidates[0].name
        for _, _, candidates, _ in entities.mentions(before)
        if len(candidates) == 1 and candidates[0].kind == "organization"
    ]
    return named[-1] if named else last_org(entities)


def owner(
    entities: ArticleEntities, noun: str | None, article: str = "", before: str | None = None
) -> str | None:
    """Whose "its chief executive" (the organization just named) or "the fund's CIO" (the article's fund)."""
    if noun is None:
        return last_org(entities) if before is None else last_named_org(entities, before)
    orgs = [e for e in entities.entities if e.kind == "organization"]
    family = lx.ORG_NOUN_FAMILIES.get(noun, (noun,))
    fitting = [e for e in orgs if any(w in f"{e.role or ''} {e.name}".lower() for w in family)]
    if noun in ("company", "firm", "group"):
        # "The company's chief executive": the company the article is about, never a regulator it also names
        fitting = [e for e in orgs if not _PUBLIC_BODY.search(e.name)]
    if not fitting:
        # "The board's chair": the article's own organization, the one its lede names first counting twice
        if not orgs:
            return None
        at = {id(e): _first_mention(e, article) for e in orgs}
        first = min(orgs, key=lambda e: at[id(e)])
        return max(orgs, key=lambda e: (_occurrences(e, article) * (2 if e is first else 1), -at[id(e)])).name
    # Of several, the one the article keeps coming back to: its subject, not one it merely names.
    return max(fitting, key=lambda e: _occurrences(e, article)).name


def _first_mention(entity: Entity, article: str) -> int:
    """Where the article first names an organization (its length when it never does)."""
    found = [m.start() for f in entity.forms if (m := re.search(rf"\b{re.escape(f)}\b", article))]
    return min(found, default=len(article))


def _occurrences(entity: Entity, article: str) -> int:
    """How often the article names an organization, by any of its forms or its first word ("Veridian")."""
    words = entity.name.split()
    forms = {*entity.forms, *([words[0]] if len(words) > 1 and len(words[0]) > 3 else [])}
    # one count per mention: "Halvard Credit Partners" is not also a mention of "Halvard"
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return len(re.findall(rf"\b(?:{alternatives})\b", article))


def described_employer(entities: ArticleEntities, role: str) -> str | None:
    """The organization "a senior director at the agency" or "the cooperative's general manager" works for: the
    latest one named that fits the noun."""
    at = _AT_THE_NOUN.search(role) or _THE_NOUNS.match(role)
    if at is None:
        return None
    noun = at.group(1).lower()
    family = lx.ORG_NOUN_FAMILIES.get(noun, (noun,))
    for entity in reversed(entities.entities):
        if entity.kind == "organization" and any(
            re.search(rf"\b{w}", f"{entity.role or ''} {entity.name}".lower()) for w in family
        ):
            return entity.name
    return None  # an agency or bank nobody named stays unknown


# "a senior director at the agency": a common noun for an organization, closing the role.
_AT_THE_NOUN = re.compile(
    r"\b(?:at|of|for|with)\s+the\s+(agency|bank|fund|lender|insurer|utility|pension|plan)$", re.I
)


# "the cooperative's general manager": the organization of that kind the article names (never "the company's",
# which is the article's own company however it is named, nor a place's: "the county's assessor")
_THE_NOUNS = re.compile(
    r"the\s+(cooperative|co-op|agency|bank|fund|lender|insurer|utility|pension|plan)(?:'s|’s)\s", re.I
)


def register_employer(entities: ArticleEntities, org: str | None) -> str | None:
    """Register the organization a person works for (it is named in the article), and return its name."""
    if not org or org.lower() in {"company", "firm", "bank", "fund", "group", "trust", "plan"}:
        return last_org(entities) if org else None
    if org.lower() in lx.ORG_NOUN_FAMILIES:
        # "Utility general manager Renée Castellane": the utility the article names, not a company called Utility
        return described_employer(entities, f"the {org.lower()}'s ") or last_org(entities)
    entity = entities.find_any(org) or add_org(entities, org)
    return entity.name if entity else org


def opening_org(sentence: str, entities: ArticleEntities, *, short: bool = False) -> str | None:
    """The organization a sentence opens with as its subject ("Kestrel Micro Devices reported …"), if any; with
    `short`, also by a short form the article registered ("Ambrel plans …" for Ambrel Cloud)."""
    dateline = re.match(r"[A-Z][A-Z .'-]*\s*[—–-]+\s*", sentence)
    start = dateline.end() if dateline else 0
    for at, end, candidates, is_short in entities.mentions(sentence):
        if at != start or (is_short and not short):
            continue
        if (
            len(candidates) == 1
            and candidates[0].kind == "organization"
            and not re.match(r"['’]s", sentence[end:])
        ):
            return candidates[0].name
    return None
