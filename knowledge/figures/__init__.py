"""Find numbers with units in news text (English, 简体, 繁體) and normalize them: money, %, GW, x, tokens."""

from __future__ import annotations

from knowledge.figures.extract import find_figures
from knowledge.figures.model import Figure
from knowledge.figures.numbers import parse_number
from knowledge.figures.render import format_figure

__all__ = ["Figure", "find_figures", "format_figure", "parse_number"]
