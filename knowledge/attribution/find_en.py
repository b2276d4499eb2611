"""Find the people and organizations of an English article from how news introduces them."""

from __future__ import annotations

import re

from knowledge.attribution import lexicon_en as lx
from knowledge.attribution.entities import ArticleEntities, Entity
from knowledge.attribution.first_names import gender_of
from knowledge.attribution.naming import is_officer_title
from knowledge.places import is_place, places_in

# Latin capitals and small letters with their accented forms: "Hélène", "Łukasz", "Dvořák" are names too.
_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LO = "a-zß-öø-ÿĀ-ž"
_WORD = (
    rf"(?:[{_UP}][{_LO}]+(?:[-'’][{_UP}]?[{_LO}]+)*|Mc[{_UP}][{_LO}]+|O’[{_UP}][{_LO}]+|O'[{_UP}][{_LO}]+)"
)
_INITIALS = r"(?:[A-Z]\.\s?)+"
_PARTICLES = "|".join(sorted(lx.NAME_PARTICLES, key=len, reverse=True))
# A person's name: two or three capitalized words, maybe with initials ("C.C. Wei", "Mary J. Blige") and
# surname particles ("Lotte van Rijn", "Ana de la Cruz").
NAME = rf"(?:{_INITIALS}{_WORD}|{_WORD}(?:\s+{_INITIALS[:-1]}+)?(?:\s+(?:{_PARTICLES})){{0,2}}(?:\s+{_WORD}){{1,2}})"
_ORG_WORD = rf"(?:[{_UP}][A-Za-z0-9{_LO}&.'’-]*[A-Za-z0-9{_LO}]|[A-Z]&[A-Z])(?:(?<=s)'(?!\w))?"
ORG = rf"{_ORG_WORD}(?:\s+(?:of|for|and|&|{_PARTICLES})\s+{_ORG_WORD}|\s+{_ORG_WORD}){{0,6}}"
# "the company's chief financial officer": a common noun standing for the article's organization.
_ORG_NOUNS = (
    "company|firm|bank|group|fund|lender|utility|start-up|startup|chipmaker|maker|insurer|trust|developer|board|"
    "pension|plan|system|agency|regulator|ministry|council|committee|operator|provider|manager|commission|authority|"
    "institute|association|office|department|exchange"
)
_TITLE = "(?i:" + "|".join(re.escape(t) for t in sorted(lx.TITLES, key=len, reverse=True)) + ")"
_VERB = r"(?:" + "|".join(re.escape(v) for v in sorted(set(lx.SPEECH_VERBS), key=len, reverse=True)) + r")\b"
# Verbs strong enough to make an unknown capitalized subject a speaker ("Erin Goldberg said").
_STRONG = r"(?:said|says|told|added|wrote|warned|noted|argued|estimated|estimates|explained|cautioned|predicted|insisted|stressed|acknowledged|replied|answered)\b"
ORG_TAILS = frozenset(
    {
        "systems",
        "semiconductor",
        "semiconductors",
        "technologies",
        "technology",
        "group",
        "holdings",
        "inc",
        "corp",
        "capital",
        "securities",
        "partners",
        "bank",
        "institute",
        "research",
        "labs",
        "fund",
        "ventures",
        "analytics",
        "association",
        "agency",
        "authority",
        "university",
        "foundation",
        "council",
        "ministry",
        "reserve",
        "office",
        "committee",
        "company",
        "management",
        "advisors",
        "advisers",
        "energy",
        "markets",
        "cloud",
        "devices",
        "micro",
        "networks",
        "software",
        "motors",
        "power",
        "solutions",
        "industries",
        "electronics",
        "computing",
        "properties",
        "communications",
        "media",
        "ltd",
        "plc",
        "llc",
        "co",
        "corporation",
        "investments",
        "trust",
        "exchange",
        "platforms",
        "data",
        "intelligence",
        "ai",
        "logistics",
        "materials",
        "infrastructure",
        "realty",
        "services",
        "ratings",
        "review",
        "life",
        "interconnection",
        "commission",
        "commissioners",
        "department",
        "bureau",
        "administration",
        "organization",
        "organisation",
        "board",
        "fed",
        "imf",
        "hyperscale",
        "isi",
        "re",  # "Harwell Re", as reinsurers are named
        "reinsurance",
    }
)
_APPOSITIVE_ROLE = re.compile(
    rf"^,\s+(?P<role>(?:(?:a|an|the)\s+)?(?:(?P<porg>{ORG}|company|firm|bank|fund|group|plan)(?:'s|’s)\s+)?"
    rf"(?:[\w&'.-]+\s+){{0,4}}?(?P<title>{_TITLE})(?:\s+[^,;.]{{0,60}}?)??(?:\s+(?:of|at|for|with)\s+"
    rf"(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?P<org>{ORG}))?|who\s+(?:chairs|heads|runs|leads|manages|oversees|co-founded|founded|teaches|covers|tracks|follows|watches|studies)\s+"
    rf"[^,.;]{{3,90}}?(?:\s+(?:of|at|for)\s+(?:the\s+)?(?P<org2>{ORG}))?)(?=,|\.|;|\s+(?:{_VERB})|$)"
)
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


