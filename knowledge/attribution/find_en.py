"""Find the people and organizations of an English article from how news introduces them."""

from __future__ import annotations

import re

from knowledge.attribution import lexicon_en as lx
from knowledge.attribution.clause_titles_en import title_of_clause
from knowledge.attribution.employers_en import (
    described_employer,
    last_org,
    opening_org,
    owner,
    register_employer,
)
from knowledge.attribution.entities import ArticleEntities, Entity
from knowledge.attribution.firms_en import firms_by_role, firms_people
from knowledge.attribution.names_en import (
    NAME,
    ORG,
    add_org,
    add_person,
    clean_name,
    clean_org,
    contains_known,
    corporate_head,
    is_person_name,
    named_person,
    personal,
)
from knowledge.attribution.naming_titles import INVESTMENT_TITLE, is_officer_title
from knowledge.attribution.org_tails_en import CORPORATE_TAILS, ORG_TAILS
from knowledge.attribution.patterns_en import (
    ACCORDING,
    ANNOUNCED,
    APPOSITIVE_ROLE,
    CLOSED_BY_ANAPHOR,
    CORPORATE_TITLES,
    DESCRIBED_ORG,
    DOCUMENT_BY,
    FIRM_ROLE_FIRST,
    GROUP_OF,
    HONORIFIC,
    INVERTED,
    NAME_OF_ORG,
    ORG_APPOSITIVE,
    POSSESSIVE_TITLE,
    PUBLISHED,
    STAFF_AT,
    SUBJECT,
    TITLE,
    TITLE_NAME,
    WHICH_SAYS,
    WHO_CLAUSE,
)
from knowledge.attribution.public_bodies import body_names
from knowledge.attribution.transcript import label_introduces, turn_surname
from knowledge.places import is_place, places_in


def _gender(role: str) -> str | None:
    words = set(re.findall(r"[a-z]+", role.lower()))
    return "f" if words & set(lx.FEMALE_WORDS) else "m" if words & set(lx.MALE_WORDS) else None


def _body_named(role: str, entities: ArticleEntities) -> str | None:
    """The organization "who chairs the board" means: the one named a board in the article; "the county's
    elected assessor" works for the county the article names."""
    noun = re.search(r"\bwho\s+\w+\s+the\s+(\w+)$", role) or re.match(
        r"(?:the\s+)?(county|city|state|town|district)(?:'s|’s)\s", role
    )
    if noun is None:
        return None
    return next(
        (
            e.name
            for e in reversed(entities.entities)
            if e.kind == "organization" and e.name.split()[-1].lower() == noun.group(1).lower()
        ),
        None,
    )


_SPOKESPERSON_NAMED = re.compile(rf"\b(?P<title>spokes(?:man|woman|person)),\s+(?P<name>{NAME}),", re.I)


# A credit rating ("A-minus", "BBB+", "Baa3") is a grade an agency gives, never an organization.
_RATING_GRADE = re.compile(
    r"(?:AAA|AA|A|BBB|BB|B|CCC|Aaa|Aa|Baa|Ba|Caa)(?:[+-]|-?(?:minus|plus)|[1-3])?", re.I
)


def discover_english(sentences: list[str], entities: ArticleEntities) -> None:
    """Add to `entities` everyone the sentences (quotes blanked out) introduce, in text order."""
    # A full name written once ("Nadia Vukovic has spent…") is who a surname subject later names.
    names = [name for text in sentences for m in re.finditer(NAME, text) if (name := clean_name(m.group(0)))]
    _discover(sentences, entities, names)


def _companies(text: str, entities: ArticleEntities) -> None:
    for match in re.finditer(ORG, text):
        org = corporate_head(clean_org(match.group(0)))
        person, of, employer = (org or "").partition(" of ")
        if of and personal(person):
            org = employer  # "Samira Qureshi of Wolfe Research": a person and her firm, not one name
        if (
            org
            and any(w.lower() in CORPORATE_TAILS for w in org.split()[1:])
            and not contains_known(org, entities)
            and not re.search(rf"\b{TITLE}\b", org)
        ):
            add_org(entities, org)


def _full_name(surname: str, names: list[str]) -> str | None:
    """The full name the article wrote once for a surname it goes on to use ("Nadia Vukovic" for "Vukovic")."""
    return next((n for n in names if len(n.split()) > 1 and n.split()[-1] == surname), None)


def _transcript_speaker(text: str, entities: ArticleEntities, names: list[str]) -> None:
    """Add the person a transcript label names: by a surname the article gave in full ("We spoke to Cressida
    Thorne…" then "Thorne: …"), or in full in a bold label with the firm or title after the name."""
    surname = turn_surname(text)
    if surname is not None and entities.find_any(surname) is None:
        full = _full_name(surname, names)
        if full is not None and personal(full):
            add_person(entities, full)
        return
    introduced = label_introduces(text)
    if introduced is None or not personal(introduced[0]) or entities.find_any(introduced[0]) is not None:
        return
    name, after = introduced
    if after is not None and after.lower() in lx.TITLES:
        add_person(
            entities, name, title=after
        )  # "**Hollis Brandt, chief executive:**": the article's company
    else:
        add_person(entities, name, org=register_employer(entities, after) if after else None)


