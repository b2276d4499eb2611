"""The Chroma index of passage vectors: built aside, switched in whole, rebuilt when content changes."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import chromadb
import httpx
from chromadb.api.client import SharedSystemClient
from chromadb.config import Settings as ChromaSettings

from knowledge.corpus import Corpus
from knowledge.embedding import Embedder
from knowledge.errors import IndexUnavailable
from knowledge.passages import Passage
from knowledge.vectors import VectorCache

log = logging.getLogger(__name__)
_PREFIX = "bubblebot"
_BUILDING = "-building-"
# A build collection this old, on a Chroma server (no shared lock files), belongs to a process that died.
STALE_BUILD_SECONDS = 30 * 60
# Finished collections kept besides the current one: a process that has not reloaded yet still reads it.
KEEP_PREVIOUS = 1


@dataclass
class IndexReport:
    """What ensure() did: whether it built, how many passages and vectors, and how long it took."""

    built: bool
    passages: int
    vectors: int
    seconds: float
    collection: str
    embedded: int = 0


_SERVERS: dict[str, Any] = {}  # one HttpClient per server URL, reused across reconnections
_SERVERS_LOCK = threading.Lock()
SERVER_TIMEOUT = httpx.Timeout(30.0, connect=5.0)  # chromadb's own client never times out


def _server_client(chroma_url: str, settings: ChromaSettings) -> Any:
    """The HttpClient for a Chroma server; IndexUnavailable (and nothing left behind) when it is down."""
    match = re.match(r"^(https?)://([^/:]+)(?::(\d+))?", chroma_url)
    if not match:
        raise IndexUnavailable(f"BUBBLEBOT_CHROMA_URL {chroma_url!r} is not an http(s) URL")
    scheme, host, port = match.groups()
    port = port or ("443" if scheme == "https" else "8000")
    with _SERVERS_LOCK:
        if chroma_url in _SERVERS:
            return _SERVERS[chroma_url]
        try:  # chromadb keeps every HttpClient it constructs, even one that failed: check first
            httpx.get(f"{scheme}://{host}:{port}/api/v2/heartbeat", timeout=5.0).raise_for_status()
            client = chromadb.HttpClient(host=host, port=int(port), ssl=scheme == "https", settings=settings)
        except Exception as exc:
            raise IndexUnavailable(f"cannot reach the Chroma server at {chroma_url}: {exc}") from exc
        for session in _sessions(client):
            session.timeout = SERVER_TIMEOUT
        _SERVERS[chroma_url] = client
        return client


def _sessions(client: Any) -> list[httpx.Client]:
    """The HTTP sessions inside a chromadb HttpClient (its own and its admin client's)."""
    servers = [getattr(client, "_server", None), getattr(getattr(client, "_admin_client", None), "_server", None)]
    sessions = [getattr(server, "_session", None) for server in servers]
    return [session for session in sessions if isinstance(session, httpx.Client)]


def close_server_clients() -> None:
    """Close the connections of every Chroma server client (at shutdown, and between tests)."""
    with _SERVERS_LOCK:
        for client in _SERVERS.values():
            for session in _sessions(client):
                session.close()
        _SERVERS.clear()


def lock_dir(data_dir: Path, chroma_url: str | None) -> Path | None:
    """Where build locks live: beside the embedded store (a Chroma server's builders share no files)."""
    return None if chroma_url else data_dir / "chroma"


OPEN_ATTEMPTS = 4  # tries to open an embedded store before it counts as unreadable


def open_client(*, data_dir: Path | None = None, chroma_url: str | None = None) -> Any:
    """An embedded PersistentClient under data_dir, or an HttpClient for a Chroma server.

    A data directory that cannot be written (read-only, full, not ours) gets an in-memory index for this
    run; only a store that really does not parse is set aside as corrupt and rebuilt.
    """
    settings = ChromaSettings(anonymized_telemetry=False)
    if chroma_url:
        return _server_client(chroma_url, settings)
    assert data_dir is not None
    path = data_dir / "chroma"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return _in_memory(path, error, settings)
    problem = _unwritable(path)
    if problem is not None:
        return _in_memory(path, problem, settings)
    for attempt in range(OPEN_ATTEMPTS):
        try:
            client = chromadb.PersistentClient(path=str(path), settings=settings)
            client.list_collections()
            return client
        except Exception as exc:
            if attempt + 1 < OPEN_ATTEMPTS:
                # Several processes creating a fresh store at once can see each other's half-made files:
                # wait and look again rather than call it corrupt (and move it away under the others).
                SharedSystemClient.clear_system_cache()
                time.sleep(0.4 * (attempt + 1))
                continue
            if _resource_error(exc):
                return _in_memory(path, exc, settings)
            return _set_aside(path, exc, settings)
    raise AssertionError("unreachable")


def _set_aside(path: Path, exc: Exception, settings: ChromaSettings) -> Any:
    """Move a corrupt store aside and open a fresh one there (IndexUnavailable if that fails too)."""
    aside = path.with_name(f"chroma.corrupt-{int(time.time())}")
    log.warning("the vector index at %s is unreadable (%s); moved to %s and rebuilding", path, exc, aside)
    try:
        os.replace(path, aside)
        path.mkdir(parents=True, exist_ok=True)
        # Chroma caches one client system per path; drop the broken one before reopening.
        SharedSystemClient.clear_system_cache()
        return chromadb.PersistentClient(path=str(path), settings=settings)
    except Exception as again:
        raise IndexUnavailable(f"the vector index at {path} cannot be rebuilt: {again}") from again


# errno values and messages meaning "cannot write here", which is no reason to call a store corrupt
_RESOURCE_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT})
_RESOURCE_WORDS = ("readonly", "read-only", "permission denied", "no space left", "disk is full",
                   "database or disk is full", "unable to open database", "quota")


