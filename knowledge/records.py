"""What the vector index holds for a passage: the texts embedded (sentence, gloss, clauses) and their metadata.

Kept apart from the Chroma client so that reading the library (fingerprints at ingest, `sources list`) does not
load Chroma.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from knowledge.passages import Passage

# Bump when the records or metadata written per passage change shape, so every collection is reconciled.
INDEX_VERSION = "3"

CLAUSE_WEIGHT = 0.9
_CLAUSE = re.compile(r"[,，;；:：]\s*|\s+(?:that|which|while|as)\s+")


def _records(passage: Passage) -> list[tuple[str, str]]:
    records = [(f"{passage.id}#zh", passage.text)]
    if passage.gloss_en:
        records.append((f"{passage.id}#en", passage.gloss_en))
        return records
    # Without a curated gloss, clauses are embedded too: a question often matches one clause of a long
    # sentence ("orders from national governments now made up 18% of its backlog") better than the whole.
    clauses = [c.strip(' "“”「」') for c in _CLAUSE.split(passage.text)]
    useful = [c for c in clauses if len(c.split()) >= 5 or (not c.isascii() and len(c) >= 8)]
    if len(clauses) > 1:
        records += [(f"{passage.id}#c{n}", c) for n, c in enumerate(useful[:6], start=1)]
    return records


def index_records(passage: Passage) -> tuple[list[tuple[str, str]], dict[str, Any]]:
    """The (record id, text) pairs embedded for a passage, and the metadata every one of them carries."""
    return _records(passage), _metadata(passage)


def fingerprint(passages: list[Passage]) -> str:
    """A hash of the records and metadata the index holds for these passages."""
    digest = hashlib.sha256(INDEX_VERSION.encode())
    for passage in passages:
        records, metadata = index_records(passage)
        digest.update(json.dumps([records, metadata], sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()[:16]


def _metadata(passage: Passage) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "passage_id": passage.id,
        "source_id": passage.source_id,
        "paragraph": passage.paragraph,
        "sentence": passage.sentence,
        "speaker": passage.speaker or "",
        "units": ",".join(sorted({f.unit for f in passage.figures})),
    }
    if passage.figures:
        meta["max_value"] = max(f.value for f in passage.figures)
    return meta
