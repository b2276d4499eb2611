"""Hybrid retrieval: dense (Chroma) and lexical (BM25) ranks fused, then speaker- and figure-aware boosts."""

from __future__ import annotations

import heapq
import logging
import re
from dataclasses import dataclass, field

from knowledge.corpus import Corpus
from knowledge.dense import DenseSearch
from knowledge.errors import IndexUnavailable
from knowledge.figure_measures import figure_measures
from knowledge.figures import Figure
from knowledge.lexical import LexicalIndex
from knowledge.passages import Passage
from knowledge.query import QueryAnalysis
from knowledge.scripts import fold

log = logging.getLogger(__name__)
RRF_K = 60
POOL = 40


@dataclass
class Hit:
    """A ranked passage with the evidence behind its score."""

    passage: Passage
    score: float
    dense: float = 0.0
    lexical: float = 0.0
    coverage: float = 0.0
    topic_coverage: float = 0.0
    reasons: list[str] = field(default_factory=list)


@dataclass
class SearchResult:
    """Ranked hits, and whether dense search was unavailable (lexical only)."""

    hits: list[Hit]
    degraded: bool = False


# A sentence whose subject is the organization named before: "The start-up was valued…", "公司前三季度…".
_OPENS_WITH_ANAPHOR = re.compile(
    r"(?:The|Its) (?:[a-z-]+ ){0,2}(?:company|start-up|startup|firm|bank|lender|group|fund|insurer|maker|operator)\b"
    r"|(?:该|这家)?(?:公司|集团|企业)"
)


def figure_matches(figure: Figure, wanted: Figure) -> bool:
    """Same unit and a value within 1%."""
    return figure.unit == wanted.unit and abs(figure.value - wanted.value) <= 0.01 * abs(wanted.value)


def _context(passage: Passage) -> tuple[str, str]:
    """The ids of the sentences before and after a passage (either may not exist)."""
    place = f"{passage.source_id}:{passage.paragraph}."
    return f"{place}{passage.sentence - 1}", f"{place}{passage.sentence + 1}"


