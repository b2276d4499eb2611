"""Curated data attached to passages (English glosses, attribution overrides), validated against the text."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from knowledge.errors import CorpusError
from knowledge.passages import Passage
from knowledge.yamlfile import load_models


class Gloss(BaseModel):
    """An English rendering of the passage that contains `anchor` verbatim."""

    model_config = ConfigDict(extra="forbid")
    source: str
    anchor: str
    en: str


class AttributionOverride(BaseModel):
    """A curated speaker (or None) for the passage that contains `text` verbatim."""

    model_config = ConfigDict(extra="forbid")
    source: str
    text: str
    speaker: str | None


def find_passage(passages: list[Passage], source: str, text: str, where: str) -> Passage:
    """The one passage of `source` containing `text` verbatim; a CorpusError names `where` otherwise."""
    hits = [p for p in passages if p.source_id == source and text in p.text]
    if len(hits) != 1:
        problem = "matches no passage" if not hits else f"matches {len(hits)} passages"
        raise CorpusError(f"{where}: text {text!r} of source '{source}' {problem}")
    return hits[0]


def load_glosses(path: Path, passages: list[Passage]) -> dict[str, str]:
    """English glosses by passage id; several anchors in one passage are joined in text order."""
    found: dict[str, list[tuple[int, str]]] = {}
    for position, gloss in enumerate(load_models(path, Gloss, "glosses", missing_ok=True)):
        passage = find_passage(passages, gloss.source, gloss.anchor, f"{path} entry {position}")
        found.setdefault(passage.id, []).append((passage.text.index(gloss.anchor), gloss.en.strip()))
    return {pid: " ".join(text for _, text in sorted(parts)) for pid, parts in found.items()}


def load_overrides(path: Path, passages: list[Passage]) -> dict[str, str | None]:
    """Curated speakers by passage id."""
    result: dict[str, str | None] = {}
    for position, override in enumerate(
        load_models(path, AttributionOverride, "attribution overrides", missing_ok=True)
    ):
        passage = find_passage(passages, override.source, override.text, f"{path} entry {position}")
        result[passage.id] = override.speaker
    return result
