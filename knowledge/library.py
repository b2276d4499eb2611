"""Ingested articles: a JSON manifest (the commit point), their texts and what was extracted from each.

They live under the data directory, or in PostgreSQL when the library is shared (see library_store).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import uuid
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from knowledge.corpus import PACKAGED_CORPUS, Corpus, build_passages, packaged_corpus, with_quoted
from knowledge.errors import CorpusError
from knowledge.extraction import Extraction, make_extraction, read_extraction
from knowledge.gazetteer import gazetteer_beside
from knowledge.library_store import MANIFEST, FileStore, LibraryStore, store_for
from knowledge.passages import Passage
from knowledge.sources import Source
from knowledge.speakers import Speaker, SpeakerIndex, load_speakers, merge_speakers


def content_hash(text: str) -> str:
    """The hash that makes two copies of an article the same: its text with whitespace normalized."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


class LibrarySource(BaseModel):
    """One ingested article: its metadata (the text lives in texts/<file>, its extraction in extracted/<id>.json)."""

    model_config = ConfigDict(extra="forbid")
    source: Source
    content_hash: str
    added: dt.datetime
    passages: int | None = None
    fingerprint: str | None = None  # of its records in the vector index (None: read from its extraction)


class LibrarySpeaker(BaseModel):
    """A speaker found in ingested articles, with the articles that name it."""

    model_config = ConfigDict(extra="forbid")
    speaker: Speaker
    sources: list[str]


class Manifest(BaseModel):
    """Everything the library holds."""

    model_config = ConfigDict(extra="forbid")
    version: int = 1
    library_id: str | None = None  # names this library's vector collection (set at the first commit)
    generation: int = 0  # counts commits: the vector index records which one it holds
    sources: list[LibrarySource] = []
    speakers: list[LibrarySpeaker] = []


# The last manifest each library root was read as (its bytes and the parsed manifest).
_LAST_READ: dict[str, tuple[bytes, Manifest]] = {}


