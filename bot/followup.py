"""Turn an elliptical follow-up ("and Anthropic?", "那谷歌呢？") into a whole question using the thread."""

from __future__ import annotations

import re

from knowledge.org_words import ORG_WORDS, find_orgs, org_words
from knowledge.speakers import Speaker, SpeakerIndex

_FOLLOWUP = re.compile(
    r"^\s*(?:and|what about|how about|same for|and what about|also)\b|^\s*(?:那|那么|还有|而)|呢\s*[?？]?\s*$",
    re.I,
)
_STRIP = re.compile(
    r"^\s*(?:and what about|what about|how about|same for|and|also|那么|那|还有|而)\s*|\s*呢?\s*[?？]?\s*$",
    re.I,
)


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


# A person referred to by a pronoun ("Why did he say that?", "what else did she say?", "他为什么这么说？").
_PRONOUN_EN = re.compile(r"\b(?:(?P<own>his|her|their)|he|she|him|they|them)\b(?!\s+(?:own|selves))", re.I)
_PRONOUN_ZH = re.compile(r"(?<![其吉])(?:他|她)(?![们們人])")
# Words that point back at what the earlier question was about ("say that", "这么说"): its topic comes along.
_BACK_REFERENCE = re.compile(
    r"\b(?:that|this|so|else|more)\b|这么|這麼|这样|這樣|那样|那樣|此|还说|還說|其他", re.I
)
_WHO_WORDS = re.compile(r"\bwho\b|谁|誰", re.I)


def _pronoun(question: str) -> re.Match[str] | None:
    """The pronoun a short question refers to its speaker with, if any."""
    short = len(question.split()) <= 10 if question.isascii() else len(question) <= 24
    if not short:
        return None
    return (_PRONOUN_EN if question.isascii() else _PRONOUN_ZH).search(question)


def _named_in(question: str, speakers: SpeakerIndex) -> Speaker | None:
    """The person (or organization) a question names or describes by role, if it names one."""
    mentions = [m.speaker for m in speakers.find_mentions(question)]
    found = mentions or speakers.find_by_role(question)
    people = [s for s in found if s.kind == "person"]
    return people[0] if people else (found[0] if found else None)


def resolve_pronoun(
    question: str, history: list[str], speakers: SpeakerIndex, last_speaker: str | None = None
) -> str | None:
    """'Why did he say that?' as a question about the last answer's speaker, or None when it is not such a question.

    The speaker is the one the last question names; else the last answer's primary speaker (`last_speaker`);
    else the one an older question names.
    """
    match = _pronoun(question)
    if match is None or not history or speakers.find_mentions(question):
        return None
    speaker = _named_in(history[-1], speakers) or (speakers.by_name(last_speaker) if last_speaker else None)
    speaker = speaker or next((s for q in reversed(history[:-1]) if (s := _named_in(q, speakers))), None)
    if speaker is None:
        return None
    name = speaker.name if question.isascii() else (speaker.name_zh or speaker.name)
    named = f"{name}'s" if match.groupdict().get("own") else name
    rewritten = question[: match.start()] + named + question[match.end() :]
    if _BACK_REFERENCE.search(question):  # "say that": what the earlier question asked about comes along
        rewritten = f"{rewritten} {_WHO_WORDS.sub(' ', history[-1]).strip()}"
    return rewritten


def resolve_followup(
    question: str, history: list[str], speakers: SpeakerIndex, *, last_speaker: str | None = None
) -> str:
    """The follow-up rewritten as a full question from the last one; other questions unchanged.

    `last_speaker` is the canonical name of the last answer's primary speaker, when the caller knows it.
    """
    pronoun = resolve_pronoun(question, history, speakers, last_speaker)
    if pronoun is not None:
        return pronoun
    if not history or not is_followup(question):
        return question
    previous = history[-1]
    subject = _STRIP.sub("", question).strip() or question.strip()
    new_is_entity = bool(
        speakers.find_mentions(subject) or find_orgs(subject) or subject.lower() in ORG_WORDS
    )
    spans = _entity_spans(previous, speakers)
    if new_is_entity and spans:
        start, end = spans[0]
        return previous[:start] + subject + previous[end:]
    return f"{previous} {subject}"
