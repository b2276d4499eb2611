"""KnowledgeBase: the corpus, its indexes and its searcher, opened in one call."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import cached_property
from pathlib import Path

from knowledge.corpus import PACKAGED_CORPUS, Corpus
from knowledge.dense import DenseSearch
from knowledge.embedding import DEFAULT_EMBEDDING, Embedder, make_embedder
from knowledge.errors import IndexUnavailable
from knowledge.gazetteer import gazetteer_beside
from knowledge.glossary import Glossary, load_glossary
from knowledge.index import IndexReport, PassageIndex, lock_dir, open_client
from knowledge.lexical import LexicalIndex, speaker_tokens
from knowledge.library import open_corpus
from knowledge.library_store import shared_lock
from knowledge.query import QueryAnalysis, analyze
from knowledge.scripts import fold
from knowledge.search import HybridSearcher, SearchResult
from knowledge.speakers import SpeakerIndex
from knowledge.tokens import add_words
from knowledge.vectors import CACHE_FILE, VectorCache

log = logging.getLogger(__name__)


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class KnowledgeBase:
    """Everything retrieval needs: corpus, glossary, lexical and dense indexes."""

    def __init__(
        self, corpus: Corpus, glossary: Glossary, searcher: HybridSearcher, index_report: IndexReport | None
    ) -> None:
        self.corpus = corpus
        self.glossary = glossary
        self.searcher = searcher
        self.index_report = index_report

    @classmethod
    def open(
        cls,
        *,
        data_dir: Path,
        chroma_url: str | None = None,
        embedding: str = DEFAULT_EMBEDDING,
        embedding_base_url: str | None = None,
        corpus: Corpus | None = None,
        progress: Callable[[str], None] | None = _stderr,
    ) -> KnowledgeBase:
        """Load the corpus and open (building if needed) its indexes; dense search degrades, never fails."""
        corpus = corpus or open_corpus(data_dir)
        glossary = load_glossary(PACKAGED_CORPUS / "glossary.yaml")
        add_words([a for s in corpus.speakers.speakers for a in (*s.aliases, s.name_zh or "")])
        add_words(glossary.chinese_terms())
        named: dict[str, list[str]] = {}  # speaker → the tokens of their names, once per speaker
        for passage in corpus.passages:
            if passage.speaker and passage.speaker not in named:
                speaker = corpus.speaker(passage.speaker)
                named[passage.speaker] = speaker_tokens(speaker) if speaker else []
        lexical = LexicalIndex(
            [(p.id, corpus.text_tokens(p) + named.get(p.speaker or "", [])) for p in corpus.passages]
        )
        embedders: list[Embedder] = []

        def connect() -> tuple[PassageIndex, IndexReport]:
            """Open the index (again, after an outage), building it if the store lacks it."""
            if not embedders:
                embedders.append(make_embedder(embedding, base_url=embedding_base_url, cache_dir=data_dir))
            index = PassageIndex(
                open_client(data_dir=data_dir, chroma_url=chroma_url),
                embedders[0],
                VectorCache(data_dir / CACHE_FILE),
                lock_dir(data_dir, chroma_url),
                library_lock=shared_lock(data_dir),
            )
            return index, index.ensure(
                corpus, progress=None if dense.failures else progress, fresh=lambda: open_corpus(data_dir)
            )

        dense = DenseSearch(connect)
        report: IndexReport | None = None
        try:
            report = dense.open()
        except IndexUnavailable as exc:
            log.warning("%s; answering from lexical search only until it is back", exc)
            if progress:
                progress(f"warning: {exc}; using lexical search only")
        return cls(corpus, glossary, HybridSearcher(corpus, lexical, dense), report)

    @property
    def dense_available(self) -> bool:
        """Whether dense (vector) search is connected right now."""
        return self.searcher.dense is not None and self.searcher.dense.available

    def analyze(self, question: str) -> QueryAnalysis:
        """Analyze a question against this corpus's speakers and glossary."""
        query = analyze(question, speakers=self.corpus.speakers, glossary=self.glossary)
        # A capitalized phrase the articles themselves use ("Middle East") is a topic, not an unknown person.
        query.unknown_names = [
            n for n in query.unknown_names if fold(" ".join(n.split())) not in self._folded_text
        ]
        # Someone the gazetteer knows but no article names (Tim Cook, 孫正義 before any article quotes him).
        for mention in self._absent.find_mentions(question):
            speaker = mention.speaker
            names = (speaker.name, speaker.name_zh or "", *speaker.aliases)
            if not any(len(n) > 1 and fold(n) in self._folded_text for n in names):
                query.unknown_names.append(question[mention.start : mention.end])
        return query

    @cached_property
    def _absent(self) -> SpeakerIndex:
        """Gazetteer entries that are not speakers of this corpus."""
        return SpeakerIndex(gazetteer_beside(self.corpus.speakers.speakers))

    @cached_property
    def _folded_text(self) -> str:
        return "\n".join(fold(" ".join(s.text.split())) for s in self.corpus.sources)

    def search(self, question: str, k: int = 5) -> SearchResult:
        """The k best passages for a question."""
        return self.searcher.search(self.analyze(question), k)
