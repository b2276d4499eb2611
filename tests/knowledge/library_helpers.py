"""Helpers for ingest tests: fresh data directories that reuse the session's cached seed vectors."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from bot.models import Answer
from knowledge.library_store import MANIFEST
from knowledge.vectors import CACHE_FILE

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
CHINESE = ARTICLES / "xinghai-cloud.zh-Hans.md"
ENGLISH = ARTICLES / "corvane-power.en.md"


def fresh_data_dir(session_data_dir: Path, target: Path) -> Path:
    """A new data directory whose vector cache already holds the packaged passages (no 20 s rebuild)."""
    target.mkdir(parents=True, exist_ok=True)
    cache = session_data_dir / CACHE_FILE
    if cache.exists():
        shutil.copy(cache, target / CACHE_FILE)
    return target


def library_state(data_dir: Path) -> str:
    """A fingerprint of the library: the manifest and the texts it names (an unnamed leftover file is no change)."""
    root = data_dir / "library"
    if not (root / MANIFEST).exists():
        return "empty"
    manifest = (root / MANIFEST).read_bytes()
    digest = hashlib.sha256(manifest)
    for entry in json.loads(manifest)["sources"]:
        digest.update((root / "texts" / entry["source"]["file"]).read_bytes())
    return digest.hexdigest()


def cites(answer: Answer, speaker: str | None, value: float | None = None, unit: str | None = None) -> bool:
    """Whether some citation names the speaker and (if given) carries the figure."""
    for citation in answer.citations:
        if speaker is not None and citation.speaker != speaker:
            continue
        if value is None or any(
            f.unit == unit and abs(f.value - value) <= 0.01 * value for f in citation.figures
        ):
            return True
    return False
