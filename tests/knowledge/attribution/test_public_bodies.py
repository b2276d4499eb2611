"""A county's or city's own bodies, named after the place the article names."""

from __future__ import annotations

from knowledge.attribution import attribute_source
from knowledge.speakers import SpeakerIndex


def test_filings_with_the_county_planning_commission_are_the_commissions_not_the_countys() -> None:
    paragraphs = [
        ["Pasture in Velmont County sold for $12,000 an acre, according to the county assessor's office."],
        [
            "Builders have taken options on 5,000 acres, enough for 2.4 gigawatts of data centres, according to"
            " filings with the county planning commission."
        ],
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    names = [s.name if s else None for row in result.speakers for s in row]
    assert names == ["Velmont County Assessor's Office", "Velmont County Planning Commission"]


def test_a_body_of_a_place_the_article_never_names_is_the_place_anaphor_as_before() -> None:
    paragraphs = [
        ["Harlow Grid said demand rose 9%."],
        ["Approvals slowed in March, according to the county zoning board."],
    ]
    result = attribute_source(paragraphs, "en", SpeakerIndex([]))
    names = [s.name if s else None for row in result.speakers for s in row]
    assert names == ["Harlow Grid", "Harlow Grid"]  # as "according to the county" reads
