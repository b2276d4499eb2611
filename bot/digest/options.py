"""Reading a subscription's time, time zone and language from what users type, with clear errors."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import available_timezones

from bot.errors import BubblebotError

LANGUAGES = {
    "en": "en",
    "english": "en",
    "eng": "en",
    "zh-hans": "zh-Hans",
    "zh_hans": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh": "zh-Hans",
    "简体": "zh-Hans",
    "简体中文": "zh-Hans",
    "simplified": "zh-Hans",
    "zh-hant": "zh-Hant",
    "zh_hant": "zh-Hant",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "繁體": "zh-Hant",
    "繁體中文": "zh-Hant",
    "繁体": "zh-Hant",
    "traditional": "zh-Hant",
}
TIME = re.compile(r"^(?P<h>[01]?\d|2[0-3])[:：.h](?P<m>[0-5]\d)$")
TIME_LIKE = re.compile(r"^\d{1,2}\D\d{1,2}$|^\d{3,4}$")
# 12-hour clock: "9am", "9 am", "9:30 pm", "9.30PM", "12am" (midnight)
TWELVE_HOUR = re.compile(
    r"^(?P<h>0?[1-9]|1[0-2])(?:[:：.](?P<m>[0-5]\d))?\s*(?P<half>[ap])\.?m\.?$", re.IGNORECASE
)
BARE_HOUR = re.compile(
    r"^(?P<h>[01]?\d|2[0-3])(?P<m>[0-5]\d)?$"
)  # "9", "930", "1830": asked back, not guessed
OFFSET = re.compile(r"^(?:utc|gmt)?\s*(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?$", re.IGNORECASE)
ALIASES = {"utc": "UTC", "gmt": "UTC", "z": "UTC", "etc/utc": "UTC"}
# Abbreviations people type, each mapped to the place whose clock they mean (with its summer time).
ABBREVIATIONS = {
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "pt": "America/Los_Angeles",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "mt": "America/Denver",
    "est": "America/New_York",
    "edt": "America/New_York",
    "et": "America/New_York",
    "cet": "Europe/Berlin",
    "cest": "Europe/Berlin",
    "wet": "Europe/Lisbon",
    "eet": "Europe/Athens",
    "bst": "Europe/London",
    "jst": "Asia/Tokyo",
    "kst": "Asia/Seoul",
    "hkt": "Asia/Hong_Kong",
    "sgt": "Asia/Singapore",
    "aest": "Australia/Sydney",
    "aedt": "Australia/Sydney",
    "北京时间": "Asia/Shanghai",
    "北京時間": "Asia/Shanghai",
    "台北时间": "Asia/Taipei",
    "台北時間": "Asia/Taipei",
}
# Abbreviations that name more than one clock: asked back rather than guessed.
AMBIGUOUS = {
    "cst": ("America/Chicago", "Asia/Shanghai"),
    "ist": ("Asia/Kolkata", "Asia/Jerusalem", "Europe/Dublin"),
}
# Cities people name that are not the last part of an IANA name (those are found by themselves).
CITIES = {
    "beijing": "Asia/Shanghai",
    "shenzhen": "Asia/Shanghai",
    "guangzhou": "Asia/Shanghai",
    "hangzhou": "Asia/Shanghai",
    "chengdu": "Asia/Shanghai",
    "china": "Asia/Shanghai",
    "北京": "Asia/Shanghai",
    "上海": "Asia/Shanghai",
    "深圳": "Asia/Shanghai",
    "广州": "Asia/Shanghai",
    "廣州": "Asia/Shanghai",
    "杭州": "Asia/Shanghai",
    "成都": "Asia/Shanghai",
    "中国": "Asia/Shanghai",
    "中國": "Asia/Shanghai",
    "香港": "Asia/Hong_Kong",
    "澳门": "Asia/Macau",
    "澳門": "Asia/Macau",
    "台北": "Asia/Taipei",
    "臺北": "Asia/Taipei",
    "台湾": "Asia/Taipei",
    "台灣": "Asia/Taipei",
    "taiwan": "Asia/Taipei",
    "东京": "Asia/Tokyo",
    "東京": "Asia/Tokyo",
    "首尔": "Asia/Seoul",
    "首爾": "Asia/Seoul",
    "新加坡": "Asia/Singapore",
    "伦敦": "Europe/London",
    "倫敦": "Europe/London",
    "巴黎": "Europe/Paris",
    "柏林": "Europe/Berlin",
    "纽约": "America/New_York",
    "紐約": "America/New_York",
    "旧金山": "America/Los_Angeles",
    "舊金山": "America/Los_Angeles",
    "洛杉矶": "America/Los_Angeles",
    "洛杉磯": "America/Los_Angeles",
    "西雅图": "America/Los_Angeles",
    "西雅圖": "America/Los_Angeles",
    "nyc": "America/New_York",
    "washington": "America/New_York",
    "boston": "America/New_York",
    "san francisco": "America/Los_Angeles",
    "sf": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "silicon valley": "America/Los_Angeles",
    "la": "America/Los_Angeles",
    "bangalore": "Asia/Kolkata",
    "bengaluru": "Asia/Kolkata",
    "mumbai": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata",
}
MAX_ZONE_WORDS = 3  # "new york", "san francisco", "salt lake city"


class DigestUsageError(BubblebotError):
    """A digest command with a time, time zone or language we cannot read; the message lists valid forms.

    `key` is an `error.digest_*` message; the valid forms ({time_help}, {zone_help}, {language_help}), the
    command's usage and the "did you mean" hint are filled in, in the reader's language."""

    def __init__(
        self, key: str, *, suggestion: str | None = None, choices: tuple[str, ...] = (), **params: str
    ) -> None:
        self.suggestion = suggestion
        self.choices = choices
        self._keyed(key, **params)

    def localized(self, language: str) -> str:
        """The message in the reader's language, with the valid forms and hint in that language too."""
        from bot.i18n import message, template

        assert self.key is not None
        hint = message("error.did_you_mean", language, suggestion=self.suggestion) if self.suggestion else ""
        return message(
            self.key,
            language,
            time_help=template("help.time", language),
            zone_help=template("help.zone", language),
            language_help=template("help.language", language),
            usage=template("digest_cmd.usage", language),
            hint=hint,
            choices=template("error.or", language).join(self.choices),
            **self.params,
        )

    def _keyed(self, key: str, **params: object) -> None:
        self.key, self.params = key, dict(params)
        Exception.__init__(self, self.localized("en"))


