"""Speakers of a new article, found with the role-and-name and report patterns of its language."""

from __future__ import annotations

from knowledge.attribution import outside_quotes
from knowledge.candidates import Candidate, build_speakers
from knowledge.discover_en import discover_english
from knowledge.discover_zh import discover_chinese
from knowledge.passages import split_paragraphs, split_sentences
from knowledge.scripts import to_simplified
from knowledge.sources import Source
from knowledge.speakers import Speaker, SpeakerIndex


def find_candidates(source: Source) -> list[Candidate]:
    """Every person or organization a pattern finds in the source, in text order (quotes left out)."""
    paragraphs = split_paragraphs(source.text)
    if source.language == "en":
        text = "\n".join(" ".join(outside_quotes(s) for s in split_sentences(p, "en")) for p in paragraphs)
        return discover_english(text)
    found: list[Candidate] = []
    for paragraph in paragraphs:
        outside = outside_quotes(paragraph)
        simplified = to_simplified(outside)
        found.extend(discover_chinese(simplified if len(simplified) == len(outside) else outside, outside))
    return found


def discover_speakers(source: Source, index: SpeakerIndex) -> tuple[list[Speaker], list[str]]:
    """New speakers of the source (and known ones it quotes for the first time), and known speakers it names."""
    return build_speakers(find_candidates(source), index, source.publisher)
