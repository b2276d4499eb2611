"""DenseSearch: lazy reconnection with a doubling pause, and a rebuild when the store lost the collection."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase
from knowledge.dense import DenseSearch
from knowledge.embedding import DEFAULT_EMBEDDING, make_embedder
from knowledge.errors import IndexUnavailable
from knowledge.index import IndexReport, PassageIndex, open_client


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_retries_wait_a_doubling_pause_capped_then_connect(tmp_path: Path, kb: KnowledgeBase) -> None:
    clock = Clock()
    attempts: list[float] = []
    up = {"server": False}
    embedder = make_embedder(DEFAULT_EMBEDDING)

    def connect() -> tuple[PassageIndex, IndexReport]:
        attempts.append(clock.now)
        if not up["server"]:
            raise IndexUnavailable("cannot reach the Chroma server")
        index = PassageIndex(open_client(data_dir=tmp_path), embedder)
        return index, index.ensure(kb.corpus)

    dense = DenseSearch(connect, first_pause=1.0, max_pause=4.0, clock=clock)
    with pytest.raises(IndexUnavailable):
        dense.open()
    for moment in (0.5, 1.0, 2.5, 3.0, 6.9, 7.0, 10.9, 11.0):
        clock.now = moment
        with pytest.raises(IndexUnavailable):
            dense.query("Altman compute", 5)
    assert attempts == [0.0, 1.0, 3.0, 7.0, 11.0]  # pauses 1, 2, 4, then capped at 4
    up["server"] = True
    clock.now = 14.9
    with pytest.raises(IndexUnavailable):
        dense.query("Altman compute", 5)
    clock.now = 15.0
    assert dense.query("Altman compute", 5) and dense.available and attempts[-1] == 15.0

    index = dense._index
    assert index is not None
    index.client.delete_collection(index.collection_name(kb.corpus))  # the store lost its data
    with pytest.raises(IndexUnavailable):
        dense.query("Altman compute", 5)
    assert not dense.available
    clock.now = 16.0  # the pause was reset to 1 s by the successful connection
    assert dense.query("Altman compute", 5) and dense.available  # reconnected and rebuilt
