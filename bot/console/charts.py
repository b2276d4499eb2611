"""Charts as inline SVG drawn on the server: no JavaScript, no chart library, readable without CSS."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from markupsafe import Markup


@dataclass(frozen=True)
class Series:
    """One stacked layer of a bar chart: a name, a value per bar, and the CSS class that colours it."""

    name: str
    values: list[int]
    css: str


def _ticks(top: int) -> list[int]:
    """Up to five round gridline values (steps of 1, 2 or 5 times a power of ten) from 0 to at least top."""
    if top <= 0:
        return [0]
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            if top / step <= 4:
                return list(range(0, -(-top // step) * step + 1, step))
        magnitude *= 10


def stacked_bars(
    labels: list[str], series: list[Series], *, title: str, width: int = 760, height: int = 220
) -> Markup:
    """A stacked bar chart (one bar per label) with a y axis, a legend and a <title> per bar for hovering."""
    left, right, top, bottom = 40, 10, 24, 36
    totals = [sum(s.values[i] for s in series) for i in range(len(labels))]
    ticks = _ticks(max(totals, default=0))
    ceiling = max(ticks[-1], 1)
    plot_w, plot_h = width - left - right, height - top - bottom
    slot = plot_w / max(len(labels), 1)
    bar = max(1.0, slot * 0.8)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label={quoteattr(title)}><title>{escape(title)}</title>'
    ]
    for tick in ticks:
        y = top + plot_h - plot_h * tick / ceiling
        parts.append(
            f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="axis" x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>'
        )
    every = max(1, round(len(labels) / 8))  # at most ~8 date labels fit under the bars
    for i, label in enumerate(labels):
        x = left + i * slot + (slot - bar) / 2
        y = top + plot_h
        tip = escape(f"{label}: " + ", ".join(f"{s.values[i]} {s.name}" for s in series))
        parts.append(f'<g class="bar"><title>{tip}</title>')
        for s in series:
            h = plot_h * s.values[i] / ceiling
            if h > 0:
                y -= h
                parts.append(
                    f'<rect class="{s.css}" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}"/>'
                )
        parts.append("</g>")
        if i % every == 0:
            parts.append(
                f'<text class="axis" x="{x + bar / 2:.1f}" y="{height - bottom + 14}" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    x = left
    for s in series:
        parts.append(
            f'<rect class="{s.css}" x="{x}" y="4" width="10" height="10"/>'
            f'<text class="legend" x="{x + 14}" y="13">{escape(s.name)}</text>'
        )
        x += 24 + 7 * len(s.name)
    parts.append("</svg>")
    return Markup("".join(parts))


@dataclass(frozen=True)
class Bar:
    """One horizontal bar: its label, value, the value as text, where it links, and its CSS class."""

    label: str
    value: float
    text: str
    href: str
    css: str = "bar-fill"


def horizontal_bars(bars: list[Bar], *, title: str, width: int = 760) -> Markup:
    """Labelled horizontal bars on a linear scale, each a link (to its quote), with its value written beside it."""
    label_w, value_w, row, top = 250, 130, 22, 8
    height = top * 2 + row * max(len(bars), 1)
    plot_w = width - label_w - value_w
    ceiling = max((b.value for b in bars), default=0) or 1.0
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart hbars" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label={quoteattr(title)}><title>{escape(title)}</title>'
    ]
    for i, b in enumerate(bars):
        y = top + i * row
        w = max(1.0, plot_w * b.value / ceiling)
        label = b.label if len(b.label) <= 40 else b.label[:39] + "…"
        parts.append(
            f'<a href={quoteattr(b.href)}><g class="bar"><title>{escape(f"{b.label}: {b.text}")}</title>'
            f'<text class="axis" x="{label_w - 6}" y="{y + 15}" text-anchor="end">{escape(label)}</text>'
            f'<rect class="{b.css}" x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 6}"/>'
            f'<text class="value" x="{label_w + w + 4:.1f}" y="{y + 15}">{escape(b.text)}</text></g></a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
