"""The corpus: sources split into attributed passages with figures and English glosses."""

from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from knowledge.curation import load_glosses, load_overrides
from knowledge.errors import CorpusError
from knowledge.gazetteer import gazetteer_beside
from knowledge.passages import Passage, split_paragraphs, split_sentences
from knowledge.proper_names import LibraryNames
from knowledge.records import fingerprint
from knowledge.scripts import fold
from knowledge.sources import Source, load_sources
from knowledge.speakers import Speaker, SpeakerIndex, load_speakers, merge_speakers

PACKAGED_CORPUS = Path(__file__).parent / "corpus"
# Bump when passage splitting, attribution, figure extraction or the embedded records change, so indexes rebuild.
PIPELINE_VERSION = "121"
NAMING_MEMO = 4096  # words whose passages a corpus remembers


@dataclass
class Corpus:
    """Every source, speaker and passage, ready to index and cite.

    `library_id` and `generation` say which library (and which commit of it) this is, for the vector index;
    `stored` holds what the library stored at ingest: fingerprints of sources' index records and passages'
    text tokens.
    """

    sources: list[Source]
    speakers: SpeakerIndex
    passages: list[Passage]
    by_id: dict[str, Passage] = field(default_factory=dict)
    library_id: str = "packaged"
    generation: int = 0
    stored_fingerprints: dict[str, str] = field(default_factory=dict)
    stored_tokens: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {p.id: p for p in self.passages}
        self._sources = {s.id: s for s in self.sources}
        self._by_source: dict[str, list[Passage]] = {}
        self._by_speaker: dict[str, list[Passage]] = {}
        for passage in self.passages:
            self._by_source.setdefault(passage.source_id, []).append(passage)
            if passage.speaker:
                self._by_speaker.setdefault(passage.speaker, []).append(passage)

    def source(self, source_id: str) -> Source:
        """The source with this id."""
        return self._sources[source_id]

    def passages_of(self, source_id: str) -> list[Passage]:
        """The passages of one source, in order."""
        return self._by_source.get(source_id, [])

    def passages_by(self, speaker: str) -> list[Passage]:
        """The passages one speaker (by canonical name) speaks."""
        return self._by_speaker.get(speaker, [])

    def passage_count(self) -> int:
        """How many passages the corpus has."""
        return len(self.passages)

    def fingerprints(self) -> dict[str, str]:
        """Source id → fingerprint of its index records (stored at ingest, computed for the packaged sources)."""
        for source in self.sources:
            if source.id not in self.stored_fingerprints:
                self.stored_fingerprints[source.id] = fingerprint(self.passages_of(source.id))
        return {s.id: self.stored_fingerprints[s.id] for s in self.sources}

    def naming(self, word: str) -> set[str]:
        """Ids of the passages whose text contains a folded word (remembered: questions repeat their subjects)."""
        found = self._naming.get(word)
        if found is None:
            found = self._containing(word)
            if len(self._naming) >= NAMING_MEMO:
                self._naming.clear()  # a simple bound; answering threads may race here, harmlessly
            self._naming[word] = found
        return found

    def _containing(self, word: str) -> set[str]:
        """Ids of the passages whose folded text contains word: str.find over all of them at once, in C."""
        joined, starts, ids = self._folded
        if not word or "\0" in word:  # matches every passage, or could span two: ask each passage
            return {
                pid
                for pid, start, end in zip(ids, starts, starts[1:], strict=False)
                if word in joined[start : end - 1]
            }
        found: set[str] = set()
        at = joined.find(word)
        while at >= 0:
            i = bisect.bisect_right(starts, at) - 1
            found.add(ids[i])
            at = joined.find(word, starts[i + 1])  # on from the next passage
        return found

    @cached_property
    def _folded(self) -> tuple[str, list[int], list[str]]:
        """Every passage's folded text, NUL after each, in one string; where each starts (and the end); ids.

        A Python loop testing 17,000 passages one by one cost ~5 ms per new word at 1,000 articles.
        """
        texts = [p.text.lower() if p.text.isascii() else fold(p.text) for p in self.passages]
        starts, at = [], 0
        for text in texts:
            starts.append(at)
            at += len(text) + 1
        starts.append(at)
        return "".join(f"{t}\0" for t in texts), starts, [p.id for p in self.passages]

    @cached_property
    def proper_names(self) -> LibraryNames:
        """The names its English passages write capitalized, and which articles write each."""
        return LibraryNames(self.passages)

    @cached_property
    def _naming(self) -> dict[str, set[str]]:
        return {}

    def text_tokens(self, passage: Passage) -> list[str]:
        """The lexical tokens of a passage's text and gloss (stored at ingest, computed for packaged ones)."""
        tokens = self.stored_tokens.get(passage.id)
        if tokens is None:
            from knowledge.lexical import text_tokens

            tokens = self.stored_tokens[passage.id] = text_tokens(passage)
        return tokens

    def speaker(self, name: str | None) -> Speaker | None:
        """The canonical speaker with this name, or None."""
        return self.speakers.by_name(name) if name else None

    def speaking_for(self, speakers: list[Speaker]) -> set[str]:
        """Names whose passages answer for these speakers: an organization speaks through its people too."""
        names = {s.name for s in speakers}
        orgs = {
            fold(a)
            for s in speakers
            if s.kind == "organization"
            for a in (s.name, s.name_zh or "", *s.aliases)
            if len(a) > 1
        }
        for org in orgs:
            names |= self._people_of.get(org, set())
        return names

    @cached_property
    def _people_of(self) -> dict[str, set[str]]:
        """Folded organization → names of the people holding a position there."""
        people: dict[str, set[str]] = {}
        for speaker in self.speakers.speakers:
            if speaker.kind == "person":
                for _, org in speaker.positions:
                    people.setdefault(fold(org), set()).add(speaker.name)
        return people


