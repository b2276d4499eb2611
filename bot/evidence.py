"""Decide what supports an answer: the passages to cite, or why the corpus has no answer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.corpus import Corpus
from knowledge.figures import Figure
from knowledge.measures import figure_measures, looks_ahead
from knowledge.passages import Passage
from knowledge.query import QueryAnalysis
from knowledge.scripts import fold
from knowledge.search import Hit
from knowledge.speakers import Speaker, find_orgs, org_words

# Relevance floor: share of the question's (idf-weighted) terms a supporting passage must contain,
# unless the passage is by the asked speaker or carries the asked figure.
MIN_COVERAGE = 0.3
STRONG_COVERAGE = 0.55
MIN_DENSE = 0.3
# A named speaker's passage must also touch the question's topic ("What did Nadella say about GPUs?").
MIN_TOPIC = 0.15
MIN_TOPIC_DENSE = 0.35
_LIVE = re.compile(
    r"share price|stock price|stock quote|market cap|trading at|\bticker\b|股价|股價|市值|"
    r"next quarter|this quarter|下个季度|下季度|本季度|下一季|"
    r"(?:today|right now|currently|at the moment|今天|现在|目前).{0,30}(?:price|trading|worth|价格|市值)|"
    r"(?:price|trading|worth|价格).{0,30}(?:today|right now|currently|今天|现在)", re.I)
_INSTRUCTIONS = re.compile(
    r"\b(?:ignore|disregard|forget) (?:all |any |your |the )*(?:previous |prior |above |earlier )?(?:instructions|rules|"
    r"sources|prompt)|\b(?:you are|you're) (?:now )?(?:in )?(?:test|developer|debug) mode|\bsystem prompt\b|"
    r"\bpretend (?:to be|that)|\bcite (?:him|her|them|it) with\b|忽略(?:之前|以上|所有)?的?(?:指令|指示|规则)|测试模式",
    re.I)
_QUESTION_WORDS = re.compile(r"^\s*(?:what|who|whom|which|how|why|when|where|does|did|do|is|are|was|were|can|could|will|"
                             r"would|should|has|have)\b|[?？]\s*$|吗|什么|多少|谁|怎么|怎樣|哪|几|為何|为何|是否", re.I)


def _genuine_question(text: str) -> bool:
    """Whether some sentence of the text, besides the instructions in it, asks something."""
    sentences = re.split(r"(?<=[.!?。！？])\s*", text)
    return any(_QUESTION_WORDS.search(s) for s in sentences if s.strip() and not _INSTRUCTIONS.search(s))


_COUNT_QUESTION = re.compile(r"how many (?!times|gigawatts?|gw|dollars|billion|trillion|percent)[a-z]+|"
                             r"多少(?:个|名|位|家|人|次|员工|名员工)", re.I)


@dataclass
class Abstention:
    """Why there is no answer: live, unquoted, unknown, no_figure or irrelevant."""

    reason: str
    name: str | None = None
    speaker: Speaker | None = None


@dataclass
class Evidence:
    """The passages to cite, best first, and the figure that answers a how-much question."""

    hits: list[Hit]
    focus: Figure | None = None
    conflict: bool = False
    alternative: bool = False
    notes: list[str] = field(default_factory=list)


def _entities(query: QueryAnalysis) -> list[tuple[str, ...]]:
    """The organizations a question is about (not asked to speak), each as the spellings that name it."""
    speaker_words = {fold(a) for s in query.speakers for a in (s.name, *s.aliases)}
    found = [tuple(org_words(org)) for org in find_orgs(query.text)
             if not any(w in speaker_words for w in org_words(org))]
    for entity in query.entities:
        words = tuple(dict.fromkeys(fold(a) for a in (entity.name, entity.name_zh or "", *entity.aliases) if len(a) > 1))
        if not any(set(words) & set(f) for f in found):
            found.append(words)
    return found


_ANAPHOR = re.compile(r"该公司|這家公司|这家公司|该银行|其|它|the company|the firm|\bits\b|^公司|^他|^她|^\s*(?:he|she)\b",
                      re.I)


def _context(passage: Passage, corpus: Corpus) -> str:
    """The passage, with the sentence before it when it points back there ("该公司", "it")."""
    if not _ANAPHOR.search(fold(passage.text)):
        return passage.text
    before = corpus.by_id.get(f"{passage.source_id}:{passage.paragraph}.{passage.sentence - 1}")
    return f"{before.text if before else ''} {passage.text}"


def _speaker_words(passage: Passage, corpus: Corpus) -> str:
    """The speaker's name and role, folded: "the CFO of 禾跃" is about 禾跃 too."""
    speaker = corpus.speaker(passage.speaker)
    if speaker is None:
        return ""
    return fold(" ".join((speaker.name, speaker.role, speaker.role_zh or "", *(o for _, o in speaker.positions))))


