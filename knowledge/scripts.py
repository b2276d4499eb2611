"""Chinese script folding (Traditional <-> Simplified) with OpenCC."""

from __future__ import annotations

import re
from functools import lru_cache

import opencc


@lru_cache(maxsize=4)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Convert Traditional Chinese characters in text to Simplified."""
    if text.isascii():  # nothing to convert (most names and English text): skip the converter
        return text
    simplified = str(_converter("t2s").convert(text))
    if len(simplified) == len(text) and any(ord(c) > 0xFFFF for c in simplified):
        # "昱鋐精密": a rare character whose simplified form lies outside the common block (𬭎) stays as written,
        # so that names keep every character to patterns that read Chinese as \u4e00-\u9fff
        pairs = zip(simplified, text, strict=True)
        simplified = "".join(c if ord(c) <= 0xFFFF or ord(t) > 0xFFFF else t for c, t in pairs)
    return simplified


def to_traditional(text: str) -> str:
    """Convert Simplified Chinese characters in text to Traditional."""
    return str(_converter("s2t").convert(text))


def to_traditional_tw(text: str) -> str:
    """Convert to Traditional Chinese in Taiwan's standard character forms (為, 裡), for display."""
    return str(_converter("s2tw").convert(text))


def fold(text: str) -> str:
    """Fold text for matching: Simplified script, lower-case Latin letters."""
    return to_simplified(text).lower()


# Between Latin letters and Chinese characters: "arr到多少" is "arr 到多少" to a pattern that wants a whole word.
_SCRIPT_SEAM = re.compile(r"(?<=[a-z0-9])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=[a-z])")


def space_scripts(folded: str) -> str:
    """Folded text with a space wherever a Latin word meets Chinese ("arr已突破" -> "arr 已突破")."""
    return _SCRIPT_SEAM.sub(" ", folded)


def to_taiwan(text: str) -> str:
    """Convert to Traditional Chinese with Taiwan's phrasing (首席執行官 -> 執行長, 數據中心 -> 資料中心), for display."""
    return str(_converter("s2twp").convert(text))


# Phrase rules read transliterated names as words (布雷 "lay mines" -> 佈雷); in a name these keep their plain form.
_NAME_CHARS = str.maketrans({"佈": "布", "裡": "里", "裏": "里", "託": "托"})
_NAME = re.compile(r"[\u3400-\u9fff]{1,4}(?:·[\u3400-\u9fff]{1,6})+")


def to_taiwan_text(text: str) -> str:
    """Taiwan phrasing for display, keeping transliterated names (布雷特·泰勒) in their plain characters."""
    return _NAME.sub(lambda m: m.group().translate(_NAME_CHARS), to_taiwan(text))
