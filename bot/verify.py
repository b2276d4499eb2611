"""Check an answer against its sources before anyone sees it."""

from __future__ import annotations

import re

from bot.models import Answer
from knowledge.corpus import Corpus
from knowledge.figures import find_figures

_SPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACE.sub("", text)


def citation_problems(answer: Answer, corpus: Corpus) -> list[str]:
    """Every citation whose quote is not verbatim in its source or whose figure is not in its quote."""
    problems = []
    for citation in answer.citations:
        passage = corpus.by_id.get(citation.passage_id)
        source_text = _squash(corpus.source(citation.source.id).text) if passage else ""
        if not passage or _squash(citation.quote) not in source_text:
            problems.append(f"quote of {citation.passage_id} is not verbatim in its source")
        for figure in citation.figures:
            if _squash(figure.text) not in _squash(citation.quote):
                problems.append(f"figure {figure.text!r} is not in its quote")
    return problems


def unsupported_numbers(text: str, answer: Answer) -> list[str]:
    """Figures in the answer text that no cited passage carries (value and unit)."""
    cited = [(f.value, f.unit) for c in answer.citations for f in c.figures]
    missing = []
    for figure in find_figures(text):
        if not any(
            unit == figure.unit and abs(value - figure.value) <= 0.01 * abs(value or 1)
            for value, unit in cited
        ):
            missing.append(figure.text)
    return missing
