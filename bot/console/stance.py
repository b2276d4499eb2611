"""Where each speaker stands on "is it a bubble?", read from their own quoted words with a cue lexicon.

The lexicon is general (English, Simplified and Traditional Chinese; Traditional is folded to Simplified
before matching, and a few Taiwan/Hong Kong phrasings are listed too). A passage is read only if it speaks
of a bubble (or its synonyms); rejections are looked for first ("not a bubble", "有人说这是泡沫，但…"), then
affirmations ("we are in a bubble", "存在泡沫", "likened it to the dot-com era"), where a negation just before
an affirming cue ("不会破裂", "not overvalued") makes it a rejection. Both in one passage is mixed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from knowledge.corpus import Corpus
from knowledge.passages import Passage
from knowledge.scripts import fold

Leaning = Literal["bubble", "not_bubble", "mixed"]
TITLES: dict[Leaning, str] = {"bubble": "calls it a bubble", "not_bubble": "rejects it", "mixed": "mixed"}

# What makes a passage about the question at all.
TOPIC = {
    "en": r"\bbubbles?\b|\bbubbly\b|\bfroth|\bmania\b|overheat|over-?excited|irrational exuberance|dot-?com",
    "zh": r"泡沫|过热|狂热|过度兴奋|本梦比",
}
REJECT = {
    "en": [
        r"\b(?:not|never|isn't|aren't|wasn't|don't|doesn't|didn't|nor|no(?! (?:one|company|companies|body|doubt)))"
        r"\b[^.;:!?]{0,25}\bbubbles?\b",
        r"\b(?:some|people|critics|skeptics|sceptics|others)\b[^.]{0,15}\b(?:say|call|think|argue|worry|fear)\w*"
        r"\b[^.]{0,40}\bbubble[^.]{0,15}\bbut\b",
        r"\bthis time (?:is|it's) different\b",
        r"\bunlike (?:the )?(?:dot-?com|1999|2000)",
        r"\b(?:fears?|worries|concerns|talk)\b(?: \w+){0,3} (?:is|are|seem|seems) (?:overblown|exaggerated|overdone|misplaced)",
        r"\boverblown\b",
        r"\bdemand (?:is|remains) (?:real|strong|robust)\b",
        r"\b(?:reject|dismiss|brush)\w*\b[^.]{0,40}\b(?:bubble|comparison|analog)",
    ],
    "zh": [
        r"(?:不是|并非|并不是|没有|不存在|谈不上|算不上|不算|不像|远非)[^。！？，,]{0,3}泡沫",
        r"(?:不认为|不觉得|不相信|否认)[^。！？]{0,10}泡沫",
        r"(?:有人|有些人|外界|市场|批评者|不少人)(?:说|认为|称|担心|质疑)[^。]{0,10}泡沫[^。]{0,6}(?:但|可是|然而|不过)",
        r"言过其实|杞人忧天|需求(?:是|依然|仍然|仍)?(?:真实|强劲)|是真实的|不同于[^。]{0,10}(?:泡沫|互联网)",
    ],
    # Taiwan / Hong Kong phrasings (folded to Simplified when compiled)
    "zh-Hant": [r"並非泡沫|沒有泡沫|言過其實"],
}
AFFIRM = {
    "en": [
        r"\b(?:in|into|is|are|was|it's|we're|there's|there is|a)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}bubble\b",
        r"bubble territory|\bbubbly\b|\bfroth(?:y)?\b|\boverheat\w*|\bover-?excited\b|\bover-?valued\b|\bmania\b",
        r"irrational exuberance|\bunsustainable\b|\bover-?buil\w*|\bover-?invest\w*|\bhype\b",
        r"\b(?:compar|liken|reminiscent|echo)\w*\b[^.]{0,60}\b(?:dot-?com|bubble|1999|tulip)",
        r"\blike (?:the )?(?:dot-?com|1999|tulip)",
        r"\b(?:burst|pop)s?\b|\bcrash\b|\blose (?:a lot of|lots of|a ton of) money\b",
    ],
    "zh": [
        r"存在泡沫|有泡沫|是泡沫|泡沫之中|处于泡沫|进入泡沫|泡沫化|泡沫迹象|过热|过度兴奋|过度乐观|高估|估值过高",
        r"不可持续|比作[^。]{0,20}泡沫|类比|(?:就像|好比|如同|堪比)[^。]{0,20}(?:泡沫|互联网|科技股|1999|郁金香)",
        r"破裂|过度建设|过度投资|损失很多钱|狂热|非理性|炒作",
    ],
    "zh-Hant": [r"本夢比|過度炒作|估值過高"],
}
NEGATORS = {
    "en": re.compile(r"\b(?:not|no|never|hardly|nor)\b|n't\b"),
    "zh": re.compile(r"不|没|并非|未|无|别"),
}
NEGATION_REACH = {"en": 20, "zh": 4}  # characters before an affirming cue that a negation reaches


def _compile(table: dict[str, list[str]]) -> dict[str, re.Pattern[str]]:
    zh = [fold(p) for key in ("zh", "zh-Hant") for p in table.get(key, [])]
    return {"en": re.compile("|".join(table["en"])), "zh": re.compile("|".join(zh))}


_TOPIC = {lang: re.compile(fold(p)) for lang, p in TOPIC.items()}
_REJECT = _compile(REJECT)
_AFFIRM = _compile(AFFIRM)


@dataclass(frozen=True)
class Reading:
    """How one passage leans, and the words that say so."""

    leaning: Leaning
    cues: list[str]


def _scripts(text: str) -> list[str]:
    has_zh = re.search(r"[\u4e00-\u9fff]", text) is not None
    has_en = re.search(r"[a-z]{3}", text) is not None
    return [lang for lang, present in (("en", has_en), ("zh", has_zh)) if present]


def read_stance(text: str) -> Reading | None:
    """How a passage leans on "is it a bubble?" (None when it does not speak of one or gives no cue)."""
    folded = fold(text)
    if not any(_TOPIC[lang].search(folded) for lang in ("en", "zh")):
        return None
    rejects: list[str] = []
    affirms: list[str] = []
    for lang in _scripts(folded):
        rest = folded
        for match in _REJECT[lang].finditer(folded):
            rejects.append(match.group(0).strip())
            rest = rest[: match.start()] + " " * (match.end() - match.start()) + rest[match.end() :]
        for match in _AFFIRM[lang].finditer(rest):
            before = rest[max(0, match.start() - NEGATION_REACH[lang]) : match.start()]
            (rejects if NEGATORS[lang].search(before) else affirms).append(match.group(0).strip())
    if rejects and affirms:
        return Reading("mixed", affirms + rejects)
    if affirms:
        return Reading("bubble", affirms)
    if rejects:
        return Reading("not_bubble", rejects)
    return None


@dataclass(frozen=True)
class StanceQuote:
    """A passage in which the speaker takes a position, with its leaning and cue words."""

    passage: Passage
    reading: Reading


@dataclass(frozen=True)
class Stance:
    """A speaker's overall position and the quotes behind it."""

    leaning: Leaning
    quotes: list[StanceQuote]

    @property
    def title(self) -> str:
        """ "calls it a bubble", "rejects it" or "mixed"."""
        return TITLES[self.leaning]


def overall(readings: list[Reading]) -> Leaning:
    """One leaning from several: the same throughout, else mixed."""
    leanings = {r.leaning for r in readings}
    return leanings.pop() if len(leanings) == 1 else "mixed"


def speaker_stances(corpus: Corpus) -> dict[str, Stance]:
    """Speaker name → their stance, for every speaker whose own quoted words take one."""
    found: dict[str, list[StanceQuote]] = {}
    for passage in corpus.passages:
        if not passage.speaker:
            continue
        reading = read_stance(passage.text)
        if reading is not None:
            found.setdefault(passage.speaker, []).append(StanceQuote(passage, reading))
    return {name: Stance(overall([q.reading for q in quotes]), quotes) for name, quotes in found.items()}
