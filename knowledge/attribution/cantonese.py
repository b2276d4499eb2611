"""Hong Kong spellings of Chinese names: Cantonese as Hong Kong romanizes it (區詠芝 -> "Au Wing-chi").

Hong Kong's romanization of names is a convention, not a system: 志 is "Chi" or "Tsz", 儀 "Yi" or "Yee".
Each name therefore gets every usual spelling, a handful at most, so that an English question finds the
person however the asker spells them.
"""

from __future__ import annotations

import itertools

from knowledge.scripts import to_traditional

# Surnames read otherwise than the character in running text (區 is Au as a surname, keoi as a district).
SURNAME_READINGS = {"區": "au", "曾": "zang", "單": "sin", "仇": "kau", "覃": "cam", "查": "caa", "樂": "lok"}
# Surnames Hong Kong spells by custom, not by rule.
SURNAME_SPELLINGS = {
    "謝": ["tse"],
    "岑": ["shum", "sham"],
    "沈": ["shum", "sham", "sum"],
    "羅": ["law", "lo"],
    "盧": ["lo", "lou"],
    "李": ["lee", "li"],
    "司徒": ["szeto", "sze-to"],
    "歐陽": ["au-yeung", "auyeung"],
    "上官": ["sheung-kwun"],
}
# Jyutping initials as Hong Kong writes them, longest first (z and c are "ch" or "ts" by custom).
_INITIALS = [
    ("gw", ["kw"]),
    ("kw", ["kw"]),
    ("ng", ["ng"]),
    ("b", ["p"]),
    ("d", ["t"]),
    ("g", ["k"]),
    ("z", ["ch", "ts"]),
    ("c", ["ch", "ts"]),
    ("j", ["y"]),
    ("s", ["s", "sh"]),
    *((letter, [letter]) for letter in "pmftnlkhw"),
]
# Whole Jyutping finals Hong Kong spells otherwise; the rest keep their letters, aa- and oe- shortened.
_FINALS = {
    "eoi": ["ui"],
    "eon": ["un"],
    "eot": ["ut"],
    "yu": ["u", "ue"],
    "yun": ["uen", "un"],
    "yut": ["uet", "ut"],
    "ou": ["o"],
    "ei": ["ei", "ee", "i"],
    "u": ["u", "oo"],
    "un": ["un", "oon"],
    "an": ["an", "un"],  # 振 in 梁振英 is "Chun", 文 "Man"
}
# 志 "Chi"/"Tsz", 詩 "Sze"/"Si", 儀 "Yi"/"Yee": a bare -i after these initials
_BARE_I = {"z": ["chi", "tsz"], "c": ["chi", "tsz"], "s": ["sze", "si", "see"], "j": ["yi", "yee"]}
_LIMIT = 8  # spellings per name: enough for the usual conventions, few enough to keep the index small


def cantonese_syllables(jyutping: str, *, surname: bool = False) -> list[str]:
    """One Jyutping syllable (tone digit allowed) in its usual Hong Kong spellings ("zi2" -> chi, tsz).

    A surname keeps one spelling of its vowels: 陳 is "Chan" or "Tsan", never "Chun".
    """
    syllable = jyutping.rstrip("123456").lower()
    if syllable in ("m", "ng"):
        return [syllable]
    initial, spelt = next(((j, h) for j, h in _INITIALS if syllable.startswith(j)), ("", [""]))
    final = syllable[len(initial) :]
    if final == "i" and initial in _BARE_I:
        return _BARE_I[initial]
    if final.startswith("aa"):
        finals = [final[1:]]
    elif final.startswith("oe"):
        finals = ["eu" + final[2:]]
    else:
        finals = _FINALS.get(final, [final])
    if initial == "j" and final.startswith("yu"):
        spelt, finals = [""], ["y" + f for f in finals]  # 余 jyu is "Yu", 源 jyun "Yuen"
    if initial == "g" and final in ("un", "ut"):
        spelt = ["kw", "k"]  # 冠, 觀 gun are "Kwun" (觀塘 Kwun Tong), as Hong Kong writes them
    if surname:
        finals = finals[:1]
    return list(dict.fromkeys(i + f for i in spelt for f in finals))


def cantonese_names(written: str) -> list[str]:
    """A Chinese personal name in its usual Hong Kong spellings: surname, then the given name hyphenated."""
    from ToJyutping import get_jyutping_list  # its dictionary takes ~1 s to load: only when a name needs it

    traditional = to_traditional(written.replace("·", ""))
    if not 2 <= len(traditional) <= 4:
        return []
    surname_length = 2 if traditional[:2] in SURNAME_SPELLINGS or len(traditional) == 4 else 1
    readings = [reading or "" for _, reading in get_jyutping_list(traditional)]
    if len(readings) != len(traditional) or not all(readings):
        return []
    surname = traditional[:surname_length]
    families = SURNAME_SPELLINGS.get(surname) or [
        " ".join(parts)  # 葉劉 is "Yip Lau": a married woman's two surnames
        for parts in itertools.product(
            *(
                cantonese_syllables(SURNAME_READINGS.get(char, reading), surname=True)
                for char, reading in zip(surname, readings, strict=False)
            )
        )
    ]
    given = list(itertools.product(*(cantonese_syllables(r) for r in readings[surname_length:])))
    # every spelling of the surname, each with the given name's likeliest spellings
    per_family = max(1, _LIMIT // len(families))
    spellings = []
    for family in families:
        for parts in given[:per_family]:
            first = "-".join(parts)
            spellings.append(f"{family.title()} {first[:1].upper()}{first[1:]}")
    return spellings


def cantonese_brand(written: str) -> list[str]:
    """A company's two-character brand as Hong Kong spells it ("恒灃" -> "Hang Fung"), in at most two spellings."""
    from ToJyutping import get_jyutping_list

    readings = [reading or "" for _, reading in get_jyutping_list(to_traditional(written))]
    if len(readings) != 2 or not all(readings):
        return []
    spelt = itertools.product(*(cantonese_syllables(r, surname=True) for r in readings))
    return [" ".join(part.title() for part in parts) for parts in itertools.islice(spelt, 2)]
