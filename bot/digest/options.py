"""Reading a subscription's time, time zone and language from what users type, with clear errors."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import available_timezones

from bot.errors import BubblebotError

LANGUAGES = {"en": "en", "english": "en", "eng": "en",
             "zh-hans": "zh-Hans", "zh_hans": "zh-Hans", "zh-cn": "zh-Hans", "zh": "zh-Hans", "简体": "zh-Hans",
             "简体中文": "zh-Hans", "simplified": "zh-Hans",
             "zh-hant": "zh-Hant", "zh_hant": "zh-Hant", "zh-tw": "zh-Hant", "zh-hk": "zh-Hant", "繁體": "zh-Hant",
             "繁體中文": "zh-Hant", "繁体": "zh-Hant", "traditional": "zh-Hant"}
TIME = re.compile(r"^(?P<h>[01]?\d|2[0-3])[:：.h](?P<m>[0-5]\d)$")
TIME_LIKE = re.compile(r"^\d{1,2}\D\d{1,2}$|^\d{3,4}$")
ALIASES = {"utc": "UTC", "gmt": "UTC", "z": "UTC", "etc/utc": "UTC"}

TIME_HELP = "a time as HH:MM on a 24-hour clock (e.g. 09:00 or 18:30)"
ZONE_HELP = ("a time zone as an IANA name (e.g. Asia/Shanghai, Asia/Taipei, Europe/London, America/New_York "
             "or UTC; list: https://en.wikipedia.org/wiki/List_of_tz_database_time_zones)")
LANGUAGE_HELP = "a language: en (English), zh-Hans (Simplified Chinese) or zh-Hant (Traditional Chinese)"


class DigestUsageError(BubblebotError):
    """A digest command with a time, time zone or language we cannot read; the message lists valid forms."""


@lru_cache(maxsize=1)
def _zones() -> dict[str, str]:
    return {name.casefold(): name for name in available_timezones()}


def parse_time(text: str) -> str:
    """'9:00', '09:00', '18.30' → 'HH:MM' (24-hour)."""
    match = TIME.match(text.strip())
    if match is None:
        raise DigestUsageError(f"“{text}” is not a valid time: use {TIME_HELP}.")
    return f"{int(match['h']):02d}:{match['m']}"


def parse_zone(text: str) -> str:
    """An IANA time zone name, matched case-insensitively ('asia/shanghai' → 'Asia/Shanghai'; 'utc' → 'UTC')."""
    key = text.strip().casefold()
    if key in ALIASES:
        return ALIASES[key]
    zone = _zones().get(key)
    if zone is None:
        close = difflib.get_close_matches(key, list(_zones()), n=1, cutoff=0.8)
        hint = f" Did you mean {_zones()[close[0]]}?" if close else ""
        raise DigestUsageError(f"“{text}” is not a time zone I know: use {ZONE_HELP}.{hint}")
    return zone


def parse_language(text: str) -> str:
    """'en', 'zh-Hans', 'zh-Hant' (and common spellings such as zh-CN, zh-TW, English)."""
    language = LANGUAGES.get(text.strip().casefold())
    if language is None:
        raise DigestUsageError(f"“{text}” is not a digest language: use {LANGUAGE_HELP}.")
    return language


@dataclass(frozen=True)
class SubscribeRequest:
    """What a subscribe command asked for; None keeps the current (or default) value."""

    time: str | None = None
    tz: str | None = None
    language: str | None = None


def parse_subscribe(words: list[str], usage: str) -> SubscribeRequest:
    """Time, time zone and language in any order ('18:30 Europe/London zh-Hant'), each at most once."""
    found: dict[str, str] = {}
    for word in words:
        if TIME.match(word) or TIME_LIKE.match(word):
            field, value = "time", parse_time(word)
        elif word.casefold() in LANGUAGES:
            field, value = "language", parse_language(word)
        elif "/" in word or word.casefold() in ALIASES or word.casefold() in _zones():
            field, value = "tz", parse_zone(word)
        else:
            raise DigestUsageError(f"I couldn't read “{word}”. Use {usage} with {TIME_HELP}; {ZONE_HELP}; "
                                   f"and {LANGUAGE_HELP}.")
        if field in found:
            raise DigestUsageError(f"Give at most one {'time zone' if field == 'tz' else field}. Use {usage}.")
        found[field] = value
    return SubscribeRequest(time=found.get("time"), tz=found.get("tz"), language=found.get("language"))
