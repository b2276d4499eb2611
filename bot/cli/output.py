"""What every command's --json prints: one JSON object per line."""

from __future__ import annotations

import json
import sys
from typing import Any


def emit(data: dict[str, Any]) -> None:
    """One JSON object per line, flushed: a reader of `ask --json -` sees each answer as soon as it is made."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()
