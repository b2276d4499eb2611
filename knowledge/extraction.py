"""What one article yields, computed once when it is ingested and stored beside its text.

Passages (split, attributed, with figures and an optional English `gloss_en` per passage), their lexical
tokens, and a fingerprint of what the vector index holds for them. Start-up and later ingests read this
file instead of re-reading, re-splitting and re-attributing every article of the library.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, ValidationError

from knowledge.corpus import PIPELINE_VERSION, build_passages
from knowledge.gazetteer import gazetteer_beside
from knowledge.passages import Passage
from knowledge.records import fingerprint
from knowledge.sources import Source
from knowledge.speakers import Speaker, SpeakerIndex, merge_speakers


class Extraction(BaseModel):
    """One article's passages with their text tokens, and the fingerprint of its index records."""

    model_config = ConfigDict(extra="forbid")
    pipeline: str
    source_id: str
    passages: list[Passage]
    tokens: list[
        list[str]
    ]  # per passage: words of its text and gloss (the speaker's names are added at load)
    fingerprint: str


def make_extraction(source: Source, passages: list[Passage]) -> Extraction:
    """The stored form of an article's passages (tokens computed now, with the words jieba knows now)."""
    # imported here: reading stored extractions (sources list, digests) must not load jieba
    from knowledge.lexical import text_tokens

    return Extraction(
        pipeline=PIPELINE_VERSION,
        source_id=source.id,
        passages=passages,
        tokens=[text_tokens(p) for p in passages],
        fingerprint=fingerprint(passages),
    )


def extract_article(
    source: Source, registry: SpeakerIndex, curated: list[Speaker], library: list[Speaker]
) -> tuple[Extraction, list[Speaker], list[str], list[Speaker]]:
    """Attribute a new article against the speakers known now: its extraction, new speakers, known ones named,
    and known ones with names the article adds in another script.

    `registry` is every speaker of the library (curated, packaged and ingested); `curated` and `library` are
    the curated speakers and the ingested ones, which (with the article's new speakers) recognize names in the
    second pass, as a whole-library rebuild would.
    """
    from knowledge.discover import discover_speakers  # the extractor's lexicons load only to read an article
    from knowledge.tokens import add_words

    new, named, renamed = discover_speakers(source, registry)
    known = merge_speakers(curated, merge_speakers(library, [*renamed, *new]))
    add_words([a for s in known for a in (*s.aliases, s.name_zh or "")])
    passages, _ = build_passages(source, SpeakerIndex(known + gazetteer_beside(known)))
    return make_extraction(source, passages), new, named, renamed


def read_extraction(raw: bytes | None) -> Extraction | None:
    """A stored extraction, or None when it is missing, unreadable or from another pipeline."""
    if raw is None:
        return None
    try:
        extraction = Extraction.model_validate_json(raw)
    except (ValidationError, ValueError):
        return None
    return extraction if extraction.pipeline == PIPELINE_VERSION else None
