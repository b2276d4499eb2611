"""The Chroma index of passage vectors: one live collection per library, changed one source at a time.

An ingest adds only its article's records and a removal deletes only its article's; nothing is copied or
rebuilt. The collection's metadata says which library generation it holds and whether it is clean: a writer
marks it dirty, changes it, commits the library, then marks it clean with the new generation, so a crash at
any point leaves a dirty collection that the next writer or reader reconciles, source by source, with the
committed library (records carry their source's fingerprint).
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from knowledge.chroma import close_server_clients, lock_dir, open_client
from knowledge.embedding import Embedder
from knowledge.errors import IndexUnavailable
from knowledge.passages import Passage
from knowledge.records import CLAUSE_WEIGHT, INDEX_VERSION, index_records
from knowledge.shards import (
    COUNTS_KEY,
    HNSW,
    SHARD_RECORDS,
    counts_of,
    encode_counts,
    held,
    later_shards,
    nearest,
    recorded_counts,
    tune_search,
    write,
)
from knowledge.vectors import VectorCache

__all__ = ["IndexReport", "PassageIndex", "close_server_clients", "index_records", "lock_dir", "open_client"]
log = logging.getLogger(__name__)
_PREFIX = "bubblebot"
# Collections of earlier versions, named by a hash of the whole corpus (and their unfinished builds).
_LEGACY = re.compile(r"-[0-9a-f]{16}(?:-building-[0-9a-f]{8})?$")


@dataclass
class IndexReport:
    """What ensure() or update() did: whether it wrote, how many passages and vectors, and how long it took."""

    built: bool
    passages: int
    vectors: int
    seconds: float
    collection: str
    embedded: int = 0


class IndexedLibrary(Protocol):
    """What the index must hold: a library's identity and generation, and each source's passages."""

    @property
    def library_id(self) -> str:
        """The library's identity (names its collection)."""
        ...

    @property
    def generation(self) -> int:
        """How many commits the library has had."""
        ...

    def fingerprints(self) -> dict[str, str]:
        """Source id → fingerprint of its records, for every source."""
        ...

    def passages_of(self, source_id: str) -> list[Passage]:
        """The passages of one source."""
        ...


def _slug(text: str) -> str:
    return re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-")[:40] or "x"