def _title_of_clause(role: str | None) -> str | None:
    verb = re.match(r"who\s+(\S+)", role or "")
    return _CLAUSE_TITLES.get(verb.group(1)) if verb else None


_POSSESSIVE_TITLE = re.compile(
    rf"(?:(?P<org>{ORG})(?:'s|’s)|\b(?:[Ii]ts|[Tt]heir)|\b[Tt]he\s+(?P<noun>{_ORG_NOUNS})(?:'s|’s))\s+(?:[a-z-]+\s+){{0,2}}?(?P<title>{_TITLE}(?:\s+(?:of|for)\s+(?:[a-z&-]+|[A-Z][\w&-]+)(?:\s+(?:[a-z&-]+|[A-Z][\w&-]+))?)?),\s+(?P<name>{NAME})(?:,|(?=[.;]|$))"
)
# "vice president for regulatory affairs Janine Cole": a title's lower-case complement belongs to the title.
_TITLE_COMPLEMENT = r"(?:\s+(?:of|for)\s+[a-z][a-z-]*(?:\s+(?:and\s+)?[a-z][a-z-]*){0,2})?"
_TITLE_NAME = re.compile(
    rf"(?:(?P<org>{ORG})\s+)?(?P<title>{_TITLE}{_TITLE_COMPLEMENT})\s+(?P<name>{NAME})\b"
)
_ORG_APPOSITIVE = re.compile(
    rf"(?P<org>{ORG}),\s+(?:a|an|the)\s+(?P<role>(?:[\w-]+\s+){{0,5}}(?:trust|company|operator|maker|manufacturer|firm|"
    rf"distributor|seller|system|"
    rf"bank|fund|agency|start-up|startup|utility|provider|developer|lender|insurer|manager|group|regulator|body|"
    rf"consultancy|outlet|publication|newsletter|tracker|supplier|investor|landlord|owner|platform|lab|laboratory|"
    rf"venture|partnership|reinsurer|underwriter|brokerage|broker(?!\s+(?:at|with|for)\b)))\b"
    rf"(?!['’]s)"  # "Idris Kemble, the company's chief technology officer": its officer, not a company
    rf"(?!\s+{_VERB})"  # "…the Securities and Exchange Commission, the company said": a frame, not a description
)
# "the short seller Kestrel Ridge Research", "the cloud provider Stratacore": a description before the name.
_DESCRIBED_ORG = re.compile(
    rf"\b[Tt]he\s+(?P<role>(?:[a-z-]+\s+){{0,2}}(?:seller|provider|operator|utility|lender|fund|insurer|bank|maker|"
    rf"chipmaker|developer|landlord|distributor|start-up|startup|company|firm|regulator|consultancy|manager|"
    rf"pension|investor|group|venture|agency|publication|outlet|newsletter))\s+(?P<org>{ORG})"
)
_ACCORDING = re.compile(
    rf"\b(?i:according to|cited by|per)\s+(?:the\s+|a\s+|an\s+)?(?:(?:[\w-]+\s+){{0,3}}"
    rf"(?:report|study|survey|analysis|paper|note|estimate|forecast|data)s?\s+(?:by|from)\s+"
    rf"(?:the\s+)?)?(?P<org>{ORG})"
)
_CORPORATE_TITLES = frozenset(
    {
        "ceo",
        "cfo",
        "cto",
        "coo",
        "finance chief",
        "chief executive",
        "chief financial officer",
        "president",
        "chairman",
        "chairwoman",
        "chair",
        "founder",
        "co-founder",
    }
)
_GROUP_OF = re.compile(
    rf"(?P<org>{ORG})(?:'s|’s)?\s+(?:analysts|strategists|economists|researchers|data|figures|"
    rf"estimates|calculations|count)\b"
)
_PUBLISHED = re.compile(
    rf"(?P<org>{ORG})\s+(?:published|released|issued|put out)\s+(?:a|an|its)\s+(?:[\w-]+\s+){{0,3}}"
    rf"(?:{'|'.join(lx.REPORT_NOUNS)})"
)
_NAME_OF_ORG = re.compile(rf"(?P<name>{NAME})\s+of\s+(?:the\s+)?(?P<org>{ORG})")
_HONORIFIC = re.compile(rf"\b(?P<h>Mr|Ms|Mrs|Dr)\.?\s+(?P<name>{_WORD}(?:\s+{_WORD})?)")
_SUBJECT = re.compile(
    rf"(?P<run>{ORG})(?:'s|’s)?\s*(?:,\s*[^,]{{2,90}},\s*)?(?:(?:{'|'.join(lx.ADVERBS)})\s+)?(?={_STRONG})"
)
_INVERTED = re.compile(rf"\b(?:{'|'.join(sorted(lx.INVERTING_VERBS))})\s+(?P<run>{ORG})")


