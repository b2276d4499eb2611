"""The Figure model shared by extraction, passages and answers."""

from __future__ import annotations

from pydantic import BaseModel


class Figure(BaseModel):
    """A number as written plus its normalized value and unit, and the year or period it refers to."""

    text: str
    value: float
    unit: str
    year: int | None = None
    per: str | None = None
    approx: bool = False
