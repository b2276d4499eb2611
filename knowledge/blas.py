"""One BLAS thread for answering: a question's few small products gain nothing from a second thread.

OpenBLAS (numpy's BLAS) starts a worker per core, and after every product that used it the worker spins
waiting for more work: a question then costs twice its CPU time (measured: ~80 ms a question on a 1,000-article
library, as much as everything else). Batches at ingest keep every thread.
"""

from __future__ import annotations

import ctypes
import logging
import re

log = logging.getLogger(__name__)
_SETTERS = ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads64_", "openblas_set_num_threads")


def one_blas_thread() -> bool:
    """Limit the OpenBLAS libraries loaded in this process to one thread; False when none was found (best effort)."""
    import numpy  # noqa: F401  (its BLAS must be loaded to be found)

    try:
        with open("/proc/self/maps", encoding="utf-8") as handle:
            maps = handle.read()
    except OSError:  # not Linux: leave BLAS as it is
        return False
    done = False
    for path in sorted(set(re.findall(r"(/\S*openblas\S*\.so\S*)", maps, flags=re.IGNORECASE))):
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        for name in _SETTERS:
            setter = getattr(library, name, None)
            if setter is not None:
                setter(1)
                done = True
                break
    if not done:
        log.debug("no OpenBLAS library found to limit to one thread")
    return done
