"""Hybrid search quality on the development questions and speaker/figure awareness."""

from __future__ import annotations

import json

from knowledge.base import KnowledgeBase
from tests.conftest import DATA


def _answerable() -> list[dict]:  # type: ignore[type-arg]
    items = [json.loads(line) for line in (DATA / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    return [i for i in items if i.get("answerable", True)]


def _ok(kb: KnowledgeBase, item: dict, k: int) -> bool:  # type: ignore[type-arg]
    passages = [h.passage for h in kb.search(item["q"], k).hits]
    speaker = not item["speakers"] or any(
        p.speaker and any(a.lower() in p.speaker.lower() for a in item["speakers"]) for p in passages
    )
    figure = not item["figures"] or any(
        f.unit == w["unit"] and abs(f.value - w["value"]) <= 0.01 * w["value"]
        for p in passages
        for f in p.figures
        for w in item["figures"]
    )
    return speaker and figure


def test_top3_holds_the_expected_speaker_and_figure(kb: KnowledgeBase) -> None:
    items = _answerable()
    top1 = sum(_ok(kb, i, 1) for i in items) / len(items)
    top3 = sum(_ok(kb, i, 3) for i in items) / len(items)
    print(f"top-1 {top1:.0%}  top-3 {top3:.0%} over {len(items)} answerable dev questions")
    assert top3 >= 0.9


def test_traditional_and_simplified_questions_reach_both_articles(kb: KnowledgeBase) -> None:
    simplified = [h.passage.id for h in kb.search("OpenAI 预计烧掉多少钱", 8).hits]
    traditional = [h.passage.id for h in kb.search("OpenAI 預計燒掉多少錢", 8).hits]
    assert simplified[0] == traditional[0]
    for ranked in (simplified, traditional):
        assert {pid.split(":")[0] for pid in ranked} == {"verge-bigtech-ai-spending", "techreview-ai-bubble"}


def test_a_role_favours_that_speakers_passages(kb: KnowledgeBase) -> None:
    hits = kb.search("What did Meta's finance chief say about the budget?", 3).hits
    assert hits[0].passage.speaker == "Susan Li"


def test_a_unit_favours_passages_with_that_unit(kb: KnowledgeBase) -> None:
    hits = kb.search("How many gigawatts of computing power does OpenAI want?", 3).hits
    assert any(f.unit == "GW" for f in hits[0].passage.figures)


def test_stopping_early_finds_the_hits_of_scoring_every_candidate(kb: KnowledgeBase) -> None:
    questions = [
        json.loads(line)["q"]
        for name in ("dev.jsonl", "heldout.jsonl", "heldout2.jsonl")
        for line in (DATA / name).read_text(encoding="utf-8").splitlines()
    ]
    for question in questions:
        query = kb.analyze(question)
        for k in (1, 3, 16):
            fast = kb.searcher.search(query, k).hits
            every = kb.searcher.search(query, k, exhaustive=True).hits
            assert [(h.passage.id, h.score, h.reasons) for h in fast] == [
                (h.passage.id, h.score, h.reasons) for h in every
            ], question
