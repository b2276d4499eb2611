"""Sample data for the state store tests."""

from __future__ import annotations

from bot.models import Answer, Citation, CitedFigure, SourceRef


def make_answer(
    question: str = "Does Sam Altman think AI is a bubble?", *, abstained: bool = False
) -> Answer:
    """A realistic answer with one cited figure (non-ASCII text included)."""
    citation = Citation(
        speaker="Sam Altman",
        speaker_role="CEO, OpenAI",
        quote="阿尔特曼表示，OpenAI 计划建设 250吉瓦 的算力。",
        figures=[CitedFigure(text="250吉瓦", value=250, unit="GW")],
        source=SourceRef(id="mittr-zh", title="AI 泡沫", publisher="MIT Technology Review", url=None),
        passage_id="mittr-zh:3:1",
        paragraph=3,
        sentence=1,
        gloss_en="Altman said OpenAI plans 250 GW of compute.",
    )
    return Answer(
        question=question,
        language="en",
        answer="Sam Altman said OpenAI plans 250 GW.",
        abstained=abstained,
        citations=[] if abstained else [citation],
    )
