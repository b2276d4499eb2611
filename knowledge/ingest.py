"""Add an article to the library (or remove one): read, check, attribute, index aside, then commit."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.corpus import PACKAGED_CORPUS
from knowledge.embedding import DEFAULT_EMBEDDING, Embedder, LazyEmbedder, make_embedder
from knowledge.errors import DuplicateArticle, IndexUnavailable, IngestError
from knowledge.extraction import extract_article, make_extraction
from knowledge.index import IndexReport, PassageIndex, lock_dir, open_client
from knowledge.language import detect_document_language
from knowledge.library import Library, content_hash
from knowledge.library_store import share_library
from knowledge.passages import Passage, split_paragraphs, split_sentences
from knowledge.reader import MAX_PUBLISHER_CHARS, MAX_TITLE_CHARS, Article, clip, read_article
from knowledge.sources import Source, load_sources
from knowledge.speakers import SpeakerIndex, load_speakers
from knowledge.vectors import CACHE_FILE, VectorCache

LANGUAGES = ("en", "zh-Hans", "zh-Hant")
MIN_CHARS = {"en": 80, "zh-Hans": 30, "zh-Hant": 30}
# Attribution and embedding grow with an article's size, and every later question searches its passages:
# a book or a page of 100,000 one-line "sentences" is refused before any of that work starts.
MAX_ARTICLE_CHARS = 200_000
MAX_PASSAGES = 2_000


@dataclass
class IndexTarget:
    """Where and how passages are embedded: the data directory, an optional Chroma server, the embedder."""

    data_dir: Path
    chroma_url: str | None = None
    embedding: str = DEFAULT_EMBEDDING
    embedding_base_url: str | None = None
    embedder: Embedder | None = None
    shared_database: str | None = None  # server mode: the library lives in this database, shared by replicas
    # Writes each passage's gloss in the other language (a model, when one is configured); stored with the article.
    glosser: Callable[[Source, list[Passage]], None] | None = None
    _index: PassageIndex | None = field(default=None, init=False, repr=False)

    def open(self, *, embeds: bool = True) -> PassageIndex:
        """The passage index with the vector cache of the data directory (kept for the next ingest of a run).

        Without `embeds` (a removal) the model loads only if the index turns out to need a vector.
        """
        if self._index is not None:
            return self._index
        if self.embedder is None and not embeds:
            return self._opened(
                LazyEmbedder(self.embedding, base_url=self.embedding_base_url, cache_dir=self.data_dir)
            )
        if self.embedder is None:
            try:
                self.embedder = make_embedder(
                    self.embedding, base_url=self.embedding_base_url, cache_dir=self.data_dir
                )
            except (ValueError, ImportError) as exc:
                raise IngestError(f"cannot load the embedding {self.embedding!r}: {exc}") from exc
        self._index = self._opened(self.embedder)
        return self._index

    def _opened(self, embedder: Embedder) -> PassageIndex:
        client: Any = open_client(data_dir=self.data_dir, chroma_url=self.chroma_url)
        return PassageIndex(
            client,
            embedder,
            VectorCache(self.data_dir / CACHE_FILE),
            lock_dir(self.data_dir, self.chroma_url),
        )

    def forget(self) -> None:
        """Drop the kept index, so the next ingest opens the store again."""
        self._index = None


@dataclass
class Overrides:
    """Metadata given on the command line; it wins over front matter and page metadata."""

    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    language: str | None = None


@dataclass
class IngestResult:
    """What an ingest added."""

    source: Source
    passages: int
    attributed: int
    figures: int
    new_speakers: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)  # everyone the article's passages quote, new or known
    report: IndexReport | None = None
    seconds: float = 0.0


def _source_id(title: str, digest: str, taken: set[str]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    if len(slug) > 40:
        slug = slug[:41].rsplit("-", 1)[0]
    base = f"{slug}-{digest[:6]}" if len(slug) >= 3 else f"{language_tag(title)}-{digest[:8]}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def origin_name(location: str) -> str:
    """What an article was ingested from, as the export names it: a file's basename, or the URL."""
    return location if re.match(r"https?://", location) else Path(location).name


def language_tag(title: str) -> str:
    """'article', or 'zh-article' for a title in Chinese (ids stay ASCII)."""
    return "zh-article" if re.search(r"[\u3400-\u9fff]", title) else "article"


def _language(article: Article, overrides: Overrides) -> str:
    given = overrides.language or article.language
    if given:
        if given not in LANGUAGES:
            raise IngestError(f"{article.origin}: unknown language {given!r} (use en, zh-Hans or zh-Hant)")
        return given
    detected = detect_document_language(article.text)
    if detected is None:
        raise IngestError(
            f"{article.origin}: the article is not in English or Chinese, the languages bubblebot "
            "answers in (pass --lang if it is)"
        )
    return detected


def _check_length(article: Article) -> None:
    """IngestError for an article with more characters than attribution and indexing take."""
    if len(article.text) > MAX_ARTICLE_CHARS:
        raise IngestError(
            f"{article.origin}: the article has {len(article.text):,} characters; the limit is "
            f"{MAX_ARTICLE_CHARS:,} (is it really one article?)"
        )


def _check_sentences(article: Article, language: str) -> None:
    """IngestError for an article with more sentences (passages) than MAX_PASSAGES."""
    sentences = 0
    for paragraph in split_paragraphs(article.text):
        sentences += len(split_sentences(paragraph, language))
        if sentences > MAX_PASSAGES:
            raise IngestError(
                f"{article.origin}: the article has more than {MAX_PASSAGES:,} sentences; "
                "split it into several articles"
            )


