"""Detect whether text is English, Simplified Chinese or Traditional Chinese."""

from __future__ import annotations

import re

from knowledge.scripts import to_simplified, to_traditional

_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def detect_language(text: str) -> str:
    """'en', 'zh-Hans' or 'zh-Hant'; Chinese wins when Han characters outnumber Latin words."""
    han = _HAN.findall(text)
    words = _LATIN_WORD.findall(text)
    if len(han) < 2 or len(han) < len(words):
        return "en"
    joined = "".join(han)
    traditional_only = sum(a != b for a, b in zip(joined, to_simplified(joined), strict=False))
    simplified_only = sum(a != b for a, b in zip(joined, to_traditional(joined), strict=False))
    return "zh-Hant" if traditional_only > simplified_only else "zh-Hans"