class PassageIndex:
    """Dense vectors of every passage (its text and, where curated, its English gloss) in Chroma.

    With lock_dir (the embedded store's directory), writers of one collection take turns through a lock file.
    """

    def __init__(
        self,
        client: Any,
        embedder: Embedder,
        cache: VectorCache | None = None,
        lock_dir: Path | None = None,
        library_lock: Callable[[], contextlib.AbstractContextManager[None]] | None = None,
        shard_records: int = SHARD_RECORDS,
    ) -> None:
        self.client = client
        self.embedder = embedder
        self.cache = cache
        self.lock_dir = lock_dir
        # A shared library's lock (server mode): a reader reconciles only while no ingest is changing the index.
        self.library_lock = library_lock
        self._collection: Any = None
        self.shard_records = shard_records
        self._shards: list[Any] = []  # the collection and its later shards (knowledge/shards.py)
        self._embedded = 0

    @property
    def _ours(self) -> str:
        """The name prefix of this embedder's collections."""
        return f"{_PREFIX}-{_slug(self.embedder.name)}-"

    def collection_name(self, library: IndexedLibrary) -> str:
        """The live collection of this library embedded by this embedder."""
        return f"{self._ours}{library.library_id}"

    def ensure(
        self,
        library: IndexedLibrary,
        *,
        progress: Callable[[str], None] | None = None,
        fresh: Callable[[], IndexedLibrary] | None = None,
    ) -> IndexReport:
        """Use the live collection, first bringing it up to this library if it is behind, dirty or missing.

        A collection already at a later generation (another process ingested since this library was read) is
        used as it is. `fresh` re-reads the library once the lock is held, so a reconciliation never undoes a
        commit made meanwhile.
        """
        started = time.perf_counter()
        self._embedded = 0
        name = self.collection_name(library)
        try:
            collection = self._existing(name)
            built = False
            if collection is None or not self._serves(collection, library):
                for _ in range(3):  # the first commit of a library gives it a new collection: lock that one
                    with (
                        self._lock(name),
                        self.library_lock() if self.library_lock else contextlib.nullcontext(),
                    ):
                        library = fresh() if fresh is not None else library
                        if self.collection_name(library) != name:
                            name = self.collection_name(library)
                            continue
                        collection = self._open(name)
                        if not self._serves(collection, library):
                            if progress:
                                progress(f"updating the search index ({self.embedder.name})…")
                            self._mark(collection, library, clean=False)
                            shards = self._reconcile(name, collection, library)
                            self._mark(collection, library, clean=True, counts=counts_of(shards, {}, set()))
                            built = True
                            self._drop_legacy()
                        break
                if collection is None:
                    raise IndexUnavailable("the library kept changing while its index was opened")
            self._collection = collection
            self._shards = [collection, *later_shards(self.client, name)]
            return IndexReport(
                built,
                _count(library),
                sum(shard.count() for shard in self._shards),
                time.perf_counter() - started,
                name,
                self._embedded,
            )
        except IndexUnavailable:
            raise
        except Exception as exc:
            raise IndexUnavailable(f"the vector index is unavailable: {exc}") from exc

    def update(
        self,
        before: IndexedLibrary,
        after: IndexedLibrary,
        commit: Callable[[], None],
        *,
        progress: Callable[[str], None] | None = None,
    ) -> IndexReport:
        """Change the collection from `before` to `after` source by source, calling `commit` in between.

        New sources are embedded before the collection is touched (an embedder failure changes nothing);
        then the collection is marked dirty, changed, `commit` makes the library change durable, and the
        collection is marked clean at the new generation.
        """
        started = time.perf_counter()
        self._embedded = 0
        name = self.collection_name(after)
        with self._lock(name):
            try:
                collection = self._open(name)
                shards = [collection, *later_shards(self.client, name)]
                wanted, had = after.fingerprints(), before.fingerprints()
                known: dict[str, int] = {}
                written: set[str] = set()
                if self._serves(collection, before, exactly=True) and name == self.collection_name(before):
                    gone = [s for s, fp in had.items() if wanted.get(s) != fp]
                    new = [s for s, fp in wanted.items() if had.get(s) != fp]
                    prepared = self._prepare(after, new, progress)
                    # Recorded counts hold while nothing is deleted (a deletion recounts every shard).
                    known = {} if gone else recorded_counts(collection)
                    self._mark(collection, after, clean=False)
                    for source_id in gone:
                        for shard in shards:
                            shard.delete(where={"source_id": source_id})
                    shards, written = write(self._open, name, shards, known, prepared, self.shard_records)
                else:
                    self._mark(collection, after, clean=False)
                    shards = self._reconcile(name, collection, after, progress)
            except IndexUnavailable:
                raise
            except Exception as exc:
                raise IndexUnavailable(f"the vector index is unavailable: {exc}") from exc
            commit()
            try:
                counts = counts_of(shards, known, written)
                self._mark(collection, after, clean=True, counts=counts)
                self._drop_legacy()
                vectors = sum(counts.values())
            except Exception as exc:  # committed: the next open finds the collection dirty and reconciles it
                log.warning(
                    "the library changed but the vector index could not be marked up to date: %s", exc
                )
                vectors = 0
        self._collection = collection
        self._shards = shards
        return IndexReport(True, _count(after), vectors, time.perf_counter() - started, name, self._embedded)

    def _existing(self, name: str) -> Any:
        """The collection called name, or None."""
        try:
            collection = self.client.get_collection(name, embedding_function=None)
        except Exception:
            return None
        return tune_search(collection)

    def _open(self, name: str) -> Any:
        return tune_search(
            self.client.get_or_create_collection(
                name, configuration={"hnsw": dict(HNSW)}, embedding_function=None
            )
        )

    @staticmethod
    def _serves(collection: Any, library: IndexedLibrary, *, exactly: bool = False) -> bool:
        """Whether a collection is clean and holds this library's generation (or, unless exactly, a later one)."""
        meta = collection.metadata or {}
        if not meta.get("clean") or meta.get("version") != INDEX_VERSION:
            return False
        generation = int(meta.get("generation", -1))
        return generation == library.generation if exactly else generation >= library.generation

    @staticmethod
    def _mark(
        collection: Any, library: IndexedLibrary, *, clean: bool, counts: dict[str, int] | None = None
    ) -> None:
        """Record the generation the collection holds, whether it is clean, and (when clean) its shards' sizes."""
        metadata: dict[str, Any] = {
            "clean": clean,
            "generation": library.generation,
            "version": INDEX_VERSION,
            "library": library.library_id,
            "changed": time.time(),
        }
        if counts is not None:
            metadata[COUNTS_KEY] = encode_counts(counts)
        collection.modify(metadata=metadata)

    def _reconcile(
        self,
        name: str,
        collection: Any,
        library: IndexedLibrary,
        progress: Callable[[str], None] | None = None,
    ) -> list[Any]:
        """Delete the records of sources the library lacks (or holds changed), add those it holds: the shards."""
        shards = [collection, *later_shards(self.client, name)]
        wanted, found = library.fingerprints(), held(shards)
        for source_id, fp in found.items():
            if wanted.get(source_id) != fp:
                for shard in shards:
                    shard.delete(where={"source_id": source_id})
        new = [s for s, fp in wanted.items() if found.get(s) != fp]
        shards, _ = write(
            self._open, name, shards, {}, self._prepare(library, new, progress), self.shard_records
        )
        return shards

    def _prepare(
        self, library: IndexedLibrary, source_ids: list[str], progress: Callable[[str], None] | None
    ) -> list[tuple[str, list[float], dict[str, Any]]]:
        """The records of these sources with their vectors (cached or embedded now)."""
        wanted = library.fingerprints()
        records: list[tuple[str, str, dict[str, Any]]] = []
        for source_id in source_ids:
            for passage in library.passages_of(source_id):
                texts, meta = index_records(passage)
                for n, (rid, text) in enumerate(texts):
                    kind = "zh" if n == 0 else ("en" if rid.endswith("#en") else "c")
                    records.append((rid, text, {**meta, "fp": wanted[source_id], "record": kind}))
        if progress and len(records) > 500:
            progress(f"embedding up to {len(records)} texts ({self.embedder.name})…")
        vectors = self._vectors([text for _, text, _ in records])
        return [(rid, vector, meta) for (rid, _, meta), vector in zip(records, vectors, strict=True)]

    def _drop_legacy(self) -> None:
        """Delete this embedder's collections named by a corpus hash (earlier versions); failures are logged."""
        try:
            names = [c.name for c in self.client.list_collections()]
        except Exception as exc:
            log.warning("could not list collections: %s", exc)
            return
        for name in names:
            if name.startswith(self._ours) and _LEGACY.search(name):
                try:
                    self.client.delete_collection(name)
                except Exception as exc:
                    log.warning("could not delete the old collection %s: %s", name, exc)

    @contextlib.contextmanager
    def _lock(self, name: str) -> Iterator[None]:
        """Hold the write lock of one collection (nothing to hold without a lock directory)."""
        if self.lock_dir is None:
            yield
            return
        with _lock_file(self.lock_dir, name) as handle:
            if handle is not None:
                fcntl.flock(handle, fcntl.LOCK_EX)
            yield

    def _vectors(self, texts: list[str]) -> list[list[float]]:
        """Vectors for texts: from the cache, else embedded now (and cached)."""
        unique = list(dict.fromkeys(texts))
        known = self.cache.get_many(self.embedder.name, unique) if self.cache else {}
        fresh = [t for t in unique if t not in known]
        for start in range(0, len(fresh), 64):
            chunk = fresh[start : start + 64]
            vectors = dict(zip(chunk, self.embedder.embed(chunk), strict=True))
            self._embedded += len(chunk)
            if self.cache:
                self.cache.put_many(self.embedder.name, vectors)
            known.update(vectors)
        return [known[t] for t in texts]

    def query(self, vector: Sequence[float] | np.ndarray, k: int) -> list[tuple[str, float]]:
        """(passage id, cosine similarity) pairs, best first, one per passage."""
        if not self._shards:
            raise IndexUnavailable("the vector index has not been opened")
        try:
            # Ids only: a record's id names its passage ("<passage id>#zh|#en|#cN"), and reading the records'
            # metadata back from SQLite cost more than the nearest-neighbour search itself.
            records = nearest(self._shards, vector, k)
        except Exception as exc:
            raise IndexUnavailable(f"the vector index did not answer: {exc}") from exc
        best: dict[str, float] = {}
        for rid, distance in records:
            pid = str(rid).rpartition("#")[0]
            # A clause matching is weaker evidence than the whole sentence (or its gloss) matching.
            weight = CLAUSE_WEIGHT if "#c" in str(rid) else 1.0
            best[pid] = max(best.get(pid, -1.0), weight * (1.0 - float(distance)))
        return sorted(best.items(), key=lambda item: -item[1])


def _count(library: IndexedLibrary) -> int:
    count = getattr(library, "passage_count", None)
    return int(count()) if callable(count) else 0


@contextlib.contextmanager
def _lock_file(lock_dir: Path, name: str) -> Iterator[Any]:
    """The open lock file of one collection name (kept on disk: removing it would race other lockers)."""
    try:
        lock_dir.mkdir(parents=True, exist_ok=True)
        handle = open(lock_dir / f".index-{name}.lock", "a")  # noqa: SIM115 (closed below)
    except OSError:  # an unwritable data directory: its index lives in memory, nobody to take turns with
        yield None
        return
    with handle:
        yield handle
