"""Firms named by the role they play for a company, and people named by their firm."""

from __future__ import annotations

from knowledge.attribution.entities import ArticleEntities, Entity
from knowledge.attribution.firms_en import firms_by_role, firms_people


def test_a_person_named_by_a_firm_s_possessive_works_there() -> None:
    entities = ArticleEntities()
    firms_people("Halworth Securities' Desmond Pryor asked on the call about credits.", entities)
    pryor = entities.find("Desmond Pryor")
    assert pryor is not None and pryor.kind == "person" and pryor.org == "Halworth Securities"
    # a company's product or stake is no person
    firms_people("Calderwick would buy Quintavel's Velmoran stake for $530 million.", entities)
    assert entities.find("Quintavel's Velmoran") is None


def test_a_company_s_auditor_read_as_a_person_is_a_firm() -> None:
    entities = ArticleEntities()
    entities.add(Entity(kind="person", name="Mallory Penhale", forms=["Mallory Penhale"], title="auditor"))
    firms_by_role("Its auditor, Mallory Penhale, disagrees.", entities)
    firm = entities.find("Mallory Penhale")
    assert firm is not None and firm.kind == "organization" and firm.role == "auditor"
