"""The library as the console sees it: corpus, embedder, vector index, ingest and removal."""

from __future__ import annotations

import logging
import re
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

import numpy as np

from bot.glossing import ModelGlosser
from bot.settings import Settings
from knowledge.corpus import PACKAGED_CORPUS, Corpus
from knowledge.embedding import Embedder, make_embedder
from knowledge.errors import IndexUnavailable, IngestError
from knowledge.index import PassageIndex
from knowledge.ingest import IndexTarget, IngestResult, ingest, remove_source
from knowledge.library import Library, library_version, open_corpus
from knowledge.passages import Passage
from knowledge.sources import Source, load_sources

log = logging.getLogger(__name__)

MAX_CACHED_VECTORS = 50_000  # question vectors kept between page loads (~100 MB at most)
MAX_UPLOAD_BYTES = 2_000_000  # the CLI's article limit is 200,000 characters; UTF-8 Chinese is 3 bytes each
UPLOAD_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")
URL_TIMEOUT = 15.0
T = TypeVar("T")


@dataclass(frozen=True)
class Nearby:
    """A passage close to a question cluster, with its source and cosine similarity."""

    passage: Passage
    source: Source
    score: float


class Catalog:
    """Caches the corpus per library version; embeds questions (memoized) and finds their closest passages."""

    def __init__(self, settings: Settings, *, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.data_dir = settings.data_dir
        self._embedder = embedder
        self._lock = threading.RLock()
        self._corpus: tuple[int, Corpus] | None = None
        self._index: tuple[int, PassageIndex] | None = None
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._derived: dict[str, tuple[int, Any]] = {}
        self._packaged = frozenset(s.id for s in load_sources(PACKAGED_CORPUS))

    def corpus(self) -> Corpus:
        """Packaged plus ingested articles, rebuilt only after an ingest or removal committed."""
        version = library_version(self.data_dir)
        with self._lock:
            if self._corpus is None or self._corpus[0] != version:
                self._corpus = (version, open_corpus(self.data_dir))
            return self._corpus[1]

    def version(self) -> int:
        """The library's version: it changes with every ingest or removal."""
        return library_version(self.data_dir)

    def derived(self, name: str, build: Callable[[Corpus], T]) -> T:
        """What `build` makes of the corpus (figure charts, stances), rebuilt only when the library changes."""
        version = library_version(self.data_dir)
        with self._lock:
            cached = self._derived.get(name)
            if cached is not None and cached[0] == version:
                return cast(T, cached[1])
        value = build(self.corpus())
        with self._lock:
            self._derived[name] = (version, value)
        return value

    def is_packaged(self, source_id: str) -> bool:
        """Whether the source ships with the package (it cannot be removed)."""
        return source_id in self._packaged

    def added(self) -> dict[str, str]:
        """Ingested source id → when it was added (ISO date and time, UTC)."""
        return {e.source.id: e.added.isoformat() for e in Library.load(self.data_dir).manifest.sources}

    def embedder(self) -> Embedder:
        """The search embedder (loaded on first use: ~2 s for the default model)."""
        with self._lock:
            if self._embedder is None:
                self._embedder = make_embedder(
                    self.settings.embedding,
                    base_url=self.settings.embedding_base_url,
                    cache_dir=self.data_dir,
                )
            return self._embedder

    def embed(self, texts: list[str]) -> np.ndarray:
        """One L2-normalized row per text; texts seen before are not embedded again."""
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            fresh = self.embedder().embed(missing)
            with self._lock:
                for text, vector in zip(missing, fresh, strict=True):
                    self._vectors[text] = np.asarray(vector, dtype=np.float32)
                while len(self._vectors) > MAX_CACHED_VECTORS:
                    self._vectors.popitem(last=False)
        with self._lock:
            found = [self._vectors.get(t) for t in texts]
        rows = [row for row in found if row is not None]
        if len(rows) < len(texts):  # evicted meanwhile by a huge batch: embed them directly
            return np.asarray(self.embedder().embed(texts), dtype=np.float32)
        return np.vstack(rows) if rows else np.zeros((0, 1), dtype=np.float32)

    def _passage_index(self) -> PassageIndex:
        version = library_version(self.data_dir)
        with self._lock:
            if self._index is None or self._index[0] != version:
                index = self._target().open()
                index.ensure(self.corpus(), progress=None)
                self._index = (version, index)
            return self._index[1]

    def nearest(self, vector: np.ndarray, k: int = 3) -> list[Nearby]:
        """The k passages closest to a vector (none when the vector index is unavailable)."""
        try:
            # records are passages and their clauses: ask for more, one result per passage comes back
            pairs = self._passage_index().query([float(x) for x in vector], k * 4)
        except (IndexUnavailable, IngestError) as exc:
            log.warning("closest passages unavailable: %s", exc)
            return []
        corpus = self.corpus()
        found = []
        for pid, score in pairs[:k]:
            passage = corpus.by_id.get(pid)
            if passage is not None:
                found.append(Nearby(passage, corpus.source(passage.source_id), score))
        return found

    def _target(self) -> IndexTarget:
        return IndexTarget(
            data_dir=self.data_dir,
            chroma_url=self.settings.chroma_url,
            embedding=self.settings.embedding,
            embedding_base_url=self.settings.embedding_base_url,
            embedder=self.embedder(),
            glosser=ModelGlosser.from_settings(self.settings),
        )

    def ingest_url(self, url: str) -> IngestResult:
        """Ingest an article from an http(s) URL, with the CLI's checks, limits and allow list."""
        url = url.strip()
        if not re.match(r"^https?://\S+$", url, re.I):
            raise IngestError("give an http:// or https:// URL")
        return ingest(url, self._target(), timeout=URL_TIMEOUT, allow=self.settings.ingest_allow)

    def ingest_upload(self, filename: str, data: bytes) -> IngestResult:
        """Ingest an uploaded Markdown, text or HTML file (kept under its own basename as the origin)."""
        name = Path(filename.replace("\\", "/")).name.strip()
        if not name.lower().endswith(UPLOAD_SUFFIXES):
            raise IngestError(
                f"{name or 'the file'}: upload a Markdown, text or HTML file ({', '.join(UPLOAD_SUFFIXES)})"
            )
        if len(data) > MAX_UPLOAD_BYTES:
            raise IngestError(f"{name}: the file has {len(data):,} bytes; the limit is {MAX_UPLOAD_BYTES:,}")
        with tempfile.TemporaryDirectory(prefix="bubblebot-upload-") as folder:
            path = Path(folder) / name
            path.write_bytes(data)
            return ingest(str(path), self._target())

    def remove(self, source_id: str) -> Source:
        """Remove an ingested source (packaged ones cannot be removed)."""
        return remove_source(source_id, self._target())
