"""Chart data from the library's extracted figures: one chart per measure and unit, one bar per quoted figure.

Neutral about how a chart is drawn: the console renders it as SVG, a chat command may draw it as an image.
Only the library's public API is used (the corpus, `figure_measures`, `find_orgs`, the speaker index).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from knowledge.corpus import Corpus
from knowledge.figure_measures import figure_measures
from knowledge.figures import Figure
from knowledge.figures.render import format_figure
from knowledge.measures import find_measures
from knowledge.org_words import find_orgs, org_words
from knowledge.passages import Passage
from knowledge.scripts import fold

# Which measures a unit can be: "26 GW" in a sentence about costs is still power, "$1.5 trillion" never is.
MONEY_MEASURES = frozenset(
    {
        "revenue",
        "valuation",
        "burn",
        "spending",
        "debt",
        "orders",
        "market",
        "price",
        "margin",
        "assets",
        "rent",
        "sale",
    }
)
UNIT_MEASURES: dict[str, frozenset[str]] = {
    "GW": frozenset({"power"}),
    "%": frozenset({"share", "growth", "cut", "margin"}),
    "x": frozenset({"growth"}),
}
# Charts come in this order (the measures people ask about most first); others follow by size.
MEASURE_ORDER = (
    "spending",
    "burn",
    "revenue",
    "valuation",
    "power",
    "debt",
    "orders",
    "price",
    "margin",
    "market",
)
MEASURE_TITLES = {
    "spending": "Spending and investment",
    "burn": "Cash burn",
    "revenue": "Revenue",
    "valuation": "Valuation",
    "power": "Power and compute targets",
    "debt": "Debt",
    "orders": "Orders and backlog",
    "price": "Prices and costs",
    "margin": "Margins and profit",
    "market": "Market size",
    "assets": "Assets",
    "rent": "Rent and leases",
    "sale": "Sales of stakes",
    "share": "Shares",
    "growth": "Growth",
    "cut": "Cuts",
    "employees": "Employees",
    "volume": "Volume",
}
UNNAMED = "(unnamed)"
# Where a clause ends, and words joining a list of organizations ("Amazon, Google, Microsoft and Meta").
_CLAUSE = re.compile(r"[，,。；;：:！？!?()（）—]|(?<=[a-z]) (?:but|while|which|whereas) ")
_LIST_JOIN = re.compile(r"^[\s、,，/&和与及跟]*(?:and|以及|和|与|及)?[\s、,，/&]*$")
_POINTS_BACK = re.compile(r"该公司|这家公司|该企业|其|它|the company|the firm|the startup|\bits\b|\bit\b")


@dataclass(frozen=True)
class FigurePoint:
    """One quoted figure as a bar: whose it is, what it measures, when, and the quote that gives it."""

    entity: str
    measure: str
    unit: str
    value: float
    label: str  # the value in English ("$140 billion")
    text: str  # the figure as written in the quote ("1400亿美元")
    year: int | None
    per: str | None
    approx: bool
    quote: str
    passage_id: str
    speaker: str | None
    source_id: str
    source_title: str
    source_url: str | None
    language: str

    @property
    def period(self) -> str:
        """When the figure is for: "2029", "2027 per year", "per month", or "" when the quote gives no period."""
        parts = [str(self.year)] if self.year else []
        if self.per:
            parts.append(f"per {self.per}")
        return " ".join(parts)


@dataclass(frozen=True)
class Disagreement:
    """Sources giving different values for the same entity, measure, unit and period."""

    entity: str
    measure: str
    unit: str
    period: str
    points: list[FigurePoint]


@dataclass(frozen=True)
class FigureChart:
    """All figures of one measure in one unit, largest first, with the disagreements among them."""

    measure: str
    unit: str
    points: list[FigurePoint]
    disagreements: list[Disagreement] = field(default_factory=list)

    @property
    def title(self) -> str:
        """ "Cash burn (USD)"."""
        return f"{MEASURE_TITLES.get(self.measure, self.measure.capitalize())} ({self.unit})"

    @property
    def key(self) -> str:
        """A stable id for links and anchors: "burn-usd"."""
        return f"{self.measure}-{re.sub(r'[^a-z0-9]+', '', self.unit.lower()) or 'n'}"


def chart_measures(passage: Passage, figure: Figure) -> set[str]:
    """The measures a figure is charted under: those its words name that its unit can be."""
    named = figure_measures(passage, figure)
    allowed = UNIT_MEASURES.get(
        figure.unit, MONEY_MEASURES if len(figure.unit) == 3 and figure.unit.isupper() else frozenset(named)
    )
    return named & allowed


def _org_spans(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, organization) for every organization named in folded text, leftmost-longest."""
    spans: list[tuple[int, int, str]] = []
    for org in find_orgs(folded):
        for word in org_words(org):
            spans.extend((m.start(), m.end(), org) for m in re.finditer(re.escape(word), folded))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, str]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _speaker_orgs(corpus: Corpus, folded: str) -> list[tuple[int, int, str]]:
    """Organizations among the library's speakers named in folded text (besides the well-known ones)."""
    return [
        (m.start, m.end, m.speaker.name)
        for m in corpus.speakers.find_mentions(folded)
        if m.speaker.kind == "organization"
    ]


