"""Split an article into paragraphs and quote-aware sentences that keep their place."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.attribution.lexicon_zh import SPEECH_VERBS
from knowledge.english import split_english
from knowledge.figures.model import Figure
from knowledge.scripts import to_simplified

OPEN_QUOTES = "“「『‘"
CLOSE_QUOTES = "”」』’"
TERMINATORS = "。！？!?"
_MIN_SENTENCE_CHARS = 6
_ATTRIBUTION_TAIL = re.compile(
    r"[^。！？“”「」，,]{0,22}?(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + ")"
)

# "…路径。”玄衡智能创始人兼首席执行官沈嘉树在上市仪式后对记者说。": a long attribution that closes the sentence.
_LONG_ATTRIBUTION = re.compile(
    r"[^。！？“”「」，,]{0,48}?(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + ")[。！？]"
)


# A slotted dataclass, not a pydantic model: 17,000 passages at 1,000 articles took ~24 MB as models (a dict and
# a set of set fields each) and take ~2 MB of slots; pydantic validates and serializes it inside models as before.
@dataclass(slots=True, kw_only=True)
class Passage:
    """A retrievable sentence (or short run of sentences) of a source, with its place."""

    id: str
    source_id: str
    paragraph: int
    sentence: int
    text: str
    speaker: str | None = None
    figures: list[Figure] = field(default_factory=list)
    gloss_en: str | None = None
    gloss_zh: str | None = (
        None  # a Simplified Chinese gloss of an English passage (written by a model at ingest)
    )


def split_paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs (lines) of an article, stripped."""
    return [
        line.strip() for line in text.splitlines() if line.strip() and line.strip() not in {"—", "-", "–"}
    ]


def split_sentences(paragraph: str, language: str = "zh") -> list[str]:
    """Sentences of a paragraph; quoted speech with several sentences stays in one sentence."""
    if language == "en":
        return _merge_fragments(split_english(paragraph))
    sentences: list[str] = []
    depth = 0
    start = 0
    i = 0
    n = len(paragraph)
    while i < n:
        char = paragraph[i]
        if char in OPEN_QUOTES and not (char == "‘" and depth == 0 and _is_apostrophe(paragraph, i)):
            depth += 1
        elif char in CLOSE_QUOTES and depth > 0:
            depth -= 1
            # "…回报吗？”这是…" stays whole; "…拉力。” “投资者…" splits after the closing quote.
            if depth == 0 and i > 0 and _quote_ends_sentence(paragraph, i):
                sentences.append(paragraph[start : i + 1])
                start = i + 1
        elif char in TERMINATORS and depth == 0:
            end = i + 1
            while end < n and paragraph[end] in TERMINATORS:
                end += 1
            sentences.append(paragraph[start:end])
            start = end
            i = end
            continue
        i += 1
    if paragraph[start:].strip():
        sentences.append(paragraph[start:])
    return _merge_fragments([s.strip() for s in sentences if s.strip()])


def _is_apostrophe(text: str, i: int) -> bool:
    return i > 0 and text[i - 1].isalpha() and text[i - 1].isascii()


def _quote_ends_sentence(text: str, close: int) -> bool:
    before = text[close - 1]
    if before not in TERMINATORS:
        return False
    rest = text[close + 1 :]
    if not rest.strip() or rest[:1].isspace() or rest[:1] in OPEN_QUOTES:
        return True
    if before != "。":
        return False  # a quoted question used as a subject: "“…泡沫？”成了…问题"
    # "「…。」陳冠宇說。": a short attribution after the closing quote belongs to the quote's sentence.
    tail = to_simplified(rest[:56])
    return _ATTRIBUTION_TAIL.match(tail) is None and _LONG_ATTRIBUTION.match(tail) is None


def _merge_fragments(sentences: list[str]) -> list[str]:
    merged: list[str] = []
    for sentence in sentences:
        content = re.sub(r"[\s\W]", "", sentence)
        # Translation artefacts: "… Sam Altman。 podcast 週五，…" and a lone "邊緣。" continue the sentence before.
        continues = bool(re.match(r"[a-z,，、]", sentence)) or len(content) < _MIN_SENTENCE_CHARS
        if merged and continues:
            merged[-1] = f"{merged[-1]} {sentence}"
        else:
            merged.append(sentence)
    return merged
