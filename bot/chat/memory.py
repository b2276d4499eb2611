"""A small thread-safe bounded mapping: in-memory de-duplication and thread memory beside the store."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any


class LRU:
    """Remembers the most recent `size` keys (and, per key, a list of values)."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, key: Any) -> bool:
        """Remember key; True if it was new."""
        with self._lock:
            if key in self._items:
                return False
            self._items[key] = True
            self._trim()
            return True

    def append(self, key: Any, value: str) -> None:
        """Append value to the list kept under key."""
        with self._lock:
            self._items.setdefault(key, []).append(value)
            self._items.move_to_end(key)
            self._trim()

    def get(self, key: Any) -> Any:
        """What is kept under key (None if nothing)."""
        with self._lock:
            return self._items.get(key)

    def _trim(self) -> None:
        while len(self._items) > self.size:
            self._items.popitem(last=False)
