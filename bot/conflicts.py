"""Disagreement: another source giving a different value for the same entity, measure, unit and year."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.aboutness import aboutness
from bot.asked_figures import asked_figures
from bot.figure_kinds import is_share_of
from knowledge.corpus import Corpus
from knowledge.figure_measures import figure_measures, head_measures
from knowledge.figures import Figure
from knowledge.query import QueryAnalysis
from knowledge.scripts import fold
from knowledge.search import Hit

if TYPE_CHECKING:
    from bot.evidence import Evidence

# "up from $142 million", "more than doubles the $21 billion valuation it received in February": a baseline.
_BASELINE = re.compile(
    r"(?:\bup from|\bdown from|\bfrom|\bdoubl\w*(?: the)?|\btripl\w*(?: the)?|compared (?:with|to)|"
    r"\bversus|\bthan(?: the)?|较|比|从|高于|低于)\s*(?:about |roughly |some |约|約)?$",
    re.I,
)


_PART_OR_CHANGE = frozenset({"share", "growth", "cut"})
# "I've seen two very different numbers", "到底值多少": the asker expects sources to disagree.
_DISAGREEMENT_ASKED = re.compile(
    r"\bdifferent (?:numbers|figures|estimates|answers)\b|\bdisagree|\bconflicting\b|\bcontradict|\breally\b|"
    r"\bvs\.?(?=\s)|\bversus\b|"
    r"说法不一|說法不一|不一样|不一樣|不一致|到底|究竟|分歧|各说|各說",
    re.I,
)


# How an article says a second source disputes a figure: "puts it closer to", "by its tally", "overstated", "口径".
_CONTESTED = re.compile(
    r"\bcloser to\b|\bdifferently\b|\bdisput|\brejected\b|\boverstat|\bunderstat|\bdouble[- ]count|\bcounted\b.{0,30}\btwice\b|"
    r"\bby (?:its|his|her|their) (?:own )?(?:tally|count|reckoning|calculation)|"
    r"质疑|不认同|不买账|高估|低估|口径|另一种算法|重复计算|实际只有|实际上只有",
    re.I,
)


def _rival_figure(
    hit: Hit, query: QueryAnalysis, focus: Figure, measures: set[str], *, disputed: bool = False
) -> Figure | None:
    """The passage's figure for the same thing as the focus, with another value (a baseline never counts).

    A figure for the same year comes first, then one whose nearest measure word is the asked one ("values it at
    $48 billion" before the "$4 billion" raised in the same clause). `disputed`: the passage says it disputes the
    figure, so a part it gives ("closer to 27% of the leasing") answers a share question too.
    """
    text = fold(hit.passage.text)
    fitting = []
    for figure in hit.passage.figures:
        if figure.unit != focus.unit or abs(figure.value - focus.value) <= 0.01 * focus.value:
            continue
        # "$3.80 a month" and "$19.8 billion" for the year count different things; "三季度…6.2亿元" is the quarter
        # a question about the quarter asks, however the other source writes it
        if figure.per != focus.per and not (query.period and {figure.per, focus.per} <= {None, query.period}):
            continue
        if query.years and figure.year not in query.years:
            continue
        at = text.find(fold(figure.text))
        if at >= 0 and _BASELINE.search(text[max(0, at - 24) : at]):
            continue
        same_year = focus.year is not None and figure.year == focus.year
        head = not measures or bool(head_measures(hit.passage, figure, measures) & measures)
        # "By its tally, AI companies took closer to 27% of the new leasing": a disputed part, for a share question
        head = head or (
            "share" in measures and figure.unit == "%" and is_share_of(hit.passage.text, figure) and disputed
        )
        if same_year or head or figure_measures(hit.passage, figure) & measures:
            fitting.append(((not same_year, not head), figure))
    return min(fitting, key=lambda item: item[0])[1] if fitting else None


def _as_relevant(hit: Hit, primary: Hit, ratio: float, corpus: Corpus) -> bool:
    """Whether a passage is nearly as relevant as the lead: by words in one language, by meaning across two."""
    same_language = (
        corpus.source(hit.passage.source_id).language == corpus.source(primary.passage.source_id).language
    )
    if same_language:
        return hit.coverage >= ratio * primary.coverage
    return hit.coverage >= ratio * primary.coverage or hit.dense >= ratio * primary.dense


def add_conflicts(
    evidence: Evidence, query: QueryAnalysis, hits: list[Hit], entities: list[tuple[str, ...]], corpus: Corpus
) -> None:
    """Another source giving a different value for the same thing (entity, measure, unit, year) is shown too."""
    focus = evidence.focus
    primary = evidence.hits[0]
    assert focus is not None
    # The same thing: what the question asks about, or else what the leading figure measures.
    measures = set(query.measures) or figure_measures(primary.passage, focus)
    # "何婧说…贵了多少？" asks what she said: another speaker's figure is not a disagreement to show.
    # …unless the asker expects sources to disagree about an organization ("芮泽智药到底值多少钱？说法不一样")
    disagreement = _DISAGREEMENT_ASKED.search(query.text) is not None
    about = disagreement and all(s.kind == "organization" for s in query.speakers)
    asked = corpus.speaking_for(query.speakers) if query.speakers and not about else None
    found: list[tuple[bool, int, Hit, Figure, bool]] = []
    for hit in (h for h in hits if h is not primary and h.passage.id != primary.passage.id):
        if asked is not None and hit.passage.speaker not in asked:
            continue
        # One article can set two sources against each other ("the company's letter" vs a measurement firm),
        # each answering the question; a second figure of the same speaker is no second source
        speakers = (primary.passage.speaker, hit.passage.speaker)
        own_article = hit.passage.source_id == primary.passage.source_id
        # without the asker expecting a disagreement, two figures of one article are two things it reports…
        # unless the article says the second source disputes the first ("By its tally, … closer to 27%")
        disputed = _CONTESTED.search(hit.passage.text) is not None
        contested = disagreement or disputed
        if own_article and (None in speakers or speakers[0] == speakers[1] or not contested):
            continue
        if not _as_relevant(hit, primary, 0.5, corpus):
            continue
        # the same article's passage is about what the article is about, named in it or not
        if (
            entities
            and not own_article
            and aboutness(hit, entities, corpus) < min(1.0, aboutness(primary, entities, corpus))
        ):
            continue
        rival = _rival_figure(hit, query, focus, measures, disputed=disputed)
        if rival is None:
            continue
        published = corpus.source(hit.passage.source_id).published
        if own_article and rival not in asked_figures(hit, query, published):
            continue  # "而家有幾多" is not disputed by the same article's forecast for next year
        own = figure_measures(primary.passage, focus) - _PART_OR_CHANGE
        if own and not own & (figure_measures(hit.passage, rival) - _PART_OR_CHANGE):
            continue  # "4成訂單" and "43% of the shares offered" are parts of different things
        same_year = focus.year is not None and rival.year == focus.year
        close = 0.5 if contested else 0.8
        if not same_year and (query.years or not _as_relevant(hit, primary, close, corpus)):
            continue
        if not same_year and not (entities or query.speakers):
            continue  # two figures about nothing the question names are no alternative to each other
        found.append((not disputed, len(found), hit, rival, same_year))
    if not found:
        return
    # "85% of the power they reserve" and, further down, "closer to 55% of the cost": the source the article says
    # disputes the figure is the disagreement, before another figure that merely differs
    _, _, hit, rival, same_year = min(found, key=lambda item: item[:2])
    evidence.hits.append(hit)
    evidence.rivals = [(primary, focus), (hit, rival)]
    evidence.conflict, evidence.alternative = same_year, not same_year
