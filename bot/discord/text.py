"""Discord-specific phrases (button labels, acknowledgements): `discord.*` in the message catalogue."""

from __future__ import annotations

from functools import lru_cache

from bot.i18n import language_of_locale as _language_of_locale
from bot.i18n import template


@lru_cache(maxsize=128)
def text(key: str, language: str) -> str:
    """The Discord phrase for key in the language (en, zh-Hans, zh-Hant; anything else is English)."""
    return template(f"discord.{key}", language)


def language_of_locale(locale: str | None) -> str:
    """The answer language for a Discord locale such as "zh-CN", "zh-TW" or "en-US"."""
    return _language_of_locale(locale) or "en"
