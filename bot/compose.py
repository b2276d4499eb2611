"""The default composer: a short answer in the asker's language from the chosen passages, no model needed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.i18n import convert, examples, phrase
from bot.models import Citation, CitedFigure, SourceRef
from knowledge.corpus import Corpus
from knowledge.figures import Figure, format_figure
from knowledge.passages import Passage
from knowledge.query import QueryAnalysis
from knowledge.speakers import Speaker

if TYPE_CHECKING:  # annotations only: importing evidence pulls in search (and chromadb)
    from bot.evidence import Abstention, Evidence


def make_citation(passage: Passage, corpus: Corpus, focus: Figure | None = None) -> Citation:
    """A citation of one passage: speaker, role, verbatim quote, figures (the answering one first), source."""
    speaker = corpus.speaker(passage.speaker)
    source = corpus.source(passage.source_id)
    figures = sorted(passage.figures, key=lambda f: f != focus)
    return Citation(
        speaker=speaker.name if speaker else None,
        speaker_role=speaker.role if speaker else None,
        quote=passage.text,
        figures=[CitedFigure(text=f.text, value=f.value, unit=f.unit) for f in figures],
        source=SourceRef(id=source.id, title=source.title, publisher=source.publisher, url=source.url),
        passage_id=passage.id, paragraph=passage.paragraph, sentence=passage.sentence, gloss_en=passage.gloss_en,
    )


def describe(speaker: Speaker, language: str) -> str:
    """'Sam Altman (CEO, OpenAI)' or '萨姆·阿尔特曼（OpenAI首席执行官）' in the asker's script."""
    if speaker.kind == "organization":
        return speaker.name if language == "en" else convert(speaker.name_zh or speaker.name, language)
    if language == "en":
        return f"{speaker.name} ({speaker.role})"
    return convert(f"{speaker.name_zh or speaker.name}（{speaker.role_zh or speaker.role}）", language)


def _english_body(passage: Passage, speaker: Speaker | None, publisher: str) -> str:
    if passage.gloss_en:
        if speaker is None:
            return f"{phrase('according_to', 'en').format(publisher=publisher)}: {passage.gloss_en}"
        # Name the speaker with their role once, where the gloss first names them (unless it gives the role):
        # the earliest mention, the longest alias there (never an order that depends on set hashing).
        aliases = {speaker.name, *(a for a in speaker.aliases if a.isascii())}
        found = [m for a in aliases if (m := re.search(rf"(?<![A-Za-z]){re.escape(a)}(?![A-Za-z])", passage.gloss_en))]
        if found:
            match = min(found, key=lambda m: (m.start(), -len(m.group())))
            before = passage.gloss_en[max(0, match.start() - 40):match.start()]
            named = speaker.name if _ROLE_WORDS.search(before) else describe(speaker, "en")
            return passage.gloss_en[:match.start()] + named + passage.gloss_en[match.end():]
        return phrase("said", "en").format(speaker=describe(speaker, "en"), text=passage.gloss_en)
    quoted = f"“{passage.text}”"
    if speaker is None:
        return f"{phrase('according_to', 'en').format(publisher=publisher)}: {quoted}"
    return phrase("said", "en").format(speaker=describe(speaker, "en"), text=quoted)


_ROLE_WORDS = re.compile(r"\b(?:CEO|chief|CFO|president|chair(?:man)?|founder|co-founder|partner|investor|head)\b",
                         re.I)


def _chinese_body(passage: Passage, speaker: Speaker | None, publisher: str, language: str) -> str:
    text = convert(passage.text, language)
    if speaker is None:
        return f"{phrase('according_to', language).format(publisher=publisher)}：{text}"
    return phrase("said", language).format(speaker=describe(speaker, language), text=text)


def passage_body(passage: Passage, corpus: Corpus, language: str, *, repeat: bool = False) -> str:
    """One passage, attributed, in the asker's language (`repeat`: same speaker as the passage before)."""
    speaker = corpus.speaker(passage.speaker)
    if repeat and language != "en":
        return phrase("also", language) + convert(passage.text, language)
    source = corpus.source(passage.source_id)
    if language == "en":
        return _english_body(passage, speaker, source.translation_of or source.publisher)
    return _chinese_body(passage, speaker, convert(source.translation_of or source.publisher, language), language)


