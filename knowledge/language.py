"""Detect whether text is English, Simplified Chinese or Traditional Chinese."""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.scripts import to_simplified, to_traditional_tw

_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


# Locales (Slack, Discord, browsers) that mean Traditional script; other Chinese locales mean Simplified.
_TRADITIONAL_LOCALES = ("zh-tw", "zh-hk", "zh-mo", "zh-hant")


def script_of_locale(locale: str | None) -> str | None:
    """'zh-Hant' or 'zh-Hans' for a Chinese locale ('zh-TW', 'zh_HK', 'zh-CN'), None for any other."""
    folded = (locale or "").replace("_", "-").lower()
    if not folded.startswith("zh"):
        return None
    return "zh-Hant" if folded.startswith(_TRADITIONAL_LOCALES) else "zh-Hans"


def detect_language(text: str, hint: str | None = None) -> str:
    """'en', 'zh-Hans' or 'zh-Hant'; Chinese wins when Han characters outnumber Latin words.

    Text whose characters are all shared by both scripts ("AI泡沫") takes its script from `hint` (the
    conversation's script or the user's locale: 'zh-Hant', 'zh-TW'…), and is Simplified without one.
    """
    han = _HAN.findall(text)
    words = _LATIN_WORD.findall(text)
    if len(han) < 2 or len(han) < len(words):
        return "en"
    return _written_script("".join(han)) or script_of_locale(hint) or "zh-Hans"


# Characters Traditional writing uses as much as their "Traditional" forms (台北, 台積電 beside 臺; 岳 in names
# beside 嶽; 余 as a surname beside 餘).
_BOTH_SCRIPTS = frozenset("台岳余")


def _written_script(han: str) -> str | None:
    """The script its own characters show, or None when they are shared by both (or as many of each)."""
    traditional_only = sum(a != b for a, b in zip(han, to_simplified(han), strict=False))
    simplified_only = sum(
        a != b and a not in _BOTH_SCRIPTS for a, b in zip(han, to_traditional_tw(han), strict=False)
    )
    if traditional_only == simplified_only:
        return None
    return "zh-Hant" if traditional_only > simplified_only else "zh-Hans"


def conversation_script(earlier: Sequence[str], locale: str | None = None) -> str | None:
    """The Chinese script a conversation is in: its latest question that shows one, else the user's locale."""
    for text in reversed(earlier):
        shown = _written_script("".join(_HAN.findall(text)))
        if shown:
            return shown
    return script_of_locale(locale)


_KANA = re.compile(r"[\u3040-\u30ff]")
_OTHER_SCRIPT = re.compile(
    r"[\uac00-\ud7af\u0400-\u04ff\u0370-\u03ff\u0590-\u06ff\u0900-\u097f\u0e00-\u0e7f]"
)
_ENGLISH_WORDS = frozenset(
    {
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "that",
        "for",
        "it",
        "on",
        "was",
        "with",
        "as",
        "at",
        "by",
        "be",
        "are",
        "this",
        "from",
        "has",
        "have",
        "had",
        "said",
        "says",
        "its",
        "an",
        "not",
        "but",
        "he",
        "she",
        "they",
        "will",
        "would",
        "their",
        "which",
        "or",
        "more",
        "than",
        "who",
        "were",
        "been",
        "we",
        "our",
        "i",
        "you",
        "also",
        "about",
        "after",
        "up",
    }
)


def detect_document_language(text: str) -> str | None:
    """The language of a whole article ('en', 'zh-Hans', 'zh-Hant'), or None for any other language."""
    han = len(_HAN.findall(text))
    if len(_KANA.findall(text)) > 0.05 * max(han, 1) or len(_OTHER_SCRIPT.findall(text)) > 0.2 * max(han, 20):
        return None
    language = detect_language(text)
    if language != "en":
        return language
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
    if not words or sum(w in _ENGLISH_WORDS for w in words) < 0.12 * len(words):
        return None  # Latin letters, but not English (French, German, …)
    return language
