"""The message catalogue and the reply language: every user-facing string, in every language, in one place.

Messages live in data files, one per language: `bot/locale/<code>.yaml` (a `meta` block and flat `messages`).
A language may derive from another (`derive_from`): what it does not write itself is the base language's
message, converted by the language pack's `convert` (Traditional Chinese is Simplified, converted with OpenCC
in Taiwan phrasing). English is the fallback of last resort, so a new key is never missing anywhere.

Language packs (`PACKS`) say how a language is recognised (locale codes) and how text is put in its script.
`reply_language` decides, once for every platform, which language a reply is in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from knowledge.language import detect_language, script_of_locale
from knowledge.scripts import to_simplified, to_taiwan_text

# libyaml's parser: the pure-Python one took ~0.1 s of every start to read the catalogues.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DEFAULT_LANGUAGE = "en"


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class LanguagePack:
    """How a language is recognised and written: its code, locale prefixes, script conversion, family."""

    code: str
    locales: tuple[
        str, ...
    ] = ()  # platform locales (Discord's zh-CN, Slack's zh-TW…) that mean this language
    convert: Callable[[str], str] = field(default=_same)  # text put into this language's script
    family: str = ""  # languages of one family share phrasing rules ("zh": both Chinese scripts)

    @property
    def family_name(self) -> str:
        """The family key ('en', 'zh'), the code itself when the pack names none."""
        return self.family or self.code


PACKS: dict[str, LanguagePack] = {
    "en": LanguagePack("en", ("en",), family="en"),
    "zh-Hans": LanguagePack("zh-Hans", ("zh-CN", "zh-SG", "zh-Hans", "zh"), to_simplified, "zh"),
    "zh-Hant": LanguagePack("zh-Hant", ("zh-TW", "zh-HK", "zh-MO", "zh-Hant"), to_taiwan_text, "zh"),
}


@dataclass(frozen=True)
class Catalogue:
    """One language's messages as written in its file (before derivation and fallback)."""

    code: str
    messages: Mapping[str, str]
    derive_from: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)


@cache
def catalogue(code: str) -> Catalogue:
    """The catalogue file of one language (bot/locale/<code>.yaml); KeyError for a language without one."""
    path = LOCALE_DIR / f"{code}.yaml"
    if not path.is_file():
        raise KeyError(code)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    meta = data.get("meta") or {}
    messages = {str(k): str(v) for k, v in (data.get("messages") or {}).items()}
    return Catalogue(code, messages, meta.get("derive_from"), meta)


def languages() -> list[str]:
    """Every language with a catalogue file and a language pack."""
    return [code for code in PACKS if (LOCALE_DIR / f"{code}.yaml").is_file()]


def supported(language: str | None) -> str:
    """The language itself when bubblebot speaks it, else English."""
    return language if language in PACKS and (LOCALE_DIR / f"{language}.yaml").is_file() else DEFAULT_LANGUAGE


@lru_cache(maxsize=4096)
def template(key: str, language: str) -> str:
    """The message for key in the language: its own, else derived from its base, else English (KeyError if none)."""
    language = supported(language)
    own = catalogue(language)
    if key in own.messages:
        return PACKS[language].convert(own.messages[key])
    if own.derive_from is not None:
        return PACKS[language].convert(template(key, own.derive_from))
    if language != DEFAULT_LANGUAGE:
        return template(key, DEFAULT_LANGUAGE)
    raise KeyError(key)


def message(key: str, language: str, /, **params: Any) -> str:
    """The message for key in the language with its {placeholders} filled in."""
    text = template(key, language)
    return text.format(**params) if params else text


def has_message(key: str) -> bool:
    """Whether the English catalogue (the fallback of every language) has this key."""
    return key in catalogue(DEFAULT_LANGUAGE).messages


# --- the reply language, decided in one place ---------------------------------------------------------


def language_of_locale(locale: str | None) -> str | None:
    """The language a platform locale means ('zh-TW' → zh-Hant, 'en-US' → en), None when unknown or absent."""
    if not locale:
        return None
    normalized = locale.replace("_", "-")
    for pack in PACKS.values():
        if normalized in pack.locales:
            return pack.code
    script = script_of_locale(normalized)
    if script is not None:
        return script
    prefix = normalized.split("-")[0].lower()
    return next((p.code for p in PACKS.values() if prefix in {loc.lower() for loc in p.locales}), None)


def reply_language(text: str | None = None, *, locale: str | None = None, setting: str | None = None) -> str:
    """The language to reply in: what the user wrote (when it has words), else their locale, else the channel's
    setting, else English. The words win because they are what the user chose for this very message."""
    hint = language_of_locale(locale)
    written = " ".join((text or "").split())
    if written and any(ch.isalpha() for ch in written):
        return supported(detect_language(written, hint=hint or setting))
    if hint is not None:
        return supported(hint)
    if setting:
        return supported(setting)
    return DEFAULT_LANGUAGE


# --- the answer phrases and helpers the answer composer uses ------------------------------------------


def family(language: str) -> str:
    """The phrase family of a language: 'en' or 'zh' (both Chinese scripts share phrasing rules)."""
    pack = PACKS.get(language)
    if pack is not None:
        return pack.family_name
    return "zh" if language.startswith("zh") else "en"


def convert(text: str, language: str) -> str:
    """Text in the script of the language (Chinese is converted; English is left alone)."""
    pack = PACKS.get(language)
    return pack.convert(text) if pack is not None else text


def localize(entry: Mapping[str, str], language: str) -> str:
    """An {"en": …, "zh": …} phrase in the language: the Chinese in the asker's script, else English."""
    return convert(entry["zh"], language) if family(language) == "zh" and "zh" in entry else entry["en"]


@lru_cache(maxsize=256)
def phrase(key: str, language: str) -> str:
    """An answer phrase (`answer.<key>` in the catalogue) in the language (en, zh-Hans, zh-Hant)."""
    return template(f"answer.{key}", language)


def language_name(quoted: str, reader: str) -> str:
    """What the reader calls the language of a quote: 'Chinese' for an English reader, '英文' for a Chinese one."""
    key = f"quoted_language.{quoted}"
    return template(key if has_message(key) else "quoted_language.en", reader)


def full_language_name(code: str, reader: str) -> str:
    """The full name of a language in the reader's language ('Simplified Chinese', '简体中文'); the code if unknown."""
    key = f"language.{code}"
    return template(key, reader) if has_message(key) else code


def measure_noun(measure: str, reader: str) -> str | None:
    """The noun for a measure in the reader's language, if there is one."""
    key = f"measure.{measure}"
    return template(key, reader) if has_message(key) else None


def examples(language: str) -> list[str]:
    """Three example questions in the language."""
    return [template(f"example.{n}", language) for n in (1, 2, 3)]
