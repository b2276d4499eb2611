"""Speakers, roles and titles as the reader reads them: Latin script for English, the reader's Chinese script otherwise."""

from __future__ import annotations

import re

from bot.i18n import convert, family
from bot.unnamed_english import unnamed_in_english
from knowledge.attribution.lexicon_en import surname_of
from knowledge.attribution.naming import ROLE_UNKNOWN
from knowledge.attribution.naming_pinyin import pinyin_name, pinyin_org
from knowledge.sources import Source
from knowledge.speakers import TITLE_WORDS, Speaker

_HAN_RUN = re.compile(r"[\u3400-\u9fff][\u3400-\u9fff·]*")
_HAN = re.compile(r"[\u3400-\u9fff]")


def has_han(text: str) -> bool:
    """Whether text has any Chinese character."""
    return bool(_HAN.search(text))


def latin_name(speaker: Speaker) -> str:
    """The speaker's name in Latin script: the canonical name, a Latin alias, or pinyin as the last resort."""
    if not has_han(speaker.name):
        return speaker.name
    latin = [a for a in speaker.aliases if a.isascii() and a.strip()]
    if latin:
        return max(latin, key=lambda a: (" " in a, len(a)))
    if speaker.kind == "organization":
        return pinyin_org(speaker.name)
    return " ".join(pinyin_name(part) for part in speaker.name.split("·"))


def latin_text(text: str) -> str:
    """Text with its Chinese words (organization names in an English role) in pinyin: 'CFO, 禾跃' -> 'CFO, Heyue'."""
    return _HAN_RUN.sub(lambda m: pinyin_org(m.group()), text)


UNNAMED = "unnamed:"


def unnamed_description(speaker: Speaker) -> str | None:
    """How the article describes an unnamed source ("two bankers who worked on the sale"); None for a named one."""
    return speaker.name.removeprefix(UNNAMED).strip() if speaker.name.startswith(UNNAMED) else None


def speaker_name(speaker: Speaker, language: str) -> str:
    """The name as the reader reads it: 'Dario Amodei' or '达里奥·阿莫代伊' / '達里奧·阿莫代伊'."""
    said = unnamed_description(speaker)
    if said is not None:
        # "unnamed: two bankers who worked on the sale" is shown as the article describes them
        if family(language) == "en":
            # a Chinese description is told in English with the article's words beside it, never spelt in pinyin
            return unnamed_in_english(said) if has_han(said) else said[:1].upper() + said[1:]
        return convert(said, language)
    if family(language) == "en":
        return latin_name(speaker)
    return convert(speaker.name_zh or speaker.name, language)


def speaker_role(speaker: Speaker, language: str) -> str:
    """The role as the reader reads it: 'CEO, Anthropic' or 'Anthropic首席执行官' / 'Anthropic執行長'; '' when the
    article never says who the person is."""
    if speaker.role == ROLE_UNKNOWN and not speaker.role_zh:
        return ""
    if family(language) == "en":
        return latin_text(speaker.role)
    return convert(speaker.role_zh or _role_in_chinese(speaker) or speaker.role, language)


def _role_in_chinese(speaker: Speaker) -> str | None:
    """An English-language role told in Chinese from its positions: ('treasurer', 'Copper Basin') -> 'Copper Basin司库'."""
    parts = []
    for title, org in speaker.positions:
        chinese = next((w for w in TITLE_WORDS.get(title, ()) if has_han(w)), None)
        if chinese is None:
            return None  # a title with no Chinese word: the English role, whole, is better than half of it
        parts.append(f"{org or ''}{chinese}")
    return "、".join(parts) or None


def short_name(speaker: Speaker, language: str) -> str:
    """How a speaker is named again after the first mention: 'Amodei', '阿莫代伊'; organizations in full."""
    name = speaker_name(speaker, language)
    if speaker.kind == "organization":
        return name
    if family(language) == "en":
        return surname_of(name) if " " in name else name
    return name.split("·")[-1]


def describe(speaker: Speaker, language: str) -> str:
    """'Sam Altman (CEO, OpenAI)' or '萨姆·阿尔特曼（OpenAI首席执行官）' in the reader's script; organizations by name."""
    name = speaker_name(speaker, language)
    role = speaker_role(speaker, language) if speaker.kind != "organization" else ""
    if not role:
        return name
    return f"{name} ({role})" if family(language) == "en" else f"{name}（{role}）"


def source_title(source: Source, language: str) -> str:
    """The article's title in the reader's language where known (title_en), else as published, in the reader's script."""
    if family(language) == "en":
        return source.title_en or source.title
    return convert(source.title, language)


def publisher_name(source: Source, language: str) -> str:
    """Who published the article (or the original it translates), in the reader's script: pinyin for English readers."""
    publisher = source.translation_of or source.publisher
    if family(language) == "en":
        return latin_text(publisher) if has_han(publisher) else publisher
    return convert(publisher, language)