def _discover(sentences: list[str], entities: ArticleEntities, names: list[str]) -> None:
    article = " ".join(sentences)
    before = ""
    read = 0  # how much of the article the sentences before this one span
    for text in sentences:
        start, read = read, read + len(text) + 1
        opener, before = opening_org(before, entities), text
        closing: list[str] = []
        _companies(text, entities)
        _transcript_speaker(text, entities, names)
        for body in body_names(text, entities):  # "the county planning commission" of the county named before
            # no short form: "Velmont" stays the county's
            entities.add(Entity(kind="organization", name=body, forms=[body], role="public body"))
        for match in POSSESSIVE_TITLE.finditer(text):
            name = clean_name(match.group("name"))
            prior = article[:start] + text[: match.start()]
            # ("That chair": of the board or committee just described, the article's own organization's)
            noun = "board" if match.group("that") else match.group("noun")
            org = clean_org(match.group("org")) or owner(entities, noun, article, prior)
            if name:
                add_person(entities, name, title=match.group("title"), org=register_employer(entities, org))
        firms_people(text, entities)
        for match in TITLE_NAME.finditer(text):
            name = clean_name(match.group("name"))
            if (name and match.group("title")[:1].islower()) or (name and match.group("title")[:1].isupper()):
                org = clean_org(match.group("org"))
                title = match.group("title")
                if org and f"{org} {title}".lower() in lx.TITLES:  # "Finance chief Omar Reyes"
                    title, org = f"{org} {title}", None
                # An officer named without a company works for the one the article is about (found once every
                # mention is counted); other corporate titles belong to the company just mentioned.
                if (
                    org is None
                    and opener is not None
                    and text.startswith(match.group(0))
                    and not INVESTMENT_TITLE.search(title)  # a portfolio manager works for the fund, below
                ):
                    # "Kestrel Micro Devices reported a loss. Finance chief Omar Reyes cautioned …": the company
                    # the sentence before opened with, whatever company the article led with
                    org = opener
                if org is None and title.lower() in CORPORATE_TITLES and not is_officer_title(title):
                    org = last_org(entities)
                if org is None and is_officer_title(title) and text[: match.start()].rstrip().endswith(","):
                    closing.append(name)  # "…, chief underwriting officer Annika Roswall said": see below
                add_person(
                    entities,
                    name,
                    title=title,
                    org=register_employer(entities, org) if org != name else None,
                    gender=_gender(match.group("title")),
                )
        for match in re.finditer(rf"(?P<name>{NAME})(?=,\s)", text):
            tail = APPOSITIVE_ROLE.match(text[match.end() :])
            name = clean_name(match.group("name"))
            if tail and name:
                role = tail.group("role")
                org = (
                    clean_org(
                        tail.group("org")
                        or tail.group("org2")
                        or tail.group("org3")
                        or tail.group("org4")
                        or tail.group("porg")
                    )
                    or _body_named(role, entities)
                    or described_employer(entities, role)
                )
                add_person(
                    entities,
                    name,
                    title=tail.group("title") or title_of_clause(role),
                    org=register_employer(entities, org),
                    role=role,
                    gender=_gender(role),
                )
        for match in WHICH_SAYS.finditer(text):
            org = corporate_head(clean_org(match.group("org")))
            if org and not named_person(org, entities) and entities.find_any(org) is None:
                add_org(entities, org)
        for match in _SPOKESPERSON_NAMED.finditer(text):
            # "A company spokeswoman, Maren Holt, said": the company's spokeswoman, by name
            name = clean_name(match.group("name"))
            if name and entities.find_any(name) is None:
                add_person(entities, name, title=match.group("title").lower(), org=last_org(entities))
        for match in WHO_CLAUSE.finditer(text):
            name = clean_name(match.group("name"))
            if name and personal(name) and entities.find_any(name) is None:
                add_person(entities, name)
        for match in NAME_OF_ORG.finditer(text):  # "Samira Qureshi of Wolfe Research pressed Marquardt"
            name = clean_name(match.group("name"))
            org = corporate_head(clean_org(match.group("org")))
            known = entities.find_any(org) if org else None
            corporate = org is not None and org.split()[-1].lower() in ORG_TAILS
            # "Marcus Oyelaran of Dunmore Hale, one of the more bullish analysts": a given name makes the first a
            # person, and what they are "of" is their employer unless it is a place
            person_of = bool(org and name and personal(name) and not places_in(org))
            if (
                name
                and org
                and (corporate or person_of or (known is not None and known.kind == "organization"))
            ):
                add_person(entities, name, org=register_employer(entities, org))
        for match in HONORIFIC.finditer(text):
            gender = "m" if match.group("h") == "Mr" else None if match.group("h") == "Dr" else "f"
            name = match.group("name")
            if len(name.split()) == 2 and clean_name(name):
                add_person(entities, name, gender=gender)
        # "the rating agency Ellery Stone", "Marwick Ashby, a pensions consultancy": what it is says it is no
        # person, however much its name looks like one
        for match in DESCRIBED_ORG.finditer(text):
            org = corporate_head(clean_org(match.group("org")))
            if org and not named_person(org, entities):
                add_org(entities, org, role=match.group("role"))
        firms_by_role(text, entities)
        for match in (*ORG_APPOSITIVE.finditer(text), *FIRM_ROLE_FIRST.finditer(text)):
            org = clean_org(match.group("org"))
            if org and not named_person(org, entities):
                add_org(entities, org, role=match.group("role"))
        for pattern in (ACCORDING, GROUP_OF, PUBLISHED, STAFF_AT):
            for match in pattern.finditer(text):
                org = clean_org(match.group("org"))
                # "Wood Mackenzie analysts": what has analysts or estimates is an organization, whatever it looks like
                staff = pattern is STAFF_AT or (
                    pattern is GROUP_OF
                    and re.search(r"\s(?:analysts|strategists|economists|researchers)$", match.group(0))
                )
                if pattern is GROUP_OF and org and org.lower() in lx.GROUP_WORDS:
                    continue  # "Outside estimates of the business", "Credit analysts say": no firm
                # "according to Tallis Listing Monitor, which tracks listings": "which" is said of no person
                thing = re.match(r",\s*which\b", text[match.end() :]) is not None
                if (
                    org
                    and (staff or thing or not is_person_name(org, entities))
                    and entities.find_any(org) is None
                ):
                    add_org(entities, org)
                elif org and pattern is ACCORDING and entities.find_any(org) is None:
                    add_person(entities, org)  # "according to Pennock Lyle": someone cited, whoever they are
                author = entities.find_any(org) if org and pattern is PUBLISHED else None
                if author is not None:
                    author.author = True  # "Kestrel published a report": "the report" is later its
        for match in DOCUMENT_BY.finditer(text):
            # "a report by Halcrow Meridian Advisors", "a letter Halcyra sent to its lenders": "the report" and
            # "the letter" are later theirs
            author = entities.find_any(clean_org(match.group("org") or match.group("sender")) or "")
            if author is not None and author.kind == "organization":
                author.author = True
        for pattern in (SUBJECT, INVERTED, CLOSED_BY_ANAPHOR, ANNOUNCED):
            for match in pattern.finditer(text):
                run = clean_org(match.group("run"))
                if run and re.search(r"['’]s\s", run):
                    run = clean_org(re.split(r"['’]s\s", run)[0])  # "said Kisaragi's HBM prices had risen"
                person, of, _ = (run or "").partition(" of ")
                if of and personal(person):
                    continue  # "Samira Qureshi of Wolfe Research, who covers …, said": found as a person at a firm
                if (
                    not run
                    or _RATING_GRADE.fullmatch(run)  # "…, which rates the loan A-minus, the same as …, said"
                    or is_place(run)  # "Orrinvale's president for Asia Pacific, Colm Baptiste, said"
                    or entities.find_any(run) is not None
                    or run.lower() in lx.GROUP_NOUNS
                    or run.lower() in lx.GROUP_WORDS  # "Outside estimates …", "Credit analysts say"
                    or contains_known(run, entities)
                    or re.search(rf"\b{TITLE}\b", run)
                ):
                    continue
                full = _full_name(run, names) if len(run.split()) == 1 else None
                if pattern is CLOSED_BY_ANAPHOR:
                    head, of, owner_org = run.partition(" of ")
                    if of and re.fullmatch(r"[A-Z][a-z]+s", head):
                        run = owner_org  # "Shares of Harwood Mutual fell": the company, not its shares
                    if len(run.split()) > 1 and not run.isupper() and entities.find_any(run) is None:
                        add_org(entities, run)  # "the company said" tells what the opener is
                elif full is not None:
                    add_person(entities, full)
                elif is_person_name(run, entities):
                    add_person(entities, run)
                elif len(run.split()) == 1 and any(
                    run in e.forms or run == e.name.split()[-1] for e in entities.entities
                ):
                    continue
                elif run.split()[0].lower() not in lx.NOT_NAME_WORDS or len(run.split()) > 1:
                    add_org(entities, run)
        subject = opening_org(text, entities, short=True) if closing else None
        for officer in (e for e in entities.entities if subject and e.kind == "person" and e.name in closing):
            # the officer a closing frame names works for the organization the sentence opens with
            if officer.org is None:
                officer.org = register_employer(entities, subject)
