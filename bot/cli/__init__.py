"""The `bubblebot` command line: ask, search, index, ingest, sources, serve, and the admin commands.

Modules: entry (main: settings, logging, exit codes), parser (build_parser and the argument types), questions
(ask, search), library (index, ingest, sources, passages), operations (serve, discord sync, data purge) and
output (JSON lines). `bubblebot digest …` is bot/digest/cli.py's.
"""

from __future__ import annotations

from bot.cli.entry import main
from bot.cli.parser import build_parser

__all__ = ["build_parser", "main"]
