"""The figure of the lead passage that answers a how-much question, and the nearest one the articles have when
none answers."""

from __future__ import annotations

import datetime as dt
import re

from bot.aboutness import aboutness
from bot.asked_figures import asked_figures, asks_now
from bot.figure_dating import dated_to, words_before
from bot.figure_kinds import is_share_of
from knowledge.corpus import Corpus
from knowledge.figure_measures import figure_measures
from knowledge.figures import Figure
from knowledge.measures import looks_ahead
from knowledge.passages import Passage
from knowledge.periods import quarters, relative_years
from knowledge.query import QueryAnalysis
from knowledge.scripts import fold
from knowledge.search import Hit


def focus_figure(
    hit: Hit, query: QueryAnalysis, entities: list[tuple[str, ...]], published: dt.date | None = None
) -> Figure | None:
    """The figure of the lead passage that answers: the asked measure and period, nearest the asked organization."""
    figures = asked_figures(hit, query, published, by_parts=True)
    if not figures:
        return None
    now = asks_now(query.text)  # "now": where it has got to, not where it started
    if len(figures) > 1 and (_DESTINATION.search(query.text) or looks_ahead(query.text) or now):
        # "由今年的约9%提高到12%", "cut her price target to $41 from $48": where it is going, not where it was
        arriving = [f for f in figures if _arrives(hit.passage.text, f)]
        figures = arriving or figures
    fitting = [f for f in figures if query.measures & figure_measures(hit.passage, f)]
    figures = fitting or figures
    if "share" in query.measures:
        # "how much of the capex plan is for big customers?": the slice ("$4 billion of that"), not the whole
        figures = [f for f in figures if is_share_of(hit.passage.text, f)] or figures
    text = fold(hit.passage.text)
    asked_year = relative_years(query.text)
    if asked_year and len(figures) > 1:
        # "明年…加到多少": the figure its own words date to next year, not this year's so far
        dated = [f for f in figures if dated_to(hit.passage.text, f, asked_year)]
        figures = dated or figures
    if query.quarters and len(figures) > 1:
        # "第四季AI伺服器會占營收多少": the figure whose clause names that quarter, not next year's in the same sentence
        named = [
            f
            for f in figures
            if quarters(re.split(r"[，,。；;]", words_before(hit.passage.text, f, 40))[-1]) & query.quarters
        ]
        figures = named or figures
    if query.period:
        timed = [f for f in figures if f.per == query.period]
        figures = timed or figures
    spots = [m.start() for words in entities for w in words for m in re.finditer(re.escape(w), text)]
    if not spots:
        return figures[0]

    def distance(figure: Figure) -> int:
        at = text.find(fold(figure.text))
        return min(abs(at - s) for s in spots) if at >= 0 else 10**6

    return min(figures, key=distance)


# "升到多高", "调到多少", "cut to what": the question asks where a figure ends up.
_DESTINATION = re.compile(
    r"[到至]剩?(?:多少|多高|多大|几)|\b(?:to|reach) what\b|\bnew\b|\bto\s*[?？]\s*$", re.I
)
# "升至目前约45%": where it has got to by now, with the time between
_ARRIVAL = re.compile(
    r"(?:[到至达]|\bto|\breach(?:es|ed)?)\s*(?:目前|现在|如今|今年|当前)?\s*(?:约|about |around |roughly |nearly )?$",
    re.I,
)


def _arrives(text: str, figure: Figure) -> bool:
    """Whether the figure is where something goes ("…提高到12%", "to $41"), not where it starts."""
    return bool(_ARRIVAL.search(words_before(text, figure, 12)))


def nearest_figure(
    query: QueryAnalysis, candidates: list[Hit], entities: list[tuple[str, ...]], corpus: Corpus
) -> tuple[Passage, Figure] | None:
    """A figure of the asked kind for the asked organization but another period or year: what the articles do have."""
    if not query.measures or not (
        query.years or query.quarters or query.period or query.halves or query.tenors
    ):
        return None
    for hit in candidates:
        if not aboutness(hit, entities, corpus):
            continue
        for figure in hit.passage.figures:
            if (not query.units or figure.unit in query.units) and query.measures & figure_measures(
                hit.passage, figure
            ):
                return hit.passage, figure
    return None
