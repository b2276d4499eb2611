"""A read-only list of many strings kept as one UTF-8 block and its offsets: a few bytes per string, not ~60.

A Python list of 250,000 short strings costs ~14 MB of objects in every process; this holds the same in ~3 MB
and gives each string back (as a new object) when it is asked for. The strings are joined with NULs and their
ends found in C (a Python loop encoding each one cost 66 ms at every start).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

import numpy as np


class StringList(Sequence[str]):
    """The strings of an iterable, in order, indexable and iterable like a list (read-only)."""

    def __init__(self, strings: Iterable[str]) -> None:
        items = list(strings)
        joined = "\0".join(items)
        if joined.count("\0") == max(len(items) - 1, 0):  # no string holds a NUL: find the ends in C
            self._data = (joined + "\0").encode("utf-8") if items else b""
            ends = np.flatnonzero(np.frombuffer(self._data, dtype=np.uint8) == 0)
            self._offsets = array("q", [0])
            self._offsets.extend((ends + 1).tolist())
            self._gap = 1
        else:
            encoded = [s.encode("utf-8") for s in items]
            self._offsets = array("q", [0])
            at = 0
            for data in encoded:
                at += len(data)
                self._offsets.append(at)
            self._data = b"".join(encoded)
            self._gap = 0

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("string index out of range")
        return self._data[self._offsets[index] : self._offsets[index + 1] - self._gap].decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        data, offsets, gap = self._data, self._offsets, self._gap
        for i in range(len(offsets) - 1):
            yield data[offsets[i] : offsets[i + 1] - gap].decode("utf-8")
