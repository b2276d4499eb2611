"""The Chroma index of passage vectors: built aside, switched in whole, rebuilt when content changes."""

from __future__ import annotations

import logging
import re
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import chromadb
from chromadb.api.client import SharedSystemClient
from chromadb.config import Settings as ChromaSettings

from knowledge.corpus import Corpus
from knowledge.embedding import Embedder
from knowledge.errors import IndexUnavailable
from knowledge.passages import Passage

log = logging.getLogger(__name__)
_PREFIX = "bubblebot"


@dataclass
class IndexReport:
    """What ensure() did: whether it built, how many passages and vectors, and how long it took."""

    built: bool
    passages: int
    vectors: int
    seconds: float
    collection: str


def open_client(*, data_dir: Path | None = None, chroma_url: str | None = None) -> Any:
    """An embedded PersistentClient under data_dir, or an HttpClient for a Chroma server."""
    settings = ChromaSettings(anonymized_telemetry=False)
    if chroma_url:
        match = re.match(r"^(https?)://([^/:]+)(?::(\d+))?", chroma_url)
        if not match:
            raise IndexUnavailable(f"BUBBLEBOT_CHROMA_URL {chroma_url!r} is not an http(s) URL")
        scheme, host, port = match.groups()
        try:
            return chromadb.HttpClient(host=host, port=int(port or (443 if scheme == "https" else 8000)),
                                       ssl=scheme == "https", settings=settings)
        except Exception as exc:
            raise IndexUnavailable(f"cannot reach the Chroma server at {chroma_url}: {exc}") from exc
    assert data_dir is not None
    path = data_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    try:
        client = chromadb.PersistentClient(path=str(path), settings=settings)
        client.list_collections()
        return client
    except Exception as exc:  # a corrupt store: set it aside and start a fresh one
        aside = path.with_name(f"chroma.corrupt-{int(time.time())}")
        log.warning("the vector index at %s is unreadable (%s); moved to %s and rebuilding", path, exc, aside)
        shutil.move(str(path), str(aside))
        path.mkdir(parents=True, exist_ok=True)
        # Chroma caches one client system per path; drop the broken one before reopening.
        SharedSystemClient.clear_system_cache()
        return chromadb.PersistentClient(path=str(path), settings=settings)


def _slug(text: str) -> str:
    return re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-")[:40] or "x"


def _records(passage: Passage) -> list[tuple[str, str]]:
    records = [(f"{passage.id}#zh", passage.text)]
    if passage.gloss_en:
        records.append((f"{passage.id}#en", passage.gloss_en))
    return records


class PassageIndex:
    """Dense vectors of every passage (its text and, where curated, its English gloss) in Chroma."""

    def __init__(self, client: Any, embedder: Embedder) -> None:
        self.client = client
        self.embedder = embedder
        self._collection: Any = None

    def collection_name(self, corpus: Corpus) -> str:
        """The collection holding this corpus content embedded by this embedder."""
        return f"{_PREFIX}-{_slug(self.embedder.name)}-{corpus.content_hash()}"

    def ensure(self, corpus: Corpus, *, progress: Callable[[str], None] | None = None) -> IndexReport:
        """Use the finished collection for this content, building it aside first if needed."""
        started = time.perf_counter()
        name = self.collection_name(corpus)
        try:
            existing = {c.name for c in self.client.list_collections()}
            if name in existing:
                collection = self.client.get_collection(name, embedding_function=None)
                if (collection.metadata or {}).get("complete"):
                    self._collection = collection
                    return IndexReport(False, len(corpus.passages), collection.count(),
                                       time.perf_counter() - started, name)
            if progress:
                progress(f"building the search index ({len(corpus.passages)} passages, {self.embedder.name})…")
            self._collection = self._build(corpus, name, existing)
        except IndexUnavailable:
            raise
        except Exception as exc:
            raise IndexUnavailable(f"the vector index is unavailable: {exc}") from exc
        return IndexReport(True, len(corpus.passages), self._collection.count(), time.perf_counter() - started, name)

    def _build(self, corpus: Corpus, name: str, existing: set[str]) -> Any:
        temp = f"{name}-building-{uuid.uuid4().hex[:8]}"
        collection = self.client.create_collection(
            temp, configuration={"hnsw": {"space": "cosine"}}, metadata={"complete": False},
            embedding_function=None,
        )
        records = [(rid, text, p) for p in corpus.passages for rid, text in _records(p)]
        batch = 256
        for start in range(0, len(records), batch):
            chunk = records[start:start + batch]
            collection.add(
                ids=[rid for rid, _, _ in chunk],
                embeddings=self.embedder.embed([text for _, text, _ in chunk]),
                documents=[text for _, text, _ in chunk],
                metadatas=[_metadata(p) for _, _, p in chunk],
            )
        if name in existing:
            self.client.delete_collection(name)
        # The finished collection takes the real name only now, so a crash never leaves half an index in use.
        collection.modify(name=name, metadata={"complete": True})
        for old in existing:
            if old.startswith(f"{_PREFIX}-{_slug(self.embedder.name)}-") and old != name:
                self.client.delete_collection(old)
        return self.client.get_collection(name, embedding_function=None)

    def query(self, vector: list[float], k: int) -> list[tuple[str, float]]:
        """(passage id, cosine similarity) pairs, best first, one per passage."""
        if self._collection is None:
            raise IndexUnavailable("the vector index has not been opened")
        try:
            result = self._collection.query(query_embeddings=[vector], n_results=k, include=["metadatas", "distances"])
        except Exception as exc:
            raise IndexUnavailable(f"the vector index did not answer: {exc}") from exc
        best: dict[str, float] = {}
        for meta, distance in zip(result["metadatas"][0], result["distances"][0], strict=True):
            pid = str(meta["passage_id"])
            best[pid] = max(best.get(pid, -1.0), 1.0 - float(distance))
        return sorted(best.items(), key=lambda item: -item[1])


def _metadata(passage: Passage) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "passage_id": passage.id, "source_id": passage.source_id,
        "paragraph": passage.paragraph, "sentence": passage.sentence,
        "speaker": passage.speaker or "", "units": ",".join(sorted({f.unit for f in passage.figures})),
    }
    if passage.figures:
        meta["max_value"] = max(f.value for f in passage.figures)
    return meta