def _entity_count(hit: Hit, entities: list[tuple[str, ...]], corpus: Corpus) -> int:
    folded = fold(_context(hit.passage, corpus)) + " " + _speaker_words(hit.passage, corpus)
    return sum(any(w in folded for w in words) for words in entities)


def _topic_fit(hit: Hit, query: QueryAnalysis, corpus: Corpus) -> float:
    """How well a passage fits the asked topic; across languages word overlap is thin, so meaning decides."""
    asked_english = query.language == "en"
    written_english = corpus.source(hit.passage.source_id).language == "en"
    if asked_english != written_english:
        return hit.dense + 0.25 * hit.topic_coverage
    return hit.topic_coverage + 0.5 * hit.dense


def _supported(hit: Hit, query: QueryAnalysis, about: bool = False) -> bool:
    """Relevant enough to cite; `about`: the passage concerns the organization the question names."""
    if "speaker" in hit.reasons or "figure" in hit.reasons or "year" in hit.reasons:
        return True
    if about and ("unit" in hit.reasons or hit.dense >= MIN_DENSE or hit.coverage >= MIN_COVERAGE):
        return True
    return hit.coverage >= STRONG_COVERAGE or (hit.coverage >= MIN_COVERAGE and hit.dense >= MIN_DENSE)


def _focus_figure(hit: Hit, query: QueryAnalysis, entities: list[tuple[str, ...]]) -> Figure | None:
    figures = _asked_figures(hit, query)
    if not figures:
        return None
    fitting = [f for f in figures if query.measures & figure_measures(hit.passage, f)]
    figures = fitting or figures
    text = fold(hit.passage.text)
    if query.period:
        timed = [f for f in figures if f.per == query.period]
        figures = timed or figures
    spots = [m.start() for words in entities for w in words for m in re.finditer(re.escape(w), text)]
    if not spots:
        return figures[0]

    def distance(figure: Figure) -> int:
        at = text.find(fold(figure.text))
        return min(abs(at - s) for s in spots) if at >= 0 else 10**6

    return min(figures, key=distance)