def compose_answer(query: QueryAnalysis, evidence: Evidence, corpus: Corpus) -> tuple[str, list[Citation]]:
    """The answer text and its citations."""
    language = query.language
    passages = [h.passage for h in evidence.hits]
    citations = [make_citation(p, corpus, evidence.focus) for p in passages]
    bodies = [passage_body(p, corpus, language, repeat=i > 0 and p.speaker is not None
                           and p.speaker == passages[i - 1].speaker) for i, p in enumerate(passages)]
    lead = ""
    primary_speaker = corpus.speaker(passages[0].speaker)
    if evidence.conflict:
        lead = phrase("disagree", language).format(figures=_rival_figures(evidence, corpus, language))
    elif evidence.alternative:
        lead = phrase("two_figures", language).format(figures=_rival_figures(evidence, corpus, language))
    elif query.kind == "who" and primary_speaker is not None:
        lead = phrase("who", language).format(speaker=describe(primary_speaker, language))
    elif evidence.focus is not None:
        focus = evidence.focus
        shown = format_figure(focus.value, focus.unit) if language == "en" else convert(focus.text, language)
        lead = f"{shown}." if language == "en" else f"{shown}。"
    separator = "\n" if len(bodies) > 1 else (" " if language == "en" else "")
    text = separator.join(bodies)
    return (f"{lead}{separator}{text}" if lead else text), citations


def _rival_figures(evidence: Evidence, corpus: Corpus, language: str) -> str:
    """'$115 billion (The Verge) vs $140 billion (Deutsche Bank)': each source's figure, attributed."""
    focus = evidence.focus
    assert focus is not None
    parts = []
    for hit in evidence.hits:
        figure = focus if hit is evidence.hits[0] else None
        figure = figure or next((f for f in hit.passage.figures if f.unit == focus.unit and f.year == focus.year), None)
        figure = figure or next(f for f in hit.passage.figures if f.unit == focus.unit)
        speaker = corpus.speaker(hit.passage.speaker)
        source = corpus.source(hit.passage.source_id)
        who = (speaker.name if language == "en" else (speaker.name_zh or speaker.name)) if speaker else (
            source.translation_of or source.publisher)
        shown = format_figure(figure.value, figure.unit) if language == "en" else figure.text
        if evidence.alternative and figure.year:
            shown += f" by {figure.year}" if language == "en" else f"（{figure.year}年）"
        parts.append(convert(f"{shown} ({who})" if language == "en" else f"{who}称{shown}", language))
    return phrase("versus", language).join(parts)


def compose_abstention(abstention: Abstention, corpus: Corpus, language: str) -> str:
    """A helpful refusal: why, what the corpus covers, and three questions to try."""
    if abstention.reason == "live":
        why = phrase("abstain_live", language)
    elif abstention.reason == "unquoted" and abstention.speaker is not None:
        name = abstention.speaker.name if language == "en" else (abstention.speaker.name_zh or abstention.speaker.name)
        why = phrase("abstain_unquoted", language).format(name=convert(name, language),
                                                          pronoun=abstention.speaker.pronoun)
    elif abstention.reason == "unknown" and abstention.name:
        why = phrase("abstain_unknown", language).format(name=abstention.name)
    elif abstention.reason == "off_topic" and abstention.speaker is not None:
        name = abstention.speaker.name if language == "en" else (abstention.speaker.name_zh or abstention.speaker.name)
        why = phrase("abstain_off_topic", language).format(name=convert(name, language))
    elif abstention.reason == "no_figure":
        why = phrase("abstain_no_figure", language)
    else:
        why = phrase("abstain", language)
    titles = "; ".join(
        (s.title_en or s.title) if language == "en" else convert(f"《{s.title}》", language) for s in corpus.sources
    )
    covers = phrase("covers", language).format(n=len(corpus.sources), titles=titles)
    tries = "\n".join(f"• {q}" for q in examples(language))
    return f"{why} {covers}\n{phrase('try', language)}\n{tries}"
