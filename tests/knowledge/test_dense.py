"""DenseSearch: a question asked again reuses its vector (same neighbours, no second embedding)."""

from __future__ import annotations

import pytest

from knowledge.base import KnowledgeBase
from knowledge.embedding import Embedder


class Counting:
    """An embedder that notes every text it embeds, delegating to the real one."""

    def __init__(self, inner: Embedder) -> None:
        self.name = inner.name
        self.inner = inner
        self.texts: list[str] = []

    def embed(self, texts: list[str]) -> list[list[float]]:
        """The real vectors; the texts are noted."""
        self.texts += texts
        return self.inner.embed(texts)


def test_a_question_asked_again_reuses_its_vector(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    dense = kb.searcher.dense
    assert dense is not None and dense._index is not None
    index = dense._index
    counting = Counting(index.embedder)
    monkeypatch.setattr(index, "embedder", counting)
    question = "How much cash will OpenAI burn through by 2029, in dollars?"
    first = dense.query(question, 10)
    again = dense.query(question, 10)
    assert first == again == dict(index.query(counting.inner.embed([question])[0], 10))
    assert counting.texts == [question]
