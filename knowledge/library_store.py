"""Where a library's bytes live: files under the data directory, or PostgreSQL shared by every replica.

Both keep the same three things (the manifest, article texts, stored extractions) with the same commit point:
texts and extractions are written first, then the manifest in one atomic step; whatever the manifest does not
name is an orphan that the next commit deletes.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

from knowledge.errors import CorpusError

MANIFEST = "manifest.json"
# A temporary file this old belongs to a process that died mid-write (a live write takes seconds).
STALE_TEMP_SECONDS = 5 * 60
# pg_advisory_lock key serializing ingests and removals across replicas ("bbli").
PG_LIBRARY_LOCK = 0x62626C69


class LibraryStore(Protocol):
    """The manifest, texts and extractions of one library."""

    def read_manifest(self) -> bytes | None:
        """The committed manifest (None for a library never written)."""
        ...

    def commit(
        self,
        manifest: bytes,
        files: dict[str, bytes],
        extractions: dict[str, bytes],
        keep_files: set[str],
        keep_extractions: set[str],
    ) -> None:
        """Write files and extractions, then the manifest (the commit point), then drop what it does not name."""
        ...

    def read_file(self, name: str) -> bytes:
        """An article's text file (OSError when missing)."""
        ...

    def read_extraction(self, source_id: str) -> bytes | None:
        """A stored extraction, or None."""
        ...

    def write_extraction(self, source_id: str, data: bytes) -> None:
        """Store an extraction outside a commit (one regenerated for a library of an earlier version)."""
        ...

    def lock(self) -> contextlib.AbstractContextManager[None]:
        """One ingest or removal at a time, across processes (and replicas)."""
        ...

    def version(self) -> int:
        """Changes whenever a commit lands (0 for a library never written)."""
        ...


class FileStore:
    """A library under data_dir/library: manifest.json, texts/ and extracted/, written atomically."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.texts = root / "texts"
        self.extracted = root / "extracted"

    def read_manifest(self) -> bytes | None:
        """The committed manifest (None for a library never written)."""
        path = self.root / MANIFEST
        if not path.exists():
            return None
        try:
            return path.read_bytes()
        except OSError as exc:
            raise CorpusError(f"{path}: the library manifest is unreadable ({exc})") from exc

    def write_files(self, files: dict[str, bytes], extractions: dict[str, bytes]) -> None:
        """Write texts and extractions (atomically each); they count only once a manifest names them."""
        for directory, items in (
            (self.texts, files),
            (self.extracted, {f"{k}.json": v for k, v in extractions.items()}),
        ):
            if items:
                directory.mkdir(parents=True, exist_ok=True)
            for name, data in items.items():
                atomic_write(directory / name, data)

    def commit(
        self,
        manifest: bytes,
        files: dict[str, bytes],
        extractions: dict[str, bytes],
        keep_files: set[str],
        keep_extractions: set[str],
    ) -> None:
        """Write files and extractions, then the manifest (the commit point), then drop what it does not name."""
        self.write_files(files, extractions)
        self.root.mkdir(parents=True, exist_ok=True)
        atomic_write(self.root / MANIFEST, manifest)
        remove_stale_temp(self.root)
        for directory, keep in (
            (self.texts, keep_files),
            (self.extracted, {f"{k}.json" for k in keep_extractions}),
        ):
            remove_stale_temp(directory)
            if directory.exists():
                for path in directory.iterdir():
                    if path.name not in keep and not path.name.startswith("."):
                        with contextlib.suppress(OSError):
                            path.unlink()

    def read_file(self, name: str) -> bytes:
        """An article's text file (OSError when missing)."""
        return (self.texts / name).read_bytes()

    def read_extraction(self, source_id: str) -> bytes | None:
        """A stored extraction, or None."""
        try:
            return (self.extracted / f"{source_id}.json").read_bytes()
        except OSError:
            return None

    def write_extraction(self, source_id: str, data: bytes) -> None:
        """Store an extraction outside a commit (best effort: a read-only directory keeps it in memory only)."""
        with contextlib.suppress(OSError):
            self.extracted.mkdir(parents=True, exist_ok=True)
            atomic_write(self.extracted / f"{source_id}.json", data)

    def discard(self, files: list[str], extractions: list[str]) -> None:
        """Delete texts and extractions of a commit that failed (best effort)."""
        for path in [*(self.texts / f for f in files), *(self.extracted / f"{s}.json" for s in extractions)]:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the library's lock file (one ingest or removal at a time across processes)."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def version(self) -> int:
        """The manifest's modification time in ns (0 if none)."""
        try:
            return (self.root / MANIFEST).stat().st_mtime_ns
        except OSError:
            return 0


def atomic_write(path: Path, data: bytes) -> None:
    """Write a file so that readers see the old or the new content, never half of it."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)  # a full disk must not leave half a file behind


def remove_stale_temp(directory: Path, *, older_than: float = STALE_TEMP_SECONDS) -> None:
    """Delete temporary files (".name.pid.tmp") a killed process left in directory (best effort)."""
    cutoff = time.time() - older_than
    with contextlib.suppress(OSError):
        for path in directory.glob(".*.tmp"):
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < cutoff:
                    path.unlink()


_SHARED: dict[str, str] = {}


def shared_database(database_url: str | None, chroma_url: str | None) -> str | None:
    """The database holding the library: in server mode (a database and a Chroma server) only, else None."""
    return database_url if database_url and chroma_url else None


def share_library(database_url: str | None) -> None:
    """Keep the library in this database from now on (server mode), or under the data directory (None)."""
    if database_url:
        _SHARED["url"] = database_url
    else:
        _SHARED.pop("url", None)


def store_for(data_dir: Path) -> LibraryStore:
    """The store of the library this process serves: the shared database if configured, else data_dir/library."""
    url = _SHARED.get("url")
    if not url:
        return FileStore(data_dir / "library")
    from knowledge.library_sql import SqlStore  # SQLAlchemy loads only for a shared library

    return SqlStore(url)


def shared_lock(data_dir: Path) -> Callable[[], contextlib.AbstractContextManager[None]] | None:
    """The shared library's lock, for readers that must not reconcile the index under an ingest (None: files)."""
    store = store_for(data_dir)
    return None if isinstance(store, FileStore) else store.lock
