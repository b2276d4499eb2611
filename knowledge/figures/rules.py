"""The constructions a figure is written in, compiled from the unit tables into regular expressions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.figures import units
from knowledge.figures.numbers import NUMBER, NUMBER_AFTER_SIGN, SCALE

Unit = tuple[str, float]

# "$70 billion to $72 billion", "420億至450億", "30 or 40 times", "$45-50 billion", "三到五成".
_RANGE_SEP = r"\s*(?:-|–|~|～|－|(?i:to)\b|至|到)\s*|\s+(?i:or)\s+"
_JOIN = r"\s*-?\s*"
# "three times a year" and "twice a month" count occasions, not a multiple.
# ("1.4 times a quarter's sales", "0.6 times a year ago": a multiple of a period's amount, then a time)
_NOT_FREQUENCY = r"(?!\s+(?:a|an|per|each|every)\s+(?:day|week|month|year|quarter)\b(?!['’]s\b|\s+(?:ago|earlier|before)\b))"
# "cut rates three times." or "three times in a year" count occasions; "three times the pace" is a multiple.
_NOT_A_COUNT = (
    r"(?!\s*(?:[.,;:!?)]|$))"
    r"(?!\s+(?:so far|in|during|last|this|since|before|already|each|per|a)\b)"
)

# "we still cover our interest about 1.6 times,": a decimal is never a count of occasions.
_DECIMAL_OR_NOT_A_COUNT = rf"(?:(?<=\d\.\d times)|(?<=\d\.\d\d times)|{_NOT_A_COUNT})"


@dataclass(frozen=True)
class Rule:
    """One construction: a unit written before or after the number, as a table of spellings."""

    name: str
    spellings: dict[str, Unit]
    before: bool = False
    tail: str = ""  # what may close the amount after the number, e.g. 元 in 人民币500亿元
    guard: str = ""  # what must not follow the unit word
    written: str = ""  # a pattern for the unit when its spellings alone do not say where it may stand


@dataclass(frozen=True)
class Compiled:
    """A rule's regular expression and its spellings, keyed lower-case."""

    rule: Rule
    pattern: re.Pattern[str]
    spellings: dict[str, Unit]
    ranged: bool


RULES: tuple[Rule, ...] = (
    Rule("money_before_en", units.MONEY_BEFORE_EN, before=True),
    Rule("money_before_zh", units.MONEY_BEFORE_ZH, before=True, tail=r"(?:\s*元(?!年))?"),
    Rule("percent_before", units.PERCENT_BEFORE, before=True),
    Rule("money_after", units.MONEY_AFTER),
    Rule("yuan", units.YUAN_AFTER, guard=units.YUAN_NOT_BEFORE),
    Rule("percent", units.PERCENT_AFTER),
    Rule("tenths", units.TENTHS_AFTER, guard=rf"(?![{units.TENTHS_NOT_BEFORE}])"),
    # "48亿千瓦时", "4.8 billion kilowatt-hours": energy, not power.
    Rule("power", units.POWER_AFTER, guard=r"(?![时時])(?!\s*-?\s*hours?\b)(?!h\b)"),
    Rule("times", units.TIMES_AFTER, guard=_NOT_FREQUENCY + _DECIMAL_OR_NOT_A_COUNT),
    Rule("fold", units.FOLD_AFTER, guard=r"(?![数數])"),
    # "15x", never "15 x" (a dimension) or "4x4".
    Rule("multiple", units.MULTIPLE_AFTER, guard=r"(?![A-Za-z\d])", written=r"(?<=\d)[xX×]"),
    Rule("tokens", units.TOKENS_AFTER),
)


def _spelled(spellings: dict[str, Unit], before: bool) -> str:
    words = sorted(spellings, key=len, reverse=True)
    # Case matters only for Latin spellings; a case-insensitive CJK alternation compiles slowly.
    alternatives = [_spelling(w) if w.isascii() else re.escape(w) for w in words]
    # "A$5" and "C$5" are not US dollars; "US$" is its own spelling.
    opener = r"(?<![A-Za-z])" if before else ""
    return opener + "(?:" + "|".join(alternatives) + ")"