class Library:
    """The ingested articles of one data directory, with what was extracted from each at ingest."""

    def __init__(self, root: Path, manifest: Manifest, store: LibraryStore | None = None) -> None:
        self.root = root
        self.manifest = manifest
        self.store: LibraryStore = store or FileStore(root)
        self._pending: dict[str, Extraction] = {}  # extractions written with this copy, not yet committed
        self._staged: dict[str, bytes] = {}  # texts written with this copy, not yet committed
        self._loaded: dict[str, Extraction] = {}

    @classmethod
    def load(cls, data_dir: Path) -> Library:
        """The library of data_dir (empty if nothing was ever ingested), or the shared one in server mode."""
        store = store_for(data_dir)
        raw = store.read_manifest()
        root = data_dir / "library"
        if raw is None:
            return cls(root, Manifest(), store)
        last = _LAST_READ.get(str(root))
        if last is not None and last[0] == raw:  # a bulk ingest reads the manifest it has just written
            return cls(root, last[1], store)
        try:
            manifest = Manifest.model_validate_json(raw)
        except (ValidationError, ValueError) as exc:
            raise CorpusError(
                f"{root / MANIFEST}: the library manifest is unreadable ({str(exc).splitlines()[0]})"
            ) from exc
        _LAST_READ[str(root)] = (raw, manifest)  # manifests are never changed in place, only copied
        return cls(root, manifest, store)

    @property
    def texts(self) -> Path:
        """The directory of article texts (without a shared library)."""
        return self.root / "texts"

    @property
    def extracted(self) -> Path:
        """The directory of stored extractions, one JSON file per source (without a shared library)."""
        return self.root / "extracted"

    @property
    def library_id(self) -> str:
        """The name of this library's vector collection: set at the first commit, "packaged" before it."""
        if self.manifest.library_id:
            return self.manifest.library_id
        if not self.manifest.sources:
            return "packaged"
        # A library written by an earlier version: named by its content until its next commit names it.
        digest = hashlib.sha256("".join(sorted(e.content_hash for e in self.manifest.sources)).encode())
        return f"lib-{digest.hexdigest()[:12]}"

    @property
    def generation(self) -> int:
        """How many commits the library has had."""
        return self.manifest.generation

    def sources(self) -> list[Source]:
        """Every ingested source with its text."""
        loaded = []
        for entry in self.manifest.sources:
            try:
                text = self.store.read_file(entry.source.file).decode("utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise CorpusError(
                    f"{self.texts / entry.source.file}: cannot read the ingested article ({exc})"
                ) from exc
            loaded.append(entry.source.model_copy(update={"text": text}))
        return loaded

    def speakers(self) -> list[Speaker]:
        """Every speaker found in ingested articles."""
        return [entry.speaker for entry in self.manifest.speakers]

    def registry(self) -> list[Speaker]:
        """Every speaker the library knows: the packaged corpus's (curated and found) and the ingested ones."""
        return merge_speakers(packaged_corpus(self.root.parent).speakers.speakers, self.speakers())

    def extraction(self, source: Source) -> Extraction:
        """What was extracted from an ingested source at ingest (extracted again, and stored, if it is missing)."""
        if source.id in self._pending:
            return self._pending[source.id]
        if source.id in self._loaded:
            return self._loaded[source.id]
        stored = read_extraction(self.store.read_extraction(source.id))
        if stored is None:
            # A library from an earlier version, or a pipeline change: extract once now against the library's
            # speakers, and keep the result for next time (best effort: a read-only directory is fine).
            if not source.text:
                source = next(s for s in self.sources() if s.id == source.id)
            from knowledge.tokens import add_words  # jieba: only to extract, never to list

            curated = load_speakers(PACKAGED_CORPUS / "speakers.yaml")
            passages, _ = build_passages(source, _recognizer(merge_speakers(curated, self.speakers())))
            add_words([a for s in self.speakers() for a in (*s.aliases, s.name_zh or "")])
            stored = make_extraction(source, passages)
            with contextlib.suppress(CorpusError):
                self.store.write_extraction(source.id, stored.model_dump_json().encode())
        self._loaded[source.id] = stored
        return stored

    def fingerprints(self) -> dict[str, str]:
        """Source id → fingerprint of its vector records, packaged sources first."""
        prints = packaged_corpus(self.root.parent).fingerprints()
        for entry in self.manifest.sources:
            prints[entry.source.id] = entry.fingerprint or self.extraction(entry.source).fingerprint
        return prints

    def passages_of(self, source_id: str) -> list[Passage]:
        """The passages of a packaged or ingested source."""
        entry = self.find(source_id)
        if entry is None:
            return packaged_corpus(self.root.parent).passages_of(source_id)
        return self.extraction(entry.source).passages

    def passage_count(self) -> int:
        """How many passages the packaged corpus and the library hold."""
        return len(packaged_corpus(self.root.parent).passages) + sum(
            e.passages if e.passages is not None else len(self.extraction(e.source).passages)
            for e in self.manifest.sources
        )

    def corpus(self) -> Corpus:
        """The packaged corpus plus every ingested article, from what was stored at ingest (nothing re-extracted)."""
        packaged = packaged_corpus(self.root.parent)
        if not self.manifest.sources:
            return packaged
        sources = self.sources()
        extractions = [self.extraction(source) for source in sources]
        passages = [*packaged.passages, *(p for e in extractions for p in e.passages)]
        speakers = SpeakerIndex(with_quoted(self.registry(), passages))
        tokens = {p.id: t for e in extractions for p, t in zip(e.passages, e.tokens, strict=True)}
        prints = {**packaged.fingerprints(), **{e.source_id: e.fingerprint for e in extractions}}
        return Corpus(
            sources=[*packaged.sources, *sources],
            speakers=speakers,
            passages=passages,
            library_id=self.library_id,
            generation=self.generation,
            stored_fingerprints=prints,
            stored_tokens={**packaged.stored_tokens, **tokens},
        )

    def find(self, source_id: str) -> LibrarySource | None:
        """The ingested source with this id, if any."""
        return next((e for e in self.manifest.sources if e.source.id == source_id), None)

    def by_hash(self, digest: str) -> LibrarySource | None:
        """The ingested source with this content hash, if any."""
        return next((e for e in self.manifest.sources if e.content_hash == digest), None)

    def with_source(
        self,
        source: Source,
        digest: str,
        new: list[Speaker],
        named: list[str],
        extraction: Extraction | None = None,
        *,
        renamed: Sequence[Speaker] = (),
    ) -> Library:
        """A copy with one more source (and its extraction), its new speakers, and provenance for known speakers;
        `renamed`: ingested speakers with the names this source adds in another script."""
        fuller = {s.name: s for s in renamed}
        entry = LibrarySource(
            source=source.model_copy(update={"text": ""}),
            content_hash=digest,
            added=dt.datetime.now(dt.UTC).replace(microsecond=0),
            passages=len(extraction.passages) if extraction else None,
            fingerprint=extraction.fingerprint if extraction else None,
        )
        speakers = []
        for item in self.manifest.speakers:
            used = item.speaker.name in set(named) and source.id not in item.sources
            item = item.model_copy(update={"sources": [*item.sources, source.id]}) if used else item
            if item.speaker.name in fuller:
                item = item.model_copy(update={"speaker": fuller[item.speaker.name]})
            speakers.append(item)
        speakers += [LibrarySpeaker(speaker=s, sources=[source.id]) for s in new]
        manifest = self.manifest.model_copy(
            update={"sources": [*self.manifest.sources, entry], "speakers": speakers}
        )
        return self._next(manifest, {**self._pending, **({source.id: extraction} if extraction else {})})

    def without(self, source_id: str) -> Library:
        """A copy without one source; speakers no remaining source names leave too."""
        speakers = []
        for item in self.manifest.speakers:
            left = [s for s in item.sources if s != source_id]
            if left:
                speakers.append(item.model_copy(update={"sources": left}))
        sources = [e for e in self.manifest.sources if e.source.id != source_id]
        manifest = self.manifest.model_copy(update={"sources": sources, "speakers": speakers})
        return self._next(manifest, {k: v for k, v in self._pending.items() if k != source_id})

    def _next(self, manifest: Manifest, pending: dict[str, Extraction]) -> Library:
        """The library after one more commit (a fresh id at the first one)."""
        library_id = self.manifest.library_id or f"lib-{uuid.uuid4().hex[:12]}"
        following = Library(
            self.root,
            manifest.model_copy(update={"library_id": library_id, "generation": self.generation + 1}),
            self.store,
        )
        following._pending = pending
        following._staged = self._staged
        following._loaded = self._loaded
        return following

    def write_text(self, source: Source) -> None:
        """Stage an article's text (and its extraction); they are part of the library only once save() commits."""
        self._staged[source.file] = source.text.encode("utf-8")

    def save(self) -> None:
        """Commit: texts and extractions, then the manifest (atomically), then drop what it no longer names."""
        extractions = {sid: e.model_dump_json().encode() for sid, e in self._pending.items()}
        manifest = self.manifest.model_dump_json(indent=1).encode()
        self.store.commit(
            manifest,
            self._staged,
            extractions,
            {e.source.file for e in self.manifest.sources},
            {e.source.id for e in self.manifest.sources},
        )
        _LAST_READ[str(self.root)] = (manifest, self.manifest)  # the next ingest of a bulk run reads it back

    def lock(self) -> contextlib.AbstractContextManager[None]:
        """Hold the library's lock (one ingest or removal at a time across processes and replicas)."""
        return self.store.lock()


def _recognizer(known: list[Speaker]) -> SpeakerIndex:
    return SpeakerIndex(known + gazetteer_beside(known))


def library_version(data_dir: Path) -> int:
    """Changes whenever an ingest or removal commits (0 if nothing was ever ingested)."""
    try:
        return store_for(data_dir).version()
    except CorpusError:
        return 0


def open_corpus(data_dir: Path) -> Corpus:
    """The corpus a knowledge base serves: the packaged articles plus the ones ingested into data_dir."""
    return Library.load(data_dir).corpus()
