"""Decide what supports an answer: the passages to cite, or why the corpus has no answer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.aboutness import aboutness, asked_entities, entity_count, in_its_paragraph
from bot.conflicts import add_conflicts
from bot.figure_ranking import with_asked_figure
from bot.focus_figure import focus_figure, nearest_figure
from bot.question_cues import (
    ASKS_REFUSAL,
    BUBBLE,
    COUNT_QUESTION,
    DEAL,
    DESCRIBE,
    GUIDANCE,
    INSTRUCTIONS,
    LIVE,
    MOVED,
    OPINION,
    QUOTE_NOW,
    genuine_question,
)
from bot.refusals import NO_COMMENT, REFUSAL, stronger_refusal, withheld_breakdown
from bot.supporting import (
    answer_not_question,
    asks_when,
    continuation,
    dated_first,
    follow_up_figures,
    is_yes_no,
    people_first,
    speakers_figure,
    with_replies,
)
from bot.which_organization import asks_which_organization, names_another_organization
from knowledge.corpus import Corpus
from knowledge.figures import Figure
from knowledge.passages import Passage
from knowledge.query import QueryAnalysis
from knowledge.scripts import fold
from knowledge.search import Hit
from knowledge.speakers import Speaker

# Relevance floor: share of the question's (idf-weighted) terms a supporting passage must contain,
# unless the passage is by the asked speaker or carries the asked figure.
MIN_COVERAGE = 0.3
STRONG_COVERAGE = 0.55
MIN_DENSE = 0.3
# A passage with a figure of the asked unit and measure: the word overlap it needs, and the meaning across languages.
MEASURED_COVERAGE = 0.25
CROSS_DENSE = 0.38
# A named speaker's passage must also touch the question's topic ("What did Nadella say about GPUs?").
MIN_TOPIC = 0.15
MIN_TOPIC_DENSE = 0.35
# A passage on the asked organization that shares this much of the question's topic words is worth weighing.
MIN_ABOUT_TOPIC = 0.2
# How much better a narration sentence must fit a question than a quoted one to answer it instead.
TOLD_BONUS = 0.15


@dataclass
class Abstention:
    """Why there is no answer: live, unquoted, unknown, off_topic, no_figure, declined, unsure or irrelevant."""

    reason: str
    name: str | None = None
    speaker: Speaker | None = None
    # A figure next to the asked one ("for the year, not the quarter"), or (declined) the refusal the articles report
    nearest: tuple[Passage, Figure | None] | None = None


@dataclass
class Evidence:
    """The passages to cite, best first, and the figure that answers a how-much question."""

    hits: list[Hit]
    focus: Figure | None = None
    conflict: bool = False
    alternative: bool = False
    notes: list[str] = field(default_factory=list)
    rivals: list[tuple[Hit, Figure]] = field(default_factory=list)  # two sources' figures for the same thing


# "What has Idris Kemble said about how much lawyers use it?": a question about someone's words, figure or not.
_ASKS_WORDS = re.compile(
    r"\b(?:said(?! to\b)|say|says|saying|think|thinks|argue|argued|told|tell|claim|claimed|comment(?:ed)?|"
    r"respond(?:ed)?|response)\b|怎么看|怎麼看|说|說|表示|认为|認為|评价|評價|谈到|談到|觉得|覺得|回应|回應",
    re.I,
)


def _only_unquoted_person(query: QueryAnalysis) -> bool:
    """Whether the question asks about someone the articles never quote: no speaker asked, or only organizations
    beside a person who is only mentioned ("what has Damien Prescott said about the Kestrel report?")."""
    if not query.speakers:
        return True
    person_asked = any(s.kind == "person" for s in query.speakers)
    return not person_asked and any(s.kind == "person" for s in query.unquoted)


def _topic_fit(hit: Hit, query: QueryAnalysis, corpus: Corpus) -> float:
    """How well a passage fits the asked topic; across languages word overlap is thin, so meaning decides."""
    if _across(hit, query, corpus):
        return hit.dense + 0.25 * hit.topic_coverage
    return hit.topic_coverage + 0.5 * hit.dense


def _across(hit: Hit, query: QueryAnalysis, corpus: Corpus) -> bool:
    """Whether the passage is written in the other language than the question (English against Chinese)."""
    return (query.language == "en") != (corpus.source(hit.passage.source_id).language == "en")


def _supported(hit: Hit, query: QueryAnalysis, about: bool = False, across: bool = False) -> bool:
    """Relevant enough to cite; `about`: the passage concerns the organization the question names; `across`: it
    is written in the other language, where word overlap is thin and meaning decides."""
    if "speaker" in hit.reasons or "figure" in hit.reasons or "year" in hit.reasons:
        return True
    measured = "unit" in hit.reasons and "measure" in hit.reasons
    # a figure of the asked kind and measure: a little less word overlap will do
    if (
        measured
        and hit.dense >= MIN_DENSE
        and (hit.coverage >= MEASURED_COVERAGE or (across and hit.dense >= CROSS_DENSE))
    ):
        return True
    if about and (
        "unit" in hit.reasons
        or "measure" in hit.reasons  # "Corvella要買回多少庫藏股": the asked measure, in a passage about it
        or hit.dense >= MIN_DENSE
        or hit.coverage >= MIN_COVERAGE
        or hit.topic_coverage >= MIN_ABOUT_TOPIC
    ):
        return True
    return hit.coverage >= STRONG_COVERAGE or (hit.coverage >= MIN_COVERAGE and hit.dense >= MIN_DENSE)


def _best_across(hit: Hit, hits: list[Hit], query: QueryAnalysis, corpus: Corpus) -> bool:
    """Whether the passage ranked first is in the other language and carries the asked unit, measure or
    organization: across languages word overlap and meaning both run low, and ranking first is the evidence left
    (calibrated on 42 held-out corpora: four answers gained for two wrong)."""
    return (
        hit is hits[0]
        and _across(hit, query, corpus)
        and bool({"unit", "measure", "entity"} & set(hit.reasons))
    )


def decide(query: QueryAnalysis, hits: list[Hit], corpus: Corpus) -> Evidence | Abstention:
    """Pick the supporting passages for a question, or say why the corpus cannot answer it."""
    folded = fold(query.text)
    live = LIVE.search(folded) and not GUIDANCE.search(folded)  # "下一季營收財測" is in the articles
    if live or (QUOTE_NOW.search(folded) and not MOVED.search(folded) and not DEAL.search(folded)):
        return Abstention("live")
    if INSTRUCTIONS.search(query.text) and not genuine_question(query.text):
        return Abstention("irrelevant")  # orders and nothing else to answer: never obeyed, nothing cited
    if query.unknown_names and not any(s.kind == "person" for s in query.speakers):
        # "郑启东怎么看启曜这次降价？": the one asked is never quoted, whatever else the question names
        return Abstention("unknown", name=query.unknown_names[0])
    if (
        query.unquoted
        and (
            query.kind != "how_much"
            or (_ASKS_WORDS.search(query.text) and query.unquoted[0].kind == "person")
        )
        and _only_unquoted_person(query)
    ):
        return Abstention("unquoted", name=query.unquoted[0].name, speaker=query.unquoted[0])
    if COUNT_QUESTION.search(query.text) and not query.units:
        return Abstention("no_figure")
    entities = asked_entities(query)
    if query.kind != "who":
        hits = with_replies(hits, corpus)
    if query.wants_figure:
        hits = follow_up_figures(hits, corpus, query.units)
    # A figure question may be answered from an article about the organization without its name in the sentence.
    about = {
        h.passage.id
        for h in hits
        if entities
        and (aboutness(h, entities, corpus) if query.wants_figure else entity_count(h, entities, corpus))
    }
    candidates = [
        h
        for h in hits
        if _supported(h, query, h.passage.id in about, _across(h, query, corpus))
        or _best_across(h, hits, query, corpus)
    ]
    if query.speakers and query.kind != "who":
        names = corpus.speaking_for(query.speakers)
        candidates = [h for h in candidates if h.passage.speaker in names]
    described = [s for s in query.speakers if s not in query.named]
    if query.kind == "who" and described:
        # "Who's the finance chief at Tessary, and how does she defend the debt?": the one the role describes
        names = corpus.speaking_for(described)
        theirs = [h for h in hits if h.passage.speaker in names]
        theirs.sort(key=lambda h: -_topic_fit(h, query, corpus))
        candidates = theirs or candidates
    if (
        about
        and not query.wants_figure
        and not query.speakers
        and any(h.passage.id in about for h in candidates)
    ):
        # "Does Calloway plan to expand?": passages about Calloway (its name, its people) come first.
        candidates = [h for h in candidates if h.passage.id in about]
    if about and not query.speakers and not query.wants_figure and query.kind in ("what", "stance"):
        # "Why won't Copper Basin build for every applicant?": among the passages on the asked organization, the
        # one on the asked topic, a person's words before the article's narration when they fit about as well.
        told = TOLD_BONUS if OPINION.search(query.text) else 0.0
        candidates.sort(key=lambda h: -(_topic_fit(h, query, corpus) + (told if h.passage.speaker else 0.0)))
    if query.speakers and query.kind in ("what", "stance", "comparison"):
        # Among the asked speaker's passages, the one about the asked topic: a passage that merely names the
        # speaker or their title ("首席财务官周敏透露…") matches the question's words without answering it.
        if about and query.kind in ("what", "stance"):
            # "孙正义对OpenAI的投资说了什么?": only what the speaker says about OpenAI (named, or their employer)
            on_topic = [h for h in candidates if in_its_paragraph(h, entities, corpus)]
            if not on_topic:
                return Abstention("off_topic", name=query.speakers[0].name, speaker=query.speakers[0])
            candidates = on_topic
        candidates.sort(key=lambda h: -_topic_fit(h, query, corpus))
        if (
            candidates
            and query.kind == "what"
            and not query.units
            and not any(
                h.topic_coverage >= MIN_TOPIC or h.dense >= MIN_TOPIC_DENSE or h.passage.id in about
                for h in candidates
            )
        ):
            return Abstention("off_topic", name=query.speakers[0].name, speaker=query.speakers[0])
    if query.wants_figure:
        asked = with_asked_figure(query, candidates, entities, corpus)
        if not asked:
            return Abstention("no_figure", nearest=nearest_figure(query, candidates, entities, corpus))
        # "She declined to give a revenue forecast for 2027": a refusal in the answer's article says there is none,
        # though the refusal itself quotes no one the question asks about
        beside = [
            h for h in hits if h not in candidates and h.passage.source_id == asked[0].passage.source_id
        ]
        refused = stronger_refusal([*candidates, *beside], asked[0], query.measures)
        if refused is not None:
            return Abstention("declined", nearest=(refused.passage, None))
        candidates = asked
    if asks_which_organization(query.text) and not query.wants_figure:
        # "Which firm did the September appraisal?": a passage that names no organization but those asked about
        # ("an independent appraisal valued the fleet…") does not say which
        asked_about = {s.name for s in (*query.speakers, *query.entities)}
        candidates = [h for h in candidates if names_another_organization(h, asked_about, corpus)]
    if query.kind == "who":
        candidates = people_first(candidates, corpus)
    elif asks_when(query.text) and not query.wants_figure:
        candidates = dated_first(candidates)
    if (query.kind == "stance" or DESCRIBE.search(query.text)) and query.speakers:
        # "Does X think it's a bubble?", "How does X describe…?": answered with X's own words where quoted.
        bubble = bool(BUBBLE.search(query.text))
        # "怎麼看AI泡沫": the words where the speaker takes up the bubble, then any quoted words
        candidates.sort(
            key=lambda h: (
                bubble and not BUBBLE.search(h.passage.text),
                not any(q in h.passage.text for q in '“「"'),
            )
        )
    if not candidates:
        return Abstention("irrelevant")
    lead = candidates[0].passage
    if (
        # "他至今未就价格战公开表态" beside his 27% stake: no view to give, whatever figure shares the sentence
        (
            (not lead.figures and REFUSAL.search(lead.text))
            or (
                (query.kind == "stance" or (not query.wants_figure and _ASKS_WORDS.search(query.text)))
                and NO_COMMENT.search(lead.text)
            )
        )
        and not (query.kind == "who" and ASKS_REFUSAL.search(query.text))
    ):
        # "Aurelis declined to say which developers are its customers": the articles say there is no answer, to
        # "who is leading the round?" too ("He would not say who is leading the new round"), unless the question
        # asks who it was that declined
        return Abstention("declined", nearest=(lead, None))
    withheld = withheld_breakdown(lead, query, corpus) if query.wants_figure else None
    if withheld is not None:
        # "185亿元…建两座新厂" then "公司未透露两座新厂各自的投资金额": the part asked about was not disclosed
        return Abstention("declined", nearest=(withheld, None))
    primary = candidates[0] if query.kind == "who" else answer_not_question(candidates[0], corpus)
    evidence = Evidence(
        hits=[primary],
        focus=focus_figure(primary, query, entities, corpus.source(primary.passage.source_id).published)
        if query.wants_figure
        else None,
    )
    if primary is not candidates[0]:
        evidence.hits.append(candidates[0])  # the question it answers, for context
    if evidence.focus is not None:
        add_conflicts(evidence, query, hits, entities, corpus)
        return evidence
    after = continuation(primary.passage, hits, corpus)
    if after is not None:
        evidence.hits.append(after)
    if query.kind in {"what", "stance", "comparison"} and primary.passage.speaker and len(evidence.hits) < 2:
        _add_same_speaker(evidence, query, candidates, corpus)
    evidence.hits = list({h.passage.id: h for h in reversed(evidence.hits)}.values())[::-1]
    return evidence


def _add_same_speaker(
    evidence: Evidence, query: QueryAnalysis, candidates: list[Hit], corpus: Corpus
) -> None:
    """A second passage of the lead's speaker on the same topic; for a yes-or-no question, the one with a number."""
    primary = evidence.hits[0]
    if is_yes_no(query.text):
        later = speakers_figure(primary.passage, corpus)
        if later is not None:
            known = next((h for h in candidates if h.passage.id == later.id), None)
            evidence.hits.append(known or Hit(later, 0.0))
            return
    for hit in candidates[1:]:
        if (
            hit.passage.speaker == primary.passage.speaker
            and hit.score >= 0.8 * primary.score
            and hit.coverage >= 0.6 * primary.coverage
        ):
            evidence.hits.append(hit)
            return
