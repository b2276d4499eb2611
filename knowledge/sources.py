"""Sources (articles) of the corpus and their validated metadata."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from knowledge.errors import CorpusError

Language = Literal["en", "zh-Hans", "zh-Hant"]


class Source(BaseModel):
    """One article: identity, metadata and full text."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]{1,80}$")
    file: str
    title: str = Field(min_length=1)
    title_en: str | None = None
    publisher: str = Field(min_length=1)
    language: Language
    translation_of: str | None = None
    url: str | None = None
    published: dt.date | None = None
    text: str = ""


def load_sources(directory: Path) -> list[Source]:
    """Load and validate sources.yaml and the article texts next to it."""
    meta_file = directory / "sources.yaml"
    try:
        entries = yaml.safe_load(meta_file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CorpusError(f"{meta_file}: cannot read source metadata ({exc})") from exc
    if not isinstance(entries, list):
        raise CorpusError(f"{meta_file}: expected a list of sources")
    sources: list[Source] = []
    for position, entry in enumerate(entries):
        sources.append(_load_one(directory, meta_file, position, entry))
    ids = [s.id for s in sources]
    duplicated = {i for i in ids if ids.count(i) > 1}
    if duplicated:
        raise CorpusError(f"{meta_file}: duplicate source id(s) {sorted(duplicated)}")
    return sources


def _load_one(directory: Path, meta_file: Path, position: int, entry: object) -> Source:
    where = f"{meta_file} entry {position}"
    try:
        source = Source.model_validate(entry)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(entry)"
        raise CorpusError(f"{where}: field '{field}': {first['msg']}") from exc
    text_file = directory / "sources" / source.file
    try:
        text = text_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{text_file}: field 'file': cannot read article text ({exc})") from exc
    if not text.strip():
        raise CorpusError(f"{text_file}: field 'file': the article text is empty")
    return source.model_copy(update={"text": text})
