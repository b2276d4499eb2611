"""The answer gate: a figure answer whose passage barely fits the question is withheld, and the reader is told why."""

from __future__ import annotations

from bot.answer_gate import gate_features, too_risky, wrong_risk
from bot.compose import compose_abstention
from bot.evidence import Abstention, Evidence
from knowledge.corpus import Corpus
from knowledge.query import QueryAnalysis
from knowledge.search import Hit
from knowledge.sources import Source
from knowledge.speakers import Speaker, SpeakerIndex
from tests.bot.figured import figured

CORVANE = Speaker(name="Corvane", role="chip maker", kind="organization", aliases=("Corvane", "科尔万"))


def _corpus() -> Corpus:
    sources = [
        Source(id="corvane", file="c.md", title="Corvane's chip sales", publisher="P", language="en"),
        Source(id="lintai", file="l.md", title="林泰的数据中心", publisher="Q", language="zh-Hans"),
    ]
    passages = [
        figured(
            "corvane", "Corvane said its revenue rose to $2.4 billion in the third quarter.", 1, "Corvane"
        ),
        figured("corvane", "Its shares rose 4% on the news.", 2),
        figured("lintai", "林泰去年的资本开支约为18亿美元，其中一半用于购买芯片。", 1),
        figured("lintai", "林泰的数据中心上架率约为六成。", 2),
    ]
    return Corpus(sources=sources, speakers=SpeakerIndex([CORVANE]), passages=passages)


def _query() -> QueryAnalysis:
    return QueryAnalysis(
        text="How much revenue did Corvane make in the third quarter?",
        language="en",
        kind="how_much",
        speakers=[CORVANE],
        named=[CORVANE],
        units={"USD"},
        measures={"revenue"},
        wants_figure=True,
        quarters={3},
    )


def test_a_figure_from_an_unrelated_passage_far_down_the_ranking_is_withheld_not_answered() -> None:
    corpus = _corpus()
    on_topic = Hit(
        corpus.by_id["corvane:1.1"],
        4.2,
        dense=0.62,
        coverage=0.8,
        topic_coverage=0.7,
        reasons=["speaker", "unit", "measure", "entity"],
    )
    elsewhere = Hit(corpus.by_id["lintai:1.1"], 1.1, dense=0.31, coverage=0.1, reasons=["unit"])
    hits = [on_topic, elsewhere]
    grounded = Evidence(hits=[on_topic], focus=on_topic.passage.figures[0])
    guessed = Evidence(hits=[elsewhere], focus=elsewhere.passage.figures[0])
    assert not too_risky(_query(), grounded, hits, corpus)
    assert too_risky(_query(), guessed, hits, corpus)
    grounded_risk = wrong_risk(gate_features(_query(), grounded, hits, corpus))
    assert grounded_risk < wrong_risk(gate_features(_query(), guessed, hits, corpus))


def test_a_question_that_asks_no_figure_is_never_withheld_by_the_gate() -> None:
    corpus = _corpus()
    elsewhere = Hit(corpus.by_id["lintai:2.1"], 0.4, dense=0.2, coverage=0.1)
    query = QueryAnalysis(text="Why is Corvane's data centre half empty?", language="en", kind="what")
    top = Hit(corpus.by_id["corvane:2.1"], 3.0, dense=0.5, coverage=0.5)
    assert not too_risky(query, Evidence(hits=[elsewhere]), [top, elsewhere], corpus)


def test_the_reader_is_told_the_answer_is_withheld_and_shown_the_closest_passage_in_their_language() -> None:
    corpus = _corpus()
    closest = corpus.by_id["lintai:1.1"]
    unsure = Abstention("unsure", nearest=(closest, closest.figures[0]))
    english = compose_abstention(unsure, corpus, "en")
    assert english.startswith(
        "I found a passage that may be related, but I'm not sure it answers what you asked"
    )
    assert "林泰去年的资本开支约为18亿美元" in english
    simplified = compose_abstention(unsure, corpus, "zh-Hans")
    assert simplified.startswith("我找到一段可能相关的内容，但不确定") and "《林泰的数据中心》" in simplified
    traditional = compose_abstention(unsure, corpus, "zh-Hant")
    assert traditional.startswith("我找到一段可能相關的內容，但不確定")
