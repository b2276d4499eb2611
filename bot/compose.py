"""The default composer: a short answer in the asker's language from the chosen passages, no model needed."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from bot.figure_text import figure_for
from bot.i18n import convert, examples, family, phrase
from bot.models import Citation, CitedFigure, SourceRef
from bot.naming import describe, publisher_name, source_title, speaker_name, speaker_role
from bot.passage_writer import Writer, passage_body
from knowledge.corpus import Corpus
from knowledge.figures import Figure
from knowledge.passages import Passage
from knowledge.query import QueryAnalysis

if TYPE_CHECKING:  # annotations only: importing evidence pulls in search (and chromadb)
    from bot.evidence import Abstention, Evidence

__all__ = ["compose_abstention", "compose_answer", "describe", "make_citation", "passage_body"]

SHOWN_TITLES = 5  # source titles an abstention names (the newest ones)


def make_citation(
    passage: Passage, corpus: Corpus, focus: Figure | None = None, language: str | None = None
) -> Citation:
    """A citation of one passage: speaker, role, verbatim quote, figures (the answering one first), source.

    With the reader's `language`, it also carries the speaker, role and title as that reader reads them.
    """
    speaker = corpus.speaker(passage.speaker)
    source = corpus.source(passage.source_id)
    figures = sorted(passage.figures, key=lambda f: f != focus)
    reader = language or source.language
    return Citation(
        speaker=speaker.name if speaker else None,
        speaker_role=speaker.role if speaker else None,
        quote=passage.text,
        figures=[CitedFigure(text=f.text, value=f.value, unit=f.unit) for f in figures],
        source=SourceRef(
            id=source.id,
            title=source.title,
            publisher=source.publisher,
            url=source.url,
            title_en=source.title_en,
        ),
        passage_id=passage.id,
        paragraph=passage.paragraph,
        sentence=passage.sentence,
        gloss_en=passage.gloss_en,
        speaker_label=speaker_name(speaker, reader) if speaker and language else None,
        role_label=(speaker_role(speaker, reader) or None)
        if speaker and language and speaker.kind == "person"
        else None,
        title_label=source_title(source, reader) if language else None,
        quote_language=source.language,
        gloss=_gloss_for(passage, source.language, language),
    )


def _gloss_for(passage: Passage, written: str, reader: str | None) -> str | None:
    """The passage's gloss in the reader's language when it is written in the other one."""
    if reader is None or (family(reader) == "en") == (written == "en"):
        return None
    if family(reader) == "en":
        return passage.gloss_en
    return convert(passage.gloss_zh, reader) if passage.gloss_zh else None


def compose_answer(query: QueryAnalysis, evidence: Evidence, corpus: Corpus) -> tuple[str, list[Citation]]:
    """The answer text and its citations."""
    language = query.language
    passages = [h.passage for h in evidence.hits]
    citations = [make_citation(p, corpus, evidence.focus, language) for p in passages]
    writer = Writer(corpus, language, evidence.focus, asked=frozenset(query.measures))
    primary_speaker = corpus.speaker(passages[0].speaker)
    lead = ""
    if evidence.conflict:
        lead = phrase("disagree", language).format(figures=_rival_figures(evidence, corpus, language))
    elif evidence.alternative:
        lead = phrase("two_figures", language).format(figures=_rival_figures(evidence, corpus, language))
    elif query.kind == "who" and primary_speaker is not None:
        # Named with their role in the lead, so the passages after it name them only briefly.
        lead = phrase("who", language).format(speaker=writer.name(primary_speaker))
    bodies = [writer.body(passages[0])]
    first_states_focus = writer.stated_focus  # the first sentence already leads with the answering figure
    bodies += [
        writer.body(p, repeat=p.speaker is not None and p.speaker == before.speaker)
        for before, p in pairwise(passages)
    ]
    if not lead and evidence.focus is not None and not first_states_focus:
        lead = phrase("lead", language).format(
            text=figure_for(evidence.focus.value, evidence.focus.unit, language)
        )
    separator = "\n" if len(bodies) > 1 else (" " if family(language) == "en" else "")
    text = separator.join(bodies)
    return (f"{lead}{separator}{text}" if lead else text), citations


def _rival_figures(evidence: Evidence, corpus: Corpus, language: str) -> str:
    """'$48 billion (Sand Hill Dispatch) vs $52 billion (Brightwater Post)': each source's figure, attributed.

    Each figure is named by its speaker, or by its article's publisher when no speaker or the same one gives both.
    """
    focus = evidence.focus
    assert focus is not None
    speakers = [hit.passage.speaker for hit, _ in evidence.rivals]
    by_source = None in speakers or len(set(speakers)) < len(speakers)
    parts = []
    for hit, figure in evidence.rivals:
        speaker = corpus.speaker(hit.passage.speaker)
        source = corpus.source(hit.passage.source_id)
        who = (
            publisher_name(source, language)
            if by_source or speaker is None
            else speaker_name(speaker, language)
        )
        shown = figure_for(figure.value, figure.unit, language)
        if evidence.alternative and figure.year:
            shown += f" by {figure.year}" if family(language) == "en" else f"（{figure.year}年）"
        parts.append(f"{shown} ({who})" if family(language) == "en" else convert(f"{who}称{shown}", language))
    return phrase("versus", language).join(parts)


def _nearest(passage: Passage, figure: Figure, corpus: Corpus, language: str) -> str:
    """'The nearest figure they give is $125 billion, in “…”: <the sentence>' — what the articles do have."""
    title = source_title(corpus.source(passage.source_id), language)
    return phrase("abstain_nearest", language).format(
        figure=figure_for(figure.value, figure.unit, language), title=title, text=_shortened(passage)
    )


def _shortened(passage: Passage) -> str:
    return passage.text if len(passage.text) <= 220 else passage.text[:217] + "…"


def compose_abstention(abstention: Abstention, corpus: Corpus, language: str) -> str:
    """A helpful refusal: why, what the corpus covers, and three questions to try."""
    if abstention.reason == "live":
        why = phrase("abstain_live", language)
    elif abstention.reason == "unquoted" and abstention.speaker is not None:
        why = phrase("abstain_unquoted", language).format(
            name=speaker_name(abstention.speaker, language), pronoun=abstention.speaker.pronoun
        )
    elif abstention.reason == "unknown" and abstention.name:
        why = phrase("abstain_unknown", language).format(name=abstention.name)
    elif abstention.reason == "off_topic" and abstention.speaker is not None:
        why = phrase("abstain_off_topic", language).format(name=speaker_name(abstention.speaker, language))
    elif abstention.reason == "no_figure":
        why = phrase("abstain_no_figure", language)
        if abstention.nearest is not None and abstention.nearest[1] is not None:
            why += " " + _nearest(abstention.nearest[0], abstention.nearest[1], corpus, language)
    elif abstention.reason == "unsure" and abstention.nearest is not None:
        passage = abstention.nearest[0]
        title = source_title(corpus.source(passage.source_id), language)
        why = phrase("abstain_unsure", language).format(text=_shortened(passage), title=title)
    elif abstention.reason == "declined" and abstention.nearest is not None:
        passage = abstention.nearest[0]
        title = source_title(corpus.source(passage.source_id), language)
        why = phrase("abstain_declined", language).format(text=passage.text, title=title)
    else:
        why = phrase("abstain", language)
    # A large library is summarized (its newest titles and a count), not listed: the reply stays short.
    shown = corpus.sources[-SHOWN_TITLES:]
    titles = "; ".join(
        source_title(s, language) if family(language) == "en" else f"《{source_title(s, language)}》"
        for s in shown
    )
    if len(corpus.sources) > len(shown):
        titles = phrase("more_titles", language).format(titles=titles, n=len(corpus.sources) - len(shown))
    covers = phrase("covers", language).format(n=len(corpus.sources), titles=titles)
    tries = "\n".join(f"• {q}" for q in examples(language))
    return f"{why} {covers}\n{phrase('try', language)}\n{tries}"
