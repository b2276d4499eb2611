"""Which organization '…, the company said' closing a sentence means: the one the sentence introduces."""

from __future__ import annotations

from knowledge.attribution import attribute_source
from knowledge.speakers import SpeakerIndex


def speakers_of(paragraphs: list[list[str]], language: str) -> list[str | None]:
    """The speaker name of every sentence, read with no speaker known in advance."""
    result = attribute_source(paragraphs, language, SpeakerIndex([]))
    return [s.name if s else None for row in result.speakers for s in row]


def test_the_company_said_is_the_company_a_sentence_introduces_not_an_investor_or_a_regulator_it_names() -> (
    None
):
    """'…, the company said' is the organization the sentence is about, not one 'led by' or 'filed with'."""
    text = [
        [
            "Former staff at Lomberline, the developer of a contract-review chatbot, have sold $400 million of "
            "shares to investors led by Dunmarsh Capital at a valuation of $9 billion, the company said."
        ]
    ]
    assert speakers_of(text, "en") == ["Lomberline"]
    text = [
        ["Harrowgate Power wants to raise bills for large users."],
        [
            "The request, filed with the state Utilities Commission, would lift base rates by 11% next year, "
            "the company said."
        ],
    ]
    assert speakers_of(text, "en") == [None, "Harrowgate Power"]
