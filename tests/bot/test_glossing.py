"""Glosses written by a model at ingest (loopback fake of an OpenAI server): kept when checked, refused otherwise."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.compose import make_citation
from bot.glossing import GLOSS_PROMPT, ModelGlosser
from bot.settings import Settings
from knowledge.base import KnowledgeBase
from knowledge.embedding import UseEmbedder
from knowledge.ingest import IndexTarget, ingest
from knowledge.library import open_corpus
from tests.bot.fake_openai import FakeOpenAI, user_payload
from tests.knowledge.library_helpers import CHINESE, fresh_data_dir


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    fake = FakeOpenAI().start()
    yield fake
    fake.stop()


@pytest.fixture
def fresh(tmp_path: Path, kb: KnowledgeBase, data_dir: Path) -> Path:
    return fresh_data_dir(data_dir, tmp_path / "data")


def _translate(request: dict[str, Any]) -> dict[str, Any]:
    """A model that glosses well, except that it invents a number in one passage and a person in another."""
    assert request["messages"][0]["content"] == GLOSS_PROMPT
    glosses = []
    for passage in user_payload(request)["passages"]:
        text = passage["text"]
        if "120亿美元" in text:
            gloss = (
                "Xinghai Cloud said its capital spending next year will reach $12 billion, about 40% more."
            )
        elif "自由现金流" in text:
            gloss = (
                "The CFO admitted free cash flow turned negative, a $9 billion hole."  # 9 billion: invented
            )
        elif "3倍" in text:
            gloss = (
                "Tim Cook said contracts are three times current capacity."  # a name the passage never gives
            )
        else:
            gloss = "(An English rendering of this sentence of the article.)"
        glosses.append({"id": passage["id"], "gloss": gloss})
    return {"glosses": glosses}


def _glossed_ingest(fresh: Path, server: FakeOpenAI) -> ModelGlosser:
    server.reset()
    server.reply = _translate
    glosser = ModelGlosser.from_settings(
        Settings(data_dir=fresh, llm="openai:fake-model", llm_base_url=server.base_url, llm_timeout=10.0)
    )
    assert glosser is not None
    ingest(str(CHINESE), IndexTarget(data_dir=fresh, embedder=UseEmbedder(), glosser=glosser))
    return glosser


def test_checked_glosses_are_stored_with_the_article_and_shown_to_english_readers(
    fresh: Path, server: FakeOpenAI
) -> None:
    glosser = _glossed_ingest(fresh, server)
    corpus = open_corpus(fresh)
    capex = next(p for p in corpus.passages if "120亿美元" in p.text)
    assert (
        capex.gloss_en
        == "Xinghai Cloud said its capital spending next year will reach $12 billion, about 40% more."
    )
    citation = make_citation(capex, corpus, language="en")
    assert citation.gloss == capex.gloss_en and citation.quote == capex.text  # the quote stays verbatim
    assert (
        make_citation(capex, corpus, language="zh-Hans").gloss is None
    )  # a Chinese reader reads the original
    assert len(server.requests) >= 1 and glosser.rejected


def test_a_gloss_that_invents_a_number_or_a_name_is_refused(fresh: Path, server: FakeOpenAI) -> None:
    glosser = _glossed_ingest(fresh, server)
    corpus = open_corpus(fresh)
    cash = next(p for p in corpus.passages if "自由现金流" in p.text)
    contracts = next(p for p in corpus.passages if "3倍" in p.text)
    assert cash.gloss_en is None and contracts.gloss_en is None
    reasons = dict(glosser.rejected)
    assert "$9 billion" in reasons[cash.id] and "Tim Cook" in reasons[contracts.id]


def test_an_unreachable_model_leaves_the_article_ingested_without_glosses(
    fresh: Path, server: FakeOpenAI
) -> None:
    server.reset()
    server.status = 500
    glosser = ModelGlosser("openai:fake-model", base_url=server.base_url, timeout=5.0)
    result = ingest(str(CHINESE), IndexTarget(data_dir=fresh, embedder=UseEmbedder(), glosser=glosser))
    assert result.passages > 0
    assert all(p.gloss_en is None for p in open_corpus(fresh).passages if p.source_id == result.source.id)


def test_the_glosser_can_be_handed_to_a_child_process() -> None:
    glosser = ModelGlosser("openai:fake-model", base_url="http://127.0.0.1:9/v1", api_key="sk-test")
    copy = pickle.loads(pickle.dumps(glosser))
    assert isinstance(copy, ModelGlosser)
