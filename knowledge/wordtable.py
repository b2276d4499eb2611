"""A read-only table of words to integers, memory-mapped from a file: shared by every process, loaded at once.

A Python dict of half a million words costs ~1 s to load and ~40–70 MB in each process. The table is a file of
sorted CRC-32 hashes, offsets, values and UTF-8 words; a process maps it and looks a word up by bisection (~3 µs,
recent words from a memo), and only the pages lookups touch are read.
"""

from __future__ import annotations

import bisect
import mmap
import os
import struct
import zlib
from array import array
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

_HEADER = struct.Struct(
    "<4s4xqqq"
)  # magic, words, a number kept with the table, bytes of words (32: aligned)
_MAGIC = b"BBJ1"
TableError = (OSError, ValueError, struct.error)  # a missing, truncated or foreign file


class WordTable:
    """The words and values of a table file (see write_table)."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as f:
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        magic, n, self.extra, size = _HEADER.unpack_from(self._map)
        at = _HEADER.size + 4 * n + (4 * n) % 8 + 16 * n + 8
        if magic != _MAGIC or n < 0 or size < 0 or len(self._map) != at + size:
            raise ValueError(f"{path} is not a word table")
        view = memoryview(self._map)
        at = _HEADER.size
        self._hashes = view[at : at + 4 * n].cast("I")
        at += 4 * n + (4 * n) % 8
        self._offsets = view[at : at + 8 * (n + 1)].cast("q")
        at += 8 * (n + 1)
        self._values = view[at : at + 8 * n].cast("q")
        at += 8 * n
        self._words = view[at : at + size]
        self.get = lru_cache(maxsize=65536)(self._find)  # fragments repeat across texts

    def __len__(self) -> int:
        return len(self._hashes)

    def values(self) -> np.ndarray:
        """Every value, as one array (read-only, mapped)."""
        import numpy as np  # here: jieba's table is read by commands that need no numpy

        return np.frombuffer(self._values, dtype=np.int64)

    def _find(self, word: str) -> int | None:
        key = word.encode("utf-8")
        code = zlib.crc32(key)
        hashes, offsets = self._hashes, self._offsets
        i = bisect.bisect_left(hashes, code)
        while i < len(hashes) and hashes[i] == code:
            if self._words[offsets[i] : offsets[i + 1]] == key:
                return int(self._values[i])
            i += 1
        return None


def write_table(path: Path, values: Mapping[str, int], extra: int = 0) -> None:
    """Write a table of words and values (atomically: readers see the old file or the new one)."""
    keyed = sorted((zlib.crc32(w.encode("utf-8")), w.encode("utf-8"), v) for w, v in values.items())
    hashes = array("I", (h for h, _, _ in keyed))
    offsets, at = array("q", [0]), 0
    for _, word, _ in keyed:
        at += len(word)
        offsets.append(at)
    numbers = array("q", (v for _, _, v in keyed))
    words = b"".join(w for _, w, _ in keyed)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with partial.open("wb") as f:
            f.write(_HEADER.pack(_MAGIC, len(keyed), extra, len(words)))
            f.write(hashes.tobytes() + b"\0" * ((4 * len(keyed)) % 8))
            f.write(offsets.tobytes() + numbers.tobytes() + words)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)  # a full disk must not leave half a file behind