def _spelling(word: str) -> str:
    boundary = r"(?![A-Za-z])" if word[-1].isalpha() else ""
    return "(?i:" + re.escape(word).replace(r"\ ", r"\s+") + ")" + boundary


def _amount(index: int, number: str) -> str:
    # "1,000多亿美元", "十余亿元": more than the number, still a figure (approximate).
    return rf"(?P<n{index}>{number})(?:[多余餘])?(?P<s{index}>{SCALE})?"


def _patterns(rule: Rule) -> list[tuple[str, bool]]:
    unit = rule.written or _spelled(rule.spellings, rule.before)
    first, second, plain = _amount(1, NUMBER), _amount(2, NUMBER), _amount(1, NUMBER)
    if rule.before:
        first, second, plain = (
            _amount(1, NUMBER_AFTER_SIGN),
            _amount(2, NUMBER_AFTER_SIGN),
            _amount(1, NUMBER_AFTER_SIGN),
        )
        again = rf"(?:{unit}\s?)?"
        return [
            (rf"\b(?i:between)\s+(?P<u>{unit})\s?{first}\s+(?i:and)\s+{again}{second}{rule.tail}", True),
            (rf"(?P<u>{unit})\s?{first}(?:{_RANGE_SEP}){again}{second}{rule.tail}", True),
            (rf"(?P<u>{unit})\s?{plain}{rule.tail}", False),
        ]
    after = rf"{_JOIN}(?P<u>{unit}){rule.guard}"
    return [
        (rf"\b(?i:between)\s+{first}\s+(?i:and)\s+{second}{after}", True),
        (rf"{first}(?:{_RANGE_SEP}){second}{after}", True),
        (rf"{plain}{after}", False),
    ]


def compiled_rules() -> list[Compiled]:
    """Every rule's patterns, ranges before single amounts, in the order of RULES."""
    lower = {rule.name: {k.lower(): v for k, v in rule.spellings.items()} for rule in RULES}
    # Case is ignored only inside the unit and joining words: IGNORECASE on the whole pattern compiles slowly.
    return [
        Compiled(rule, re.compile(pattern), lower[rule.name], ranged)
        for rule in RULES
        for pattern, ranged in _patterns(rule)
    ]


# Compiled once at import: building these alternations takes a noticeable fraction of a second.
RULE_PATTERNS = compiled_rules()


def _word_pattern(words: dict[str, tuple[float, str]], guard: str = "") -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?P<w>{alternation}){guard}", re.I)


# Multipliers written as words: "twice", "doubled", "halves" (never "double-digit" or "twice a year").
WORD_MULTIPLES = _word_pattern(units.WORD_FIGURES, r"\b(?!-)" + _NOT_FREQUENCY)
ZH_WORD_FIGURES = _word_pattern(units.ZH_WORD_FIGURES)
_FRACTIONS = "|".join(
    re.escape(w).replace(r"\ ", r"[\s-]") for w in sorted(units.EN_FRACTIONS, key=len, reverse=True)
)
_NOT_A_PERIOD = "".join(rf"(?<!{word} )" for word in units.HALF_PERIODS)
# "a quarter of", "two-thirds of", "half of" (not "the second half of"), "close to half".
EN_FRACTIONS = re.compile(
    rf"\b{_NOT_A_PERIOD}(?P<w>{_FRACTIONS})s?\b(?=\s+of\b)"
    r"|\b(?:close to|nearly|almost|about|roughly|more than|less than|around|over|under)\s+(?P<h>half)\b(?!-)",
    re.I,
)
# "oversubscribed roughly 870 times," or "covered 3.2 times.": a demand multiple even where the
# sentence ends after "times", which otherwise reads as a count of occasions ("cut rates three times.").
DEMAND_MULTIPLE = re.compile(
    r"\b(?:over-?subscribed|subscribed|covered)\s+"
    r"(?:(?:roughly|about|around|nearly|almost|some|more than|over|by)\s+)?"
    rf"(?P<n>{NUMBER})\s*(?:times|x)\b(?:\s+over\b)?",
    re.I,
)
# 四分之一 = 25%.
ZH_FRACTION = re.compile(rf"(?<![数數几幾])(?P<d>{NUMBER_AFTER_SIGN})分之(?P<n>{NUMBER_AFTER_SIGN})")
