"""Find people and organizations in English news text from role-and-name and report patterns."""

from __future__ import annotations

import re

from knowledge.candidates import Candidate, title_key

_LOWER = "a-zà-öø-ÿ"
_TOKEN = rf"[A-Z][A-Za-z{_LOWER}'’-]*[{_LOWER}]"
NAME = rf"{_TOKEN}(?: +[A-Z]\.)?(?: +(?:de|van|von|der|da|del|bin|al|le|la))?(?: +{_TOKEN}){{1,2}}"
_ORG_TOKEN = r"[A-Z][A-Za-z0-9&.'’-]*"
ORG = rf"{_ORG_TOKEN}(?: +(?:of|for|and|&) +{_ORG_TOKEN}| +{_ORG_TOKEN}){{0,4}}"
TITLES_EN = [
    "chief executive officer", "chief executive", "ceo", "chief financial officer", "cfo", "finance chief",
    "financial chief", "chief technology officer", "cto", "technology chief", "chief operating officer", "coo",
    "chief economist", "economist", "chief scientist", "chief strategist", "strategist", "senior analyst",
    "analyst", "vice president", "president", "chairman", "chairwoman", "chair", "co-founder", "cofounder",
    "founder", "managing partner", "general partner", "partner", "managing director", "director",
    "fund manager", "portfolio manager", "professor", "spokesperson", "spokesman", "spokeswoman",
    "chief investment officer", "head of research", "head of growth", "investor", "general manager",
]
_TITLE = "(?i:" + "|".join(re.escape(t) for t in sorted(TITLES_EN, key=len, reverse=True)) + r")\b"
NOT_NAME_WORDS = frozenset({
    "the", "a", "an", "but", "and", "in", "on", "at", "for", "this", "that", "it", "he", "she", "they", "we",
    "mr", "ms", "mrs", "dr", "not", "according", "some", "many", "if", "when", "while", "as", "after", "before",
    "investors", "analysts", "shares", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "ai", "chief", "finance", "president", "ceo", "cfo", "wall", "street",
    "silicon", "valley", "new", "york", "san", "north", "south", "east", "west", "middle", "gulf", "asia",
    "europe", "america", "china", "united", "states", "u.s", "read", "more", "by", "staff", "reporter",
})
ORG_TAILS = frozenset({
    "systems", "semiconductor", "semiconductors", "technologies", "group", "holdings", "inc", "corp",
    "capital", "securities", "partners", "bank", "institute", "research", "labs", "fund", "ventures",
    "analytics", "association", "agency", "university", "foundation", "council", "ministry", "reserve",
    "office", "committee", "company", "management", "advisors", "advisers", "energy", "markets", "cloud",
    "devices", "micro", "networks", "software", "motors", "power", "solutions", "industries", "electronics",
    "dynamics", "robotics", "computing", "communications", "pharmaceuticals", "airlines", "media", "ltd",
    "plc", "llc", "co", "corporation", "bancorp", "investments", "trust", "exchange", "platforms", "data",
    "intelligence", "ai", "studios", "logistics", "materials", "chips", "infrastructure", "realty", "services",
})
VERBS_EN = (r"said|says|told|tells|warned|warns|added|adds|noted|argued|argues|cautioned|explained|estimated|"
            r"acknowledged|admitted|conceded|insisted|stressed|predicted|wrote|blamed|rejected|believes|thinks")
_TITLE_NAME = re.compile(rf"(?P<title>{_TITLE})\s+(?P<name>{NAME})\b")
_NAME_ROLE = re.compile(rf"(?P<name>{NAME}),\s+(?P<role>[^,.;:\"“”()]{{3,90}}?)(?=,|\.(?:\s|$)|;|\s+(?:{VERBS_EN})\b|$)")
_ORG_BEFORE = re.compile(rf"(?:^|\s)(?P<org>{ORG})(?:'s|’s)?\s*$")
_ROLE_POSSESSIVE = re.compile(rf"^(?:the\s+|a\s+|an\s+)?(?P<org>{ORG}|company|firm|bank|fund|group)(?:'s|’s)\s+"
                              rf"(?:[a-z-]+\s+){{0,2}}(?P<title>{_TITLE})")
_ROLE_AT = re.compile(rf"^(?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+){{0,2}}(?P<title>{_TITLE})\s+(?:at|of|for|with)\s+"
                      rf"(?:the\s+)?(?:[a-z-]+\s+){{0,2}}(?P<org>{ORG}|company|firm|bank|fund|group)")
# "the head of technology research at Calder Brothers": a role the title list does not know.
_ROLE_ANY = re.compile(rf"^(?:the|a|an)\s+(?:[a-z-]+\s+){{0,5}}(?:at|of|for|with)\s+(?:the\s+)?(?:[a-z-]+\s+){{0,2}}"
                       rf"(?P<org>{ORG})$")
_ROLE_PLAIN = re.compile(rf"^(?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+){{0,2}}(?P<title>{_TITLE})\s*$")
_VERB_NAME = re.compile(rf"\b(?:said|says|added|warned|noted|argued|explained|wrote|cautioned|asked) +(?P<name>{NAME})\b"
                        rf"|(?P<name2>{NAME}) +(?:{VERBS_EN})\b")