@lru_cache(maxsize=1)
def _zones() -> dict[str, str]:
    return {name.casefold(): name for name in available_timezones()}


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """Every name a zone is known by: IANA names, their city parts ("new york"), cities and abbreviations."""
    places: dict[str, str] = dict(_zones())
    for name in sorted(available_timezones()):
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/")):
            city = name.rsplit("/", 1)[1].replace("_", " ").casefold()
            places.setdefault(city, _canonical(name))
    places.update(CITIES)
    places.update(ABBREVIATIONS)
    places.update(
        ALIASES
    )  # last: "EST" is the New York clock people mean, not the IANA zone without summer time
    return places


def _canonical(name: str) -> str:
    """The current IANA name for an old alias (Asia/Calcutta → Asia/Kolkata) where we know it."""
    return {"Asia/Calcutta": "Asia/Kolkata", "Asia/Saigon": "Asia/Ho_Chi_Minh"}.get(name, name)


def parse_time(text: str) -> str:
    """'9:00', '09:00', '18.30', '9am', '9:30 pm' → 'HH:MM' (24-hour)."""
    typed = text.strip()
    match = TIME.match(typed)
    if match is not None:
        return f"{int(match['h']):02d}:{match['m']}"
    twelve = TWELVE_HOUR.match(typed)
    if twelve is not None:
        hour = int(twelve["h"]) % 12 + (12 if twelve["half"].lower() == "p" else 0)
        return f"{hour:02d}:{twelve['m'] or '00'}"
    bare = BARE_HOUR.match(typed)
    suggestion = f"{int(bare['h']):02d}:{bare['m'] or '00'}" if bare else None
    raise DigestUsageError("error.digest_time", text=text, suggestion=suggestion)


