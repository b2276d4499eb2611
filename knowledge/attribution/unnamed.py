"""Sources an article leaves unnamed: "two people familiar with the talks", "一位接近该公司的人士"."""

from __future__ import annotations

import re

from knowledge.attribution import lexicon_en as en
from knowledge.attribution import lexicon_zh as zh
from knowledge.attribution.entities import ArticleEntities, Entity

EN_GROUP = re.compile(
    r"\b(?:" + "|".join(en.GROUP_NOUNS) + r")\b|\b(?:one|some|two|three|many|several|most) of them\b", re.I
)
EN_ANONYMOUS = re.compile(
    # "a retailer's head of automation who asked not to be named": with a comma before "who" or without
    r"(?:,\s*|\s)(?:and )?who (?:asked|declined|spoke|requested) (?:not to be|to not be|to be not|on condition)|"
    r",\s*(?:and )?who (?:was|is|were|are) not (?:authori[sz]ed|permitted|allowed|cleared) to (?:speak|comment|talk)|"
    r"\bspeaking on (?:the )?condition of anonymity\b",
    re.I,
)

# "A trade-credit broker who arranges cover…", "An equipment buyer at one of the memory makers": someone
# described, not named, whatever their trade (a capitalized head is a company's: "A Vestergaard spokesman")
EN_DESCRIBED = re.compile(
    # "…, but a leasing broker who has worked on several of the deals said": a conjunction may open the clause
    r"[\s,]*(?:(?:but|and|while|though|although|whereas|yet)\s+)?(?:[Aa]n?|[Oo]ne)\s+(?:[a-z][\w’'-]*\s+){0,3}(?P<head>(?!(?:who|that|which)\b)[a-z][\w’'-]*)(?:\s+(?:who|that|which|at|for|with|in|from|on)\b|\s*$)"
)
# Heads that are documents or events, not people ("A report by the fund said")
_NOT_PEOPLE = {
    "report",
    "note",
    "study",
    "survey",
    "filing",
    "statement",
    "memo",
    "letter",
    "document",
    "presentation",
    # "…at $312 each, a price that values Orravel at $210 billion": an amount or deal, not a source
    "price",
    "valuation",
    "figure",
    "level",
    "sum",
    "amount",
    "total",
    "deal",
    "sale",
    "round",
    "contract",
    "move",
}


# "Two people who …", "Several bankers on the deal": a counted group of sources, however long its description
_COUNTED = re.compile(
    r"[\s,]*((?:two|three|four|five|several|a few|a couple of)\s+(?:[a-z-]+\s+){0,2}?(?:"
    + "|".join(g for g in en.GROUP_NOUNS if g.endswith(("s", "people")))
    + r"))\b",
    re.I,
)
# A subordinate clause that opens a sentence: its nouns are not the sentence's subject.
_SUBORDINATE = re.compile(
    r"\s*(?:once|if|when|after|before|because|although|though|unless|until|as soon as)\b", re.I
)


