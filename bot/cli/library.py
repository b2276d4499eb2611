"""`bubblebot index`, `ingest`, `sources list|remove` and `passages`: the article library and its index."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from bot.cli.output import emit
from bot.settings import Settings


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    """Build or update the search index and print counts."""
    from knowledge.base import KnowledgeBase

    kb = KnowledgeBase.open(
        data_dir=settings.data_dir,
        chroma_url=settings.chroma_url,
        embedding=settings.embedding,
        embedding_base_url=settings.embedding_base_url,
    )
    report = kb.index_report
    speakers = {p.speaker for p in kb.corpus.passages if p.speaker}
    figures = sum(len(p.figures) for p in kb.corpus.passages)
    print(
        f"sources: {len(kb.corpus.sources)}  passages: {len(kb.corpus.passages)}  "
        f"attributed: {sum(1 for p in kb.corpus.passages if p.speaker)} ({len(speakers)} speakers)  "
        f"figures: {figures}"
    )
    if report is None:
        print("vector index: unavailable (lexical search only)")
        return 1
    state = "built" if report.built else "up to date"
    print(
        f"vector index: {state} — {report.vectors} vectors in '{report.collection}' ({report.seconds:.2f} s)"
    )
    return 0


def _index_target(settings: Settings) -> Any:
    from knowledge.ingest import IndexTarget
    from knowledge.library_store import shared_database

    return IndexTarget(
        data_dir=settings.data_dir,
        chroma_url=settings.chroma_url,
        embedding=settings.embedding,
        embedding_base_url=settings.embedding_base_url,
        shared_database=shared_database(settings.database_url, settings.chroma_url),
        glosser=_glosser(settings),
    )


def _glosser(settings: Settings) -> Any:
    """The model that glosses ingested articles, when BUBBLEBOT_LLM names one."""
    if not settings.llm:
        return None
    from bot.glossing import ModelGlosser

    return ModelGlosser.from_settings(settings)


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """Add articles (files, directories, URLs, or lists of them) to the library and index their passages."""
    from knowledge.bulk import expand

    locations = expand(args.location, args.list or [])
    if not locations:
        print(
            "error: no articles to ingest (give files, a directory with .md/.txt/.html files, URLs, or --list)",
            file=sys.stderr,
        )
        return 2
    if len(locations) == 1 and not args.list and not Path(args.location[0]).is_dir():
        return _ingest_one(args, settings, locations[0])
    if args.title or args.published:
        print(
            "error: --title and --published name one article; give them with a single file or URL",
            file=sys.stderr,
        )
        return 2
    return _ingest_many(args, settings, locations)


def _ingest_one(args: argparse.Namespace, settings: Settings, location: str) -> int:
    from knowledge.ingest import Overrides, ingest

    overrides = Overrides(
        title=args.title, publisher=args.publisher, published=args.published, language=args.lang
    )
    result = ingest(
        location,
        _index_target(settings),
        overrides,
        timeout=args.timeout,
        allow=settings.ingest_allow,
        progress=lambda m: print(m, file=sys.stderr, flush=True),
    )
    source = result.source
    speakers = ", ".join(result.new_speakers) or "none"
    embedded = result.report.embedded if result.report else 0
    print(f"ingested '{source.id}' ({source.language}): {source.title}")
    print(
        f"  {result.passages} passages, {result.attributed} attributed, {result.figures} figures; "
        f"new speakers: {speakers}"
    )
    print(f"  {embedded} new texts embedded (passages and clauses; the rest reused), {result.seconds:.1f} s")
    return 0


def _ingest_many(args: argparse.Namespace, settings: Settings, locations: list[str]) -> int:
    """Ingest every location with one loaded embedder, a progress line per article, and a summary."""
    from knowledge.bulk import ingest_many
    from knowledge.ingest import Overrides

    started = time.monotonic()

    def progress(n: int, total: int, line: str) -> None:
        elapsed = time.monotonic() - started
        left = elapsed / n * (total - n)
        print(f"[{n}/{total}] {line} — {elapsed:.0f} s, about {left:.0f} s left", file=sys.stderr, flush=True)

    overrides = Overrides(publisher=args.publisher, language=args.lang)
    report = ingest_many(
        locations,
        _index_target(settings),
        overrides,
        timeout=args.timeout,
        allow=settings.ingest_allow,
        progress=progress,
    )
    passages = sum(r.passages for r in report.added)
    print(
        f"added {len(report.added)} articles ({passages} passages), {len(report.duplicates)} duplicates, "
        f"{len(report.failed)} failed, in {report.seconds:.1f} s"
    )
    for location, reason in report.failed:
        print(f"  failed: {location}: {reason}")
    return 1 if report.failed else 0


def cmd_sources_list(args: argparse.Namespace, settings: Settings) -> int:
    """List every source, packaged or ingested (from the manifest: no article is read)."""
    from knowledge.corpus import PACKAGED_CORPUS
    from knowledge.library import Library
    from knowledge.passages import split_paragraphs, split_sentences
    from knowledge.sources import load_sources

    library = Library.load(settings.data_dir)
    # A packaged article has one passage per sentence: counted without attributing it.
    listed = [
        (s, "packaged", sum(len(split_sentences(p, s.language)) for p in split_paragraphs(s.text)))
        for s in load_sources(PACKAGED_CORPUS)
    ]
    for entry in library.manifest.sources:
        count = (
            entry.passages if entry.passages is not None else len(library.extraction(entry.source).passages)
        )
        listed.append((entry.source, "ingested", count))
    rows = []
    for source, origin, count in listed:
        rows.append(
            {
                "id": source.id,
                "title": source.title,
                "publisher": source.publisher,
                "language": source.language,
                "passages": count,
                "origin": origin,
                "published": source.published.isoformat() if source.published else None,
                "url": source.url,
                "file": source.origin or source.file,
            }
        )
    if args.json:
        for row in rows:
            emit(row)
        return 0
    for row in rows:
        print(
            f"{row['id']}  [{row['origin']}, {row['language']}, {row['passages']} passages]  "
            f"{row['title']} — {row['publisher']}"
        )
    return 0


def cmd_passages(args: argparse.Namespace, settings: Settings) -> int:
    """Print every passage of the library (or of one source) with its speaker and figures, one JSON line each."""
    from knowledge.library import open_corpus

    corpus = open_corpus(settings.data_dir)
    known = {s.id for s in corpus.sources}
    if args.source and args.source not in known:
        print(f"error: no source '{args.source}' (see `bubblebot sources list`)", file=sys.stderr)
        return 1
    for passage in corpus.passages:
        if args.source and passage.source_id != args.source:
            continue
        source = corpus.source(passage.source_id)
        speaker = corpus.speaker(passage.speaker)
        row = {
            "source": source.id,
            "file": source.origin or source.file,
            "paragraph": passage.paragraph,
            "sentence": passage.sentence,
            "text": passage.text,
            "speaker": passage.speaker,
            "speaker_role": speaker.role if speaker else None,
            "figures": [{"text": f.text, "value": f.value, "unit": f.unit} for f in passage.figures],
        }
        if args.json:
            emit(row)
        else:
            who = row["speaker"] or "(reporting)"
            print(f"{source.id}:{passage.paragraph}.{passage.sentence}  {who}  {passage.text}")
    return 0


def cmd_sources_remove(args: argparse.Namespace, settings: Settings) -> int:
    """Remove an ingested source; its passages leave the index."""
    from knowledge.ingest import remove_source

    source = remove_source(args.id, _index_target(settings), progress=lambda m: print(m, file=sys.stderr))
    print(f"removed '{source.id}': {source.title}")
    return 0
