"""RowFile: rows of a .npy file read on demand, equal to indexing the array itself."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from knowledge import rowfile
from knowledge.rowfile import RowFile


def _table(tmp_path: Path) -> tuple[Path, np.ndarray]:
    array = np.random.default_rng(7).integers(0, 255, size=(3000, 16), dtype=np.uint8)
    path = tmp_path / "table.npy"
    np.save(path, array)
    return path, array


def test_rows_are_those_of_the_array_in_the_asked_order(tmp_path: Path) -> None:
    path, array = _table(tmp_path)
    table = RowFile(path)
    assert table.shape == array.shape and table.dtype == array.dtype and table.ndim == 2
    rows = np.array([5, 2999, 0, 5, 17])
    assert np.array_equal(table[rows], array[rows])
    assert table[np.array([], dtype=np.int64)].shape == (0, 16)


def test_a_large_request_reads_the_same_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, array = _table(tmp_path)
    monkeypatch.setattr(rowfile, "MAPPED_FROM", 10)
    rows = np.arange(0, 3000, 7)
    assert np.array_equal(RowFile(path)[rows], array[rows])


def test_a_row_out_of_range_or_a_truncated_file_is_refused(tmp_path: Path) -> None:
    path, _ = _table(tmp_path)
    with pytest.raises(IndexError):
        RowFile(path)[np.array([3000])]
    path.write_bytes(path.read_bytes()[:-1])
    with pytest.raises(ValueError):
        RowFile(path)
