"""How English news writes people's and organizations' names, and adding them to the article's entities."""

from __future__ import annotations

import re

from knowledge.attribution import lexicon_en as lx
from knowledge.attribution.entities import ArticleEntities, Entity
from knowledge.attribution.first_names import gender_of
from knowledge.attribution.org_tails_en import CORPORATE_TAILS, ORG_TAILS
from knowledge.places import places_in

# Latin capitals and small letters with their accented forms: "Hélène", "Łukasz", "Dvořák" are names too.
_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LO = "a-zß-öø-ÿĀ-ž"
# One capitalized word of a name, "O'Brien" and "McAllister" too.
WORD = rf"(?:[{_UP}][{_LO}]+(?:[-'’][{_UP}]?[{_LO}]+)*|Mc[{_UP}][{_LO}]+|O’[{_UP}][{_LO}]+|O'[{_UP}][{_LO}]+)"
_INITIALS = r"(?:[A-Z]\.\s?)+"
_PARTICLES = "|".join(sorted(lx.NAME_PARTICLES, key=len, reverse=True))
# A person's name: two or three capitalized words, maybe with initials ("C.C. Wei", "Mary J. Blige") and
# surname particles ("Lotte van Rijn", "Ana de la Cruz").
NAME = rf"(?:{_INITIALS}{WORD}|{WORD}(?:\s+{_INITIALS[:-1]}+)?(?:\s+(?:{_PARTICLES})){{0,2}}(?:\s+{WORD}){{1,2}})"
_ORG_WORD = rf"(?:[{_UP}][A-Za-z0-9{_LO}&.'’-]*[A-Za-z0-9{_LO}]|[A-Z]&[A-Z])(?:(?<=s)'(?!\w))?"
ORG = rf"{_ORG_WORD}(?:\s+(?:of|for|and|&|{_PARTICLES})\s+{_ORG_WORD}|\s+{_ORG_WORD}){{0,6}}"

_ONE_WORD_TITLES = frozenset(t for t in lx.TITLES if " " not in t)


def clean_name(name: str) -> str | None:
    """A person's name without a title or function word before it; None if it is no person's name."""
    words = name.split()
    # "Co-founder Idris Kemble": a title opening the sentence is not part of the name
    while words and (
        words[0].lower().rstrip(".") in lx.NOT_NAME_WORDS
        or words[0].lower() in _ONE_WORD_TITLES
        or (words[0].lower() in lx.DESCRIPTOR_NOUNS and len(words) > 2)
    ):
        words = words[1:]
    if len(words) < 2 or words[-1].lower() in ORG_TAILS:
        return None
    if any(w.lower().strip(".'’") in lx.NOT_NAME_WORDS or w.lower() in ORG_TAILS for w in words[1:]):
        return None
    if any(re.search(r"['’]s$", w) for w in words[:-1]):
        return None  # "Quintavel's Velmoran stake": a possessive, then what it owns
    return " ".join(words)


def clean_org(org: str | None) -> str | None:
    """An organization's name without the words around it ("the", "of", "'s"); None if it names none."""
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
    if len(words) > 1 and words[0].lower() in lx.DESCRIPTOR_NOUNS and words[1].lower() != "of":
        words = words[1:]  # "Brokerage Ashlock Meyrick said": what the firm is, then its name
    if (
        len(words) > 2
        and words[0].lower() in {"shares", "stock", "bonds", "units"}
        and words[1].lower() == "of"
    ):
        words = words[2:]  # "Shares of Lockhaven Venture Trust closed at …": the trust, not its shares
    while words and words[-1].lower() in {"of", "for", "and", "&", "de"}:
        words = words[:-1]
    text = re.sub(r"(?:'s|’s)$", "", " ".join(words))
    if text.lower() in _GENERIC_OFFICE_WORDS:
        return None  # "State Treasurer Marcus Oyelaran": an office, not an organization called State
    return text if len(text) >= 2 and text.lower() not in lx.NOT_NAME_WORDS else None