def prepare_source(article: Article, overrides: Overrides, library: Library) -> tuple[Source, str]:
    """Validate an article and make its source; IngestError if it is empty, too long, foreign or a duplicate."""
    _check_length(article)  # before language detection, which reads the whole text
    size = len("".join(article.text.split()))
    if size < min(MIN_CHARS.values()):
        raise IngestError(f"{article.origin}: no article text (only {len(article.text.strip())} characters)")
    language = _language(article, overrides)
    _check_sentences(article, language)
    if size < MIN_CHARS[language]:
        raise IngestError(f"{article.origin}: no article text (only {len(article.text.strip())} characters)")
    digest = content_hash(article.text)
    packaged = load_sources(PACKAGED_CORPUS)
    same = library.by_hash(digest)
    if same is not None:
        raise DuplicateArticle(
            f"{article.origin} is already in the library as '{same.source.id}' (same text)"
        )
    for source in packaged:
        if content_hash(source.text) == digest:
            raise DuplicateArticle(
                f"{article.origin} is already in the packaged corpus as '{source.id}' (same text)"
            )
    title = clip(overrides.title or article.title, MAX_TITLE_CHARS) or article.text.splitlines()[0][:80]
    taken = {s.id for s in packaged} | {e.source.id for e in library.manifest.sources}
    source_id = _source_id(title, digest, taken)
    source = Source(
        id=source_id,
        file=f"{source_id}.txt",
        title=title,
        publisher=clip(overrides.publisher or article.publisher, MAX_PUBLISHER_CHARS) or "unknown publisher",
        language=language,  # type: ignore[arg-type]
        url=article.url,
        origin=origin_name(article.origin),
        published=overrides.published or article.published,
        text=article.text,
    )
    return source, digest


def _commit(
    before: Library,
    after: Library,
    target: IndexTarget,
    progress: Callable[[str], None] | None,
    *,
    embeds: bool = True,
) -> IndexReport:
    """Change the index from one library to the next around the manifest's commit (see PassageIndex.update)."""
    index = target.open(embeds=embeds)
    try:
        return index.update(before, after, after.save, progress=progress)
    except IndexUnavailable as exc:
        target.forget()  # the next ingest connects again (a Chroma server may be back, or the store replaced)
        raise IngestError(f"the search index could not be updated, nothing was changed ({exc})") from exc


def ingest(
    location: str,
    target: IndexTarget,
    overrides: Overrides | None = None,
    *,
    timeout: float = 15.0,
    allow: Iterable[str] = (),
    progress: Callable[[str], None] | None = None,
) -> IngestResult:
    """Read, check, attribute and index one article; on any error the library and index are unchanged.

    A URL gets `timeout` seconds in all and may reach non-public addresses only if `allow` lists them.
    """
    started = time.perf_counter()
    overrides = overrides or Overrides()
    if target.shared_database:
        share_library(target.shared_database)  # also in a child process spawned for one ingest
    article = read_article(location, timeout=timeout, allow=allow)
    library = Library.load(target.data_dir)
    with library.lock():
        library = Library.load(target.data_dir)
        source, digest = prepare_source(article, overrides, library)
        registry = SpeakerIndex(library.registry())
        curated = load_speakers(PACKAGED_CORPUS / "speakers.yaml")
        extraction, new, named, renamed = extract_article(source, registry, curated, library.speakers())
        own = extraction.passages
        if not own:
            raise IngestError(f"{article.origin}: no article text found")
        if target.glosser is not None:
            target.glosser(source, own)
            extraction = make_extraction(source, own)  # the glosses' words are searchable too
        speaking = list(dict.fromkeys(p.speaker for p in own if p.speaker))  # in order of appearance
        # A new speaker the article never quotes is only mentioned (questions about their words abstain).
        new = [
            s if s.name in speaking or not s.quoted else s.model_copy(update={"quoted": False}) for s in new
        ]
        updated = library.with_source(source, digest, new, [*named, *speaking], extraction, renamed=renamed)
        updated.write_text(source)  # staged: written with the manifest, at the commit
        report = _commit(library, updated, target, progress)
    return IngestResult(
        source=source,
        passages=len(own),
        attributed=sum(1 for p in own if p.speaker),
        figures=sum(len(p.figures) for p in own),
        new_speakers=[s.name for s in new if s.quoted],
        speakers=speaking,
        report=report,
        seconds=time.perf_counter() - started,
    )


def remove_source(
    source_id: str, target: IndexTarget, progress: Callable[[str], None] | None = None
) -> Source:
    """Remove an ingested source and its passages from the index; packaged sources cannot be removed."""
    if any(s.id == source_id for s in load_sources(PACKAGED_CORPUS)):
        raise IngestError(
            f"'{source_id}' is part of the packaged corpus and cannot be removed (only ingested sources can)"
        )
    if target.shared_database:
        share_library(target.shared_database)
    library = Library.load(target.data_dir)
    with library.lock():
        library = Library.load(target.data_dir)
        entry = library.find(source_id)
        if entry is None:
            raise IngestError(f"no ingested source '{source_id}' (see `bubblebot sources list`)")
        _commit(library, library.without(source_id), target, progress, embeds=False)
    return entry.source
