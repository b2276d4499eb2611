"""BM25 over passage tokens (text, English gloss and speaker names)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from knowledge.org_words import find_orgs
from knowledge.passages import Passage
from knowledge.speakers import Speaker
from knowledge.tokens import tokenize


def entity_tokens(text: str) -> list[str]:
    """One script-free token per organization named in text ("輝達", "英伟达" and "Nvidia" all give org:nvidia)."""
    return [f"org:{org.lower()}" for org in sorted(find_orgs(text))]


def text_tokens(passage: Passage) -> list[str]:
    """The tokens of a passage's own words: its text and English gloss, and the organizations they name."""
    text = f"{passage.text} {passage.gloss_en or ''}"
    return tokenize(text) + entity_tokens(text)


# The generic ends of organizations' names: "科技公司" in a question is not about everyone named "…科技".
_GENERIC_NAME_WORDS = " ".join(
    [
        "公司 集团 科技 股份 控股 有限 银行 证券 资本 基金 投资 技术 电子 网络 软件 智能 半导体",
        "company companies group holdings technology technologies inc corp co ltd limited capital bank",
    ]
)


def speaker_tokens(speaker: Speaker) -> list[str]:
    """The tokens of a speaker's names, in every script, without the generic ends of organizations' names."""
    tokens = tokenize(" ".join([speaker.name, speaker.name_zh or "", *speaker.aliases]))
    if speaker.kind != "organization":
        return tokens
    generic = _generic_tokens()
    return [t for t in tokens if t not in generic]


@lru_cache(maxsize=1)
def _generic_tokens() -> frozenset[str]:
    return frozenset(tokenize(_GENERIC_NAME_WORDS))


def passage_tokens(passage: Passage, speaker: Speaker | None) -> list[str]:
    """Everything a question may match a passage by."""
    return text_tokens(passage) + (speaker_tokens(speaker) if speaker is not None else [])


CONTEXT_DISCOUNT = 0.6
WEIGHTS_MEMO = 256  # concept lists (questions) whose weights are remembered
MASK_BYTES = 4_000_000  # concepts' passage masks remembered (~230 concepts at 1,000 articles)