def _named_in(corpus: Corpus, text: str) -> list[tuple[int, int, str]]:
    folded = fold(text)
    spans = sorted({*_org_spans(folded), *_speaker_orgs(corpus, folded)})
    kept: list[tuple[int, int, str]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def figure_entity(corpus: Corpus, passage: Passage, figure: Figure) -> str:
    """Whose figure it is: the organizations named in its clause before it (a list of them counts as one
    entity: "Amazon + Google"), else the nearest one in the sentence, else the one the sentence points back
    to ("the company"), else the quoted organization or the speaker's organization."""
    folded = fold(passage.text)
    at = folded.find(fold(figure.text))
    named = _named_in(corpus, passage.text)
    if at >= 0 and named:
        bounds = [0, *(m.end() for m in _CLAUSE.finditer(folded)), len(folded)]
        start = max(b for b in bounds if b <= at)
        before = [s for s in named if start <= s[0] < at]
        if before:
            group = [before[-1]]
            for span in reversed(before[:-1]):  # walk back over "A、B、C和" to the list's first name
                if not _LIST_JOIN.match(folded[span[1] : group[0][0]]):
                    break
                group.insert(0, span)
            return " + ".join(dict.fromkeys(s[2] for s in group))
        end = min((b for b in bounds if b > at), default=len(folded))
        after = [s for s in named if at < s[0] < end]
        if after:
            return after[0][2]
        preceding = [s for s in named if s[0] < at]
        if preceding:
            return preceding[-1][2]
    if _POINTS_BACK.search(folded) or not named:
        earlier = corpus.by_id.get(f"{passage.source_id}:{passage.paragraph}.{passage.sentence - 1}")
        if earlier is not None:
            back = _named_in(corpus, earlier.text)
            if back:
                return back[-1][2]
    if named:
        return named[0][2]
    speaker = corpus.speaker(passage.speaker)
    if speaker is not None:
        if speaker.kind == "organization":
            return speaker.name
        if speaker.positions:
            return speaker.positions[0][1] or UNNAMED
    return UNNAMED


def figure_points(corpus: Corpus) -> list[FigurePoint]:
    """Every figure of the library once per measure it is charted under."""
    points = []
    for passage in corpus.passages:
        if not passage.figures:
            continue
        source = corpus.source(passage.source_id)
        for figure in passage.figures:
            measures = chart_measures(passage, figure)
            if not measures:
                continue
            entity = figure_entity(corpus, passage, figure)
            for measure in sorted(measures):
                points.append(
                    FigurePoint(
                        entity=entity,
                        measure=measure,
                        unit=figure.unit,
                        value=figure.value,
                        label=format_figure(figure.value, figure.unit),
                        text=figure.text,
                        year=figure.year,
                        per=figure.per,
                        approx=figure.approx,
                        quote=passage.text,
                        passage_id=passage.id,
                        speaker=passage.speaker,
                        source_id=source.id,
                        source_title=source.title_en or source.title,
                        source_url=source.url,
                        language=source.language,
                    )
                )
    return points


def disagreements(points: list[FigurePoint]) -> list[Disagreement]:
    """Entity, measure, unit and a stated period on which different sources give values more than 1% apart."""
    groups: dict[tuple[str, str, str, str], list[FigurePoint]] = {}
    for point in points:
        if point.entity != UNNAMED and point.year is not None:
            groups.setdefault((point.entity, point.measure, point.unit, point.period), []).append(point)
    found = []
    for (entity, measure, unit, period), group in groups.items():
        by_source: dict[str, FigurePoint] = {}
        for point in sorted(group, key=lambda p: -p.value):
            by_source.setdefault(point.source_id, point)
        values = [p.value for p in by_source.values()]
        if len(by_source) > 1 and max(values) - min(values) > 0.01 * max(values):
            found.append(Disagreement(entity, measure, unit, period, list(by_source.values())))
    return found


def figure_charts(corpus: Corpus, *, topic: str | None = None) -> list[FigureChart]:
    """The library's figure charts (all of them, or those a topic such as "OpenAI burn" names).

    A topic keeps the charts of the measures it names and, if it names organizations, their bars only; a topic
    naming neither gets no chart.
    """
    points = figure_points(corpus)
    if topic:
        points = _about(corpus, points, topic)
    charts: dict[tuple[str, str], list[FigurePoint]] = {}
    for point in points:
        charts.setdefault((point.measure, point.unit), []).append(point)
    built = [
        FigureChart(
            measure,
            unit,
            sorted(group, key=lambda p: (-p.value, p.entity, p.passage_id)),
            disagreements(group),
        )
        for (measure, unit), group in charts.items()
    ]
    rank = {m: i for i, m in enumerate(MEASURE_ORDER)}
    built.sort(key=lambda c: (rank.get(c.measure, len(rank)), -len(c.points), c.unit))
    return built


def _about(corpus: Corpus, points: list[FigurePoint], topic: str) -> list[FigurePoint]:
    measures = find_measures(topic)
    entities = {name for _, _, name in _named_in(corpus, topic)}
    if not measures and not entities:
        return []  # a topic naming no measure and no organization the library knows has no chart
    if measures:
        points = [p for p in points if p.measure in measures]
    if entities:
        points = [p for p in points if entities & set(p.entity.split(" + "))]
    return points


def chart_json(chart: FigureChart) -> dict[str, Any]:
    """A chart as JSON: title, measure, unit, bars (each with its quote and source) and disagreements."""

    def point(p: FigurePoint) -> dict[str, Any]:
        return {**asdict(p), "period": p.period}

    return {
        "key": chart.key,
        "title": chart.title,
        "measure": chart.measure,
        "unit": chart.unit,
        "bars": [point(p) for p in chart.points],
        "disagreements": [
            {
                "entity": d.entity,
                "measure": d.measure,
                "unit": d.unit,
                "period": d.period,
                "figures": [point(p) for p in d.points],
            }
            for d in chart.disagreements
        ],
    }
