"""A figure chart for chat: the library's figures on a topic as an image, a text fallback and citations.

The chart data (which figures, whose, what they measure, which disagree) is the console's
`bot.console.figure_charts`, built from the library's extracted figures; this module picks the chart a topic
asks for, numbers its bars, writes its title and lines in the reader's language and draws the PNG.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.charts.png import Bar, bar_chart
from bot.console.figure_charts import FigureChart, FigurePoint, figure_charts
from bot.figure_text import figure_for
from bot.i18n import convert, family, message, template
from knowledge.corpus import Corpus

MAX_BARS = 12
SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))
SIGNS = {"USD": "$", "EUR": "EUR", "GBP": "GBP", "CNY": "CNY", "TWD": "NT$", "JPY": "JPY", "HKD": "HK$"}


@dataclass(frozen=True)
class ChartLine:
    """One numbered bar as text: whose figure, the figure, when, and where it is quoted."""

    number: int
    entity: str
    figure: str
    period: str
    speaker: str | None
    source_title: str
    source_url: str | None
    quote: str


@dataclass(frozen=True)
class ChatChart:
    """What a chat platform posts for `/bubble chart TOPIC`."""

    topic: str
    title: str
    alt: str
    png: bytes
    lines: list[ChartLine]
    more: int  # figures left out of the image (beyond MAX_BARS)

    @property
    def filename(self) -> str:
        """A file name for the upload."""
        return "bubblebot-chart.png"

    def fallback(self) -> str:
        """The chart as plain text: the title and one line per bar (for notifications and screen readers)."""
        rows = [self.title]
        rows.extend(
            f"[{line.number}] {line.entity}: {line.figure}" + (f" ({line.period})" if line.period else "")
            for line in self.lines
        )
        return "\n".join(rows)


def compact(value: float, unit: str) -> str:
    """A short ASCII label for the image: $140B, 26GW, 95%, 15X."""
    if unit == "%":
        return f"{value:g}%"
    if unit == "x":
        return f"{value:g}X"
    if unit == "GW":
        return f"{value:g}GW"
    sign = SIGNS.get(unit, unit + " ")
    for size, suffix in SCALES:
        if abs(value) >= size:
            return f"{sign}{value / size:.3g}{suffix}"
    return f"{sign}{value:g}"


def _title(chart: FigureChart, language: str) -> str:
    key = f"chart.measure.{chart.measure}"
    measure = template(key, language) if key in _keys() else chart.measure
    return message("chart.title", language, measure=measure) + f" ({chart.unit})"


def _keys() -> set[str]:
    from bot.i18n import catalogue

    return set(catalogue("en").messages)


def _period(point: FigurePoint, language: str) -> str:
    """When a figure is for, in the reader's language ("2029", "2030 per year", "2030年每年")."""
    parts = [message("chart.year", language, year=point.year)] if point.year else []
    if point.per:
        key = f"chart.per.{point.per}"
        parts.append(template(key, language) if key in _keys() else point.per)
    return template("chart.period_join", language).join(parts)


def _title_for(corpus: Corpus, point: FigurePoint, language: str) -> str:
    """The article's title as the reader reads it: its own title when it is in the reader's family of languages
    (a Chinese article for a Chinese reader, in the reader's script), else its English title."""
    source = corpus.source(point.source_id)
    if source is not None and family(source.language) == family(language):
        return convert(source.title, language)
    return point.source_title


def _line(corpus: Corpus, number: int, point: FigurePoint, language: str) -> ChartLine:
    return ChartLine(
        number=number,
        entity=point.entity,
        figure=figure_for(point.value, point.unit, language),
        period=_period(point, language),
        speaker=point.speaker,
        source_title=_title_for(corpus, point, language),
        source_url=point.source_url,
        quote=point.quote,
    )


def chat_chart(corpus: Corpus, topic: str, language: str) -> ChatChart | None:
    """The chart a topic asks for ("capex", "OpenAI burn", "电力"), or None when the library has no figures on it."""
    charts = figure_charts(corpus, topic=topic)
    if not charts:
        return None
    chart = charts[0]
    seen: set[tuple[str, float, str]] = set()
    points: list[FigurePoint] = []
    for point in chart.points:  # one bar per entity and value, however often it is quoted
        key = (point.entity, point.value, point.period)
        if key not in seen:
            seen.add(key)
            points.append(point)
    shown = points[:MAX_BARS]
    lines = [_line(corpus, n, p, language) for n, p in enumerate(shown, start=1)]
    title = _title(chart, language)
    png = bar_chart([Bar(p.value, compact(p.value, p.unit), n) for n, p in enumerate(shown, start=1)])
    alt = message("chart.alt", language, count=len(shown), measure=title)
    return ChatChart(topic=topic, title=title, alt=alt, png=png, lines=lines, more=len(points) - len(shown))
