"""The rows of a 2-D .npy file, read on demand: only the rows asked for, and none of them held by the process.

A memory-mapped embedding table counts in a bot's resident memory for every page a question touched, and the
kernel maps whole cached folios around each touch: 40 questions made 46 MB of the 65 MB table resident in every
bot process. Reading a question's few rows with pread costs microseconds and leaves them in the page cache only.
"""

from __future__ import annotations

import os
import weakref
from pathlib import Path

import numpy as np

# A larger request (a batch embedded at ingest) maps the file for its duration: thousands of preads cost more.
MAPPED_FROM = 1024


class RowFile:
    """A read-only 2-D array in a .npy file, indexed by an array of row numbers (as `table[rows]`)."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as f:
            version = np.lib.format.read_magic(f)
            if version == (1, 0):
                shape, fortran, dtype = np.lib.format.read_array_header_1_0(f)
            else:
                shape, fortran, dtype = np.lib.format.read_array_header_2_0(f)
            self._offset = f.tell()
        if len(shape) != 2 or fortran or dtype.hasobject:
            raise ValueError(f"{path} is not a C-ordered 2-D array")
        self.path, self.shape, self.dtype = path, shape, dtype
        self._row_bytes = shape[1] * dtype.itemsize
        expected = self._offset + shape[0] * self._row_bytes
        if path.stat().st_size != expected:
            raise ValueError(f"{path} is truncated or too long")
        self._fd = os.open(path, os.O_RDONLY)
        weakref.finalize(self, os.close, self._fd)

    @property
    def ndim(self) -> int:
        """Always 2."""
        return 2

    def __getitem__(self, rows: np.ndarray) -> np.ndarray:
        """A new array of the given rows, in their order."""
        rows = np.asarray(rows, dtype=np.int64).reshape(-1)
        if rows.size and (rows.min() < 0 or rows.max() >= self.shape[0]):
            raise IndexError("row out of range")
        unique, inverse = np.unique(rows, return_inverse=True)
        if len(unique) >= MAPPED_FROM:
            # Mapped for this request only: unmapped on return, so an ingest run by a serving bot (chat
            # `/bubble ingest`) leaves none of the table resident in it.
            mapped = np.load(self.path, mmap_mode="r", allow_pickle=False)
            try:
                return np.array(mapped[rows])
            finally:
                del mapped
        read = np.empty((len(unique), self.shape[1]), dtype=self.dtype)
        if not len(unique):
            return read
        buffer = memoryview(read.data).cast("B")
        size = self._row_bytes
        for i, row in enumerate(unique.tolist()):
            if os.preadv(self._fd, [buffer[i * size : (i + 1) * size]], self._offset + row * size) != size:
                raise OSError(f"{self.path}: short read")
        return read[inverse]
