"""`bubblebot serve`, `discord sync` and `data purge`: running the bots and looking after what they store."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from bot.cli.output import emit
from bot.settings import Settings


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    """Run the Slack or Discord bot."""
    if args.platform == "console":
        from bot.console import serve_console

        serve_console(settings, host=args.host or "127.0.0.1", port=8080 if args.port is None else args.port)
    else:
        from bot.chat.registry import platform

        # chat platforms listen on 0.0.0.0:3000 by default (Slack's events; Discord has its own health port)
        platform(args.platform).serve(
            settings, host=args.host or "0.0.0.0", port=3000 if args.port is None else args.port
        )
    return 0


def cmd_discord_sync(args: argparse.Namespace, settings: Settings) -> int:
    """Register the slash commands with Discord."""
    from bot.discord import sync_commands

    if args.clear and args.guild is None:
        print(
            "error: --clear needs --guild ID (it removes that server's copies of the commands)",
            file=sys.stderr,
        )
        return 2
    count = sync_commands(settings, guild=args.guild, clear=args.clear)
    if args.clear:
        print(f"removed the commands registered in guild {args.guild}; the global ones stay")
    else:
        print(f"registered {count} command(s)" + (f" in guild {args.guild}" if args.guild else " globally"))
    return 0


def cmd_data_purge(args: argparse.Namespace, settings: Settings) -> int:
    """Delete stored questions, answers and votes older than --older-than (or BUBBLEBOT_RETENTION_DAYS)."""
    from bot.store import StateStore

    age = args.older_than
    if age is None and settings.retention_days is None:
        print(
            "error: nothing to purge by: pass --older-than (e.g. 90d) or set BUBBLEBOT_RETENTION_DAYS",
            file=sys.stderr,
        )
        return 2
    age = age or dt.timedelta(days=settings.retention_days or 0)
    cutoff = dt.datetime.now(dt.UTC) - age
    with StateStore.open(settings.resolved_database_url()) as store:
        purged = store.purge_before(before=cutoff)
    if args.json:
        emit({"before": cutoff.isoformat(timespec="seconds"), **purged.model_dump()})
    else:
        print(
            f"deleted {purged.answers} answers, {purged.votes} votes, {purged.questions} logged questions and "
            f"{purged.events} event records from before {cutoff:%Y-%m-%d %H:%M} UTC"
        )
    return 0
