"""Which organization a question asks for, and the passages that can say which."""

from __future__ import annotations

from bot.which_organization import asks_which_organization, names_another_organization
from knowledge.corpus import Corpus
from knowledge.passages import Passage
from knowledge.search import Hit
from knowledge.sources import Source
from knowledge.speakers import Speaker, SpeakerIndex


def test_which_firm_asks_an_organization_and_is_told_only_by_one_not_asked_about() -> None:
    assert asks_which_organization("Which firm did the September appraisal?")
    assert asks_which_organization("溯澄这次C轮是哪家机构领投的？")
    assert not asks_which_organization("Who runs the fund?")
    tolver = Speaker(name="Tolver Systems", kind="organization", role="company")
    valuer = Speaker(name="Grisham Valuers", kind="organization", role="appraiser")
    source = Source(id="tolver", file="t.md", title="T", publisher="P", language="en")
    silent = Passage(
        id="tolver:1.1",
        source_id="tolver",
        paragraph=1,
        sentence=1,
        text="An appraisal valued Tolver's fleet.",
    )
    named = Passage(
        id="tolver:2.1",
        source_id="tolver",
        paragraph=2,
        sentence=1,
        text="Grisham Valuers appraised Tolver's fleet.",
    )
    corpus = Corpus(sources=[source], speakers=SpeakerIndex([tolver, valuer]), passages=[silent, named])
    assert not names_another_organization(Hit(silent, 1.0), {"Tolver Systems"}, corpus)
    assert names_another_organization(Hit(named, 1.0), {"Tolver Systems"}, corpus)
