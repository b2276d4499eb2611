"""Plain-text rendering of answers and their sources (CLI, and the building blocks adapters reuse)."""

from __future__ import annotations

from bot.figure_text import figure_for
from bot.i18n import family, language_name, phrase
from bot.models import Answer, Citation


def figure_list(citation: Citation, language: str | None = None) -> str:
    """The citation's figures, comma-separated: formatted for the reader when `language` is given, else as written."""
    shown = [figure_for(f.value, f.unit, language) if language else f.text for f in citation.figures]
    return ", ".join(dict.fromkeys(shown))  # a range's two ends written once ("420億至450億美元") show once


def citation_line(citation: Citation, language: str) -> str:
    """One line: speaker · role · figures · publisher, in the reader's language where the citation knows it."""
    parts = [citation.speaker_label or citation.speaker or phrase("reporting", language)]
    role = citation.role_label if citation.speaker_label else citation.speaker_role
    if role:
        parts.append(role)
    if citation.figures:
        parts.append(figure_list(citation, language))
    parts.append(citation.source.publisher)
    return " · ".join(parts)


def source_place(citation: Citation, language: str) -> str:
    """Where the quote is: article title (in the reader's language where known) and paragraph."""
    title = citation.title_label or citation.source.title
    return phrase("place", language).format(title=title, paragraph=citation.paragraph)


def quote_marker(citation: Citation, language: str) -> str:
    """' (in Chinese)' / '（英文原文）' after a quote in a language other than the reader's, else ''."""
    quoted = citation.quote_language
    if not quoted or family(quoted) == family(language):
        return ""
    return phrase("quote_marker", language).format(language=language_name(quoted, language))


def render_sources(answer: Answer) -> str:
    """The verbatim quotes with article and paragraph, one block per citation (glossed where in another language)."""
    if not answer.citations:
        return phrase("no_sources", answer.language)
    blocks = []
    for number, citation in enumerate(answer.citations, start=1):
        quote = f"    “{citation.quote}”{quote_marker(citation, answer.language)}"
        if citation.gloss and quote_marker(citation, answer.language):
            quote += f"\n    = {citation.gloss}"
        block = (
            f"[{number}] {citation_line(citation, answer.language)}\n{quote}\n"
            f"    — {source_place(citation, answer.language)}"
        )
        if citation.source.url:  # where a reader can check the quote (ingested from a URL, or recorded)
            block += f"\n    {citation.source.url}"
        blocks.append(block)
    return "\n".join(blocks)


def render_answer(answer: Answer, *, sources: bool = False) -> str:
    """The answer text, its citations listed under it, and optionally the verbatim sources."""
    lines = [answer.answer]
    if answer.notice:
        lines.append(f"({answer.notice})")
    if answer.citations:
        lines.append("")
        lines.extend(
            f"[{n}] {citation_line(c, answer.language)}" for n, c in enumerate(answer.citations, start=1)
        )
    if sources and answer.citations:
        lines.extend(["", phrase("sources_heading", answer.language), render_sources(answer)])
    return "\n".join(lines)
