"""One BLAS thread for the sentence encoder: its products are small, and a second thread mostly spins.

OpenBLAS (numpy's BLAS) starts a worker per core, and after every product that used it the worker spins
waiting for more work. Measured on this project's 2-core machine at 1,000 articles: a warm answer cost
~250 ms of CPU with two threads and ~45 ms with one (the encoder itself 5 ms instead of ~170 ms, the
main thread waiting on a worker the machine's other load had descheduled); a bulk ingest took 1.05 s per
article instead of 1.42 s.
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
