"""The title a relative clause gives someone: "who covers data-centre operators" is an analyst."""

from __future__ import annotations

import re

# "Bernard Oyelaran, who covers data-centre operators at Fenwick Hale": what the clause says he is.
_CLAUSE_TITLES = {
    "covers": "analyst",
    "follows": "analyst",
    "watches": "analyst",
    "tracks": "analyst",
    "studies": "analyst",
    "chairs": "chair",
    "heads": "head",
    "runs": "head",
    "leads": "head",
    "manages": "head",
    "oversees": "head",
    "founded": "founder",
    "co-founded": "co-founder",
    "teaches": "professor",
}


# "who manages $14 billion of corporate bonds": money managed is a fund manager's, not a company head's ("who
# manages the fund" runs it)
_MONEY_MANAGED = re.compile(r"\$|€|£|¥|\b(?:billion|million|portfolios?|bonds|assets|money)\b", re.I)


# "who runs purchasing at Tolland", "who manages the fund at Mossbank": a part of the organization, not all of it
_RUNS_PART = re.compile(
    r"who\s+(?:runs|heads|leads|manages|oversees)\s+(?:the\s+|its\s+)?(?P<part>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}?)"
    r"\s+(?:at|of|for)\s+[A-Z]"
)


def title_of_clause(role: str | None) -> str | None:
    """The title a "who …" clause says someone holds ("who covers chipmakers" -> "analyst"), if any."""
    verb = re.match(r"who\s+(\S+)", role or "")
    if verb and verb.group(1) == "manages" and _MONEY_MANAGED.search(role or ""):
        return "fund manager"
    part = _RUNS_PART.match(role or "")
    if part:
        noun = part.group("part")
        return "fund manager" if re.search(r"\b(?:fund|portfolio)s?$", noun) else f"head of {noun}"
    return _CLAUSE_TITLES.get(verb.group(1)) if verb else None
