"""jieba with its dictionary memory-mapped from a table built once per machine, not loaded into every process.

jieba's own start reads 498,000 words and prefixes into a dict (~1 s and ~70 MB in each process, even from
its marshal cache). The same words and frequencies are written once to a file of sorted CRC-32 hashes,
offsets, frequencies and UTF-8 words; a process maps it, looks a word up by bisection (~3 µs), and keeps
only the words it is taught (speaker names, glossary terms) in its own dict. Cuts are the same as jieba's.
"""

from __future__ import annotations

import bisect
import logging
import mmap
import os
import struct
import sys
import tempfile
import threading
import zlib
from array import array
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jieba import Tokenizer

_HEADER = struct.Struct("<4s4xqqq")  # magic, words, total frequency, bytes of words (32 bytes: aligned)
_MAGIC = b"BBJ1"
_lock = threading.Lock()
_tokenizer: Tokenizer | None = None


class _Table:
    """The packaged dictionary's words and frequencies, read from a mapped file."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as f:
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        magic, n, self.total, size = _HEADER.unpack_from(self._map)
        if magic != _MAGIC:
            raise ValueError(f"{path} is not a word table")
        view = memoryview(self._map)
        at = _HEADER.size
        self._hashes = view[at : at + 4 * n].cast("I")
        at += 4 * n + (4 * n) % 8
        self._offsets = view[at : at + 8 * (n + 1)].cast("q")
        at += 8 * (n + 1)
        self._freqs = view[at : at + 8 * n].cast("q")
        at += 8 * n
        self._words = view[at : at + size]
        self.find = lru_cache(maxsize=65536)(self._find)  # a question's fragments repeat across its cuts

    def _find(self, word: str) -> int | None:
        key = word.encode("utf-8")
        code = zlib.crc32(key)
        hashes, offsets = self._hashes, self._offsets
        i = bisect.bisect_left(hashes, code)
        while i < len(hashes) and hashes[i] == code:
            if self._words[offsets[i] : offsets[i + 1]] == key:
                return int(self._freqs[i])
            i += 1
        return None


class _Frequencies(dict[str, int]):
    """jieba's FREQ: the words taught in this process (the dict itself) over the shared table."""

    def __init__(self, table: _Table) -> None:
        super().__init__()
        self._table = table

    def __contains__(self, word: object) -> bool:
        return dict.__contains__(self, word) or (isinstance(word, str) and self._table.find(word) is not None)

    def __getitem__(self, word: str) -> int:
        if dict.__contains__(self, word):
            return dict.__getitem__(self, word)
        found = self._table.find(word)
        if found is None:
            raise KeyError(word)
        return found

    def get(self, word: str, default: Any = None) -> Any:
        """The word's frequency (0 for a prefix only), or default when jieba knows neither."""
        if dict.__contains__(self, word):
            return dict.__getitem__(self, word)
        found = self._table.find(word)
        return default if found is None else found


def _import_jieba() -> Any:
    # jieba imports pkg_resources (~0.3 s) only to open its own data files, and falls back to plain open()
    # without it: hide it during the import unless something already loaded it.
    hidden = "pkg_resources" not in sys.modules
    if hidden:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if hidden:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)
    return jieba


def table_path(jieba: Any) -> Path:
    """Where this machine keeps the table of jieba's packaged dictionary (beside jieba's own cache)."""
    source = Path(jieba.__file__).parent / "dict.txt"
    stat = source.stat()
    name = f"bubblebot-jieba-{jieba.__version__}-{stat.st_size}-{int(stat.st_mtime)}.table"
    return Path(tempfile.gettempdir()) / name


def write_table(path: Path, frequencies: dict[str, int], total: int) -> None:
    """Write the table of a dictionary's frequencies (atomically: readers see the old file or the new one)."""
    keyed = sorted((zlib.crc32(w.encode("utf-8")), w.encode("utf-8"), f) for w, f in frequencies.items())
    hashes = array("I", (h for h, _, _ in keyed))
    offsets, at = array("q", [0]), 0
    for _, word, _ in keyed:
        at += len(word)
        offsets.append(at)
    freqs = array("q", (f for _, _, f in keyed))
    words = b"".join(w for _, w, _ in keyed)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    with partial.open("wb") as f:
        f.write(_HEADER.pack(_MAGIC, len(keyed), total, len(words)))
        f.write(hashes.tobytes() + b"\0" * ((4 * len(keyed)) % 8))
        f.write(offsets.tobytes() + freqs.tobytes() + words)
    os.replace(partial, path)


def mapped_tokenizer() -> Tokenizer:
    """A new jieba tokenizer over the machine's table (built on first use); words taught to it stay its own."""
    jieba = _import_jieba()
    path = table_path(jieba)
    try:
        table = _Table(path)
    except (OSError, ValueError, struct.error):  # not built yet on this machine, or unreadable
        jieba.dt.initialize()  # the one slow load, from jieba's own dictionary or cache
        write_table(path, jieba.dt.FREQ, jieba.dt.total)
        jieba.dt.FREQ, jieba.dt.initialized = {}, False  # its ~70 MB are not needed any more
        table = _Table(path)
    made: Tokenizer = jieba.Tokenizer()
    made.FREQ, made.total, made.initialized = _Frequencies(table), table.total, True
    return made


def tokenizer() -> Tokenizer:
    """The process's tokenizer for search tokens (see mapped_tokenizer)."""
    global _tokenizer
    if _tokenizer is not None:
        return _tokenizer
    with _lock:
        if _tokenizer is None:
            _tokenizer = mapped_tokenizer()
        return _tokenizer
