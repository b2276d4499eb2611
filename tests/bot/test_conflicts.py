"""Disagreement between sources: the same thing counted, not any two figures in one unit."""

from __future__ import annotations

import datetime as dt

from bot.conflicts import add_conflicts
from bot.evidence import Evidence
from knowledge.corpus import Corpus
from knowledge.figures import find_figures
from knowledge.passages import Passage
from knowledge.query import QueryAnalysis
from knowledge.search import Hit
from knowledge.sources import Source
from knowledge.speakers import SpeakerIndex


def _hits(*texts: str) -> tuple[Corpus, list[Hit]]:
    """One passage per text, each from its own article, as equally good hits."""
    sources = [
        Source(id=f"s{n}", file=f"s{n}.md", title="灝芯", publisher=f"P{n}", language="zh-Hant")
        for n in range(len(texts))
    ]
    passages = [
        Passage(id=f"s{n}:1.1", source_id=f"s{n}", paragraph=1, sentence=1, text=t, figures=find_figures(t))
        for n, t in enumerate(texts)
    ]
    corpus = Corpus(sources=sources, speakers=SpeakerIndex([]), passages=passages)
    return corpus, [Hit(p, 2.0, coverage=0.5, dense=0.5) for p in passages]


def test_shares_of_different_things_are_no_disagreement() -> None:
    corpus, hits = _hits(
        "灝芯在手訂單約人民幣6.8億元，其中約4成訂單來自朔川。",
        "灝芯招股書顯示，基石投資者認購約2.6億美元，佔發售股份的約43%。",
    )
    query = QueryAnalysis(
        text="灝芯的訂單朔川佔幾成？", language="zh-Hant", kind="how_much", wants_figure=True, units={"%"}
    )
    query.measures = {"share", "orders"}
    evidence = Evidence(hits=[hits[0]], focus=hits[0].passage.figures[1])
    add_conflicts(evidence, query, hits, [("灝芯",)], corpus)
    assert not evidence.conflict and not evidence.alternative and len(evidence.hits) == 1


def test_the_same_share_of_the_same_thing_in_two_sources_is_shown_side_by_side() -> None:
    corpus, hits = _hits("灝芯約4成訂單來自朔川。", "據分析師估算，灝芯約45%訂單來自朔川。")
    query = QueryAnalysis(
        text="灝芯的訂單朔川佔幾成？", language="zh-Hant", kind="how_much", wants_figure=True, units={"%"}
    )
    query.measures = {"share", "orders"}
    evidence = Evidence(hits=[hits[0]], focus=hits[0].passage.figures[0])
    add_conflicts(evidence, query, hits, [("灝芯",)], corpus)
    assert len(evidence.hits) == 2 and [f.value for _, f in evidence.rivals] == [40.0, 45.0]


def _one_article(*said: tuple[str, str]) -> tuple[Corpus, list[Hit]]:
    """Passages of one English article, each said by its speaker."""
    source = Source(
        id="quillory",
        file="quillory.md",
        title="Quillory",
        publisher="Ledger",
        language="en",
        published=dt.date(2026, 11, 11),
    )
    passages = [
        Passage(
            id=f"quillory:{n}.1",
            source_id="quillory",
            paragraph=n,
            sentence=1,
            text=text,
            figures=find_figures(text),
            speaker=speaker,
        )
        for n, (speaker, text) in enumerate(said, start=1)
    ]
    corpus = Corpus(sources=[source], speakers=SpeakerIndex([]), passages=passages)
    return corpus, [Hit(p, 2.0, coverage=0.5, dense=0.5) for p in passages]


def test_two_sources_one_article_sets_against_each_other_disagree() -> None:
    corpus, hits = _one_article(
        ("Quillory", "Quillory told investors its ad revenue run rate reached $480 million in October."),
        (
            "Tallyframe",
            "According to Tallyframe, Quillory's ad run rate in October was closer to $290 million.",
        ),
        ("Quillory", "Quillory said its ad revenue run rate was $120 million in January."),
    )
    query = QueryAnalysis(
        text="What was Quillory's ad revenue run rate in October? I've seen two very different numbers",
        language="en",
        kind="how_much",
        wants_figure=True,
        units={"USD"},
    )
    query.measures = {"revenue"}
    evidence = Evidence(hits=[hits[0]], focus=hits[0].passage.figures[0])
    add_conflicts(evidence, query, hits, [("Quillory",)], corpus)
    assert [f.text for _, f in evidence.rivals] == ["$480 million", "$290 million"]


def test_the_same_articles_forecast_is_no_rival_for_what_it_is_now() -> None:
    corpus, hits = _one_article(
        ("Kinwell", "Kinwell said its AI server leases grew 52% to $2.1 billion."),
        (
            "unnamed: market watchers",
            "Market watchers expect the AI server leases to pass $3 billion next year.",
        ),
    )
    query = QueryAnalysis(
        text="How big are Kinwell's AI server leases now?", language="en", kind="how_much", wants_figure=True
    )
    query.units, query.measures = {"USD"}, {"rent"}
    evidence = Evidence(hits=[hits[0]], focus=hits[0].passage.figures[1])
    add_conflicts(evidence, query, hits, [("Kinwell",)], corpus)
    assert not evidence.conflict and not evidence.alternative and len(evidence.hits) == 1


def test_a_quarters_figure_written_per_quarter_disputes_one_written_plainly() -> None:
    corpus, hits = _one_article(
        ("灵犀观数", "据灵犀观数测算，三季度帧动的广告投放金额接近9.5亿元。"),
        ("周曼宁", "周曼宁表示，三季度公司在各渠道的广告投放为6.2亿元。"),
    )
    query = QueryAnalysis(
        text="帧动三季度在广告投放上到底花了多少钱？", language="zh-Hans", kind="how_much", wants_figure=True
    )
    query.units, query.measures, query.period = {"CNY"}, {"spending"}, "quarter"
    hits[1].passage.figures[0].per = "quarter"
    evidence = Evidence(hits=[hits[0]], focus=hits[0].passage.figures[0])
    add_conflicts(evidence, query, hits, [("帧动",)], corpus)
    assert [f.value for _, f in evidence.rivals] == [950_000_000, 620_000_000]


def test_a_second_source_the_article_says_disputes_the_figure_is_shown_unasked() -> None:
    corpus, hits = _one_article(
        ("Quillory", "AI companies signed 42% of the new space Quillory leased in the third quarter."),
        ("Tallyframe", "By its tally, AI companies took closer to 27% of Quillory's third-quarter leasing."),
        ("Tallyframe", "Tallyframe owns about 21% of the company, according to a filing."),
    )
    query = QueryAnalysis(
        text="What share of Quillory's new Q3 leasing was signed by AI companies?",
        language="en",
        kind="how_much",
        wants_figure=True,
        units={"%"},
        period="quarter",
    )
    query.measures = {"share", "rent"}
    evidence = Evidence(hits=[hits[0]], focus=hits[0].passage.figures[0])
    add_conflicts(evidence, query, hits, [("Quillory",)], corpus)
    assert [f.text for _, f in evidence.rivals] == ["42%", "27%"]
