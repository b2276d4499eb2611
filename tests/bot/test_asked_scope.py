"""Whether a passage's figures cover the scope a question asks."""

from __future__ import annotations

from bot.asked_scope import other_scope
from bot.figure_ranking import with_asked_figure
from knowledge.corpus import Corpus
from knowledge.glossary import Glossary
from knowledge.query import analyze
from knowledge.search import Hit
from knowledge.sources import Source
from knowledge.speakers import SpeakerIndex
from tests.bot.figured import figured

RESULTS = (
    "Social network Ferrowby said on Wednesday that third-quarter revenue rose 19% to $14.6 billion, and raised "
    "its forecast for this year's capital spending to about $37 billion from $32 billion."
)


def test_a_quarter_asked_beside_the_full_year_is_answered_by_the_quarter_s_figure() -> None:
    """'Q3 revenue, and the capex forecast for the full year' asks a quarter too: the passage with the quarter's
    revenue and the year's forecast answers it."""
    question = analyze(
        "how much revenue did ferrowby book in Q3, and where's its capex forecast for the full year now?",
        speakers=SpeakerIndex([]),
        glossary=Glossary({}),
    )
    assert not other_scope(RESULTS, question)
    results = Hit(figured("fw", RESULTS), 1.0)
    depreciation = Hit(
        figured("fw", "Depreciation rose 48% to $3.4 billion, the company said in its quarterly report.", 3),
        0.9,
    )
    source = Source(
        id="fw", file="fw.md", title="Ferrowby results", publisher="Wire", language="en", text="…"
    )
    corpus = Corpus(
        sources=[source], speakers=SpeakerIndex([]), passages=[results.passage, depreciation.passage]
    )
    assert with_asked_figure(question, [results, depreciation], [], corpus)[:1] == [results]


def test_the_whole_year_asked_alone_is_not_answered_by_a_quarter() -> None:
    question = analyze(
        "how much will ferrowby spend over the full year?", speakers=SpeakerIndex([]), glossary=Glossary({})
    )
    assert other_scope("Ferrowby spent $9.8 billion in the third quarter.", question)
