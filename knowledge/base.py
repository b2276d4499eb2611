"""KnowledgeBase: the corpus, its indexes and its searcher, opened in one call."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable
from functools import cached_property
from pathlib import Path

from knowledge.asked_names_zh import (
    HONORIFIC,
    HONORIFIC_TITLES,
    chinese_subject,
    compared_company,
    described_company,
    person_opening,
    titled_person,
)
from knowledge.attribution.first_names import gender_of
from knowledge.corpus import PACKAGED_CORPUS, Corpus
from knowledge.dense import DenseSearch
from knowledge.embedding import DEFAULT_EMBEDDING, Embedder, make_embedder
from knowledge.errors import IndexUnavailable
from knowledge.gazetteer import gazetteer_beside
from knowledge.glossary import Glossary, load_glossary
from knowledge.heap import building
from knowledge.index import IndexReport, PassageIndex, lock_dir, open_client
from knowledge.lexical import LexicalIndex, speaker_tokens
from knowledge.library import open_corpus
from knowledge.library_store import shared_lock
from knowledge.places import places_in
from knowledge.query import SPEECH_CUE, QueryAnalysis, analyze
from knowledge.scripts import fold
from knowledge.search import HybridSearcher, SearchResult
from knowledge.speakers import Speaker, SpeakerIndex
from knowledge.tokens import add_words
from knowledge.transliteration import sound_index
from knowledge.vectors import CACHE_FILE, VectorCache

log = logging.getLogger(__name__)
NAMED_MEMO = 4096  # names whose presence in the articles a knowledge base remembers


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _named_in(folded_question: str, speaker: Speaker) -> bool:
    """Whether a question names the speaker outright (its name or an alias), not only by role."""
    return any(fold(a) in folded_question for a in (speaker.name, *speaker.aliases) if len(a) > 2)


# Titles only a person holds, which name the person right after them.
_PERSON_TITLES = (
    r"(?:chairman|chairwoman|chair|chief executive|founder|co-founder|president|director|minister|mayor|governor|"
    r"analyst|partner|spokesperson|spokesman|spokeswoman|treasurer|officer|economist|strategist|professor)"
)


# A verb of saying right after a name, active ("thinks", "觉得"), not passive ("is said to", "expected to").
_SAYS_AFTER = re.compile(
    r"\s*(?:(?:think|say|expect|estimate|reckon|believe|see|forecast|predict)s?\b(?! to\b)|"
    r"(?:觉得|认为|说|表示|估计|预计|预估|怎么看|看好|看淡|指出))"
)


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
        with building():
            return cls._open(data_dir, chroma_url, embedding, embedding_base_url, corpus, progress)

    @classmethod
    def _open(
        cls,
        data_dir: Path,
        chroma_url: str | None,
        embedding: str,
        embedding_base_url: str | None,
        corpus: Corpus | None,
        progress: Callable[[str], None] | None,
    ) -> KnowledgeBase:
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

    def _by_surname_and_title(self, surname: str, titles: tuple[str, ...]) -> list[Speaker]:
        """The one quoted person with this Chinese surname who holds one of these titles, if there is exactly one."""
        found = [
            s
            for s in self.corpus.speakers.speakers
            if s.kind == "person"
            and s.quoted
            and fold(s.name_zh or "").startswith(surname)
            and any(title in titles for title, _ in s.positions)
        ]
        return found if len(found) == 1 else []

    def _speaks_through_people(self, speaker: Speaker) -> bool:
        """Whether an organization no passage quotes has someone quoted who holds a position there."""
        if speaker.kind != "organization":
            return False
        people = self.corpus.speaking_for([speaker]) - {speaker.name}
        return any((p := self.corpus.speaker(name)) is not None and p.quoted for name in people)

    @property
    def dense_available(self) -> bool:
        """Whether dense (vector) search is connected right now."""
        return self.searcher.dense is not None and self.searcher.dense.available

    def analyze(self, question: str) -> QueryAnalysis:
        """Analyze a question against this corpus's speakers and glossary."""
        query = analyze(question, speakers=self.corpus.speakers, glossary=self.glossary)
        # "What does Ashby Ledger reckon?" when only its head is quoted: the firm speaks through its people
        # A capitalized phrase the articles themselves use ("Middle East") is a topic, not an unknown person;
        # but a person the articles only mention ("State Treasurer Marcus Oyelaran … missed the vote") is
        # someone whose words they do not give.
        named_only = [
            n
            for n in query.unknown_names
            if self._in_articles(" ".join(n.split()))
            and (gender_of(n.split()[0]) is not None or self._introduced_as_person(" ".join(n.split())))
        ]
        folded = fold(question)
        asked_person = any(s.kind == "person" and _named_in(folded, s) for s in query.speakers)
        if named_only and not asked_person and SPEECH_CUE.search(folded):
            query.unquoted.append(Speaker(name=named_only[0], kind="person", role="", quoted=False))
        if any(s.kind == "person" and _named_in(folded, s) for s in query.unquoted):
            # "Quillon's CEO Marcus Feld": the person named outright, not another its role words found
            query.speakers = [s for s in query.speakers if s.kind != "person" or _named_in(folded, s)]
        query.unknown_names = [n for n in query.unknown_names if not self._in_articles(" ".join(n.split()))]
        # the organizations the question makes the subject of a verb of saying ("凯澔投顾觉得", "Fenwick thinks")
        saying = {
            m.speaker
            for m in self.corpus.speakers.find_mentions(question)
            if _SAYS_AFTER.match(fold(question[m.end :]))
        }
        staffed = [
            s
            for s in query.unquoted
            if s.kind == "organization" and s in saying and self.corpus.speaking_for([s]) - {s.name}
        ]
        if staffed and not query.speakers:
            # "凯澔投顾觉得崧岳明年…": a firm never quoted itself speaks through its analyst; the company is the topic
            query.unquoted = [s for s in query.unquoted if s not in staffed]
            query.entities += [s for s in query.speakers if s not in query.entities]
            query.speakers = staffed
        # a firm whose people are quoted is not one the articles never quote
        query.unquoted = [s for s in query.unquoted if not self._speaks_through_people(s)]
        opener = person_opening(question)
        if opener and not self.corpus.speakers.find_mentions(opener) and not self._heard_as_known(opener):
            # "章启航怎么看岚瞳上市首日就破发？": the one asked speaks nowhere; mentioned, or never named at all
            if self._in_articles(opener):
                query.unquoted.append(Speaker(name=opener, kind="person", role="", quoted=False))
                query.speakers = [s for s in query.speakers if s.kind == "person"]
            elif opener not in query.unknown_names:
                query.unknown_names.append(opener)
        titled = titled_person(question)
        if titled and not self.corpus.speakers.find_mentions(titled):
            # "江州市长刘建国怎么评价…": mentioned by the articles, never quoted
            if self._in_articles(titled):
                query.unquoted.append(Speaker(name=titled, kind="person", role="", quoted=False))
            else:
                query.unknown_names.append(titled)
        compared = compared_company(question)
        if compared and not self._in_articles(compared):
            query.unknown_names.append(compared)  # a comparison with a company no article names
        described = described_company(question)
        if (
            described
            and not self._in_articles(described)
            and not self.corpus.speakers.find_mentions(described)
        ):
            query.unknown_names.append(described)  # "港股另一家分销商岱澜电子": a company no article names
        subject = chinese_subject(question)
        if subject and self._heard_as_known(subject):
            subject = None  # "蘭雅德說…": a name the library has in Latin letters, written by sound
        if subject and not self._in_articles(subject):
            # "審計局查出被騙領的算力券…": the name is the part the articles write, the rest what it did
            subject = next(
                (subject[:n] for n in range(len(subject) - 1, 1, -1) if self._in_articles(subject[:n])),
                subject,
            )
        honoured = HONORIFIC.fullmatch(fold(subject or ""))
        if honoured and not query.speakers:
            # "廖董講…": chairman Liao, as Taiwanese reporters call him; the one quoted person it can be
            query.speakers = self._by_surname_and_title(
                honoured.group(1), HONORIFIC_TITLES[honoured.group(2)]
            )
            subject = None if query.speakers else subject
        if subject and not query.speakers and not query.named:
            if self._in_articles(subject):
                query.subjects.append(
                    subject
                )  # named in an article but never quoted: still what is asked about
            elif not any(self._in_articles(place) for place in places_in(subject)):
                # "天枢云今年营收多少？" about a company no article names; "弗吉尼亚数据中心…" names a place the
                # articles write in English, not a company
                query.unknown_names.append(subject)
        # Someone the gazetteer knows but no article names (Tim Cook, 孫正義 before any article quotes him).
        for mention in self._absent.find_mentions(question):
            speaker = mention.speaker
            names = (speaker.name, speaker.name_zh or "", *speaker.aliases)
            if not any(len(n) > 1 and self._in_articles(n) for n in names):
                query.unknown_names.append(question[mention.start : mention.end])
        return query

    def _heard_as_known(self, name: str) -> bool:
        """Whether a Chinese name is a library name written by sound ("安斯蒂" for Ansty)."""
        return sound_index(self.corpus.speakers).latin_for(name) != name

    @cached_property
    def _absent(self) -> SpeakerIndex:
        """Gazetteer entries that are not speakers of this corpus."""
        return SpeakerIndex(gazetteer_beside(self.corpus.speakers.speakers))

    def _in_articles(self, name: str) -> bool:
        """Whether an article's text holds a name, folded (remembered: each look is a scan of every article)."""
        found = self._named.get(name)
        if found is None:
            if len(self._named) >= NAMED_MEMO:
                self._named.clear()  # a simple bound; answering threads may race here, harmlessly
            found = self._named[name] = fold(name) in self._folded_text
        return found

    def _introduced_as_person(self, name: str) -> bool:
        """Whether an article writes the name as a person's ("Vera Castellan, who led…", "Castellan said")."""
        key = f"person:{name}"  # remembered beside _in_articles: each look is a scan of every article
        found = self._named.get(key)
        if found is None:
            pattern = (
                rf"{re.escape(fold(name))}(?:,\s+(?:who|a|an|the|former)\b|\s+(?:said|says|told|has|had)\b)"
                # "Orrison's chairman and largest shareholder, Leopold Haverkamp, visited": a title before it
                rf"|\b{_PERSON_TITLES}\b[^.;:]{{0,40}}?,?\s+{re.escape(fold(name))}\b"
            )
            found = self._named[key] = re.search(pattern, self._folded_text) is not None
        return found

    @cached_property
    def _named(self) -> dict[str, bool]:
        return {}

    @cached_property
    def _folded_text(self) -> str:
        return "\n".join(fold(" ".join(s.text.split())) for s in self.corpus.sources)

    def search(self, question: str, k: int = 5) -> SearchResult:
        """The k best passages for a question."""
        return self.searcher.search(self.analyze(question), k)
