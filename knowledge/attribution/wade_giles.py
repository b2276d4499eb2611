"""Taiwanese spellings of Chinese names: Wade–Giles as Taiwan writes it (張雅琪 -> "Chang Ya-chi")."""

from __future__ import annotations

import re

from knowledge.attribution.syllables import name_syllables
from knowledge.scripts import to_simplified

# Whole syllables that do not follow the rules below.
_SYLLABLES = {
    "zi": "tzu",
    "ci": "tzu",
    "si": "ssu",
    "er": "erh",
    "ge": "ko",
    "ke": "ko",
    "he": "ho",
    "yan": "yen",
    "ye": "yeh",
    "you": "yu",
    "yong": "yung",
    "gui": "kuei",
    "kui": "kuei",
    "zhuo": "cho",
    "chuo": "cho",
    "ruo": "jo",
}
_INITIALS = [
    ("zh", "ch"),
    ("ch", "ch"),
    ("sh", "sh"),
    ("b", "p"),
    ("d", "t"),
    ("g", "k"),
    ("j", "ch"),
    ("q", "ch"),
    ("x", "hs"),
    ("z", "ts"),
    ("c", "ts"),
    ("r", "j"),
]


def wade_giles_syllable(pinyin: str) -> str:
    """One pinyin syllable in Wade–Giles without apostrophes or diacritics ("zong" -> "tsung")."""
    pinyin = pinyin.lower().replace("ü", "u").replace("v", "u")
    if pinyin in _SYLLABLES:
        return _SYLLABLES[pinyin]
    initial, final = next(((p, w) for p, w in _INITIALS if pinyin.startswith(p)), ("", ""))
    rest = pinyin[len(initial) :]
    if initial in ("zh", "ch", "sh", "r") and rest == "i":
        rest = "ih"  # zhi -> chih, shi -> shih
    rest = re.sub(r"ong$", "ung", rest)
    rest = re.sub(r"ian$", "ien", rest)
    rest = re.sub(r"ie$", "ieh", rest)
    if re.fullmatch(r"(?:[bpmfdtnlzcsr]|zh|ch)uo", pinyin):
        rest = rest[:-2] + "o"  # duo -> to, luo -> lo (羅 is Lo); guo, kuo, huo, shuo keep it
    return (final if initial else "") + rest


def wade_giles_name(written: str) -> str | None:
    """A Chinese personal name as Taiwan romanizes it: surname, then the given name's syllables hyphenated."""
    surname, given = name_syllables(written)
    if not given:
        return None
    family = "".join(wade_giles_syllable(s) for s in surname).title()
    first = "-".join(wade_giles_syllable(s) for s in given)
    return f"{family} {first[:1].upper()}{first[1:]}"


def wade_giles_brand(written: str) -> list[str]:
    """A company's two-character brand as Taiwan spells it, run together or apart ("嵩暉" -> "Sunghui", "Sung Hui")."""
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(to_simplified(written))
    if len(syllables) != 2 or not all(s.isalpha() and s.isascii() for s in syllables):
        return []
    spelled = [wade_giles_syllable(s).title() for s in syllables]
    return ["".join(spelled).title(), " ".join(spelled)]
