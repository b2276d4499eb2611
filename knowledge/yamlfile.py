"""Curation files: a YAML list of entries, each validated by a pydantic model; errors name file, entry and field."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from knowledge.errors import CorpusError

Model = TypeVar("Model", bound=BaseModel)
# libyaml's parser reads the gazetteer ten times faster than the pure-Python one (every process start reads it).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml_list(path: Path, what: str, *, missing_ok: bool = False) -> list[object]:
    """The entries of a YAML list file (none for a missing file when `missing_ok`)."""
    if missing_ok and not path.exists():
        return []
    try:
        entries = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise CorpusError(f"{path}: cannot read {what} ({exc})") from exc
    if entries is None and missing_ok:
        return []
    if not isinstance(entries, list):
        raise CorpusError(f"{path}: expected a list of {what}")
    return entries


def validate_entry(model: type[Model], entry: object, where: str) -> Model:
    """One entry validated; a CorpusError says where, which field and what is wrong."""
    try:
        return model.model_validate(entry)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(entry)"
        raise CorpusError(f"{where}: field '{field}': {first['msg']}") from exc


def load_models(path: Path, model: type[Model], what: str, *, missing_ok: bool = False) -> list[Model]:
    """Every entry of a YAML list file, validated."""
    entries = read_yaml_list(path, what, missing_ok=missing_ok)
    return [validate_entry(model, entry, f"{path} entry {n}") for n, entry in enumerate(entries)]
