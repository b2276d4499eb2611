"""Chinese names of people and organizations in pinyin, with an organization's generic end in English."""

from __future__ import annotations

from knowledge.attribution.naming_words import ORG_SUFFIX_EN
from knowledge.attribution.syllables import name_syllables
from knowledge.scripts import to_simplified


def pinyin_name(written: str) -> str:
    """A Chinese personal name in pinyin, surname first: 陳冠宇 -> "Chen Guanyu"."""
    surname, given = name_syllables(written)
    if not given:
        return _joined(surname).title()
    return f"{_joined(surname).title()} {_joined(given).capitalize()}"


def _joined(syllables: list[str]) -> str:
    """Syllables written as one word, with pinyin's apostrophe before one opening in a, o or e ("Yong'en")."""
    return "".join(("'" if n and s[:1] in "aoe" else "") + s for n, s in enumerate(syllables))


_SUFFIXES_LONGEST_FIRST = sorted(ORG_SUFFIX_EN, key=len, reverse=True)


def generic_end(simplified: str) -> str | None:
    """The generic ending of a Chinese organization's name ("半导体" of 禾跃半导体), leaving at least two characters."""
    return next(
        (x for x in _SUFFIXES_LONGEST_FIRST if simplified.endswith(x) and len(simplified) > len(x) + 1), None
    )


def pinyin_org(written: str, syllables: list[str] | None = None) -> str:
    """A Chinese organization's name in pinyin with its generic end in English: 禾跃半导体 -> "Heyue Semiconductor".

    `syllables`: the characters' readings, when not pypinyin's first choice (see `pinyin_org_variants`).
    """
    from pypinyin import lazy_pinyin

    simplified = to_simplified(written).strip("《》〈〉「」“”")  # a title's brackets are not part of its name
    read = (
        syllables if syllables is not None and len(syllables) == len(simplified) else lazy_pinyin(simplified)
    )
    suffix = generic_end(simplified)
    if suffix is not None:
        stem = simplified[: len(simplified) - len(suffix)]
        # "沧屿数据交易所" is "Cangyu Data Exchange": a generic word before the generic end is English too
        inner = generic_end(stem)
        if inner is not None and ORG_SUFFIX_EN[inner] and ORG_SUFFIX_EN[suffix]:
            core = "".join(read[: len(stem) - len(inner)]).title()
            return f"{core} {ORG_SUFFIX_EN[inner]} {ORG_SUFFIX_EN[suffix]}"
        core = "".join(read[: len(stem)]).title()
        return f"{core} {ORG_SUFFIX_EN[suffix]}".strip()
    if len(simplified) >= 4:  # "衡钧精工": a brand of two characters and what it does, "Hengjun Jinggong"
        return f"{''.join(read[:2]).title()} {''.join(read[2:]).title()}"
    return "".join(read).title()


def pinyin_org_variants(written: str) -> list[str]:
    """The name read with another reading of one of its characters: 瑞晟证券 is "Ruisheng Securities" as well as
    pypinyin's "Ruicheng Securities" (names often take a character's rarer reading)."""
    from pypinyin import Style, lazy_pinyin, pinyin

    simplified = to_simplified(written).strip("《》〈〉「」“”")
    first = lazy_pinyin(simplified)
    readings = pinyin(simplified, style=Style.NORMAL, heteronym=True)
    if len(readings) != len(first):
        return []
    default = pinyin_org(written)
    variants = []
    for at, options in enumerate(readings):
        options = list(dict.fromkeys(options))
        # a character with a second common reading (晟 chéng/shèng), not one with a string of rare ones (能)
        if 2 <= len(options) <= 3 and options[1] != first[at] and options[1].isascii():
            variants.append(pinyin_org(written, [*first[:at], options[1], *first[at + 1 :]]))
    return [v for v in dict.fromkeys(variants) if v != default][:_MAX_VARIANTS]


_MAX_VARIANTS = 4