def decide(query: QueryAnalysis, hits: list[Hit], corpus: Corpus) -> Evidence | Abstention:
    """Pick the supporting passages for a question, or say why the corpus cannot answer it."""
    if _LIVE.search(query.text):
        return Abstention("live")
    if _INSTRUCTIONS.search(query.text) and not _genuine_question(query.text):
        return Abstention("irrelevant")  # orders and nothing else to answer: never obeyed, nothing cited
    if query.unknown_names and not query.speakers:
        return Abstention("unknown", name=query.unknown_names[0])
    if query.unquoted and not query.speakers and query.kind != "how_much":
        return Abstention("unquoted", name=query.unquoted[0].name, speaker=query.unquoted[0])
    if _COUNT_QUESTION.search(query.text) and not query.units:
        return Abstention("no_figure")
    entities = _entities(query)
    about = {h.passage.id for h in hits if entities and _entity_count(h, entities, corpus)}
    candidates = [h for h in hits if _supported(h, query, h.passage.id in about)]
    if query.speakers and query.kind != "who":
        names = corpus.speaking_for(query.speakers)
        candidates = [h for h in candidates if h.passage.speaker in names]
    if about and any(h.passage.id in about for h in candidates):
        # "Does Calloway plan to expand?": passages about Calloway (its name, its people) come first.
        candidates = [h for h in candidates if h.passage.id in about]
    if query.speakers and query.kind in ("what", "stance", "comparison"):
        # Among the asked speaker's passages, the one about the asked topic: a passage that merely names the
        # speaker or their title ("首席财务官周敏透露…") matches the question's words without answering it.
        candidates.sort(key=lambda h: -_topic_fit(h, query, corpus))
        if candidates and query.kind == "what" and not query.units and not any(
                h.topic_coverage >= MIN_TOPIC or h.dense >= MIN_TOPIC_DENSE for h in candidates):
            return Abstention("off_topic", name=query.speakers[0].name, speaker=query.speakers[0])
    if query.wants_figure:
        candidates = _with_asked_figure(query, candidates, entities, corpus)
        if not candidates:
            return Abstention("no_figure")
    if query.kind == "who":
        candidates = _people_first(candidates, corpus)
    if query.kind == "stance" and query.speakers:
        # "Does X think it's a bubble?" is answered with X's own words where the articles quote them.
        candidates.sort(key=lambda h: not any(q in h.passage.text for q in "“「\""))
    if not candidates:
        return Abstention("irrelevant")
    primary = candidates[0] if query.kind == "who" else _answer_not_question(candidates[0], corpus)
    evidence = Evidence(hits=[primary], focus=_focus_figure(primary, query, entities) if query.wants_figure else None)
    if primary is not candidates[0]:
        evidence.hits.append(candidates[0])  # the question it answers, for context
    if evidence.focus is not None:
        _add_conflicts(evidence, query, hits, entities, corpus)
        return evidence
    _add_continuation(evidence, hits, corpus)
    if query.kind in {"what", "stance", "comparison"} and primary.passage.speaker and len(evidence.hits) < 2:
        for hit in candidates[1:]:
            if (hit.passage.speaker == primary.passage.speaker and hit.score >= 0.8 * primary.score
                    and hit.coverage >= 0.6 * primary.coverage):
                evidence.hits.append(hit)
                break
    return evidence


def _asked_figures(hit: Hit, query: QueryAnalysis) -> list[Figure]:
    """The passage's figures in an asked unit (any unit when none is asked) and year, best measure first."""
    figures = [f for f in hit.passage.figures if not query.units or f.unit in query.units]
    if query.years:
        figures = [f for f in figures if f.year in query.years]
    return sorted(figures, key=lambda f: not (query.measures & figure_measures(hit.passage, f)))


def _with_asked_figure(query: QueryAnalysis, candidates: list[Hit], entities: list[tuple[str, ...]],
                       corpus: Corpus) -> list[Hit]:
    """Passages with a figure that answers the question: unit, year, the organization asked about, the measure.

    A figure whose words name another measure does not answer ("how much will Almana put into one project?" is
    not answered by its assets); one whose clause names no measure at all ("About 22%, Osei replied") may.
    The figure matching more of the asked measures, then more of the organizations asked about, comes first.
    """
    ranked = []
    ahead = looks_ahead(query.text)
    for position, hit in enumerate(candidates):
        figures = _asked_figures(hit, query)
        if not figures:
            continue
        measured = figure_measures(hit.passage, figures[0])
        matches = len(query.measures & measured)
        if query.measures and measured and not matches:
            continue
        about = _entity_count(hit, entities, corpus) if entities else 1
        if not about:
            continue
        ranked.append(((-matches, -about, ahead and not looks_ahead(hit.passage.text), position), hit))
    return [hit for _, hit in sorted(ranked, key=lambda item: item[0])]


