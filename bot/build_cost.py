"""Whether a figure is a price paid for land while the question asks what building on it costs."""

from __future__ import annotations

import re

from bot.figure_dating import words_after, words_before
from knowledge.figures import Figure
from knowledge.scripts import fold

# "How much will it spend building out the campus?", "兴建园区要花多少": construction is what is asked.
_BUILD_ASKED = re.compile(
    r"\bbuild(?:s|ing)?(?: out)?\b|\bbuild-?out\b|\bconstruct|建设|兴建|建造|(?<![新])建(?:成|好)|盖(?:好|成)?",
    re.I,
)
_LAND_ASKED = re.compile(r"\bland\b|\bacres?\b|\bsite\b|\bplot\b|土地|用地|地块|地皮|地价", re.I)
# "paid $212 million for 4,100 acres", "购入约38公顷土地": money for ground, not for what stands on it.
_LAND_BOUGHT = re.compile(
    r"\b(?:paid|pay|pays|bought|buy|buys|purchas\w*|acquir\w*)\b[^.;。；]{0,60}\b(?:acres?|hectares?|land|plots?)\b|"
    r"\b(?:acres?|hectares?|land|plots?)\b[^.;。；]{0,30}\b(?:for|at)\s*$|"
    r"(?:购|买|購|買)[^。；]{0,30}(?:土地|用地|地块|公顷|亩|坪)",
    re.I,
)
_BUILDING = re.compile(r"\bbuild|\bconstruct|建设|兴建|建造|工程", re.I)


def land_for_build(question: str, text: str, figure: Figure) -> bool:
    """Whether the question asks what building costs and the figure is what was paid for the land, with no
    building named beside it ("how much will Orrenfield spend building out its campus?" is not answered by
    "paid $212 million for 4,100 acres")."""
    folded = fold(question)
    if not _BUILD_ASKED.search(folded) or _LAND_ASKED.search(folded):
        return False
    before = re.split(r"[.;。；]\s", words_before(text, figure, 60))[-1]
    after = re.split(r"[,.](?!\d)|[;，。；]", words_after(text, figure, 40))[0]  # "4,100 acres" goes on
    window = f"{before} {fold(figure.text)} {after}"
    return bool(_LAND_BOUGHT.search(window)) and not _BUILDING.search(window)
