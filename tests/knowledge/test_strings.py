"""StringList: strings held as one UTF-8 block read back exactly, as a list would give them."""

from __future__ import annotations

import pytest

from knowledge.strings import StringList


def test_strings_come_back_as_a_list_gives_them() -> None:
    words = ["▁the", "", "算力", "é", "▁Nvidia", "🙂"]
    strings = StringList(words)
    assert len(strings) == len(words)
    assert list(strings) == words
    assert [strings[i] for i in range(len(words))] == words
    assert strings[-1] == "🙂" and strings[1:3] == ["", "算力"]
    with pytest.raises(IndexError):
        strings[len(words)]
    assert len(StringList([])) == 0


def test_strings_holding_a_nul_come_back_too() -> None:
    words = ["a\0b", "", "c"]
    assert list(StringList(words)) == words and StringList(words)[0] == "a\0b"
