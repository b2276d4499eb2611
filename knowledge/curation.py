"""Curated data attached to passages (English glosses, attribution overrides), validated against the text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from knowledge.errors import CorpusError
from knowledge.passages import Passage


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


def _load_list(path: Path, model: type[BaseModel]) -> list[Any]:
    if not path.exists():
        return []
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as exc:
        raise CorpusError(f"{path}: cannot read ({exc})") from exc
    if not isinstance(entries, list):
        raise CorpusError(f"{path}: expected a list")
    items = []
    for position, entry in enumerate(entries):
        try:
            items.append(model.model_validate(entry))
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"])
            raise CorpusError(f"{path} entry {position}: field '{field}': {first['msg']}") from exc
    return items


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
    for position, gloss in enumerate(_load_list(path, Gloss)):
        passage = find_passage(passages, gloss.source, gloss.anchor, f"{path} entry {position}")
        found.setdefault(passage.id, []).append((passage.text.index(gloss.anchor), gloss.en.strip()))
    return {pid: " ".join(text for _, text in sorted(parts)) for pid, parts in found.items()}


def load_overrides(path: Path, passages: list[Passage]) -> dict[str, str | None]:
    """Curated speakers by passage id."""
    result: dict[str, str | None] = {}
    for position, override in enumerate(_load_list(path, AttributionOverride)):
        passage = find_passage(passages, override.source, override.text, f"{path} entry {position}")
        result[passage.id] = override.speaker
    return result
