"""A sentence of an invented article with the figures it carries, for tests that choose evidence."""

from __future__ import annotations

from knowledge.figures import find_figures
from knowledge.passages import Passage


def figured(source_id: str, text: str, paragraph: int = 1, speaker: str | None = None) -> Passage:
    """One sentence of an article with the figures it carries."""
    return Passage(
        id=f"{source_id}:{paragraph}.1",
        source_id=source_id,
        paragraph=paragraph,
        sentence=1,
        text=text,
        speaker=speaker,
        figures=find_figures(text),
    )
