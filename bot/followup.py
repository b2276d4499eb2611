"""Turn an elliptical follow-up ("and Anthropic?", "那谷歌呢？") into a whole question using the thread."""

from __future__ import annotations

import re

from knowledge.speakers import ORG_WORDS, SpeakerIndex, find_orgs, org_words

_FOLLOWUP = re.compile(r"^\s*(?:and|what about|how about|same for|and what about|also)\b|^\s*(?:那|那么|还有|而)|呢\s*[?？]?\s*$",
                       re.I)
_STRIP = re.compile(r"^\s*(?:and what about|what about|how about|same for|and|also|那么|那|还有|而)\s*|\s*呢?\s*[?？]?\s*$",
                    re.I)


def is_followup(question: str) -> bool:
    """Short questions that lean on the previous one."""
    short = len(question.split()) <= 6 if question.isascii() else len(question) <= 16
    return short and bool(_FOLLOWUP.search(question))


def _entity_spans(text: str, speakers: SpeakerIndex) -> list[tuple[int, int]]:
    spans = [(m.start, m.end) for m in speakers.find_mentions(text)]
    lowered = text.lower()
    for org in find_orgs(text):
        for word in org_words(org):
            spans.extend(m.span() for m in re.finditer(rf"(?<![a-z]){re.escape(word)}(?![a-z])", lowered))
    return sorted(spans)


def resolve_followup(question: str, history: list[str], speakers: SpeakerIndex) -> str:
    """The follow-up rewritten as a full question from the last one; other questions unchanged."""
    if not history or not is_followup(question):
        return question
    previous = history[-1]
    subject = _STRIP.sub("", question).strip() or question.strip()
    new_is_entity = bool(speakers.find_mentions(subject) or find_orgs(subject) or subject.lower() in ORG_WORDS)
    spans = _entity_spans(previous, speakers)
    if new_is_entity and spans:
        start, end = spans[0]
        return previous[:start] + subject + previous[end:]
    return f"{previous} {subject}"
