"""A Chinese personal name's syllables in pinyin, as names are read (surname, then given name)."""

from __future__ import annotations

from knowledge.scripts import to_simplified

# Given-name readings that differ from pypinyin's default reading of the character.
GIVEN_NAME_READINGS = {"柏": "bo", "泊": "bo", "劲": "jin", "晟": "sheng", "崴": "wei", "若": "ruo"}
# Surnames read otherwise than the character in running text (区 is Ōu as a surname, qū as a district).
SURNAME_READINGS = {
    "区": "ou",
    "单": "shan",
    "解": "xie",
    "仇": "qiu",
    "查": "zha",
    "曾": "zeng",
    "盖": "ge",
    "缪": "miao",
    "朴": "piao",
    "乐": "yue",
    "翟": "zhai",
    "卜": "bu",
    "阚": "kan",
    "覃": "qin",
    "召": "shao",
    "薄": "bo",
    "尉": "yu",
    "员": "yun",
    "种": "chong",
    "秘": "bi",
    "繁": "po",
}


def name_syllables(written: str) -> tuple[list[str], list[str]]:
    """A Chinese personal name's pinyin syllables: (surname, given name)."""
    from pypinyin import lazy_pinyin  # its dictionaries take ~0.7 s to load: only when a name needs it

    simplified = to_simplified(written.replace("·", ""))
    syllables = lazy_pinyin(simplified, v_to_u=True)  # 吕 is "lü", never "lv"
    if len(syllables) < 2:
        return syllables, []
    from knowledge.attribution.people_zh import COMPOUND_SURNAMES

    # "欧阳立" is Ouyang Li: a two-character surname before a one-character given name
    surname = 2 if len(syllables) == 4 or (len(syllables) == 3 and simplified[:2] in COMPOUND_SURNAMES) else 1
    # characters read otherwise in a given name than in running text (柏: bó in 林柏翰, bǎi in 柏树)
    given = [
        GIVEN_NAME_READINGS.get(char, syllable)
        for char, syllable in zip(simplified[surname:], syllables[surname:], strict=False)
    ]
    family = [
        SURNAME_READINGS.get(c, y) if surname == 1 else y
        for c, y in zip(simplified, syllables[:surname], strict=False)
    ]
    return family, given
