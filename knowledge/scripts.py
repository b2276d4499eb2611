"""Chinese script folding (Traditional <-> Simplified) with OpenCC."""

from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=4)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Convert Traditional Chinese characters in text to Simplified."""
    return str(_converter("t2s").convert(text))


def to_traditional(text: str) -> str:
    """Convert Simplified Chinese characters in text to Traditional."""
    return str(_converter("s2t").convert(text))


def to_traditional_tw(text: str) -> str:
    """Convert to Traditional Chinese in Taiwan's standard character forms (為, 裡), for display."""
    return str(_converter("s2tw").convert(text))


def fold(text: str) -> str:
    """Fold text for matching: Simplified script, lower-case Latin letters."""
    return to_simplified(text).lower()


def to_taiwan(text: str) -> str:
    """Convert to Traditional Chinese with Taiwan's phrasing (首席執行官 -> 執行長, 數據中心 -> 資料中心), for display."""
    return str(_converter("s2twp").convert(text))


def to_traditional_chars(text: str) -> str:
    """Convert character by character to Taiwan forms: for transliterated names, where phrase rules misfire (佈雷特)."""
    converter = _converter("s2tw")
    return "".join(str(converter.convert(char)) for char in text)
