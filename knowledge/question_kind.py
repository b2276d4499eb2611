"""The kind of a question: who said it, how much, a stance, a comparison, or what."""

from __future__ import annotations

import re

from knowledge.scripts import fold

_WHO = re.compile(
    r"^\s*(?:and\s+)?who\b|\bwho (?:said|asked|warned|compared|called|claimed|told|thinks?|believes?|"
    r"argued|predicted|described|questioned|talked|responded|replied)|"
    r"\bwhich (?:[a-z-]+\s){0,3}(?:said|says|warned|argued|compared|told|asked|called|replied)\b|"
    # "谁的毛利率比较高" compares two companies' figures: it does not ask who said something
    r"谁(?!的[^，。？?]{0,8}(?:比较|更|最)(?:高|低|大|小|多|少|快|慢|好))|哪位|哪个人|何人",
    re.I,
)
_STANCE = re.compile(
    r"\bbubble\b.{0,20}\?|\b(?:think|thinks|believe|believes|consider|considers|view|see|sees)\b.{0,40}"
    r"bubble|是泡沫|泡沫吗|泡沫\s*[?？]|认为.{0,12}泡沫|看待.{0,12}泡沫|(?:怎么|如何|怎样)看.{0,12}泡沫|"
    r"^(?:does|do|did|is|was)\b.{0,40}\b(?:think|believe|consider|feel|agree)|"
    r"(?:认为|觉得|相信|同意).{0,24}(?<!什)[吗么]\s*[?？]?\s*$",
    re.I,
)
_COMPARE = re.compile(r"compar|versus|\bvs\.?\b|\bthan\b|相比|比较|对比|相当于|比作|类比", re.I)


def question_kind(text: str, units: set[str], wants_figure: bool) -> str:
    """What a question asks: "who", "how_much", "stance", "comparison" or "what"."""
    text = fold(text)
    if _WHO.search(text):
        return "who"
    if wants_figure:
        return "how_much"
    if _STANCE.search(text):
        return "stance"
    if _COMPARE.search(text):
        return "comparison"
    return "what"
