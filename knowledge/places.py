"""The places a text names, in either language, from the packaged gazetteer (knowledge/corpus/places.yaml)."""

from __future__ import annotations

import functools
import re

import yaml

from knowledge.corpus import PACKAGED_CORPUS
from knowledge.scripts import fold


@functools.cache
def _gazetteer() -> tuple[re.Pattern[str], dict[str, set[str]]]:
    """One pattern for every written form, and the English names each form stands for ("tokyo": Tokyo, Japan)."""
    entries: dict[str, list[str]] = yaml.safe_load((PACKAGED_CORPUS / "places.yaml").read_text("utf-8")) or {}
    owner: dict[str, set[str]] = {}
    for name, forms in entries.items():
        for form in [name, *forms]:
            owner.setdefault(fold(form), set()).add(name)
    alternatives = [
        rf"\b{re.escape(form)}\b" if form.isascii() else re.escape(form)
        for form in sorted(owner, key=len, reverse=True)
    ]
    return re.compile("|".join(alternatives)), owner


def places_in(text: str) -> set[str]:
    """The gazetteer places a text names ("越南新廠" -> {"vietnam"}), by their English names."""
    pattern, owner = _gazetteer()
    return {name for m in pattern.finditer(fold(text)) for name in owner[m.group(0)]}


def is_place(text: str) -> bool:
    """Whether the whole text is one place's name ("Asia Pacific"), not a name that holds one ("Texas Instruments")."""
    pattern, _ = _gazetteer()
    return pattern.fullmatch(fold(text.strip())) is not None


def place_spans(text: str) -> list[tuple[int, int]]:
    """Where a text names gazetteer places, as (start, end) offsets (folding keeps Chinese text's length)."""
    pattern, _ = _gazetteer()
    folded = fold(text)
    return [m.span() for m in pattern.finditer(folded)] if len(folded) == len(text) else []
