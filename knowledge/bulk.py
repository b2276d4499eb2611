"""Many articles in one run: paths, directories and lists of paths or URLs, with the embedder loaded once."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.errors import DuplicateArticle, KnowledgeError
from knowledge.ingest import IndexTarget, IngestResult, Overrides, ingest

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")


@dataclass
class BulkReport:
    """What a bulk ingest did: articles added, duplicates skipped, failures with their reasons."""

    added: list[IngestResult] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0


def expand(locations: Iterable[str], lists: Iterable[Path] = ()) -> list[str]:
    """Every article to ingest: URLs and files as given, a directory's article files, and the lines of lists."""
    found: list[str] = []
    for location in locations:
        path = Path(location)
        if not re.match(r"https?://", location) and path.is_dir():
            found += [
                str(p)
                for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
            ]
        else:
            found.append(location)
    for listing in lists:
        try:
            lines = listing.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise KnowledgeError(f"{listing}: cannot read the list of articles ({exc})") from exc
        found += [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return list(dict.fromkeys(found))


def ingest_many(
    locations: list[str],
    target: IndexTarget,
    overrides: Overrides | None = None,
    *,
    timeout: float = 15.0,
    allow: Iterable[str] = (),
    progress: Callable[[int, int, str], None] | None = None,
) -> BulkReport:
    """Ingest each location in turn (each one committed on its own); one bad article never stops the rest."""
    started = time.perf_counter()
    report = BulkReport()
    for n, location in enumerate(locations, start=1):
        try:
            result = ingest(location, target, overrides, timeout=timeout, allow=allow)
        except DuplicateArticle as exc:
            report.duplicates.append((location, str(exc)))
            line = f"duplicate: {exc}"
        except KnowledgeError as exc:
            report.failed.append((location, str(exc)))
            line = f"failed: {exc}"
        else:
            report.added.append(result)
            line = f"added '{result.source.id}' ({result.passages} passages, {result.seconds:.1f} s)"
        if progress:
            progress(n, len(locations), line)
    report.seconds = time.perf_counter() - started
    return report
