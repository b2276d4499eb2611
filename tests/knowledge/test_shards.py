"""Shards: a write adds to the last collection only, a search and a reopen see every shard, removals reach all."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import chromadb
import pytest

from knowledge.corpus import Corpus, load_corpus
from knowledge.embedding import UseEmbedder
from knowledge.index import PassageIndex, open_client
from knowledge.passages import Passage
from knowledge.shards import EF_SEARCH, later_shards, recorded_counts


@dataclass
class Slice:
    """Some of the packaged sources as a library at one generation (what PassageIndex indexes)."""

    corpus: Corpus
    ids: list[str]
    generation: int
    library_id: str = "lib-shardtest"

    def fingerprints(self) -> dict[str, str]:
        """Source id → fingerprint, for the sources of the slice."""
        return {s: fp for s, fp in self.corpus.fingerprints().items() if s in self.ids}

    def passages_of(self, source_id: str) -> list[Passage]:
        """The passages of one source."""
        return self.corpus.passages_of(source_id)


@pytest.fixture(scope="module")
def embedder() -> UseEmbedder:
    return UseEmbedder()


def test_a_write_past_the_limit_starts_a_shard_every_search_and_reader_sees(
    tmp_path: Path, embedder: UseEmbedder
) -> None:
    corpus = load_corpus()
    first, second = (s.id for s in corpus.sources[:2])
    client = open_client(data_dir=tmp_path)
    index = PassageIndex(client, embedder, lock_dir=tmp_path / "chroma", shard_records=50)
    one = Slice(corpus, [first], 1)
    built = index.ensure(one)
    assert len(client.list_collections()) == 1
    two = Slice(corpus, [first, second], 2)
    report = index.update(one, two, lambda: None)
    names = sorted(c.name for c in client.list_collections())
    main = index.collection_name(two)
    assert names == [main, f"{main}-s1"]  # the second source went to a new shard, the first one untouched
    counts = recorded_counts(client.get_collection(main))
    assert counts[main] == built.vectors and sum(counts.values()) == report.vectors > built.vectors
    target = corpus.passages_of(second)[0]
    hits = dict(index.query(embedder.embed([target.text])[0], 5))
    assert target.id in hits  # found in the new shard
    reader = PassageIndex(open_client(data_dir=tmp_path), embedder, shard_records=50)
    reopened = reader.ensure(two)
    assert not reopened.built and reopened.vectors == report.vectors
    assert target.id in dict(reader.query(embedder.embed([target.text])[0], 5))
    # A removal deletes the source's records from whichever shard holds them.
    three = Slice(corpus, [first], 3)
    removed = index.update(two, three, lambda: None)
    assert removed.vectors == built.vectors
    assert target.id not in dict(index.query(embedder.embed([target.text])[0], 5))


def test_a_dirty_sharded_collection_is_reconciled_across_shards(
    tmp_path: Path, embedder: UseEmbedder
) -> None:
    corpus = load_corpus()
    first, second = (s.id for s in corpus.sources[:2])
    client = open_client(data_dir=tmp_path)
    index = PassageIndex(client, embedder, lock_dir=tmp_path / "chroma", shard_records=50)
    one, two = Slice(corpus, [first], 1), Slice(corpus, [first, second], 2)
    index.ensure(one)

    def crash() -> None:
        raise RuntimeError("killed before the library's commit")

    with pytest.raises(RuntimeError):
        index.update(
            one, two, crash
        )  # the second source's records are in shard 1, the library never committed
    reader = PassageIndex(open_client(data_dir=tmp_path), embedder, shard_records=50)
    report = reader.ensure(one)
    assert report.built  # dirty: reconciled with the committed library
    target = corpus.passages_of(second)[0]
    assert target.id not in dict(reader.query(embedder.embed([target.text])[0], 5))
    assert report.vectors == sum(recorded_counts(client.get_collection(index.collection_name(one))).values())


def test_a_collection_made_with_chromas_default_search_width_is_widened_once_opened(tmp_path: Path) -> None:
    client = chromadb.PersistentClient(path=str(tmp_path))
    client.get_or_create_collection("bubblebot-old", configuration={"hnsw": {"space": "cosine"}})
    client.get_or_create_collection("bubblebot-old-s1", configuration={"hnsw": {"space": "cosine"}})
    [shard] = later_shards(client, "bubblebot-old")
    reopened = chromadb.PersistentClient(path=str(tmp_path)).get_collection("bubblebot-old-s1")
    for collection in (shard, reopened):
        hnsw = collection.configuration.get("hnsw") or {}
        assert hnsw.get("ef_search") == EF_SEARCH
