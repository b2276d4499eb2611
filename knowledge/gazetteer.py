"""The domain gazetteer: people and organizations of AI, tech and finance with their names in every script."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from knowledge.speakers import Speaker, SpeakerIndex
from knowledge.yamlfile import load_models

GAZETTEER = Path(__file__).parent / "corpus" / "gazetteer.yaml"


@lru_cache(maxsize=1)
def load_gazetteer(path: Path = GAZETTEER) -> tuple[Speaker, ...]:
    """Every gazetteer entry as a speaker not (yet) quoted anywhere."""
    return tuple(
        s.model_copy(update={"quoted": False})
        for s in load_models(path, Speaker, "gazetteer", missing_ok=True)
    )


def gazetteer_beside(known: list[Speaker]) -> list[Speaker]:
    """Gazetteer entries that none of the known speakers already is (by name or alias)."""
    index = SpeakerIndex(known)
    return [
        g
        for g in load_gazetteer()
        if not any(index.by_name(a) for a in (g.name, g.name_zh or "", *g.aliases) if a)
    ]
