"""The library: what an article yields is extracted once, at ingest, and read back at every start."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import knowledge.attribution
import knowledge.discover
from bot.service import AnswerService
from knowledge.base import KnowledgeBase
from knowledge.corpus import packaged_corpus
from knowledge.embedding import UseEmbedder
from knowledge.ingest import IndexTarget, ingest, remove_source
from knowledge.library import Library, open_corpus
from tests.knowledge.library_helpers import CHINESE, ENGLISH, cites, fresh_data_dir


@pytest.fixture(scope="module")
def embedder() -> UseEmbedder:
    return UseEmbedder()


@pytest.fixture
def fresh(tmp_path: Path, kb: KnowledgeBase, data_dir: Path) -> Path:
    return fresh_data_dir(data_dir, tmp_path / "data")


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count how many articles attribution reads (ingest reads a new one twice: to find, then to attribute)."""
    calls: list[int] = []
    real = knowledge.attribution.attribute_source

    def counted(paragraphs: list[list[str]], *args: Any) -> Any:
        calls.append(len(paragraphs))
        return real(paragraphs, *args)

    for module in (knowledge.attribution, knowledge.discover):
        monkeypatch.setattr(module, "attribute_source", counted)
    return calls


def test_start_up_and_later_ingests_never_attribute_earlier_articles_again(
    fresh: Path, embedder: UseEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = IndexTarget(data_dir=fresh, embedder=embedder)
    ingest(str(CHINESE), target)
    packaged_corpus()  # the packaged articles are read once per process, library or not
    calls = _counting(monkeypatch)
    ingest(str(ENGLISH), target)
    assert len(calls) == 2  # the new article only (two passes), not the one ingested before
    calls.clear()
    service = AnswerService(KnowledgeBase.open(data_dir=fresh, progress=None))
    assert calls == []  # start-up reads what ingest stored
    assert cites(
        service.ask("What did Corvane's finance chief say about its debt?"), "Omar Reyes", 6.8e9, "USD"
    )
    assert cites(service.ask("星海云明年的资本开支是多少?"), None, 12e9, "USD")


def test_a_library_without_stored_extractions_is_extracted_once_and_kept(
    fresh: Path, embedder: UseEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = IndexTarget(data_dir=fresh, embedder=embedder)
    for article in (CHINESE, ENGLISH):
        ingest(str(article), target)
    before = {p.id: (p.speaker, p.text) for p in open_corpus(fresh).passages}
    stored = sorted((fresh / "library" / "extracted").iterdir())
    assert len(stored) == 2
    for path in stored:  # as a library written by an earlier version looks
        path.unlink()
    manifest = fresh / "library" / "manifest.json"
    raw = json.loads(manifest.read_text(encoding="utf-8"))
    for entry in raw["sources"]:
        entry.pop("passages"), entry.pop("fingerprint")
    manifest.write_text(json.dumps(raw), encoding="utf-8")
    assert {p.id: (p.speaker, p.text) for p in open_corpus(fresh).passages} == before
    assert sorted((fresh / "library" / "extracted").iterdir()) == stored  # written back
    calls = _counting(monkeypatch)
    open_corpus(fresh)
    assert calls == []


def test_removing_an_article_drops_its_stored_extraction(fresh: Path, embedder: UseEmbedder) -> None:
    target = IndexTarget(data_dir=fresh, embedder=embedder)
    result = ingest(str(ENGLISH), target)
    extracted = fresh / "library" / "extracted" / f"{result.source.id}.json"
    assert extracted.exists()

    remove_source(result.source.id, target)
    assert not extracted.exists()
    assert Library.load(fresh).generation == 2