class HybridSearcher:
    """Fuses dense and lexical ranks and favours the asked speaker, unit, year and figure."""

    def __init__(self, corpus: Corpus, lexical: LexicalIndex, dense: DenseSearch | None):
        self.corpus = corpus
        self.lexical = lexical
        self.dense = dense
        self._measured: dict[tuple[str, int], set[str]] = {}

    def _dense(self, text: str) -> tuple[dict[str, float], bool]:
        if self.dense is None:
            return {}, True
        try:
            return self.dense.query(text, POOL * 2), False
        except IndexUnavailable as exc:  # DenseSearch logs the outage and reconnects later by itself
            log.debug("dense search unavailable, answering from lexical search only: %s", exc)
            return {}, True

    def search(self, query: QueryAnalysis, k: int = 5, *, exhaustive: bool = False) -> SearchResult:
        """The k best passages for an analyzed question (`exhaustive`: score every candidate, for tests)."""
        dense, degraded = self._dense(query.text)
        # The index may be a commit ahead of this corpus (an ingest since it was read): only known passages count.
        dense = {pid: score for pid, score in dense.items() if pid in self.corpus.by_id}
        lexical = dict(self.lexical.search(query.tokens, POOL))
        dense_rank = {pid: r for r, pid in enumerate(sorted(dense, key=lambda p: -dense[p]))}
        lexical_rank = {pid: r for r, pid in enumerate(lexical)}
        candidates = set(list(dense_rank)[:POOL]) | set(lexical_rank)
        focus = self.corpus.speaking_for(query.speakers) if query.kind != "who" else set()
        candidates |= {p.id for name in focus for p in self.corpus.passages_by(name)}
        about = self._about(query)
        candidates |= about
        # Candidates grow with the library (every passage naming the asked organization or spoken by its
        # people): they are scored in order of an upper bound of their score, and scoring stops once no
        # remaining candidate can reach the k-th best. The hits and their order are those of scoring them all.
        order = list(candidates)
        passages = [self.corpus.by_id[pid] for pid in order]
        # Coverage, the costly part of a score, is computed for every candidate at once (which also makes the
        # bounds tight); with the fused ranks it is each score's base.
        coverage, topic = self.lexical.coverages(
            order, [_context(p) for p in passages], query.concepts, query.topic or []
        )
        base = [
            RRF_K * sum(1.0 / (RRF_K + ranks[pid]) for ranks in (dense_rank, lexical_rank) if pid in ranks)
            + coverage[i]
            for i, pid in enumerate(order)
        ]
        bounds = [self._bound(p, query, focus, p.id in about, base[i]) for i, p in enumerate(passages)]
        scored: list[tuple[int, Hit]] = []
        best: list[float] = []  # the k best scores so far (a min-heap)
        for i in sorted(range(len(order)), key=lambda i: -bounds[i]):
            if not exhaustive and len(best) >= k and bounds[i] < best[0]:
                break
            floor = None if exhaustive or len(best) < k else best[0]
            hit = self._score(
                passages[i],
                query,
                dense,
                lexical,
                focus,
                (base[i], coverage[i], topic[i] if query.topic else 1.0),
                passages[i].id in about,
                floor,
            )
            if hit is None:  # its measures (the costly part) could not lift it to the k-th best
                continue
            if passages[i].id in about:  # the organization the question is about: named, or its people speak
                hit.score += 0.4
                hit.reasons.append("entity")
            scored.append((i, hit))
            (heapq.heappush if len(best) < k else heapq.heappushpop)(best, hit.score)
        scored.sort(key=lambda item: item[0])  # ties keep the candidates' order, as when all are scored
        hits = [hit for _, hit in scored]
        hits.sort(key=lambda h: -h.score)
        return SearchResult(hits=hits[:k], degraded=degraded)

    @staticmethod
    def _bound(passage: Passage, query: QueryAnalysis, focus: set[str], about: bool, base: float) -> float:
        """At least the score `_score` (plus the entity bonus) gives a passage, from its cheap parts only.

        `base`: its fused ranks plus coverage. Every asked measure counts as matched; keep this in step with
        `_score`.
        """
        bound = base
        if focus and passage.speaker in focus:
            bound += 1.0
        figures = passage.figures
        if figures:  # most passages have none: every figure term below is then 0
            if query.units and any(f.unit in query.units for f in figures):
                bound += 0.5
            elif query.wants_figure:
                bound += 0.15
            if query.period and any(f.per == query.period for f in figures if f.unit in query.units):
                bound += 0.2
            if query.measures and any(not query.units or f.unit in query.units for f in figures):
                bound += 0.3 * len(query.measures)
            if query.years and any(f.year in query.years for f in figures):
                bound += 0.3
            if any(figure_matches(f, w) for f in figures for w in query.figures):
                bound += 0.8
        if about:
            bound += 0.4
        return bound + 1e-9  # sums in another order may round differently

    def _measures(self, passage: Passage, n: int) -> set[str]:
        """What the passage's n-th figure measures (remembered: reading its clause runs every measure's pattern)."""
        key = (passage.id, n)
        found = self._measured.get(key)
        if found is None:
            found = self._measured[key] = figure_measures(passage, passage.figures[n])
        return found

    def _about(self, query: QueryAnalysis) -> set[str]:
        """Passages that name an organization the question is about, or whose speaker is it or works for it."""
        if not query.entities:
            return set()
        words = {fold(a) for e in query.entities for a in (e.name, e.name_zh or "", *e.aliases) if len(a) > 1}
        people = self.corpus.speaking_for(query.entities)
        about = {p.id for name in people for p in self.corpus.passages_by(name)}
        named: set[str] = set()
        for word in words:
            named |= self.corpus.naming(word)
        return about | named | self._narration_after(named)

    def _narration_after(self, named: set[str]) -> set[str]:
        """The article's own sentences that follow a naming one in its paragraph ("Dervanne's shares fell 5.8%.
        Third-quarter revenue rose 44%…"): the paragraph's subject carries on until someone else speaks."""
        found: set[str] = set()
        for pid in named:
            passage = self.corpus.by_id[pid]
            number = passage.sentence + 1
            while (
                after := self.corpus.by_id.get(f"{passage.source_id}:{passage.paragraph}.{number}")
            ) is not None:
                if after.speaker is not None:
                    break
                found.add(after.id)
                number += 1
            # "…according to a presentation Vellamy gave. ¶ The start-up was valued at $5.2 billion…": the next
            # paragraph opening with "the company" goes on about it
            following = self.corpus.by_id.get(f"{passage.source_id}:{passage.paragraph + 1}.1")
            if (
                following is not None
                and following.speaker is None
                and _OPENS_WITH_ANAPHOR.match(following.text)
            ):
                found.add(following.id)
        return found

    def _score(
        self,
        passage: Passage,
        query: QueryAnalysis,
        dense: dict[str, float],
        lexical: dict[str, float],
        focus: set[str],
        parts: tuple[float, float, float],
        about: bool = False,
        floor: float | None = None,
    ) -> Hit | None:
        """The passage's score and why; None when, even with every asked measure, it stays below `floor`.

        `parts`: its fused ranks plus coverage, its coverage of the question's concepts, and of its topic.
        `_bound` must stay an upper bound of this score: change both together.
        """
        pid = passage.id
        score, coverage, topic = parts
        reasons = []
        if focus and passage.speaker in focus:
            score += 1.0
            reasons.append("speaker")
        if query.units and any(f.unit in query.units for f in passage.figures):
            score += 0.5
            reasons.append("unit")
        elif query.wants_figure and passage.figures:
            score += 0.15
        if query.period and any(f.per == query.period for f in passage.figures if f.unit in query.units):
            score += 0.2
            reasons.append("period")
        eligible = [n for n, f in enumerate(passage.figures) if not query.units or f.unit in query.units]
        year = bool(query.years and any(f.year in query.years for f in passage.figures))
        figure = any(figure_matches(f, w) for f in passage.figures for w in query.figures)
        if floor is not None and query.measures and eligible:
            most = score + 0.3 * len(query.measures) + 0.3 * year + 0.8 * figure + 0.4 * about
            if most + 1e-9 < floor:
                return None
        matched = max(
            (len(query.measures & self._measures(passage, n)) for n in eligible if query.measures), default=0
        )
        if matched:
            score += 0.3 * matched
            reasons.append("measure")
        if year:
            score += 0.3
            reasons.append("year")
        if figure:
            score += 0.8
            reasons.append("figure")
        return Hit(passage, score, dense.get(pid, 0.0), lexical.get(pid, 0.0), coverage, topic, reasons)
