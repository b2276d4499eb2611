"""Plain-text rendering of answers and their sources (CLI, and the building blocks adapters reuse)."""

from __future__ import annotations

from bot.i18n import phrase
from bot.models import Answer, Citation


def figure_list(citation: Citation) -> str:
    """The citation's figures as written, comma-separated."""
    return ", ".join(f.text for f in citation.figures)


def citation_line(citation: Citation, language: str) -> str:
    """One line: speaker · role · figures · publisher."""
    parts = [citation.speaker or phrase("reporting", language)]
    if citation.speaker_role:
        parts.append(citation.speaker_role)
    if citation.figures:
        parts.append(figure_list(citation))
    parts.append(citation.source.publisher)
    return " · ".join(parts)


def source_place(citation: Citation, language: str) -> str:
    """Where the quote is: article title and paragraph."""
    return phrase("place", language).format(title=citation.source.title, paragraph=citation.paragraph)


def render_sources(answer: Answer) -> str:
    """The verbatim quotes with article and paragraph, one block per citation."""
    if not answer.citations:
        return phrase("no_sources", answer.language)
    blocks = []
    for number, citation in enumerate(answer.citations, start=1):
        blocks.append(f"[{number}] {citation_line(citation, answer.language)}\n"
                      f"    “{citation.quote}”\n    — {source_place(citation, answer.language)}")
    return "\n".join(blocks)


def render_answer(answer: Answer, *, sources: bool = False) -> str:
    """The answer text, its citations listed under it, and optionally the verbatim sources."""
    lines = [answer.answer]
    if answer.notice:
        lines.append(f"({answer.notice})")
    if answer.citations:
        lines.append("")
        lines.extend(f"[{n}] {citation_line(c, answer.language)}" for n, c in enumerate(answer.citations, start=1))
    if sources and answer.citations:
        lines.extend(["", phrase("sources_heading", answer.language), render_sources(answer)])
    return "\n".join(lines)