_ONE_WORD_TITLES = frozenset(t for t in lx.TITLES if " " not in t)


def _clean_name(name: str) -> str | None:
    words = name.split()
    # "Co-founder Idris Kemble": a title opening the sentence is not part of the name
    while words and (
        words[0].lower().rstrip(".") in lx.NOT_NAME_WORDS or words[0].lower() in _ONE_WORD_TITLES
    ):
        words = words[1:]
    if len(words) < 2 or words[-1].lower() in ORG_TAILS:
        return None
    if any(w.lower().strip(".'’") in lx.NOT_NAME_WORDS or w.lower() in ORG_TAILS for w in words[1:]):
        return None
    return " ".join(words)


def _clean_org(org: str | None) -> str | None:
    if not org:
        return None
    words = org.split()
    while words and words[0].lower() in {
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "and",
        "but",
        "while",
        "as",
        "by",
        "for",
        "of",
        "to",
        "with",
        "from",
    }:
        words = words[1:]
    while words and words[-1].lower() in {"of", "for", "and", "&", "de"}:
        words = words[:-1]
    text = re.sub(r"(?:'s|’s)$", "", " ".join(words))
    if text.lower() in _GENERIC_OFFICE_WORDS:
        return None  # "State Treasurer Marcus Oyelaran": an office, not an organization called State
    return text if len(text) >= 2 and text.lower() not in lx.NOT_NAME_WORDS else None


def own_name(org: str) -> str:
    """An organization's name without a place that owns it or a subject joined before it: "Taiwan's Hanjun
    Technology" is Hanjun Technology, "Kazahaya and Tokimune Electric Power (holds 25%)" is Tokimune's."""
    place = re.match(r"([A-Z][\w.]*(?: [A-Z][\w.]*)?)(?:'s|’s) (?=[A-Z])", org)
    if place and (places_in(place.group(1)) or place.group(1).lower() in lx.PLACE_WORDS):
        org = org[place.end() :]
    joined = re.match(r"[A-Z][\w.-]* and (?=[A-Z][\w.-]* [A-Z])", org)
    return org[joined.end() :] if joined else org


_GENERIC_OFFICE_WORDS = frozenset(
    {"state", "federal", "city", "county", "national", "provincial", "regional", "municipal", "deputy"}
    | {"acting", "former", "interim", "senior", "assistant", "associate", "executive", "general"}
)


def _gender(role: str) -> str | None:
    words = set(re.findall(r"[a-z]+", role.lower()))
    return "f" if words & set(lx.FEMALE_WORDS) else "m" if words & set(lx.MALE_WORDS) else None


def add_person(
    entities: ArticleEntities,
    name: str,
    *,
    title: str | None = None,
    org: str | None = None,
    role: str | None = None,
    gender: str | None = None,
) -> Entity:
    """Add a person with their surname as a short form ("van Rijn", and "Van Rijn" opening a sentence)."""
    known = entities.find(name) or entities.find_any(name)
    if known is not None and known.kind == "person" and known.name != name:
        return known  # "Van Rijn, a former executive…": the surname of someone already named
    surname = lx.surname_of(name)
    person = Entity(
        kind="person",
        name=name,
        forms=[name],
        title=title and title.lower(),
        org=org,
        role=role,
        gender=gender or gender_of(name.split()[0]),
    )
    shorts: tuple[str, ...] = (
        (surname, surname[:1].upper() + surname[1:]) if surname[:1].islower() else (surname,)
    )
    if surname.lower() in lx.WORD_SURNAMES:
        shorts = ()  # "He" opening a sentence is a pronoun, not Mandy He
    return entities.add(person, short=shorts)