def unnamed_en(clause: str, entities: ArticleEntities, *, anonymous: bool = False) -> Entity | None:
    """The unnamed source a clause describes ("a person familiar with the talks"), if it describes one."""
    if _SUBORDINATE.match(clause):
        # "Once the payback for new investors is counted, she estimates": the verb of a subordinate clause, or
        # the subject after it, is no one the clause describes
        if "," not in clause:
            return None
        clause = clause.rsplit(",", 1)[1]
    words = re.findall(r"[A-Za-z][\w'’-]*", clause)[-8:]
    counted = _COUNTED.match(clause)
    if counted is not None:
        # "Two people who attended a closed session before the vote": the group from its count on
        words = re.findall(r"[A-Za-z][\w'’-]*", clause[counted.start(1) :])[:12]
    described = EN_DESCRIBED.match(clause)
    whole = re.findall(r"[A-Za-z][\w'’-]*", clause[described.start() :]) if described is not None else []
    if len(whole) > 8:
        # "but a leasing broker who has worked on several of the deals": the description from its head on
        words = [
            w
            for w in whole
            if w.lower() not in ("but", "and", "while", "though", "although", "whereas", "yet")
        ]
        words = words[1:13] if words and words[0].lower() in ("a", "an") else words[:12]
    someone = (
        described is not None
        and described.group("head") not in _NOT_PEOPLE
        # "A head of procurement at a bank that uses Brevardine": names after the head say where the source is
        and _without_names(clause[: described.end("head")].lower(), entities, "\0")
        == clause[: described.end("head")].lower()
    )
    if not words or not (anonymous or someone or EN_GROUP.search(" ".join(words))):
        return None
    if [w.lower() for w in words[:2]] == ["according", "to"]:
        words = words[2:]  # "according to an executive at one developer who asked not to be named"
    while words and words[-1].lower() in ("who", "that", "which"):
        words = words[:-1]
    while words and words[0].lower() in {
        "that",
        "which",
        "who",
        "and",
        "but",
        "while",
        "as",
        "where",
        "some",
    }:
        words = words[1:]
    description = " ".join(words)
    for start, end, candidates, _short in reversed(entities.mentions(description)):
        if any(c.kind == "organization" for c in candidates):
            # "…that buys through Wui Fung": a short form names the company too; the source is not the company
            description = f"{description[:start]}the company{description[end:]}"
    description = description.lower()
    opening = re.match(
        r"[\s,]*(?:(?:but|and|while|though|although|whereas|yet)\s+)?(?:a|an|one|another)\b", clause, re.I
    )  # "A chip designer at one of its customers", "Another customer"
    # one unnamed person: he/she may follow
    one = "?" if re.match(r"(?:a|an|one|another)\b", description) or opening else None
    description = _without_names(description, entities, "the company")
    return entities.add(
        Entity(kind="unnamed", name=f"unnamed: {description}", forms=[f"unnamed: {description}"], gender=one)
    )


def _without_names(description: str, entities: ArticleEntities, stand_in: str) -> str:
    """An unnamed source's description with organizations' names replaced: the source is not the company."""
    orgs = [e for e in entities.entities if e.kind == "organization"]
    # its full names and the first word that stands for it ("Corvella" for Corvella Design Automation)
    forms = {f for e in orgs for f in e.forms} | {
        f.split()[0] for e in orgs for f in e.forms if len(f.split()[0]) > 3
    }
    for form in sorted(forms, key=len, reverse=True):
        edge = r"(?<![\w-])" if form.isascii() else ""  # Chinese names sit between other characters
        description = re.sub(
            rf"{edge}{re.escape(form)}(?![\w-])" if edge else re.escape(form),
            stand_in,
            description,
            flags=re.I,
        )
    # "the commission's closed session" reads "the company's closed session", not "the the company's"
    return re.sub(rf"\b(?:the|its|their)\s+(?={re.escape(stand_in)})", "", description, flags=re.I)


def unnamed_zh(clause: str, entities: ArticleEntities) -> Entity | None:
    """The unnamed source a Chinese clause describes ("一位投信基金经理人"), or the one "这位经理人" points back to."""
    clause = re.sub(r"^(?:根据|据)", "", clause.strip())  # "据供应链人士透露": the source is who follows 据
    while True:  # "一位本土投信基金经理人则表示": the adverb before the verb is not part of who speaks
        adverb = next((g for g in zh.GAP_WORDS if clause.endswith(g) and len(clause) > len(g) + 2), None)
        if adverb is None:
            break
        clause = clause[: -len(adverb)]
    has_group = any(clause.endswith(g) or g in clause[-8:] for g in zh.GROUP_NOUNS)
    if has_group and re.match("(?:这位|该位|这名|该名|那位)", clause):
        # "这位投资经理说": the one unnamed source introduced before, not a new one
        earlier = [e for e in entities.entities if e.kind == "unnamed" and e.gender == "?"]
        if earlier:
            return earlier[-1]
    marked = any(m in clause for m in zh.UNNAMED_MARKERS) or clause[:2] in (
        "外资",
        "业内",
        "业界",
        "法人",
        "市场",
    )
    # "供应链人士", "消息人士": 人士 is said only of people the article does not name
    marked = marked or clause.endswith("人士")
    if not (has_group and marked) or len(clause) > 30:
        return None
    one = "?" if re.search("一位|一名|某位", clause) else None  # one unnamed person: 他/她 may follow
    clause = _without_names(clause, entities, "该公司")
    return entities.add(
        Entity(kind="unnamed", name=f"unnamed: {clause}", forms=[f"unnamed: {clause}"], gender=one)
    )
