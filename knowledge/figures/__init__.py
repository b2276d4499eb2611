"""Find numbers with units in news text (English, 简体, 繁體) and normalize them: money, %, GW, x, tokens."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from knowledge.figures.model import Figure

if TYPE_CHECKING:
    from knowledge.figures.extract import find_figures
    from knowledge.figures.numbers import parse_number
    from knowledge.figures.render import format_figure

__all__ = ["Figure", "find_figures", "format_figure", "parse_number"]
# The extraction rules compile in ~0.2 s: a reader of stored passages (sources list) never needs them.
_LAZY = {
    "find_figures": "knowledge.figures.extract",
    "parse_number": "knowledge.figures.numbers",
    "format_figure": "knowledge.figures.render",
}


def __getattr__(name: str) -> Any:
    """The extraction functions, imported on first use."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value