def add_org(entities: ArticleEntities, name: str, *, role: str | None = None) -> Entity | None:
    """Add an organization unless the name is a person's already; its first word is a short form."""
    name = own_name(name)
    known = entities.find(name)
    if known is not None:
        known.role = known.role or role
        return known
    words = name.split()
    short: tuple[str, ...] = (
        (words[0],)
        if len(words) > 1
        and words[0].lower() not in lx.NOT_NAME_WORDS
        and words[0].lower() not in lx.PLACE_WORDS
        and len(words[0]) > 3
        else ()
    )
    if len(words) > 2 and words[-1].lower() in _CORPORATE_TAILS:
        short += (
            " ".join(words[:-1]),
        )  # "Morrow Lane Ratings" is "Morrow Lane" at its analyst's next mention
    return entities.add(Entity(kind="organization", name=name, forms=[name], role=role), short=short)


def _last_org(entities: ArticleEntities) -> str | None:
    return next((e.name for e in reversed(entities.entities) if e.kind == "organization"), None)


_PUBLIC_BODY = re.compile(
    r"\b(?:Commission|Ministry|Agency|Department|Authority|Bureau|Reserve|Council|Parliament|Congress|Senate|"
    r"Court|Government|Administration|Regulator|Exchange)\b"
)


def _owner(entities: ArticleEntities, noun: str | None, article: str = "") -> str | None:
    """Whose "its chief executive" (the organization just named) or "the fund's CIO" (the article's fund)."""
    if noun is None:
        return _last_org(entities)
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


def _employer(entities: ArticleEntities, org: str | None) -> str | None:
    """Register the organization a person works for (it is named in the article), and return its name."""
    if not org or org.lower() in {"company", "firm", "bank", "fund", "group", "trust", "plan"}:
        return _last_org(entities) if org else None
    entity = entities.find_any(org) or add_org(entities, org)
    return entity.name if entity else org


# A capital inside a word, past the prefixes of surnames ("McAllister", "DeVito", "MacLeod", "LaGuardia").
_INNER_CAPITAL = re.compile(rf"^(?!Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O['’])[{_UP}][{_LO}]+[{_UP}]")


def _is_person_name(run: str, entities: ArticleEntities) -> bool:
    words = run.split()
    found = entities.find(run)
    if found is not None:
        return found.kind == "person"
    return (
        2 <= len(words) <= 3
        and _clean_name(run) == run
        and not any(w.isupper() and len(w) > 1 for w in words)
        and not any(_INNER_CAPITAL.search(w) for w in words)  # "Tessaract BioData", "DeepMind": brands
        and words[-1].lower() not in _CORPORATE_TAILS  # "Tallyhouse Metrics" is a firm, not a Mr Metrics
    )


def _named_person(run: str, entities: ArticleEntities) -> bool:
    """Whether the article already knows this name as a person's."""
    found = entities.find(run)
    return found is not None and found.kind == "person"


def _contains_known(run: str, entities: ArticleEntities) -> bool:
    return any(form in run for e in entities.entities for form in e.forms if form != run)


def discover_english(sentences: list[str], entities: ArticleEntities) -> None:
    """Add to `entities` everyone the sentences (quotes blanked out) introduce, in text order."""
    # A full name written once ("Nadia Vukovic has spent…") is who a surname subject later names.
    names = [name for text in sentences for m in re.finditer(NAME, text) if (name := _clean_name(m.group(0)))]
    _discover(sentences, entities, names)


