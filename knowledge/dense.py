"""Dense search that heals itself: when the index (e.g. a Chroma server) fails, it reconnects lazily.

After a failure the next attempt waits a pause that doubles up to a ceiling; questions asked during
the pause go straight to lexical search without waiting on the network. The first question after
the pause reconnects (and rebuilds the collection if the server lost it), so dense search comes
back by itself once the server does.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

import numpy as np

from knowledge.errors import IndexUnavailable
from knowledge.index import IndexReport, PassageIndex

log = logging.getLogger(__name__)

FIRST_PAUSE = 1.0  # seconds before the first reconnection attempt
MAX_PAUSE = 30.0
VECTORS_MEMO = 512  # questions whose vectors are remembered (2 KB each)


class DenseSearch:
    """A PassageIndex opened by `connect`, reopened lazily (with backoff) after any failure."""

    def __init__(
        self,
        connect: Callable[[], tuple[PassageIndex, IndexReport]],
        *,
        first_pause: float = FIRST_PAUSE,
        max_pause: float = MAX_PAUSE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._connect = connect
        self.first_pause = first_pause
        self.max_pause = max_pause
        self._clock = clock
        self._index: PassageIndex | None = None
        self._pause = first_pause
        self._retry_at = 0.0
        self._lock = threading.Lock()
        self.failures = 0
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()

    @property
    def available(self) -> bool:
        """Whether the index is connected right now (no failure since the last connection)."""
        return self._index is not None

    def query(self, text: str, k: int) -> dict[str, float]:
        """Passage id → cosine similarity of the k nearest records; IndexUnavailable when down."""
        index = self._index or self._reconnect()
        try:
            return dict(index.query(self._vector(index, text), k))
        except IndexUnavailable as exc:
            self._failed(index, exc)
            raise

    def _vector(self, index: PassageIndex, text: str) -> np.ndarray:
        """The question's vector as the index reads it (float32), remembered: the same floats as embedding it again.

        A question asked again (a retry, a popular question, a thread asking it anew) skips the embedder, ~2 ms
        of a warm answer.
        """
        with self._lock:
            known = self._vectors.get(text)
            if known is not None:
                self._vectors.move_to_end(text)
                return known
        vector = np.asarray(index.embedder.embed([text])[0], dtype=np.float32)
        with self._lock:
            self._vectors[text] = vector
            while len(self._vectors) > VECTORS_MEMO:
                self._vectors.popitem(last=False)
        return vector

    def open(self) -> IndexReport:
        """Connect now; IndexUnavailable when that fails (a later query then retries after the pause)."""
        try:
            index, report = self._connect()
        except IndexUnavailable as exc:
            self._failed(None, exc)
            raise
        with self._lock:
            self._index, self._pause = index, self.first_pause
        return report

    def _reconnect(self) -> PassageIndex:
        with self._lock:
            if self._index is not None:
                return self._index
            now = self._clock()
            if now < self._retry_at:
                raise IndexUnavailable(
                    f"the vector index is unavailable (next try in {self._retry_at - now:.0f} s)"
                )
            self._retry_at = now + self._pause  # other threads skip while this one tries
        self.open()
        log.warning("the vector index is back: dense search resumed")
        assert self._index is not None
        return self._index

    def _failed(self, index: PassageIndex | None, exc: Exception) -> None:
        with self._lock:
            if index is not None and self._index is not index:
                return  # another thread already noted this failure
            if self._index is not None:
                log.warning("dense search lost (%s); lexical only, retrying in %.0f s", exc, self._pause)
            else:
                log.info("the vector index is still unavailable (%s); next try in %.0f s", exc, self._pause)
            self._index = None
            self.failures += 1
            self._retry_at = self._clock() + self._pause
            self._pause = min(self._pause * 2, self.max_pause)
