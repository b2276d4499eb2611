"""Firms an English article introduces by the role they play for a company, and the people it names by firm."""

from __future__ import annotations

from knowledge.attribution.employers_en import register_employer
from knowledge.attribution.entities import ArticleEntities
from knowledge.attribution.names_en import add_person, clean_name, clean_org
from knowledge.attribution.org_tails_en import CORPORATE_TAILS
from knowledge.attribution.patterns_en import FIRM_ROLE_FIRST, FIRMS_PERSON


def firms_people(text: str, entities: ArticleEntities) -> None:
    """People named by their firm alone ("Halworth Securities' Desmond Pryor asked …")."""
    for match in FIRMS_PERSON.finditer(text):
        name, org = clean_name(match.group("name")), clean_org(match.group("org"))
        if name and org and org.split()[-1].lower() in CORPORATE_TAILS and entities.find(name) is None:
            add_person(entities, name, title=None, org=register_employer(entities, org))


def firms_by_role(text: str, entities: ArticleEntities) -> None:
    """A company's auditor, lender or lessor named after its role ("Its auditor, Brandling Orsett, disagrees"):
    read as a person by the title before it, it is a firm."""
    for match in FIRM_ROLE_FIRST.finditer(text):
        firm = entities.find(match.group("org"))
        if firm is not None and firm.kind == "person" and firm.known is None:
            firm.kind, firm.title, firm.org, firm.gender = "organization", None, None, None
            firm.role = match.group("role")
