"""The answer chain: prepare → analyze → retrieve → decide → doubt → compose → verify, as plain calls in order."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from bot.answer_gate import too_risky
from bot.compose import compose_abstention, compose_answer
from bot.evidence import Abstention, Evidence, decide
from bot.followup import resolve_followup
from bot.i18n import phrase
from bot.models import Answer, Citation
from bot.verify import citation_problems
from knowledge.base import KnowledgeBase
from knowledge.language import conversation_script, detect_language
from knowledge.query import QueryAnalysis
from knowledge.search import Hit

log = logging.getLogger(__name__)
RETRIEVE_K = 16


class Composer(Protocol):
    """Writes the answer text for chosen evidence (the default needs no model)."""

    def compose(
        self, query: QueryAnalysis, evidence: Evidence, kb: KnowledgeBase
    ) -> tuple[str, list[Citation]]:
        """Answer text and citations."""
        ...


class DefaultComposer:
    """Template answers from glosses and verbatim passages; no model, no network."""

    def compose(
        self, query: QueryAnalysis, evidence: Evidence, kb: KnowledgeBase
    ) -> tuple[str, list[Citation]]:
        """Answer text and citations."""
        return compose_answer(query, evidence, kb.corpus)


@dataclass
class Turn:
    """One question travelling through the chain."""

    question: str
    history: list[str] = field(default_factory=list)
    locale: str | None = None  # the user's locale ("zh-TW"), when the adapter knows it
    last_speaker: str | None = None  # the last answer's primary speaker, for "Why did he say that?"
    notices: list[str] = field(default_factory=list)
    language: str = "en"
    open_script: bool = False  # Chinese in characters both scripts share: the answer's article may settle it
    resolved: str = ""
    query: QueryAnalysis | None = None
    hits: list[Hit] = field(default_factory=list)
    decision: Evidence | Abstention | None = None
    answer: Answer | None = None


@dataclass(frozen=True)
class Chain:
    """The answer steps, run one after another on a turn."""

    # Plain calls, not LangChain runnables: those cost ~2 ms of CPU per answer and ~1 s of imports at start;
    # LangChain is imported only where a model is configured (bot/llm.py, bot/glossing.py).
    steps: tuple[Callable[[Turn], Turn], ...]
    finish: Callable[[Turn], Answer]

    def invoke(self, turn: Turn) -> Answer:
        """The answer to one turn."""
        for step in self.steps:
            turn = step(turn)
        return self.finish(turn)


def build_chain(kb: KnowledgeBase, composer: Composer | None = None) -> Chain:
    """The whole answer chain for one knowledge base."""
    writer = composer or DefaultComposer()

    def prepare(turn: Turn) -> Turn:
        hint = conversation_script(turn.history, turn.locale)
        turn.language = detect_language(turn.question, hint)
        # written only in characters both scripts share, with no conversation or locale to go by
        turn.open_script = hint is None and turn.language != detect_language(turn.question, "zh-Hant")
        turn.resolved = resolve_followup(
            turn.question, turn.history, kb.corpus.speakers, last_speaker=turn.last_speaker
        )
        return turn

    def analyze(turn: Turn) -> Turn:
        turn.query = kb.analyze(turn.resolved)
        turn.query.language = turn.language
        return turn

    def retrieve(turn: Turn) -> Turn:
        assert turn.query is not None
        result = kb.searcher.search(turn.query, RETRIEVE_K)
        turn.hits = result.hits
        if result.degraded:
            turn.notices.append(phrase("notice_degraded", turn.language))
        return turn

    def choose(turn: Turn) -> Turn:
        assert turn.query is not None
        turn.decision = decide(turn.query, turn.hits, kb.corpus)
        if turn.open_script and isinstance(turn.decision, Evidence) and turn.decision.hits:
            # "沛霖第三季毛利率是多少？" answered from a Traditional article is read in Traditional
            written = kb.corpus.source(turn.decision.hits[0].passage.source_id).language
            if written in ("zh-Hans", "zh-Hant"):
                turn.language = turn.query.language = written
        return turn

    def doubt(turn: Turn) -> Turn:
        assert turn.query is not None
        decision = turn.decision
        if isinstance(decision, Evidence) and too_risky(turn.query, decision, turn.hits, kb.corpus):
            # answers like this one were more often wrong than right on the held-out corpora: say what was found
            turn.decision = Abstention("unsure", nearest=(decision.hits[0].passage, decision.focus))
        return turn

    def compose(turn: Turn) -> Turn:
        assert turn.query is not None
        notice = " ".join(turn.notices) or None
        if isinstance(turn.decision, Evidence):
            text, citations = writer.compose(turn.query, turn.decision, kb)
            turn.answer = Answer(
                question=turn.question,
                language=turn.language,
                answer=text,
                abstained=False,
                citations=citations,
                notice=notice,
            )
        else:
            assert turn.decision is not None
            turn.answer = _abstain(turn, turn.decision, kb, notice)
        return turn

    def verify(turn: Turn) -> Answer:
        assert turn.answer is not None
        problems = citation_problems(turn.answer, kb.corpus)
        if problems:
            # Never show an unfaithful citation: say so in the log and abstain instead.
            log.error("answer failed verification (%s); abstaining", "; ".join(problems))
            return _abstain(turn, Abstention("irrelevant"), kb, turn.answer.notice)
        return turn.answer

    return Chain((prepare, analyze, retrieve, choose, doubt, compose), verify)


def _abstain(turn: Turn, abstention: Abstention, kb: KnowledgeBase, notice: str | None) -> Answer:
    text = compose_abstention(abstention, kb.corpus, turn.language)
    return Answer(question=turn.question, language=turn.language, answer=text, abstained=True, notice=notice)