# Endings that make a capitalized run a company or institution wherever it stands ("Kestrel Micro Devices").
_CORPORATE_TAILS = frozenset(
    {
        "systems",
        "technologies",
        "holdings",
        "inc",
        "corp",
        "capital",
        "securities",
        "partners",
        "bank",
        "institute",
        "labs",
        "ventures",
        "devices",
        "networks",
        "industries",
        "electronics",
        "properties",
        "group",
        "corporation",
        "ltd",
        "plc",
        "llc",
        "investments",
        "trust",
        "management",
        "advisors",
        "advisers",
        "ratings",
        "authority",
        "agency",
        "association",
        "commission",
        "fund",
        "semiconductor",
        "semiconductors",
        "interconnection",
        "system",
        "compute",
        "brokerage",
        "financial",
        "insurance",
        "assurance",
        "software",
        "photonics",
        "robotics",
        "analytics",
        "bancorp",
        "advisory",
        "funds",
        "electric",
        "utilities",
        "metrics",
        "insights",
        "economics",
        "intelligence",
        "research",
        "data",
        "centers",
        "centres",
        "consulting",
        "associates",
        "strategies",
        "university",
        "exchange",
        "foundation",
        "automation",
        "digital",
        "bio",
        "biotech",
        "therapeutics",
        "pharmaceuticals",
        "pharma",
        "energy",
        "power",
        "materials",
        "solutions",
        "services",
        "media",
        "markets",
        "motors",
        "logistics",
        "telecom",
        "communications",
        "computing",
        "health",
        "sciences",
        "technology",
        "instruments",
        "infrastructure",
        "aerospace",
        "chemicals",
        "resources",
        "equity",
        "credit",
        "journal",
        "wire",
        "district",
        "company",
        "council",
        "county",
        "trading",
        "shipping",
        "mining",
        "cloud",
        "realty",
        "reit",
        "airlines",
        "motor",
        "steel",
        "grid",
        "renewables",
        "utility",
        "plan",
    }
)


def _corporate_head(org: str | None) -> str | None:
    """The name up to its last corporate ending: "Halvard Credit Partners of Oslo" -> "Halvard Credit Partners"."""
    words = (org or "").split()
    ends = [i for i, word in enumerate(words) if i > 0 and word.lower().strip("'’") in _CORPORATE_TAILS]
    after = words[ends[-1] + 1] if ends and ends[-1] + 1 < len(words) else ""
    if not ends or not after or (after[:1].isupper() and not re.fullmatch(r"[IVX]+", after)):
        return org  # "Office of Strategic Technology Licensing": capitalized words after an ending are its name too
    return " ".join(words[: ends[-1] + 1])


def _personal(run: str) -> bool:
    """Whether the words before "of" read as a person's name ("Samira Qureshi"), not an institution ("Bank")."""
    words = run.split()
    if not words:
        return False
    if gender_of(words[0]) is not None:
        return True
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w.isalpha() for w in words)
        and words[0].lower() not in lx.NOT_NAME_WORDS
        and not any(w.lower() in ORG_TAILS or w.lower() in _CORPORATE_TAILS for w in words)
        and not places_in(run)
    )


def _companies(text: str, entities: ArticleEntities) -> None:
    for match in re.finditer(ORG, text):
        org = _corporate_head(_clean_org(match.group(0)))
        person, of, employer = (org or "").partition(" of ")
        if of and _personal(person):
            org = employer  # "Samira Qureshi of Wolfe Research": a person and her firm, not one name
        if (
            org
            and any(w.lower() in _CORPORATE_TAILS for w in org.split()[1:])
            and not _contains_known(org, entities)
            and not re.search(rf"\b{_TITLE}\b", org)
        ):
            add_org(entities, org)


def _opening_org(sentence: str, entities: ArticleEntities) -> str | None:
    """The organization a sentence opens with as its subject ("Kestrel Micro Devices reported …"), if any."""
    for entity in entities.entities:
        if entity.kind == "organization" and any(
            re.match(rf"(?:[A-Z][A-Z .'-]*\s*[—–-]+\s*)?{re.escape(form)}\b(?!['’]s)", sentence)
            for form in entity.forms
        ):
            return entity.name
    return None