def _resource_error(exc: BaseException) -> bool:
    """Whether an error (or its cause) is a permission, read-only or full-disk problem."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno in _RESOURCE_ERRNOS:
            return True
        if any(word in str(seen).lower() for word in _RESOURCE_WORDS):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _unwritable(path: Path) -> OSError | None:
    """Why files cannot be written in path (None when they can): a small probe file, synced and removed."""
    probe = path / f".probe-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    try:
        with open(probe, "wb") as handle:
            handle.write(b"\0" * 4096)
            handle.flush()
            os.fsync(handle.fileno())
        return None
    except OSError as error:
        return error
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()


def _in_memory(path: Path, problem: BaseException, settings: ChromaSettings) -> Any:
    """An in-memory Chroma client for a run whose data directory cannot be written (one warning)."""
    reason = problem.strerror if isinstance(problem, OSError) and problem.strerror else str(problem)
    log.warning("cannot write the vector index at %s (%s); keeping it in memory for this run",
                path, reason.splitlines()[0] if reason else type(problem).__name__)
    return chromadb.EphemeralClient(settings=settings)


def _slug(text: str) -> str:
    return re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-")[:40] or "x"


CLAUSE_WEIGHT = 0.9
_CLAUSE = re.compile(r"[,，;；:：]\s*|\s+(?:that|which|while|as)\s+")


def _records(passage: Passage) -> list[tuple[str, str]]:
    records = [(f"{passage.id}#zh", passage.text)]
    if passage.gloss_en:
        records.append((f"{passage.id}#en", passage.gloss_en))
        return records
    # Without a curated gloss, clauses are embedded too: a question often matches one clause of a long
    # sentence ("orders from national governments now made up 18% of its backlog") better than the whole.
    clauses = [c.strip(" \"“”「」") for c in _CLAUSE.split(passage.text)]
    useful = [c for c in clauses if len(c.split()) >= 5 or (not c.isascii() and len(c) >= 8)]
    if len(clauses) > 1:
        records += [(f"{passage.id}#c{n}", c) for n, c in enumerate(useful[:6], start=1)]
    return records


class PassageIndex:
    """Dense vectors of every passage (its text and, where curated, its English gloss) in Chroma.

    With lock_dir (the embedded store's directory), builders of one collection take turns through a
    lock file: the first builds, the others wait and use its result.
    """

    def __init__(self, client: Any, embedder: Embedder, cache: VectorCache | None = None,
                 lock_dir: Path | None = None) -> None:
        self.client = client
        self.embedder = embedder
        self.cache = cache
        self.lock_dir = lock_dir
        self._holding: set[str] = set()  # build locks this object holds now
        self._collection: Any = None
        self._embedded = 0

    @property
    def _ours(self) -> str:
        """The name prefix of this embedder's collections."""
        return f"{_PREFIX}-{_slug(self.embedder.name)}-"

    def collection_name(self, corpus: Corpus) -> str:
        """The collection holding this corpus content embedded by this embedder."""
        return f"{self._ours}{corpus.content_hash()}"

    def ensure(self, corpus: Corpus, *, progress: Callable[[str], None] | None = None,
               prune: bool = True) -> IndexReport:
        """Use the finished collection for this content, building it aside first if needed.

        With prune=False the previous collections stay (the caller prunes once its own state is committed).
        """
        started = time.perf_counter()
        self._embedded = 0
        name = self.collection_name(corpus)
        try:
            ready = self._finished(name)
            if ready is None:
                with self._build_lock(name):
                    ready = self._finished(name)  # another process may have built it while we waited
                    if ready is None:
                        if progress:
                            progress(f"building the search index ({len(corpus.passages)} passages, "
                                     f"{self.embedder.name})…")
                        ready = self._build(corpus, name, prune)
                        self._collection = ready
                        return IndexReport(True, len(corpus.passages), ready.count(),
                                           time.perf_counter() - started, name, self._embedded)
        except IndexUnavailable:
            raise
        except Exception as exc:
            raise IndexUnavailable(f"the vector index is unavailable: {exc}") from exc
        self._collection = ready
        return IndexReport(False, len(corpus.passages), ready.count(), time.perf_counter() - started, name)

    def _finished(self, name: str) -> Any:
        """The finished collection called name, or None."""
        if name not in {c.name for c in self.client.list_collections()}:
            return None
        collection = self.client.get_collection(name, embedding_function=None)
        return collection if (collection.metadata or {}).get("complete") else None

    @contextlib.contextmanager
    def _build_lock(self, name: str) -> Iterator[None]:
        """Hold the build lock of one collection (nothing to hold without a lock directory)."""
        if self.lock_dir is None:
            yield
            return
        with _lock_file(self.lock_dir, name) as handle:
            if handle is not None:
                fcntl.flock(handle, fcntl.LOCK_EX)
            self._holding.add(name)
            try:
                yield
            finally:
                self._holding.discard(name)

    def _orphaned(self, collection: Any) -> bool:
        """Whether a build collection's builder is gone (its lock is free, or, on a server, it is stale)."""
        name = str(collection.name)
        if self.lock_dir is None:
            started = float((collection.metadata or {}).get("started") or 0)
            return time.time() - started > STALE_BUILD_SECONDS
        content = name.split(_BUILDING)[0]
        if content in self._holding:
            return True  # we are the builder of that content now, and this build is not ours
        with _lock_file(self.lock_dir, content) as handle:
            if handle is None:
                return False
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False  # a build of that content is under way (here or in another process)
            return True

    def prune(self, keep: str) -> None:
        """Delete this embedder's collections older than keep and the one before it, and dead builds.

        The previous collection stays: a process that has not reloaded yet is still reading it.
        Failures are logged, never raised.
        """
        try:
            ours = [c for c in self.client.list_collections() if c.name.startswith(self._ours)]
        except Exception as exc:
            log.warning("could not list collections to prune: %s", exc)
            return
        finished = sorted((c for c in ours if _BUILDING not in c.name and c.name != keep),
                          key=lambda c: float((c.metadata or {}).get("finished") or 0), reverse=True)
        doomed = [c.name for c in finished[KEEP_PREVIOUS:]]
        doomed += [c.name for c in ours if _BUILDING in c.name and self._orphaned(c)]
        for old in doomed:
            try:
                self.client.delete_collection(old)
            except Exception as exc:
                log.warning("could not delete the old collection %s: %s", old, exc)

    def _vectors(self, texts: list[str], existing: set[str]) -> list[list[float]]:
        """Vectors for texts: from the cache, else from a previous collection, else embedded now."""
        unique = list(dict.fromkeys(texts))
        known = self.cache.get_many(self.embedder.name, unique) if self.cache else {}
        missing = [t for t in unique if t not in known]
        if missing:
            known.update(self._from_previous(set(missing), existing))
        fresh = [t for t in unique if t not in known]
        if self.cache and len(known) > 0:
            self.cache.put_many(self.embedder.name, {t: known[t] for t in missing if t in known})
        for start in range(0, len(fresh), 64):
            chunk = fresh[start:start + 64]
            vectors = dict(zip(chunk, self.embedder.embed(chunk), strict=True))
            self._embedded += len(chunk)
            if self.cache:
                self.cache.put_many(self.embedder.name, vectors)
            known.update(vectors)
        return [known[t] for t in texts]

    def _from_previous(self, wanted: set[str], existing: set[str]) -> dict[str, list[float]]:
        found: dict[str, list[float]] = {}
        for name in sorted(existing):
            if not name.startswith(self._ours) or _BUILDING in name:
                continue
            try:
                got = self.client.get_collection(name, embedding_function=None).get(
                    include=["documents", "embeddings"])
            except Exception as exc:
                log.warning("could not read vectors from %s: %s", name, exc)
                continue
            documents = got.get("documents")
            embeddings = got.get("embeddings")
            if documents is None or embeddings is None:
                continue
            for document, vector in zip(documents, embeddings, strict=False):
                if document in wanted:
                    found[document] = [float(x) for x in vector]
        return found

    def _build(self, corpus: Corpus, name: str, prune: bool) -> Any:
        """Build the collection under a temporary name, then give it the real one (with the lock held)."""
        existing = {c.name for c in self.client.list_collections()}
        temp = f"{name}{_BUILDING}{uuid.uuid4().hex[:8]}"
        collection = self.client.create_collection(
            temp, configuration={"hnsw": {"space": "cosine"}},
            metadata={"complete": False, "started": time.time()}, embedding_function=None,
        )
        records = [(rid, text, p) for p in corpus.passages for rid, text in _records(p)]
        vectors = self._vectors([text for _, text, _ in records], existing)
        batch = 256
        for start in range(0, len(records), batch):
            chunk = records[start:start + batch]
            collection.add(
                ids=[rid for rid, _, _ in chunk],
                embeddings=vectors[start:start + batch],
                documents=[text for _, text, _ in chunk],
                metadatas=[_metadata(p) for _, _, p in chunk],
            )
        if name in existing:
            self.client.delete_collection(name)  # unfinished (a finished one would have been used)
        try:
            # The finished collection takes the real name only now, so a crash never leaves half an index in use.
            collection.modify(name=name, metadata={"complete": True, "finished": time.time()})
        except Exception:
            ready = self._finished(name)  # a builder without our lock (another host) finished first
            if ready is None:
                raise
            self.client.delete_collection(temp)
            return ready
        if prune:
            self.prune(keep=name)
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
        for rid, meta, distance in zip(result["ids"][0], result["metadatas"][0], result["distances"][0], strict=True):
            pid = str(meta["passage_id"])
            # A clause matching is weaker evidence than the whole sentence (or its gloss) matching.
            weight = CLAUSE_WEIGHT if "#c" in str(rid) else 1.0
            best[pid] = max(best.get(pid, -1.0), weight * (1.0 - float(distance)))
        return sorted(best.items(), key=lambda item: -item[1])


@contextlib.contextmanager
def _lock_file(lock_dir: Path, name: str) -> Iterator[Any]:
    """The open lock file of one collection name (kept on disk: removing it would race other lockers)."""
    try:
        lock_dir.mkdir(parents=True, exist_ok=True)
        handle = open(lock_dir / f".build-{name}.lock", "a")  # noqa: SIM115 (closed below)
    except OSError:  # an unwritable data directory: its index lives in memory, nobody to take turns with
        yield None
        return
    with handle:
        yield handle


def _metadata(passage: Passage) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "passage_id": passage.id, "source_id": passage.source_id,
        "paragraph": passage.paragraph, "sentence": passage.sentence,
        "speaker": passage.speaker or "", "units": ",".join(sorted({f.unit for f in passage.figures})),
    }
    if passage.figures:
        meta["max_value"] = max(f.value for f in passage.figures)
    return meta
