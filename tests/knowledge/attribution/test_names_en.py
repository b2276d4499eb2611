"""English names of organizations and the short forms they go by later."""

from __future__ import annotations

from knowledge.attribution.entities import ArticleEntities
from knowledge.attribution.lexicon_en import surname_of
from knowledge.attribution.names_en import add_org, clean_org


def test_a_name_with_of_has_no_first_word_short_form() -> None:
    entities = ArticleEntities()
    add_org(entities, "Office of Strategic Technology Licensing")
    assert entities.find_any("Office") is None


def test_a_company_is_known_by_its_first_word() -> None:
    entities = ArticleEntities()
    company = add_org(entities, "Harrowgate Cloud")
    assert company is not None and entities.find_any("Harrowgate") is company


def test_the_clients_of_a_bank_name_the_bank_not_an_organization_of_clients() -> None:
    entities = ArticleEntities()
    bank = add_org(entities, "Clients of Orsay Bank", role="Hong Kong lender")
    assert bank is not None and bank.name == "Orsay Bank"
    office = add_org(entities, "Office of Grid Reliability")
    assert office is not None and office.name == "Office of Grid Reliability"


def test_a_hyphened_given_name_follows_the_surname_and_a_double_barrelled_surname_does_not() -> None:
    assert surname_of("Seo Da-hye") == "Seo"
    assert surname_of("Lin Wei-ting") == "Lin"
    assert surname_of("Harriet Oakes-Pryor") == "Oakes-Pryor"


def test_a_company_whose_shares_open_the_sentence_is_named_without_them() -> None:
    """ "Shares of Lockmere Venture Trust, a listed fund, closed at $45.60" names the trust."""
    assert clean_org("Shares of Lockmere Venture Trust") == "Lockmere Venture Trust"
    assert clean_org("Bank of Tarrow") == "Bank of Tarrow"
