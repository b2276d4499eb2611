"""Interview and transcript paragraphs: "Okonjo: …", "覃思远：…", "Q: …" say who speaks the whole paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.attribution.entities import ArticleEntities, Entity

# A label that opens a paragraph: "Okonjo:", "**Portside Weekly: …", "覃思远：", "問：" (bold marks allowed).
# "**Chief financial officer Imani Cheverton:**", "Oskar Brandvold, Halden Ridge Capital:", "**Hollis Brandt, chief
# executive:**": a title before the name, and the organization or title after it, belong to the label.
_LABEL = re.compile(
    r"^\s*\**\s*(?:[A-Z][a-z]+(?:\s+[a-z][a-z-]*){1,3}\s+(?=[A-Z]))?"
    r"(?P<label>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|[\u3400-\u9fff·•]{1,8}|Q|A)"
    r"(?P<after>,\s*(?:[A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){0,4}|[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}))?"
    r"\s*\**\s*[:：]\s*\**\s*\S"
)
# The interviewer's turn: what it asks is no statement of anyone's.
_QUESTION_LABELS = frozenset({"q", "question", "问", "問", "记者", "記者", "主持人"})
# The interviewee's turn, unnamed: "答：…", "A: …" is the person the article interviews.
_ANSWER_LABELS = frozenset({"a", "answer", "答"})


@dataclass(frozen=True)
class TurnLabel:
    """A paragraph's transcript label: the entity whose turn it is, or None for the interviewer's question;
    `answer` when the label only says it is the interviewee's answer ("答：")."""

    speaker: Entity | None
    answer: bool = False


def transcript_turn(paragraph: list[str], entities: ArticleEntities) -> TurnLabel | None:
    """The speaker a paragraph's label names ("Okonjo: They're pricing us…"), if the paragraph opens with one.

    Only a label that is a name the article introduced, or an interviewer's mark, counts: "Correction: …" or
    "Update: …" are not turns in a conversation.
    """
    if not paragraph:
        return None
    match = _LABEL.match(paragraph[0])
    if match is None:
        return None
    label = match.group("label").strip()
    if label.lower() in _QUESTION_LABELS:
        return TurnLabel(None)
    if label.lower() in _ANSWER_LABELS:
        return TurnLabel(None, answer=True)
    entity = entities.find_any(label)
    if entity is not None and entity.kind == "person":
        return TurnLabel(entity)
    # "**Portside Weekly: Your shares are down…**": the publication's own question, set in bold
    if paragraph[0].lstrip().startswith("**") and paragraph[-1].rstrip().endswith(("?**", "？**", "**")):
        return TurnLabel(None)
    return None


def label_introduces(sentence: str) -> tuple[str, str | None] | None:
    """The full name and what follows it ("Ferrier Pike", "chief executive") when a sentence opens with a
    transcript label that introduces a speaker by name ("**Naomi Treadgold, Ferrier Pike:** …")."""
    match = _LABEL.match(sentence)
    # only the label in bold: "**Portside Weekly: Your shares are down…**" is the publication's own question
    bold_label = re.match(r"\s*\*\*[^*:：]+[:：]?\*\*", sentence)
    if match is None or len(match.group("label").split()) < 2 or bold_label is None:
        return None
    after = match.group("after")
    return match.group("label"), after.lstrip(", ").strip() if after else None


def turn_surname(sentence: str) -> str | None:
    """The single capitalized word a sentence opens with as a transcript label ("Thorne: People cannot buy…")."""
    match = _LABEL.match(sentence)
    if match is None or match.group("after") or " " in match.group("label"):
        return None
    label = match.group("label")
    return (
        label
        if label.isascii()
        and label[:1].isupper()
        and label.lower() not in (*_QUESTION_LABELS, *_ANSWER_LABELS)
        else None
    )
