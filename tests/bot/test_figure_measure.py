"""What a figure measures, read for the question asked."""

from __future__ import annotations

from bot.figure_measure import measure_in_context, measured_for
from knowledge.corpus import Corpus
from knowledge.figures import find_figures
from knowledge.passages import Passage
from knowledge.query import QueryAnalysis
from knowledge.search import Hit
from knowledge.sources import Source
from knowledge.speakers import SpeakerIndex


def _hit(text: str, sentence: int = 1) -> Hit:
    passage = Passage(
        id=f"a:1.{sentence}",
        source_id="a",
        paragraph=1,
        sentence=sentence,
        text=text,
        figures=find_figures(text),
    )
    return Hit(passage, 1.0)


def _query(text: str, measures: set[str]) -> QueryAnalysis:
    return QueryAnalysis(text=text, language="en", kind="how_much", wants_figure=True, measures=measures)


def test_a_share_question_reads_a_percentage_as_a_share_and_a_price_per_unit_as_a_price() -> None:
    used = _hit("Only about 58% of the lender's GPUs were generating revenue.")
    assert "share" in measured_for(used, used.passage.figures[0], _query("what share is used?", {"share"}))
    priced = _hit("The tenant pays $165 per kilowatt a month.")
    assert "rent" in measured_for(priced, priced.passage.figures[0], _query("what rent per kW?", {"rent"}))


def test_the_question_just_before_an_answer_names_its_measure() -> None:
    asked = _hit("Q: How much revenue did the lab book?", 1)
    answer = _hit("About $40 million, she said.", 2)
    source = Source(id="art", file="art.md", title="T", publisher="P", language="en", text="…")
    corpus = Corpus(sources=[source], speakers=SpeakerIndex([]), passages=[asked.passage, answer.passage])
    assert measure_in_context(answer, _query("how much revenue?", {"revenue"}), corpus)
    assert not measure_in_context(answer, _query("how much debt?", {"debt"}), corpus)


def test_an_amount_for_each_share_is_the_price_asked() -> None:
    notes = _hit("The $425 million of notes will now convert at $18.50 a share, down from $27.00.")
    conversion = notes.passage.figures[1]
    assert "price" in measured_for(notes, conversion, _query("what's the new conversion price?", {"price"}))
