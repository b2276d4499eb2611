"""Speakers of a new article: everyone the general extractor finds it quoting or naming."""

from __future__ import annotations

from knowledge.attribution import attribute_source
from knowledge.gazetteer import gazetteer_beside
from knowledge.passages import split_paragraphs, split_sentences
from knowledge.sources import Source
from knowledge.speakers import Speaker, SpeakerIndex


def discover_speakers(source: Source, index: SpeakerIndex) -> tuple[list[Speaker], list[str]]:
    """New speakers of the source (quoted or only mentioned), and the known speakers it quotes or names."""
    paragraphs = [split_sentences(p, source.language) for p in split_paragraphs(source.text)]
    recognizer = SpeakerIndex(index.speakers + gazetteer_beside(index.speakers))
    attribution = attribute_source(paragraphs, source.language, recognizer)
    found = list(dict.fromkeys([*attribution.quoted, *attribution.mentioned]))
    new = [s for s in found if index.by_name(s.name) is None]
    named = [s.name for s in found if index.by_name(s.name) is not None]
    return new, named
