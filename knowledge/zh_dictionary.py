"""jieba with its dictionary memory-mapped from a table built once per machine, not loaded into every process.

jieba's own start reads 498,000 words and prefixes into a dict (~1 s and ~70 MB in each process, even from
its marshal cache). The same words and frequencies are written once to a file of sorted CRC-32 hashes,
offsets, frequencies and UTF-8 words (knowledge/wordtable.py); a process maps it, and keeps only the words it
is taught (speaker names, glossary terms) in its own dict. Cuts are the same as jieba's.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge.wordtable import TableError, WordTable, write_table

if TYPE_CHECKING:
    from jieba import Tokenizer

_lock = threading.Lock()
_tokenizer: Tokenizer | None = None


class _Frequencies(dict[str, int]):
    """jieba's FREQ: the words taught in this process (the dict itself) over the shared table."""

    def __init__(self, table: WordTable) -> None:
        super().__init__()
        self._table = table

    def __contains__(self, word: object) -> bool:
        return dict.__contains__(self, word) or (isinstance(word, str) and self._table.get(word) is not None)

    def __getitem__(self, word: str) -> int:
        if dict.__contains__(self, word):
            return dict.__getitem__(self, word)
        found = self._table.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def get(self, word: str, default: Any = None) -> Any:
        """The word's frequency (0 for a prefix only), or default when jieba knows neither."""
        if dict.__contains__(self, word):
            return dict.__getitem__(self, word)
        found = self._table.get(word)
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


def mapped_tokenizer() -> Tokenizer:
    """A new jieba tokenizer over the machine's table (built on first use); words taught to it stay its own."""
    jieba = _import_jieba()
    path = table_path(jieba)
    try:
        table = WordTable(path)
    except TableError:  # not built yet on this machine, or unreadable
        jieba.dt.initialize()  # the one slow load, from jieba's own dictionary or cache
        write_table(path, jieba.dt.FREQ, jieba.dt.total)
        jieba.dt.FREQ, jieba.dt.initialized = {}, False  # its ~70 MB are not needed any more
        table = WordTable(path)
    made: Tokenizer = jieba.Tokenizer()
    made.FREQ, made.total, made.initialized = _Frequencies(table), table.extra, True
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