def _discover(sentences: list[str], entities: ArticleEntities, names: list[str]) -> None:
    article = " ".join(sentences)
    before = ""
    for text in sentences:
        opener, before = _opening_org(before, entities), text
        _companies(text, entities)
        for match in _POSSESSIVE_TITLE.finditer(text):
            name = _clean_name(match.group("name"))
            org = _clean_org(match.group("org")) or _owner(entities, match.group("noun"), article)
            if name:
                add_person(entities, name, title=match.group("title"), org=_employer(entities, org))
        for match in _TITLE_NAME.finditer(text):
            name = _clean_name(match.group("name"))
            if (name and match.group("title")[:1].islower()) or (name and match.group("title")[:1].isupper()):
                org = _clean_org(match.group("org"))
                title = match.group("title")
                if org and f"{org} {title}".lower() in lx.TITLES:  # "Finance chief Omar Reyes"
                    title, org = f"{org} {title}", None
                # An officer named without a company works for the one the article is about (found once every
                # mention is counted); other corporate titles belong to the company just mentioned.
                if org is None and opener is not None and text.startswith(match.group(0)):
                    # "Kestrel Micro Devices reported a loss. Finance chief Omar Reyes cautioned …": the company
                    # the sentence before opened with, whatever company the article led with
                    org = opener
                if org is None and title.lower() in _CORPORATE_TITLES and not is_officer_title(title):
                    org = _last_org(entities)
                add_person(
                    entities,
                    name,
                    title=title,
                    org=_employer(entities, org) if org != name else None,
                    gender=_gender(match.group("title")),
                )
        for match in re.finditer(rf"(?P<name>{NAME})(?=,\s)", text):
            tail = _APPOSITIVE_ROLE.match(text[match.end() :])
            name = _clean_name(match.group("name"))
            if tail and name:
                role = tail.group("role")
                org = _clean_org(tail.group("org") or tail.group("org2") or tail.group("porg"))
                add_person(
                    entities,
                    name,
                    title=tail.group("title") or _title_of_clause(role),
                    org=_employer(entities, org),
                    role=role,
                    gender=_gender(role),
                )
        for match in _NAME_OF_ORG.finditer(text):  # "Samira Qureshi of Wolfe Research pressed Marquardt"
            name = _clean_name(match.group("name"))
            org = _corporate_head(_clean_org(match.group("org")))
            known = entities.find_any(org) if org else None
            corporate = org is not None and org.split()[-1].lower() in ORG_TAILS
            # "Marcus Oyelaran of Dunmore Hale, one of the more bullish analysts": a given name makes the first a
            # person, and what they are "of" is their employer unless it is a place
            person_of = bool(org and name and _personal(name) and not places_in(org))
            if (
                name
                and org
                and (corporate or person_of or (known is not None and known.kind == "organization"))
            ):
                add_person(entities, name, org=_employer(entities, org))
        for match in _HONORIFIC.finditer(text):
            gender = "m" if match.group("h") == "Mr" else None if match.group("h") == "Dr" else "f"
            name = match.group("name")
            if len(name.split()) == 2 and _clean_name(name):
                add_person(entities, name, gender=gender)
        # "the rating agency Ellery Stone", "Marwick Ashby, a pensions consultancy": what it is says it is no
        # person, however much its name looks like one
        for match in _DESCRIBED_ORG.finditer(text):
            org = _corporate_head(_clean_org(match.group("org")))
            if org and not _named_person(org, entities):
                add_org(entities, org, role=match.group("role"))
        for match in _ORG_APPOSITIVE.finditer(text):
            org = _clean_org(match.group("org"))
            if org and not _named_person(org, entities):
                add_org(entities, org, role=match.group("role"))
        for pattern in (_ACCORDING, _GROUP_OF, _PUBLISHED):
            for match in pattern.finditer(text):
                org = _clean_org(match.group("org"))
                # "Wood Mackenzie analysts": what has analysts or estimates is an organization, whatever it looks like
                staff = pattern is _GROUP_OF and re.search(
                    r"\s(?:analysts|strategists|economists|researchers)$", match.group(0)
                )
                if org and (staff or not _is_person_name(org, entities)) and entities.find_any(org) is None:
                    add_org(entities, org)
                elif org and pattern is _ACCORDING and entities.find_any(org) is None:
                    add_person(entities, org)  # "according to Pennock Lyle": someone cited, whoever they are
                author = entities.find_any(org) if org and pattern is _PUBLISHED else None
                if author is not None:
                    author.author = True  # "Kestrel published a report": "the report" is later its
        for pattern in (_SUBJECT, _INVERTED):
            for match in pattern.finditer(text):
                run = _clean_org(match.group("run"))
                person, of, _ = (run or "").partition(" of ")
                if of and _personal(person):
                    continue  # "Samira Qureshi of Wolfe Research, who covers …, said": found as a person at a firm
                if (
                    not run
                    or is_place(run)  # "Orrinvale's president for Asia Pacific, Colm Baptiste, said"
                    or entities.find_any(run) is not None
                    or run.lower() in lx.GROUP_NOUNS
                    or _contains_known(run, entities)
                    or re.search(rf"\b{_TITLE}\b", run)
                ):
                    continue
                full = next((n for n in names if len(run.split()) == 1 and n.split()[-1] == run), None)
                if full is not None:
                    add_person(entities, full)
                elif _is_person_name(run, entities):
                    add_person(entities, run)
                elif len(run.split()) == 1 and any(
                    run in e.forms or run == e.name.split()[-1] for e in entities.entities
                ):
                    continue
                elif run.split()[0].lower() not in lx.NOT_NAME_WORDS or len(run.split()) > 1:
                    add_org(entities, run)
