"""Long-lived structures built without the cyclic garbage collector scanning them, then set aside from it.

A knowledge base holds a few hundred thousand objects per thousand articles. While it is built, every few
thousand allocations trigger a collection that walks all of them (about a third of the opening time measured
at 1,000 articles), and afterwards every full collection walks them again during answers. They live as long as
the process (or until a reload replaces them), so they are built with the collector paused and then frozen.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def building() -> Iterator[None]:
    """Pause the collector while long-lived objects are built; freeze what exists once they are."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()


def release() -> None:
    """After a reload dropped the previous structures: collect their cycles, then freeze what remains."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
