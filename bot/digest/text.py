"""The digest's phrases (`digest.*` in the message catalogue) and its dates in the channel's language."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from bot.i18n import full_language_name, message, template


@lru_cache(maxsize=128)
def digest_text(key: str, language: str) -> str:
    """A digest phrase in the channel's language (en, zh-Hans, zh-Hant)."""
    return template(f"digest.{key}", language)


def language_name(code: str, language: str) -> str:
    """The name of a content language (en, zh-Hans, zh-Hant) in the channel's language."""
    return full_language_name(code, language)


def long_date(day: date, language: str) -> str:
    """'Monday 23 November 2026' or '2026年11月23日 星期一'."""
    return message(
        "digest.long_date",
        language,
        weekday=template(f"digest.weekday.{day.weekday()}", language),
        day=day.day,
        month_name=template(f"digest.month.{day.month}", language),
        year=day.year,
    )
