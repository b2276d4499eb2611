"""AnswerService: the one entry point adapters and the CLI use to answer a question."""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence

from bot.chain import Composer, Turn, build_chain
from bot.errors import EmptyQuestion, QuestionTooLong
from bot.i18n import phrase
from bot.models import Answer
from bot.observability.logs import request_scope
from bot.observability.metrics import record_answer, record_answer_error, track_dense
from bot.settings import Settings
from knowledge.base import KnowledgeBase
from knowledge.compiled import compile_apart
from knowledge.heap import release
from knowledge.language import detect_language
from knowledge.library import library_version
from knowledge.library_store import share_library, shared_database

log = logging.getLogger(__name__)

# How often a running bot looks for newly ingested articles (a stat of one file).
REFRESH_SECONDS = 5.0
# How many recent answers' speakers are kept for pronoun follow-ups (a thread passes its earlier questions).
REMEMBERED_ANSWERS = 1024


class AnswerService:
    """Answers questions from the knowledge base through the answer chain."""

    def __init__(
        self,
        kb: KnowledgeBase,
        *,
        composer: Composer | None = None,
        max_chars: int = 2000,
        reopen: Callable[[], KnowledgeBase] | None = None,
        version: Callable[[], int] | None = None,
    ) -> None:
        self.kb = kb
        self.max_chars = max_chars
        self._composer = composer
        self._chain = build_chain(kb, composer)
        self._reopen = reopen
        self._version = version
        self._seen_version = version() if version else 0
        self._checked = time.monotonic()
        self._reloading = threading.Lock()
        self._speakers: OrderedDict[str, str] = OrderedDict()  # question -> its answer's primary speaker
        self._speakers_lock = threading.Lock()
        track_dense(lambda: self.kb.dense_available)

    @classmethod
    def from_settings(cls, settings: Settings, *, serving: bool = False) -> AnswerService:
        """Open the knowledge base (building the index on first use) and pick the composer.

        `serving` (a long-lived bot): the packaged corpus of new code is compiled in a child process, so the bot
        does not keep the extractor loaded for its whole life.
        """
        share_library(shared_database(settings.database_url, settings.chroma_url))
        if serving:
            compile_apart(settings.data_dir)

        def reopen() -> KnowledgeBase:
            return KnowledgeBase.open(
                data_dir=settings.data_dir,
                chroma_url=settings.chroma_url,
                embedding=settings.embedding,
                embedding_base_url=settings.embedding_base_url,
            )

        composer: Composer | None = None
        if settings.llm:
            from bot.llm import LLMComposer

            composer = LLMComposer.from_settings(settings)
        return cls(
            reopen(),
            composer=composer,
            max_chars=settings.max_question_chars,
            reopen=reopen,
            version=lambda: library_version(settings.data_dir),
        )

    def refresh(self, *, wait: bool = False) -> bool:
        """Reopen the knowledge base if articles were ingested or removed since it was opened.

        The reload runs in the background while the old knowledge base keeps answering; `wait` blocks
        until it is done (tests, CLI, `/bubble ingest` in its worker thread), waiting first for a reload
        already under way, which may have started before the latest change. Returns True when a reload
        was started.
        """
        if self._reopen is None or self._version is None:
            return False
        if self._version() == self._seen_version or not self._reloading.acquire(blocking=wait):
            return False
        version = self._version()
        if version == self._seen_version:  # a reload that finished while we waited already covered it
            self._reloading.release()
            return False
        self._seen_version = version

        def reload() -> None:
            try:
                kb = self._reopen()  # type: ignore[misc]
                self._chain = build_chain(kb, self._composer)
                self.kb = kb
                release()  # the previous knowledge base's objects were frozen with it (knowledge/heap.py)
                log.info("reloaded the knowledge base: %d sources", len(kb.corpus.sources))
            except Exception:
                log.exception("could not reload the knowledge base; still answering from the previous one")
            finally:
                self._reloading.release()

        if wait:
            reload()
        else:
            threading.Thread(target=reload, name="knowledge-reload", daemon=True).start()
        return True

    def ask(
        self, question: str, *, history: Sequence[str] = (), cut: bool = False, locale: str | None = None
    ) -> Answer:
        """Answer one question; `history` holds the thread's earlier questions, oldest first.

        `locale` (the user's, e.g. "zh-TW") settles the script of a question written only in characters
        both Chinese scripts share, when the thread does not.
        """
        text = " ".join((question or "").split())
        if not text:
            raise EmptyQuestion()
        if time.monotonic() - self._checked >= REFRESH_SECONDS:
            self._checked = time.monotonic()
            self.refresh()
        notices = []
        if len(text) > self.max_chars:
            if not cut:
                raise QuestionTooLong(self.max_chars, len(text))
            log.warning("question of %d characters cut to %d", len(text), self.max_chars)
            text = text[: self.max_chars]
            notices.append(phrase("notice_cut", detect_language(text)).format(n=self.max_chars))
        last_speaker = self._speakers.get(" ".join(history[-1].split())) if history else None
        with request_scope():
            answer = self._answer(
                Turn(
                    question=text,
                    history=list(history),
                    notices=notices,
                    locale=locale,
                    last_speaker=last_speaker,
                )
            )
        self._remember(text, answer)
        return answer

    def _remember(self, question: str, answer: Answer) -> None:
        """Keep the primary speaker of recent answers, so "Why did he say that?" can follow a who-question."""
        speaker = answer.citations[0].speaker if answer.citations and not answer.abstained else None
        with self._speakers_lock:
            self._speakers.pop(question, None)
            if speaker:
                self._speakers[question] = speaker
            while len(self._speakers) > REMEMBERED_ANSWERS:
                self._speakers.popitem(last=False)

    def _answer(self, turn: Turn) -> Answer:
        """Run the chain; count the question, its abstention and its latency (the one place metrics see answers)."""
        started = time.perf_counter()
        try:
            answer = self._chain.invoke(turn)
        except Exception:
            record_answer_error()
            raise
        seconds = time.perf_counter() - started
        answer.latency_ms = round(seconds * 1000)  # stored with the question (save_answer) for the console
        lexical_only = phrase("notice_degraded", answer.language) in (answer.notice or "")
        record_answer(
            language=answer.language, abstained=answer.abstained, seconds=seconds, lexical_only=lexical_only
        )
        log.info(
            "answered: language=%s abstained=%s citations=%d lexical_only=%s seconds=%.3f",
            answer.language,
            answer.abstained,
            len(answer.citations),
            lexical_only,
            seconds,
        )
        return answer
