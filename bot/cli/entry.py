"""`main`, the console script: parse, configure settings and logging, run the command, map errors to exit codes."""

from __future__ import annotations

import argparse
import os
import sys

from bot.cli.output import emit
from bot.cli.parser import build_parser
from bot.errors import BubblebotError, EmptyQuestion
from bot.observability.logs import configure_logging, secret_values
from bot.settings import get_settings
from knowledge.errors import KnowledgeError


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `bubblebot` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    settings = get_settings()
    configure_logging(settings.log_format, verbose=args.verbose, secrets=secret_values(settings))
    if settings.database_url and settings.chroma_url:  # server mode: one library shared by every replica
        from knowledge.library_store import share_library

        share_library(settings.database_url)
    try:
        return int(args.handler(args, settings) or 0)
    except EmptyQuestion as exc:
        return _fail(args, exc, 2)
    except (BubblebotError, KnowledgeError) as exc:
        return _fail(args, exc, 1)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`bubblebot ask … | head`): stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _fail(args: argparse.Namespace, error: Exception, code: int) -> int:
    """Report an error on stderr (and, with --json, as `{"error": ...}` on stdout); return the exit code."""
    print(f"error: {error}", file=sys.stderr)
    if getattr(args, "json", False):
        emit({"error": str(error)})
    return code
