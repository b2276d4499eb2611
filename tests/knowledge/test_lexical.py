"""LexicalIndex: BM25 search through postings, and concept coverage read from the postings."""

from __future__ import annotations

import pytest

from knowledge import lexical
from knowledge.lexical import CONTEXT_DISCOUNT, LexicalIndex, speaker_tokens
from knowledge.speakers import Speaker

DOCS = [
    ("a:1.1", ["openai", "burn", "cash", "2029"]),
    ("a:1.2", ["altman", "say", "bubble"]),
    ("a:1.3", ["nvidia", "invest", "openai"]),
    ("b:1.1", ["bubble", "bubble", "ai"]),
]


def _by_sets(
    index: LexicalIndex, pid: str, concepts: list[tuple[str, ...]], context: tuple[str, ...]
) -> float:
    """Coverage computed the plain way, from each passage's token set."""
    tokens = {p: set(t) for p, t in DOCS}
    total = covered = 0.0
    for alternatives in concepts:
        weight = max(index.idf.get(t, index._unseen_idf) for t in alternatives)
        total += weight
        if any(t in tokens[pid] for t in alternatives):
            covered += weight
        elif any(t in tokens[c] for c in context if c in tokens for t in alternatives):
            covered += CONTEXT_DISCOUNT * weight
    return covered / total if total else 0.0


@pytest.mark.parametrize("pid", [p for p, _ in DOCS])
def test_coverage_is_that_of_the_passages_token_sets(pid: str) -> None:
    index = LexicalIndex(DOCS)
    concepts = [("openai",), ("bubble", "泡沫"), ("burn", "spend"), ("unseenword",)]
    source, _, place = pid.partition(":")
    paragraph, sentence = place.split(".")
    context = tuple(f"{source}:{paragraph}.{int(sentence) + step}" for step in (-1, 1))
    assert index.coverage(pid, concepts, context=context) == _by_sets(index, pid, concepts, context)
    assert index.coverage(pid, []) == 0.0


def test_many_passages_are_covered_as_each_one_alone() -> None:
    index = LexicalIndex(DOCS)
    pids = [p for p, _ in DOCS]
    contexts = [("a:1.2",), ("a:1.1", "a:1.3"), (), ("b:1.0", "a:1.2", "zz:9.9")]
    questions: list[list[tuple[str, ...]]] = [
        [("openai",), ("bubble", "泡沫"), ("say",), ("unseenword",)],
        [("cash",)],
        [],
    ]
    together = index.coverages(pids, contexts, *questions)
    assert together == [
        [_by_sets(index, pid, concepts, context) for pid, context in zip(pids, contexts, strict=True)]
        for concepts in questions
    ]


def test_the_masks_memo_stays_within_its_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexical, "MASK_BYTES", 2 * len(DOCS))
    index = LexicalIndex(DOCS)
    for word in ("openai", "bubble", "cash", "ai"):
        index.coverage("a:1.1", [(word,)])
        assert len(index._masks) <= 2
    assert index.coverage("a:1.3", [("openai",)]) == 1.0


def test_search_ranks_passages_sharing_the_words() -> None:
    hits = LexicalIndex(DOCS).search(["bubble"], 5)
    assert [pid for pid, _ in hits] == ["b:1.1", "a:1.2"]
    assert LexicalIndex(DOCS).search(["unseenword"], 5) == []


def test_the_k_best_are_the_first_k_of_every_match_ties_in_passage_order() -> None:
    docs = [(f"s:{n}.1", ["bubble"] * (1 + n % 3) + ["ai"] * (n % 2)) for n in range(30)]
    index = LexicalIndex(docs)
    every = index.search(["bubble", "ai"], 30)
    assert len(every) == 30
    for k in (1, 4, 5, 10, 11, 29):
        assert index.search(["bubble", "ai"], k) == every[:k]


def test_the_generic_end_of_a_company_name_does_not_match_a_question_about_companies() -> None:
    company = Speaker(
        name="泓鼎科技", kind="organization", role="server maker", aliases=("Hongding Technology",)
    )
    tokens = speaker_tokens(company)
    assert "鼎" in tokens and "科技" not in tokens and "technology" not in tokens