_REPORT = r"(?:report|study|analysis|survey|estimate|forecast|paper|note|research)s?"
_REPORTS = [
    re.compile(rf"\b(?:a|an|the)\s+(?:[a-z-]+\s+){{0,3}}{_REPORT}\s+(?:by|from)\s+(?:the\s+)?(?P<org>{ORG})"),
    re.compile(rf"(?:^|\b(?:the|by|from)\s+)(?P<org>{ORG})(?:'s|’s)\s+(?:[a-z-]+\s+){{0,2}}{_REPORT}\b"),
    re.compile(rf"\b(?:research|consulting|analytics|advisory|consultancy)\s+(?:firm|group|company|house)\s+"
               rf"(?P<org>{ORG})"),
    re.compile(rf"(?:the\s+)?(?P<org>{ORG}),\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}(?P<what>research firm|"
               rf"consultancy|think tank|consulting firm|research group|research institute|data provider)"),
    re.compile(rf"(?:the\s+)?(?P<org>{ORG})(?:,[^,]{{3,60}},)?\s+(?:said|estimated|found|reported|concluded|projected)"
               rf"\s+in\s+(?:a|an|its)\s+(?:[a-z-]+\s+){{0,2}}{_REPORT}"),
    re.compile(rf"(?:the\s+)?(?P<org>{ORG}),\s+(?:a|an)\s+(?:[\w-]+\s+){{0,3}}(?P<what>(?:advisory|research|consulting|"
               rf"analytics|data) (?:firm|group|company|house))"),
]
_ORG_MENTION = re.compile(rf"(?P<org>{_ORG_TOKEN}(?: +{_ORG_TOKEN}){{0,3}})")


def _clean_name(name: str) -> str | None:
    words = name.split()
    while words and words[0].lower().rstrip(".") in NOT_NAME_WORDS:
        words = words[1:]
    if len(words) < 2 or any(w.lower().strip(".'’") in NOT_NAME_WORDS for w in words):
        return None
    if words[-1].lower() in ORG_TAILS:
        return None
    return " ".join(words)


def _clean_org(org: str) -> str | None:
    words = org.split()
    while words and words[0].lower() in NOT_NAME_WORDS - {"u.s"}:
        words = words[1:]
    while words and words[-1].lower() in {"of", "for", "and", "&"}:
        words = words[:-1]
    text = " ".join(words)
    return text if len(text) >= 2 else None


def _last_org(text: str, before: int) -> str | None:
    """The last company-like name before an offset ("the company's chief executive" points back to it)."""
    best = None
    for match in _ORG_MENTION.finditer(text, 0, before):
        words = match.group("org").split()
        if words[-1].lower() in ORG_TAILS or (len(words) == 1 and re.search(rf"\b{re.escape(words[0])}(?:'s|’s)",
                                                                         text)):
            org = _clean_org(match.group("org"))
            best = org or best
    return best


def _overlapping(pattern: re.Pattern[str], text: str, group: str) -> list[re.Match[str]]:
    """Matches that may overlap: the next search starts where `group` of the last match starts."""
    found, position = [], 0
    while (match := pattern.search(text, position)) is not None:
        found.append(match)
        position = match.start(group)
    return found


def _person(name: str, title: str | None, org: str | None) -> Candidate:
    surname = name.split()[-1]
    return Candidate(kind="person", name=name, aliases=[name, surname], title=title, org=org)


def discover_english(text: str) -> list[Candidate]:
    """People with roles, people quoted by name, and organizations behind reports, in text order."""
    found: list[Candidate] = []
    for match in _TITLE_NAME.finditer(text):
        name = _clean_name(match.group("name"))
        if name is None:
            continue
        before = _ORG_BEFORE.search(text[:match.start("title")])
        org = _clean_org(before.group("org")) if before else None
        title = title_key(match.group("title"))
        if org is None and title in {"ceo", "cfo", "cto", "coo", "president", "chair"}:
            org = _last_org(text, match.start())
        found.append(_person(name, title, org))
    for match in _overlapping(_NAME_ROLE, text, "role"):
        name = _clean_name(match.group("name"))
        role = match.group("role").strip()
        parsed = _ROLE_POSSESSIVE.match(role) or _ROLE_AT.match(role) or _ROLE_PLAIN.match(role)
        if name is not None and parsed is None and _ROLE_ANY.match(role):
            found.append(Candidate(kind="person", name=name, aliases=[name, name.split()[-1]],
                                   role=re.sub(r"^(?:the|a|an)\s+", "", role)))
            continue
        if name is None or parsed is None:
            continue
        org = parsed.groupdict().get("org")
        if org in {None, "company", "firm", "bank", "fund", "group"}:
            org = _last_org(text, match.start())
        found.append(_person(name, title_key(parsed.group("title")), _clean_org(org) if org else None))
    for match in _VERB_NAME.finditer(text):
        name = _clean_name(match.group("name") or match.group("name2"))
        if name is not None:
            found.append(_person(name, None, None))
    for pattern in _REPORTS:
        for match in pattern.finditer(text):
            org = _clean_org(match.group("org"))
            if org is not None and _clean_name(org) is None:  # not a person's name
                what = match.groupdict().get("what")
                found.append(Candidate(kind="organization", name=org, aliases=[org], role=what))
    return found
