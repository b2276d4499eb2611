"""Whether a passage is set where the question pins its figure."""

from __future__ import annotations

from bot.aboutness import aboutness, names_places
from knowledge.corpus import Corpus
from knowledge.passages import Passage
from knowledge.search import Hit
from knowledge.sources import Source
from knowledge.speakers import SpeakerIndex


def _article(*paragraphs: str) -> Corpus:
    source = Source(
        id="ipo",
        file="ipo.md",
        title="Brokers lend into a listing",
        publisher="Wire",
        language="en",
        text="…",
    )
    passages = [
        Passage(id=f"ipo:{n}.1", source_id="ipo", paragraph=n, sentence=1, text=text, figures=[])
        for n, text in enumerate(paragraphs, start=1)
    ]
    return Corpus(sources=[source], speakers=SpeakerIndex([]), passages=passages)


def test_a_quote_paragraph_is_set_where_the_paragraph_before_it_took_the_reader() -> None:
    corpus = _article(
        "Wrenfield Robotics makes welding arms.",
        "Its shares listed in Hong Kong on Monday.",
        '"The public tranche was oversubscribed 300 times," the sponsor said.',
    )
    quote = Hit(corpus.by_id["ipo:3.1"], 1.0)
    assert names_places(quote, {"hong kong"}, corpus)
    assert not names_places(quote, {"singapore"}, corpus)


def test_a_paragraph_two_away_from_the_place_is_not_set_there() -> None:
    corpus = _article(
        "Wrenfield Robotics makes welding arms.",
        "Its shares listed in Hong Kong on Monday.",
        "The company also sells to carmakers.",
        '"Orders doubled," the sales chief said.',
    )
    assert not names_places(Hit(corpus.by_id["ipo:4.1"], 1.0), {"hong kong"}, corpus)


def test_an_organization_named_only_as_a_parents_holding_is_not_what_the_passage_is_about() -> None:
    from bot.aboutness import asks_kin, named_as_kin

    corpus = _article(
        "Pellbrook Labs' parent, Orrin Group, said its nine-month net profit was $40 million.",
        "Pellbrook Labs said its own revenue doubled.",
    )
    entities: list[tuple[str, ...]] = [("pellbrook labs", "pellbrook")]
    assert named_as_kin(Hit(corpus.by_id["ipo:1.1"], 1.0), entities, corpus)
    assert not named_as_kin(Hit(corpus.by_id["ipo:2.1"], 1.0), entities, corpus)
    assert asks_kin("锐岚科技的母公司前三季度赚了多少？") and not asks_kin("锐岚科技自己前三季度赚了多少？")


def test_the_authority_opening_a_paragraph_is_the_one_the_paragraph_before_named() -> None:
    """'The authority, which manages about $230 billion…' opening a paragraph is about the Corvell Investment
    Authority the paragraph before ended on; a paragraph naming no one before it is not."""
    corpus = _article(
        "The Corvell Investment Authority said its new fund had closed at $9.6 billion.",
        "The authority, which manages about $230 billion, is putting in $4 billion of its own money.",
        "The authority's critics were not consulted.",
    )
    asked: list[tuple[str, ...]] = [("corvell investment authority", "corvell")]
    assert aboutness(Hit(corpus.by_id["ipo:2.1"], 1.0), asked, corpus) == 1.0
    alone = _article("Pension schemes were shown a 12% target.", "The authority manages about $230 billion.")
    assert aboutness(Hit(alone.by_id["ipo:2.1"], 1.0), asked, alone) == 0.0
