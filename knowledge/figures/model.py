"""The Figure model shared by extraction, passages and answers."""

from __future__ import annotations

from dataclasses import dataclass


# A slotted dataclass, not a pydantic model: a library of 1,000 articles holds ~12,000 figures, at ~1 KB each as
# models and ~100 bytes as slots. Pydantic still validates and serializes it inside models (same JSON).
@dataclass(slots=True, kw_only=True)
class Figure:
    """A number as written plus its normalized value and unit, and the year or period it refers to."""

    text: str
    value: float
    unit: str
    year: int | None = None
    per: str | None = None
    approx: bool = False
