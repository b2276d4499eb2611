"""The Chroma index: built once, reused, built aside so a crash never leaves half an index in use."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.corpus import load_corpus
from knowledge.embedding import UseEmbedder
from knowledge.errors import IndexUnavailable
from knowledge.index import PassageIndex, open_client


class CrashingEmbedder:
    """The real embedder that fails after a number of calls, like a build killed midway."""

    name = "use-m3"

    def __init__(self, inner: UseEmbedder, fail_after: int) -> None:
        self.inner = inner
        self.calls = 0
        self.fail_after = fail_after

    def embed(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        if self.calls > self.fail_after:
            raise RuntimeError("killed mid-build")
        return self.inner.embed(texts)


@pytest.fixture(scope="module")
def embedder() -> UseEmbedder:
    return UseEmbedder()


def test_built_once_then_reused(tmp_path: Path, embedder: UseEmbedder) -> None:
    corpus = load_corpus()
    index = PassageIndex(open_client(data_dir=tmp_path), embedder)
    first = index.ensure(corpus)
    second = PassageIndex(open_client(data_dir=tmp_path), embedder).ensure(corpus)
    assert first.built and not second.built
    assert first.vectors == second.vectors > len(corpus.passages)
    hits = index.query(embedder.embed(["OpenAI 250 GW compute by 2033"])[0], 5)
    assert hits and all(0 <= score <= 1.0001 for _, score in hits)


def test_interrupted_build_is_never_used(tmp_path: Path, embedder: UseEmbedder) -> None:
    corpus = load_corpus()
    crashing = PassageIndex(open_client(data_dir=tmp_path), CrashingEmbedder(embedder, fail_after=1))
    with pytest.raises(IndexUnavailable):
        crashing.ensure(corpus)
    client = open_client(data_dir=tmp_path)
    assert crashing.collection_name(corpus) not in {c.name for c in client.list_collections()}
    report = PassageIndex(client, embedder).ensure(corpus)
    assert report.built and report.vectors > len(corpus.passages)


def test_a_corrupt_index_is_set_aside_and_rebuilt(tmp_path: Path, embedder: UseEmbedder) -> None:
    store = tmp_path / "chroma"
    store.mkdir()
    (store / "chroma.sqlite3").write_bytes(b"this is not a database")
    report = PassageIndex(open_client(data_dir=tmp_path), embedder).ensure(load_corpus())
    assert report.built
    assert any(p.name.startswith("chroma.corrupt-") for p in tmp_path.iterdir())


def test_the_embedding_cache_gives_identical_vectors(tmp_path: Path, embedder: UseEmbedder) -> None:
    texts = ["OpenAI aims to build 250 GW by 2033", "阿尔特曼曾告诉员工", "泡沫"]
    first = UseEmbedder(cache_dir=tmp_path)  # writes the cache
    second = UseEmbedder(cache_dir=tmp_path)  # reads it
    assert any(p.name.startswith("use-m3-") for p in tmp_path.iterdir())
    for cached in (first, second):
        assert cached.embed(texts) == embedder.embed(texts)


@pytest.mark.parametrize("broken", [b"not json", b'{"pieces": [1, 2], "scores": [], "prefixes": {}}', b"[]"])
def test_a_broken_embedding_cache_is_rebuilt(tmp_path: Path, embedder: UseEmbedder, broken: bytes) -> None:
    UseEmbedder(cache_dir=tmp_path)
    [root] = [p for p in tmp_path.iterdir() if p.name.startswith("use-m3-")]
    (root / "tokenizer.json").write_bytes(broken)
    assert UseEmbedder(cache_dir=tmp_path).embed(["泡沫"]) == embedder.embed(["泡沫"])
    assert (root / "tokenizer.json").read_bytes() != broken
    assert UseEmbedder(cache_dir=tmp_path).embed(["泡沫"]) == embedder.embed(["泡沫"])
