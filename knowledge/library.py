"""Ingested articles under the data directory: a JSON manifest (written last, atomically) and text files."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from knowledge.corpus import PACKAGED_CORPUS, Corpus, load_corpus
from knowledge.errors import CorpusError
from knowledge.sources import Source
from knowledge.speakers import Speaker

MANIFEST = "manifest.json"
# A temporary file this old belongs to a process that died mid-write (a live write takes seconds).
STALE_TEMP_SECONDS = 5 * 60


def content_hash(text: str) -> str:
    """The hash that makes two copies of an article the same: its text with whitespace normalized."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


class LibrarySource(BaseModel):
    """One ingested article: its metadata (the text lives in texts/<file>)."""

    model_config = ConfigDict(extra="forbid")
    source: Source
    content_hash: str
    added: dt.datetime


class LibrarySpeaker(BaseModel):
    """A speaker found in ingested articles, with the articles that name it."""

    model_config = ConfigDict(extra="forbid")
    speaker: Speaker
    sources: list[str]


class Manifest(BaseModel):
    """Everything the library holds."""

    model_config = ConfigDict(extra="forbid")
    version: int = 1
    sources: list[LibrarySource] = []
    speakers: list[LibrarySpeaker] = []


class Library:
    """The ingested articles of one data directory."""

    def __init__(self, root: Path, manifest: Manifest) -> None:
        self.root = root
        self.manifest = manifest

    @classmethod
    def load(cls, data_dir: Path) -> Library:
        """The library under data_dir (empty if nothing was ever ingested)."""
        root = data_dir / "library"
        path = root / MANIFEST
        if not path.exists():
            return cls(root, Manifest())
        try:
            return cls(root, Manifest.model_validate_json(path.read_text(encoding="utf-8")))
        except (OSError, ValidationError, ValueError) as exc:
            raise CorpusError(f"{path}: the library manifest is unreadable ({str(exc).splitlines()[0]})") from exc

    @property
    def texts(self) -> Path:
        """The directory of article texts."""
        return self.root / "texts"

    def sources(self) -> list[Source]:
        """Every ingested source with its text."""
        loaded = []
        for entry in self.manifest.sources:
            path = self.texts / entry.source.file
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise CorpusError(f"{path}: cannot read the ingested article ({exc})") from exc
            loaded.append(entry.source.model_copy(update={"text": text}))
        return loaded

    def speakers(self) -> list[Speaker]:
        """Every speaker found in ingested articles."""
        return [entry.speaker for entry in self.manifest.speakers]

    def corpus(self, extra: Source | None = None, speakers: list[Speaker] | None = None) -> Corpus:
        """The packaged corpus plus every ingested article (plus one not yet saved, if given)."""
        sources = self.sources() + ([extra] if extra else [])
        return load_corpus(PACKAGED_CORPUS, extra=sources, speakers=self.speakers() + list(speakers or []))

    def find(self, source_id: str) -> LibrarySource | None:
        """The ingested source with this id, if any."""
        return next((e for e in self.manifest.sources if e.source.id == source_id), None)

    def by_hash(self, digest: str) -> LibrarySource | None:
        """The ingested source with this content hash, if any."""
        return next((e for e in self.manifest.sources if e.content_hash == digest), None)

    def with_source(self, source: Source, digest: str, new: list[Speaker], named: list[str]) -> Library:
        """A copy with one more source, its new speakers, and provenance for known library speakers it names."""
        entry = LibrarySource(source=source.model_copy(update={"text": ""}), content_hash=digest,
                              added=dt.datetime.now(dt.UTC).replace(microsecond=0))
        speakers = []
        for item in self.manifest.speakers:
            used = item.speaker.name in set(named) and source.id not in item.sources
            speakers.append(item.model_copy(update={"sources": [*item.sources, source.id]}) if used else item)
        speakers += [LibrarySpeaker(speaker=s, sources=[source.id]) for s in new]
        manifest = Manifest(sources=[*self.manifest.sources, entry], speakers=speakers)
        return Library(self.root, manifest)

    def without(self, source_id: str) -> Library:
        """A copy without one source; speakers no remaining source names leave too."""
        speakers = []
        for item in self.manifest.speakers:
            left = [s for s in item.sources if s != source_id]
            if left:
                speakers.append(item.model_copy(update={"sources": left}))
        sources = [e for e in self.manifest.sources if e.source.id != source_id]
        return Library(self.root, Manifest(sources=sources, speakers=speakers))

    def write_text(self, source: Source) -> Path:
        """Write an article's text (atomically); it is not part of the library until save()."""
        self.texts.mkdir(parents=True, exist_ok=True)
        path = self.texts / source.file
        _atomic_write(path, source.text)
        return path

    def save(self) -> None:
        """Write the manifest atomically (the commit point of an ingest or removal), then drop orphan texts."""
        self.root.mkdir(parents=True, exist_ok=True)
        _atomic_write(self.root / MANIFEST, self.manifest.model_dump_json(indent=2))
        used = {e.source.file for e in self.manifest.sources}
        remove_stale_temp(self.root)
        remove_stale_temp(self.texts)
        if self.texts.exists():
            for path in self.texts.iterdir():
                if path.name not in used and not path.name.startswith("."):
                    with contextlib.suppress(OSError):
                        path.unlink()

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the library's lock (one ingest or removal at a time across processes)."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def _atomic_write(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temp, "w", encoding="utf-8") as handle:
            handle.write(text)
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


def library_version(data_dir: Path) -> int:
    """Changes whenever an ingest or removal commits (the manifest's modification time in ns; 0 if none)."""
    try:
        return (data_dir / "library" / MANIFEST).stat().st_mtime_ns
    except OSError:
        return 0


def open_corpus(data_dir: Path) -> Corpus:
    """The corpus a knowledge base serves: the packaged articles plus the ones ingested into data_dir."""
    library = Library.load(data_dir)
    if not library.manifest.sources:
        return load_corpus()
    return library.corpus()
