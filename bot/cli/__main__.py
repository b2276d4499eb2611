"""`python -m bot.cli`: the `bubblebot` command without the installed script (tests and benchmarks run it so)."""

from __future__ import annotations

import sys

from bot.cli.entry import main

if __name__ == "__main__":
    sys.exit(main())