def own_name(org: str) -> str:
    """An organization's name without a place that owns it, a subject joined before it or the people it serves:
    "Taiwan's Hanjun Technology" is Hanjun Technology, "Kazahaya and Tokimune Electric Power (holds 25%)" is
    Tokimune's, "Clients of Varno Bank" are Varno Bank's."""
    place = re.match(r"([A-Z][\w.]*(?: [A-Z][\w.]*)?)(?:'s|’s) (?=[A-Z])", org)
    if place and (places_in(place.group(1)) or place.group(1).lower() in lx.PLACE_WORDS):
        org = org[place.end() :]
    joined = re.match(r"[A-Z][\w.-]* and (?=[A-Z][\w.-]* [A-Z])", org)
    org = org[joined.end() :] if joined else org
    people = re.match(r"(\w+) of (?=[A-Z])", org)
    # "Clients of Varno Bank, a Hong Kong lender": the lender is the bank, its clients are no organization
    return org[people.end() :] if people and people.group(1).lower() in lx.PEOPLE_OF else org


_GENERIC_OFFICE_WORDS = frozenset(
    {"state", "federal", "city", "county", "national", "provincial", "regional", "municipal", "deputy"}
    | {"acting", "former", "interim", "senior", "assistant", "associate", "executive", "general"}
)


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
    company = next(
        (e for e in entities.entities if e.kind == "organization" and e.name.startswith(name + " ")), None
    )
    if company is not None:
        # "a server maker that buys through Wui Fung said": Wui Fung Intelligent Computing's short name
        return entities.add(company, short=(name,))
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
        and words[1] != "of"  # "Office of Strategic Technology Licensing" is no Mr or Ms Office
        and words[0].lower() not in lx.NOT_NAME_WORDS
        and words[0].lower() not in lx.PLACE_WORDS
        and len(words[0]) > 3
        else ()
    )
    if len(words) > 2 and words[-1].lower() in CORPORATE_TAILS:
        short += (
            " ".join(words[:-1]),
        )  # "Morrow Lane Ratings" is "Morrow Lane" at its analyst's next mention
    legal = re.search(r"\s+(?:&|and)\s+Co\.?$|,?\s+(?:Inc|Ltd|LLC|Plc|PLC|AG|SA|NV|GmbH)\.?$", name)
    if legal and len(name[: legal.start()].split()) >= 2:
        short += (name[: legal.start()],)  # "Corliss Brandt & Co" is "Corliss Brandt" when cited again
    return entities.add(Entity(kind="organization", name=name, forms=[name], role=role), short=short)


# A capital inside a word, past the prefixes of surnames ("McAllister", "DeVito", "MacLeod", "LaGuardia").
_INNER_CAPITAL = re.compile(rf"^(?!Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O['’])[{_UP}][{_LO}]+[{_UP}]")


def is_person_name(run: str, entities: ArticleEntities) -> bool:
    """Whether a capitalized run is a person's name: the article knows it as one, or it looks like one."""
    words = run.split()
    found = entities.find(run)
    if found is not None:
        return found.kind == "person"
    return (
        2 <= len(words) <= 3
        and clean_name(run) == run
        and not any(w.isupper() and len(w) > 1 for w in words)
        and not any(_INNER_CAPITAL.search(w) for w in words)  # "Tessaract BioData", "DeepMind": brands
        and words[-1].lower() not in CORPORATE_TAILS  # "Tallyhouse Metrics" is a firm, not a Mr Metrics
    )


def named_person(run: str, entities: ArticleEntities) -> bool:
    """Whether the article already knows this name as a person's."""
    found = entities.find(run)
    return found is not None and found.kind == "person"


def contains_known(run: str, entities: ArticleEntities) -> bool:
    """Whether a capitalized run contains a name the article already has (other than the run itself)."""
    return any(form in run for e in entities.entities for form in e.forms if form != run)


def corporate_head(org: str | None) -> str | None:
    """The name up to its last corporate ending: "Halvard Credit Partners of Oslo" -> "Halvard Credit Partners"."""
    words = (org or "").split()
    ends = [i for i, word in enumerate(words) if i > 0 and word.lower().strip("'’") in CORPORATE_TAILS]
    after = words[ends[-1] + 1] if ends and ends[-1] + 1 < len(words) else ""
    if not ends or not after or (after[:1].isupper() and not re.fullmatch(r"[IVX]+", after)):
        return org  # "Office of Strategic Technology Licensing": capitalized words after an ending are its name too
    return " ".join(words[: ends[-1] + 1])


def personal(run: str) -> bool:
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
        and not any(w.lower() in ORG_TAILS or w.lower() in CORPORATE_TAILS for w in words)
        and not places_in(run)
    )