class LexicalIndex:
    """Okapi BM25 over tokenized passages, searched through postings (only passages sharing a token are scored).

    The postings are numpy arrays (one sorted run of passage positions and counts per term), built in a few
    vectorized steps: a dictionary of counts per passage held ~1 KB each and took most of the opening time.
    """

    def __init__(self, docs: list[tuple[str, list[str]]], *, k1: float = 1.2, b: float = 0.75) -> None:
        self.ids = [pid for pid, _ in docs]
        passages = [tokens for _, tokens in docs]  # not kept: coverage reads the postings
        lengths = [len(tokens) for tokens in passages]
        n = len(docs)
        self.avg = sum(lengths) / max(n, 1)
        vocabulary: dict[str, int] = {}
        flat = [vocabulary.setdefault(t, len(vocabulary)) for tokens in passages for t in tokens]
        pairs, counts = np.unique(
            np.asarray(flat, dtype=np.int64) * max(n, 1)
            + np.repeat(np.arange(n, dtype=np.int64), np.asarray(lengths, dtype=np.int64)),
            return_counts=True,
        )  # sorted by term, then passage: each term's postings in passage order
        self._row = vocabulary
        self._docs = pairs % max(n, 1)
        self._freqs = counts.astype(np.float64)
        self._start = np.searchsorted(pairs // max(n, 1), np.arange(len(vocabulary) + 1))
        frequencies = np.diff(self._start).tolist()
        self.idf = {
            t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in zip(vocabulary, frequencies, strict=True)
        }
        self.k1, self.b = k1, b
        self._position = {pid: i for i, pid in enumerate(self.ids)}
        # A word no passage contains weighs like a word one passage contains.
        self._unseen_idf = math.log(1 + (n - 1 + 0.5) / 1.5) if n else 1.0
        self._lengths = np.asarray(lengths, dtype=np.float64)
        self._term_weights: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._weights_memo: dict[tuple[tuple[str, ...], ...], list[tuple[tuple[str, ...], float]]] = {}
        self._masks: dict[tuple[str, ...], bytes] = {}

    def search(self, tokens: list[str], k: int) -> list[tuple[str, float]]:
        """(passage id, BM25 score) pairs, best first, only passages sharing a token.

        Each term's postings are scored as one array (its BM25 term weights are computed once, on first use):
        a word most passages share costs one vector operation, not a Python loop over those passages.
        """
        query = Counter(t for t in tokens if t in self.idf)
        if not query:
            return []
        scores = np.zeros(len(self.ids))
        for term, weight in query.items():
            positions, weights = self._weights(term)
            # a word asked once counts once: multiplying by 1.0 would only copy the array
            scores[positions] += weights if weight == 1 else weights * (1 + 0.25 * (weight - 1))
        found = np.flatnonzero(scores > 0)
        if len(found) > k > 0:  # only passages scoring at least the k-th best need sorting (ties at it kept)
            kth = np.partition(scores[found], len(found) - k)[len(found) - k]
            found = found[scores[found] >= kth]
        order = np.lexsort((found, -scores[found]))[:k]  # best first; ties in passage order
        return [(self.ids[int(found[i])], float(scores[found[i]])) for i in order]

    def _weights(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """The positions of the passages holding a term, and its BM25 weight in each (idf times term frequency)."""
        cached = self._term_weights.get(term)
        if cached is None:
            row = self._row[term]
            start, stop = int(self._start[row]), int(self._start[row + 1])
            positions, freqs = self._docs[start:stop], self._freqs[start:stop]
            lengths = self._lengths[positions]
            norms = freqs * (self.k1 + 1) / (freqs + self.k1 * (1 - self.b + self.b * lengths / self.avg))
            cached = self._term_weights[term] = (positions, self.idf[term] * norms)
        return cached

    def _concept_weights(self, concepts: list[tuple[str, ...]]) -> list[tuple[tuple[str, ...], float]]:
        """Each concept with its weight (its rarest alternative's idf): the same for every passage of a question."""
        key = tuple(concepts)
        found = self._weights_memo.get(key)
        if found is None:
            if len(self._weights_memo) >= WEIGHTS_MEMO:
                self._weights_memo.clear()  # a simple bound; answering threads may race here, harmlessly
            found = [(c, max(self.idf.get(t, self._unseen_idf) for t in c)) for c in concepts]
            self._weights_memo[key] = found
        return found

    def _mask(self, alternatives: tuple[str, ...]) -> bytes:
        """One byte per passage: 1 where the passage holds any of the alternatives (from the postings, in C).

        Remembered (a question's concepts recur across questions) within a budget of bytes, as it grows with the
        library; answering threads may race on the memo, harmlessly.
        """
        found = self._masks.get(alternatives)
        if found is None:
            mask = np.zeros(len(self.ids), dtype=np.uint8)
            for term in alternatives:
                row = self._row.get(term)
                if row is not None:
                    mask[self._docs[int(self._start[row]) : int(self._start[row + 1])]] = 1
            found = mask.tobytes()
            if len(found) * (len(self._masks) + 1) > MASK_BYTES:
                self._masks.clear()
            self._masks[alternatives] = found
        return found

    def coverage(self, pid: str, concepts: list[tuple[str, ...]], *, context: tuple[str, ...] = ()) -> float:
        """Idf-weighted share of the question's concepts found in one passage (0..1); unseen words count as missing.

        A concept is a question word with its alternatives (e.g. an English word and its Chinese renderings):
        any alternative present covers it. Concepts found only in the `context` passages (the sentences around
        it) count at a discount, since a sentence often leans on its neighbours.
        """
        return self.coverages([pid], [context], concepts)[0][0]

    def coverages(
        self, pids: Sequence[str], contexts: Sequence[tuple[str, ...]], *questions: list[tuple[str, ...]]
    ) -> list[list[float]]:
        """For each list of concepts, the `coverage` of every passage (each with its context): the same floats.

        A search's candidates are covered together, one vector step per concept (a Python loop over every
        candidate's concepts was most of the scoring time). Which passages hold a concept is read from the
        postings once (`_mask`); the weights are added in the concepts' order, as a loop adds them.
        """
        position = self._position
        at = np.fromiter((position[pid] for pid in pids), dtype=np.intp, count=len(pids))
        width = max((len(context) for context in contexts), default=0)
        if any(len(context) != width for context in contexts):
            contexts = [(*context, *[""] * (width - len(context))) for context in contexts]  # "": no passage
        near = np.fromiter(
            (position.get(c, -1) for context in contexts for c in context),
            dtype=np.intp,
            count=len(pids) * width,
        ).reshape(len(pids), width)
        known = near >= 0  # a neighbour outside the index covers nothing
        near[~known] = 0
        shares = []
        for concepts in questions:
            total = 0.0
            covered = np.zeros(len(pids))
            for alternatives, weight in self._concept_weights(concepts):
                total += weight
                mask = np.frombuffer(self._mask(alternatives), dtype=np.bool_)
                around = (mask[near] & known).any(axis=1)
                covered += np.where(mask[at], weight, np.where(around, CONTEXT_DISCOUNT * weight, 0.0))
            shares.append((covered / total).tolist() if total else [0.0] * len(pids))
        return shares