def parse_zone(text: str) -> str:
    """A time zone from a city, IANA name, abbreviation or UTC offset ('北京' → 'Asia/Shanghai', 'UTC+8' → 'Etc/GMT-8')."""
    key = " ".join(text.strip().replace("_", " ").split()).casefold()
    zone = _places().get(key) or _places().get(key.replace(" ", "_")) or _offset_zone(key)
    if zone is not None:
        return zone
    if key in AMBIGUOUS:
        raise DigestUsageError("error.digest_zone_ambiguous", text=text, choices=AMBIGUOUS[key])
    raise DigestUsageError("error.digest_zone", text=text, suggestion=_zone_hint(key))


def _offset_zone(key: str) -> str | None:
    """'utc+8', 'gmt-5', '+08:00' → the fixed-offset IANA zone (Etc/GMT-8 is UTC+8: POSIX signs are reversed)."""
    match = OFFSET.match(key)
    if match is None:
        return None
    hours, minutes = int(match["h"]), int(match["m"] or 0)
    if minutes or hours > 14:
        raise DigestUsageError("error.digest_offset", text=key)
    if hours == 0:
        return "UTC"
    return f"Etc/GMT{'-' if match['sign'] == '+' else '+'}{hours}"


def _zone_hint(key: str) -> str | None:
    """'Asia/Shanghai' for a near miss ('shangai'), else None."""
    close = difflib.get_close_matches(key, list(_places()), n=1, cutoff=0.75)
    return _places()[close[0]] if close else None


def is_zone(text: str) -> bool:
    """Whether text reads as a time zone (without raising)."""
    try:
        parse_zone(text)
    except DigestUsageError:
        return False
    return True


def is_time(text: str) -> bool:
    """Whether text reads as a time of day (without raising)."""
    return bool(TIME.match(text.strip()) or TWELVE_HOUR.match(text.strip()))


def parse_language(text: str) -> str:
    """'en', 'zh-Hans', 'zh-Hant' (and common spellings such as zh-CN, zh-TW, English)."""
    language = LANGUAGES.get(text.strip().casefold())
    if language is None:
        raise DigestUsageError("error.digest_language", text=text)
    return language


@dataclass(frozen=True)
class SubscribeRequest:
    """What a subscribe command asked for; None keeps the current (or default) value."""

    time: str | None = None
    tz: str | None = None
    language: str | None = None


def parse_subscribe(words: list[str]) -> SubscribeRequest:
    """Time, time zone and language in any order ('9:30 pm new york zh-Hant'), each at most once."""
    found: dict[str, str] = {}
    for field, value in _fields(words):
        if field in found:
            raise DigestUsageError(f"error.digest_twice_{field}")
        found[field] = value
    return SubscribeRequest(time=found.get("time"), tz=found.get("tz"), language=found.get("language"))


def _fields(words: list[str]) -> list[tuple[str, str]]:
    """The (field, value) pairs in words; a time or zone may span words ("9:30 pm", "new york")."""
    fields: list[tuple[str, str]] = []
    at = 0
    while at < len(words):
        taken, field = _longest(words, at)
        phrase = " ".join(words[at : at + taken])
        if field == "time" or (field is None and (TIME_LIKE.match(phrase) or BARE_HOUR.match(phrase))):
            fields.append(("time", parse_time(phrase)))
        elif field == "language":
            fields.append(("language", parse_language(phrase)))
        elif field == "tz" or "/" in phrase or phrase.casefold() in AMBIGUOUS:
            fields.append(("tz", parse_zone(phrase)))
        else:
            raise DigestUsageError(
                "error.digest_unreadable", text=phrase, suggestion=_zone_hint(phrase.casefold())
            )
        at += taken
    return fields


def _longest(words: list[str], at: int) -> tuple[int, str | None]:
    """How many words from `at` make the longest time, zone or language, and which (1, None if none)."""
    for size in range(min(MAX_ZONE_WORDS, len(words) - at), 0, -1):
        phrase = " ".join(words[at : at + size])
        if is_time(phrase):
            return size, "time"
        if phrase.casefold() in LANGUAGES:
            return size, "language"
        if is_zone(phrase):
            return size, "tz"
    return 1, None
