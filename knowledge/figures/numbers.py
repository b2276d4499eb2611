"""Written numbers: Arabic digits, Chinese numerals, English number words, and their scale words."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Only one..nine, 十 and 两 may open a Chinese numeral: 百/千 alone ("千亿", "百万tokens") are never a count.
CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_TENS = {"十": 10, "百": 100, "千": 1000}
EN_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
EN_SCALES = {
    "trillion": 1e12,
    "tn": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "thousand": 1e3,
    "k": 1e3,
}
ZH_SCALES = {
    "万亿": 1e12,
    "萬億": 1e12,
    "千亿": 1e11,
    "千億": 1e11,
    "百亿": 1e10,
    "百億": 1e10,
    "亿": 1e8,
    "億": 1e8,
    "千万": 1e7,
    "千萬": 1e7,
    "百万": 1e6,
    "百萬": 1e6,
    "万": 1e4,
    "萬": 1e4,
    "兆": 1e12,
    "千": 1e3,
}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CN_NUMERAL = r"[一二两兩三四五六七八九十][零〇一二两兩三四五六七八九十百千]*"
_EN_WORD = rf"(?:{_alternation(EN_TENS)})(?:-(?:{_alternation(EN_UNITS)}))?|{_alternation(EN_UNITS)}"
EN_NUMBER = rf"\b(?:{_EN_WORD})(?:\s+and\s+a\s+half)?\b"
# "数十亿", "几千亿", "上百亿", "第三": a numeral after these is vague or ordinal, not an amount.
_NOT_AFTER = r"(?<![数數几幾上第统統唯同单單])"
# "GB200", "H100", "v2.5": digits glued to letters are names; "1,5" inside a number is not a new one.
_DIGITS_GUARD = r"(?<![A-Za-z\d])(?<!\d[.,])"
# Any word may stand where an English number word can; parse_number rejects "many" or "several" later.
# Spelling the number words out here would make every rule's pattern slow to compile.
_ANY_WORD = r"\b[A-Za-z]+(?:-[A-Za-z]+)?(?:\s+and\s+a\s+half)?"
NUMBER = rf"{_DIGITS_GUARD}(?:{ARABIC})|{_NOT_AFTER}{CN_NUMERAL}|{_ANY_WORD}"
# After a currency sign or 百分之 the number is unambiguous: "USD5bn", "百分之三十".
NUMBER_AFTER_SIGN = rf"{ARABIC}|{CN_NUMERAL}"
# Scale words: English ones after a space or hyphen ("a $10-billion deal"), letters glued to digits
# ("$72bn", "$5m"); Chinese ones never before 瓦, where 兆瓦/千瓦 are power units, not 兆 or 千 watts.
SCALE = (
    rf"(?:\s*|-)(?i:trillion|billion|million|thousand)\b|\s?(?i:bn|tn|mn|mln)\b|(?i:m|k|b)\b"
    rf"|\s*(?:{_alternation(ZH_SCALES)})(?!瓦)"
)


def scale_of(word: str | None) -> float:
    """The factor of a scale word such as 'billion', 'bn', '亿' or '万亿'; 1 when there is none."""
    if not word or not word.strip(" -\t\n"):
        return 1.0
    key = word.strip().lstrip("-").strip()
    return ZH_SCALES.get(key) or EN_SCALES[key.lower()]


def _chinese_numeral(text: str) -> float:
    total, current = 0, 0
    for char in text:
        if char in CN_DIGITS:
            current = CN_DIGITS[char]
        else:
            total += (current or 1) * CN_TENS[char]
            current = 0
    return float(total + current)


def _english_words(text: str) -> float:
    words = text.lower()
    half = 0.5 if re.search(r"and\s+a\s+half$", words) else 0.0
    head = re.split(r"\s+and\s+", words)[0]
    tens, _, unit = head.partition("-")
    value = EN_TENS.get(tens, 0) + EN_UNITS.get(unit, 0) if unit else EN_TENS.get(tens) or EN_UNITS[tens]
    return float(value) + half


def parse_number(text: str) -> float:
    """Parse a written number such as '1,400', '1.5', '两千', 'five' or 'twenty-one' into a float."""
    written = text.strip()
    if re.fullmatch(r"[\d,]*\.?\d+", written):
        return float(written.replace(",", ""))
    if re.fullmatch(CN_NUMERAL, written) or re.fullmatch(r"[零〇]", written):
        return _chinese_numeral(written)
    if re.fullmatch(EN_NUMBER, written, re.I):
        return _english_words(written)
    raise ValueError(f"not a number: {text!r}")
