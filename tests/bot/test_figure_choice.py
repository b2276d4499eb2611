"""Which figure of a passage answers a how-much question."""

from __future__ import annotations

from bot.figure_choice import asked_figures
from knowledge.figures import find_figures
from knowledge.measures import tenors
from knowledge.passages import Passage
from knowledge.query import QueryAnalysis
from knowledge.search import Hit

BONDS = "The longest piece, a 30-year bond, priced to yield 5.85%, and a 10-year tranche came at 5.12%."


def _hit(text: str) -> Hit:
    passage = Passage(
        id="bonds:1.1", source_id="bonds", paragraph=1, sentence=1, text=text, figures=find_figures(text)
    )
    return Hit(passage, 1.0)


def _rate_question(text: str) -> QueryAnalysis:
    return QueryAnalysis(
        text=text, language="en", kind="how_much", wants_figure=True, units={"%"}, tenors=tenors(text)
    )


def test_a_bond_tenor_named_in_the_passage_answers_its_own_question() -> None:
    figures = asked_figures(_hit(BONDS), _rate_question("what did the 30-year bond yield?"))
    assert "5.85%" in [f.text for f in figures]


def test_a_tenor_the_passage_does_not_name_gets_no_figure() -> None:
    assert asked_figures(_hit(BONDS), _rate_question("what yield did the 20-year bonds price at?")) == []


def test_a_change_does_not_answer_how_big_something_is() -> None:
    hit = _hit('Moody\'s cited "execution risk in a capital program that has nearly doubled."')
    question = QueryAnalysis(
        text="how oversubscribed was the bond deal?",
        language="en",
        kind="how_much",
        wants_figure=True,
        units={"x"},
        measures={"orders"},
    )
    assert asked_figures(hit, question) == []


def test_a_total_for_several_quarters_does_not_answer_for_one() -> None:
    hit = _hit("聿达公布前三季合并营收新台币96亿元，年增62%。")
    question = QueryAnalysis(
        text="聿达第三季单季营收多少？",
        language="zh-Hans",
        kind="how_much",
        wants_figure=True,
        units={"TWD"},
        quarters={3},
    )
    assert asked_figures(hit, question) == []