_ASKS = re.compile(r"\basked (?:whether|if|how|what|why|when|about)\b|\bwanted to know\b|追问|问道|询问|提问", re.I)


def _answer_not_question(hit: Hit, corpus: Corpus) -> Hit:
    """An analyst's question in the article is not an answer: the reply right after it is."""
    passage = hit.passage
    if passage.speaker is None or not _ASKS.search(fold(passage.text)):
        return hit
    for key in (f"{passage.source_id}:{passage.paragraph}.{passage.sentence + 1}",
                f"{passage.source_id}:{passage.paragraph + 1}.1"):
        reply = corpus.by_id.get(key)
        if reply is not None:
            if reply.speaker and reply.speaker != passage.speaker:
                return Hit(reply, hit.score, hit.dense, hit.lexical, hit.coverage, hit.topic_coverage, ["reply"])
            return hit
    return hit


def _people_first(candidates: list[Hit], corpus: Corpus) -> list[Hit]:
    """A who-question wants a person: a speaker's passage, or the sentence right next to the best match."""
    spoken = [h for h in candidates if h.passage.speaker]
    best = candidates[0] if candidates else None
    if best is None or best.passage.speaker:
        return spoken or candidates
    if any(q in best.passage.text for q in "“「"):
        return candidates  # quoted words with no named speaker: "an investor asked: …" answers it
    passage = best.passage
    for step in (1, -1):
        near = corpus.by_id.get(f"{passage.source_id}:{passage.paragraph}.{passage.sentence + step}")
        if near is not None and near.speaker:
            return [Hit(near, best.score, best.dense, best.lexical, best.coverage, best.topic_coverage), best]
    return spoken or candidates


def _add_continuation(evidence: Evidence, hits: list[Hit], corpus: Corpus) -> None:
    """The next sentence joins when it goes on with the same thought (same speaker, or "这…" / "這…")."""
    passage = evidence.hits[0].passage
    after = corpus.by_id.get(f"{passage.source_id}:{passage.paragraph}.{passage.sentence + 1}")
    if after is None:
        return
    same_speaker = after.speaker is not None and after.speaker == passage.speaker
    goes_on = after.speaker in (None, passage.speaker) and fold(after.text).startswith(("这", "此"))
    if same_speaker or goes_on:
        known = next((h for h in hits if h.passage.id == after.id), None)
        evidence.hits.append(known or Hit(after, 0.0))


def _add_conflicts(evidence: Evidence, query: QueryAnalysis, hits: list[Hit], entities: list[tuple[str, ...]],
                   corpus: Corpus) -> None:
    """Another source giving a different value for the same thing (unit, year, entity) is shown too."""
    focus = evidence.focus
    primary = evidence.hits[0]
    assert focus is not None
    for hit in (h for h in hits if h is not primary and h.passage.id != primary.passage.id):
        if hit.passage.source_id == primary.passage.source_id or hit.coverage < 0.5 * primary.coverage:
            continue
        if entities and _entity_count(hit, entities, corpus) < len(entities):
            continue
        # Same thing, different number: same unit and year; with no year asked, another source's figure for
        # the same unit that is about as relevant is shown too, as an alternative rather than a contradiction.
        same_year = next((f for f in hit.passage.figures if f.unit == focus.unit and focus.year is not None
                          and f.year == focus.year and abs(f.value - focus.value) > 0.01 * focus.value), None)
        if same_year is not None:
            evidence.hits.append(hit)
            evidence.conflict = True
            return
        other = next((f for f in hit.passage.figures if f.unit == focus.unit
                      and abs(f.value - focus.value) > 0.01 * focus.value), None)
        if other is not None and not query.years and hit.coverage >= 0.8 * primary.coverage:
            evidence.hits.append(hit)
            evidence.alternative = True
            return
