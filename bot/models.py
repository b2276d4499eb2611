"""The answer contract: what `bubblebot ask --json` prints and every adapter renders."""

from __future__ import annotations

from pydantic import BaseModel, Field

CONTRACT_VERSION = 1  # raised when a field of the answer contract changes meaning or goes away


class CitedFigure(BaseModel):
    """A figure as written in the quote, with its normalized value and unit."""

    text: str
    value: float
    unit: str


class SourceRef(BaseModel):
    """The article a citation comes from."""

    id: str
    title: str
    publisher: str
    url: str | None = None
    title_en: str | None = None


class Citation(BaseModel):
    """Who said it, the numbers, the verbatim quote and where it is."""

    speaker: str | None
    speaker_role: str | None
    quote: str
    figures: list[CitedFigure] = Field(default_factory=list)
    source: SourceRef
    passage_id: str
    paragraph: int
    sentence: int
    gloss_en: str | None = None
    # As the reader of the answer reads them (optional; `speaker`, `speaker_role` and `quote` stay canonical/verbatim).
    speaker_label: str | None = None
    role_label: str | None = None
    title_label: str | None = None
    quote_language: str | None = None
    gloss: str | None = None


class Answer(BaseModel):
    """One answer to one question, in the asker's language."""

    question: str
    language: str
    answer: str
    abstained: bool
    citations: list[Citation] = Field(default_factory=list)
    notice: str | None = None
    # How long the answer took (set by AnswerService, stored with the question); not part of the contract.
    latency_ms: int | None = Field(default=None, exclude=True, repr=False)

    def contract(self) -> dict[str, object]:
        """The JSON object of the answer contract (docs/answer-contract.md), plus place and notice fields."""
        data = self.model_dump(exclude={"notice"} if self.notice is None else set())
        for citation in data["citations"]:
            citation.pop("gloss_en", None)
        return {"version": CONTRACT_VERSION, **data}
