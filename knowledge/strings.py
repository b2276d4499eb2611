"""A read-only list of many strings kept as one UTF-8 block and its offsets: a few bytes per string, not ~60.

A Python list of 250,000 short strings costs ~14 MB of objects in every process; this holds the same in ~3 MB
and gives each string back (as a new object) when it is asked for.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload


class StringList(Sequence[str]):
    """The strings of an iterable, in order, indexable and iterable like a list (read-only)."""

    def __init__(self, strings: Iterable[str]) -> None:
        encoded = [s.encode("utf-8") for s in strings]
        self._offsets = array("q", [0])
        at = 0
        for data in encoded:
            at += len(data)
            self._offsets.append(at)
        self._data = b"".join(encoded)

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
        return self._data[self._offsets[index] : self._offsets[index + 1]].decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        data, offsets = self._data, self._offsets
        for i in range(len(offsets) - 1):
            yield data[offsets[i] : offsets[i + 1]].decode("utf-8")