def build_passages(source: Source, speakers: SpeakerIndex) -> tuple[list[Passage], list[Speaker]]:
    """Split one source into passages, attribute each, and return the speakers it quotes or names."""
    from knowledge import attribution as extractor  # its lexicons load only once an article is read
    from knowledge.figures import find_figures  # its rules compile in ~0.4 s: not for `sources list`

    paragraphs = [split_sentences(p, source.language) for p in split_paragraphs(source.text)]
    attribution = extractor.attribute_source(paragraphs, source.language, speakers)
    passages = []
    for p_no, (sentences, who) in enumerate(zip(paragraphs, attribution.speakers, strict=True), start=1):
        for s_no, (text, speaker) in enumerate(zip(sentences, who, strict=True), start=1):
            passages.append(
                Passage(
                    id=f"{source.id}:{p_no}.{s_no}",
                    source_id=source.id,
                    paragraph=p_no,
                    sentence=s_no,
                    text=text,
                    speaker=speaker.name if speaker else None,
                    figures=find_figures(text),
                )
            )
    return passages, [*attribution.quoted, *attribution.mentioned]


def with_quoted(speakers: list[Speaker], passages: list[Passage]) -> list[Speaker]:
    """Speakers with `quoted` computed from the whole library: someone no passage quotes is only mentioned."""
    quoting = {p.speaker for p in passages if p.speaker}
    return [
        s if s.quoted == (s.name in quoting) else s.model_copy(update={"quoted": s.name in quoting})
        for s in speakers
    ]


def load_corpus(
    directory: Path = PACKAGED_CORPUS,
    extra: list[Source] | None = None,
    speakers: list[Speaker] | None = None,
    *,
    overlay: bool = True,
) -> Corpus:
    """Load sources, speakers and curation from a corpus directory and build every passage.

    Every source is attributed by the general extractor against the known speakers (curated, gazetteer and
    `speakers` found in the library); the curated overrides and glosses are an overlay for the packaged
    articles (`overlay=False` measures the extractor alone).
    """
    own = load_sources(directory)
    base = load_speakers(directory / "speakers.yaml")
    known = merge_speakers(base, speakers) if speakers else base
    recognizer = SpeakerIndex(known + gazetteer_beside(known))
    sources = own + list(extra or [])
    passages: list[Passage] = []
    found: list[Speaker] = []
    for source in sources:
        built, named = build_passages(source, recognizer)
        passages += built
        found += named
    all_speakers = merge_speakers(
        known, [s for s in dict.fromkeys(found) if s.name not in {k.name for k in known}]
    )
    speakers_index = SpeakerIndex(with_quoted(all_speakers, passages))
    if overlay:
        for pid, name in load_overrides(directory / "attribution_overrides.yaml", passages).items():
            if name is not None and speakers_index.by_name(name) is None:
                raise CorpusError(f"attribution_overrides.yaml: unknown speaker {name!r}")
            passage = next(p for p in passages if p.id == pid)
            passage.speaker = speakers_index.by_name(name).name if name else None  # type: ignore[union-attr]
        speakers_index = SpeakerIndex(with_quoted(all_speakers, passages))
        glosses = load_glosses(directory / "glosses.yaml", passages)
        for passage in passages:
            passage.gloss_en = glosses.get(passage.id)
    return Corpus(sources=sources, speakers=speakers_index, passages=passages)


_PACKAGED: list[Corpus] = []
_PACKAGED_LOCK = threading.Lock()


def packaged_corpus(cache_dir: Path | None = None) -> Corpus:
    """The corpus shipped inside the package (once per process; compiled in cache_dir, a data directory)."""
    if not _PACKAGED:
        with _PACKAGED_LOCK:
            if not _PACKAGED:
                _PACKAGED.append(_compiled_packaged(cache_dir))
    return _PACKAGED[0]


def _compiled_packaged(cache_dir: Path | None) -> Corpus:
    """The packaged corpus from its compiled form when one is stored for this code, else built (and stored)."""
    from knowledge.compiled import CompiledCorpus, code_key, read_compiled, write_compiled

    compiled = read_compiled(cache_dir)
    if compiled is None:
        corpus = load_corpus()
        write_compiled(
            cache_dir,
            CompiledCorpus(
                key=code_key(),
                passages=corpus.passages,
                speakers=corpus.speakers.speakers,
                fingerprints=corpus.fingerprints(),
            ),
        )
        return corpus
    return Corpus(
        sources=load_sources(PACKAGED_CORPUS),
        speakers=SpeakerIndex(compiled.speakers),
        passages=compiled.passages,
        stored_fingerprints=compiled.fingerprints,
    )
