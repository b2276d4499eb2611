"""Names a question gives that the library does not know (people the articles never mention)."""

from __future__ import annotations

import re

from knowledge.glossary import Glossary
from knowledge.org_words import find_orgs
from knowledge.scripts import fold
from knowledge.speakers import SpeakerIndex

_CAPITALIZED_NAME = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+(?:-[a-z]+)?)+)\b")  # "Chang Ya-chi"
_ZH_SUBJECT = re.compile(r"^([\u3400-\u9fff]{2,4}?)(?:怎么看|如何看|认为|觉得|说过|表示|对于|对)")
_ZH_FOREIGN_NAME = re.compile(r"[\u3400-\u9fff]{1,6}·[\u3400-\u9fff]{1,8}")


def unknown_names(text: str, speakers: SpeakerIndex, glossary: Glossary) -> list[str]:
    """The names in a question that no speaker, glossary term or role of the library matches."""
    unknown = []
    for match in _CAPITALIZED_NAME.finditer(text):
        words = match.group(1).split()
        # Drop a leading question word or verb that happens to be capitalized ("What Tim Cook …").
        while words and fold(words[0]) in {
            "what",
            "did",
            "does",
            "do",
            "how",
            "why",
            "when",
            "where",
            "is",
            "has",
            "according",
            "and",
            "but",
            "so",
            "which",
            "who",
            "the",
            "was",
            "will",
            # "Under Xienan's new tariff …": a preposition opening the question is no part of a name
            *("under", "in", "on", "at", "for", "from", "by", "after", "before", "since", "per", "as", "if"),
            *(
                "with",
                "without",
                "within",
                "over",
                "during",
                "among",
                "between",
                "against",
                "despite",
                "unlike",
            ),
        }:
            words = words[1:]
        phrase = " ".join(words)
        if len(words) < 2:
            continue
        known = (
            speakers.find_mentions(phrase)
            or _glossed(phrase, words, glossary)
            or speakers.find_by_role(phrase)
            # "Changho Life" for 昶和人壽 ("Changhe"): a name spelt a letter off is the one the question means
            or speakers.fuzzy_mentions(phrase)
        )
        if not known:
            unknown.append(phrase)
    for match in _ZH_FOREIGN_NAME.finditer(text):
        if not speakers.find_mentions(match.group(0)):
            unknown.append(match.group(0))
    # "黄仁勋怎么看…": a name-like subject before a verb of opinion; the knowledge base drops it again
    # when the articles contain it, so only people the articles never mention remain.
    subject = _ZH_SUBJECT.match(fold(text).strip())
    if subject and not speakers.find_mentions(subject.group(1)) and not find_orgs(subject.group(1)):
        unknown.append(subject.group(1))
    return unknown


def _glossed(phrase: str, words: list[str], glossary: Glossary) -> bool:
    """Whether the glossary accounts for a capitalized phrase: all of it, or all but words as short as the syllables
    a Chinese name is romanized with ("Ching Fung Research" may be 澄峰研究); "Tallisker Cloud" is a company whatever
    "cloud" means."""
    covered = {w for english, _ in glossary.phrases(phrase) for w in english.split()}
    if not covered:
        return False
    return all(fold(w) in covered or len(w) <= _SYLLABLE or pinyin_word(fold(w)) for w in words)


_SYLLABLE = 6  # "Zhuang", "Shuang": the longest romanized syllable
_INITIALS = "- b p m f d t n l g k h j q x zh ch sh r z c s y w".split()  # "-": a syllable with no initial
_FINALS = (
    "a o e i u ai ei ui ao ou iu ie ue er an en in un ang eng ing ong ia iao ian iang iong ua uo uai uan uang"
)
_PINYIN = frozenset(i.strip("-") + f for i in _INITIALS for f in _FINALS.split())


def pinyin_word(word: str) -> bool:
    """Whether a word is pinyin syllables run together ("Jiguang", "Zhongming"), as Chinese brands are written."""
    can = [True] + [False] * len(word)  # can[i]: word[:i] splits into syllables
    for end in range(1, len(word) + 1):
        can[end] = any(can[start] and word[start:end] in _PINYIN for start in range(max(0, end - 6), end))
    return can[-1]
