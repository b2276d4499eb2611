"""Sources (articles) of the corpus and their validated metadata."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from knowledge.errors import CorpusError
from knowledge.yamlfile import read_yaml_list, validate_entry

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
    origin: str | None = None  # basename of the file or the URL it was ingested from
    published: dt.date | None = None
    text: str = ""


def load_sources(directory: Path) -> list[Source]:
    """Load and validate sources.yaml and the article texts next to it."""
    meta_file = directory / "sources.yaml"
    entries = read_yaml_list(meta_file, "sources")
    sources: list[Source] = []
    for position, entry in enumerate(entries):
        sources.append(_load_one(directory, meta_file, position, entry))
    ids = [s.id for s in sources]
    duplicated = {i for i in ids if ids.count(i) > 1}
    if duplicated:
        raise CorpusError(f"{meta_file}: duplicate source id(s) {sorted(duplicated)}")
    return sources


def _load_one(directory: Path, meta_file: Path, position: int, entry: object) -> Source:
    source = validate_entry(Source, entry, f"{meta_file} entry {position}")
    text_file = directory / "sources" / source.file
    try:
        text = text_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{text_file}: field 'file': cannot read article text ({exc})") from exc
    if not text.strip():
        raise CorpusError(f"{text_file}: field 'file': the article text is empty")
    return source.model_copy(update={"text": text})
