"""`build_parser`: every subcommand, option and help text, and the argument types that check their values."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import re
from pathlib import Path

from bot.chat.registry import platform_names
from bot.cli.library import cmd_index, cmd_ingest, cmd_passages, cmd_sources_list, cmd_sources_remove
from bot.cli.operations import cmd_data_purge, cmd_discord_sync, cmd_serve
from bot.cli.questions import cmd_ask, cmd_search

MAX_K = 50


def _k(value: str) -> int:
    """--k: how many passages, 1 to MAX_K."""
    try:
        k = int(value)
    except ValueError:
        k = 0
    if not 1 <= k <= MAX_K:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_K}, not {value!r}")
    return k


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date like 2025-11-12: {text!r}") from exc


AGE = re.compile(r"(\d+)\s*([dhw]?)", re.IGNORECASE)
AGE_UNITS = {"": "days", "d": "days", "h": "hours", "w": "weeks"}


def _age(value: str) -> dt.timedelta:
    """--older-than: 90d, 12h, 2w, or a bare number of days."""
    match = AGE.fullmatch(value.strip())
    if not match or int(match[1]) == 0:
        raise argparse.ArgumentTypeError(f"an age like 90d, 12h or 2w, not {value!r}")
    return dt.timedelta(**{AGE_UNITS[match[2].lower()]: int(match[1])})


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="bubblebot", description="Grounded answers about the AI investment bubble."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more on stderr")
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {_version()}",
        help="print the installed version and exit",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = sub.add_parser(
        "ask",
        help="answer a question (use - to read one question per stdin line)",
        description="Answer a question from the articles. With - as the question, read one "
        "question per stdin line; exit 1 if every line failed. The JSON is the "
        "answer contract (docs/answer-contract.md).",
    )
    ask.add_argument("question", nargs="+", help="the question, or - to read one question per stdin line")
    ask.add_argument(
        "--json",
        action="store_true",
        help="print the answer contract as JSON (one line per question; errors too)",
    )
    ask.add_argument(
        "--sources", action="store_true", help="show the verbatim quotes with article and paragraph"
    )
    ask.set_defaults(handler=cmd_ask)

    search = sub.add_parser("search", help="show the best passages for a question")
    search.add_argument("question", nargs="+", help="the question, or - to read one question per stdin line")
    search.add_argument(
        "--k", type=_k, default=5, metavar="N", help=f"how many passages (1 to {MAX_K}, default 5)"
    )
    search.add_argument("--json", action="store_true", help="one JSON object per question, with its passages")
    search.set_defaults(handler=cmd_search)

    index = sub.add_parser("index", help="build or update the search index")
    index.set_defaults(handler=cmd_index)

    ingest = sub.add_parser(
        "ingest", help="add articles (Markdown, text or HTML files, directories, http(s) URLs)"
    )
    ingest.add_argument(
        "location",
        metavar="PATH_OR_URL",
        nargs="*",
        help="Markdown, text or HTML files, directories of them, or http(s) URLs",
    )
    ingest.add_argument(
        "--list",
        type=Path,
        action="append",
        metavar="FILE",
        help="a file of paths or URLs, one per line (# starts a comment); may be repeated",
    )
    ingest.add_argument("--title", help="the article's title (default: from the article)")
    ingest.add_argument("--publisher", help="who published it (default: from the article or the URL's site)")
    ingest.add_argument("--published", type=_date, metavar="YYYY-MM-DD", help="publication date")
    ingest.add_argument(
        "--lang", choices=["en", "zh-Hans", "zh-Hant"], help="its language (default: detected)"
    )
    ingest.add_argument("--timeout", type=float, default=15.0, help="seconds to wait for a URL (default 15)")
    ingest.set_defaults(handler=cmd_ingest)

    sources = sub.add_parser("sources", help="list or remove sources")
    sources_sub = sources.add_subparsers(dest="sources_command", required=True)
    listing = sources_sub.add_parser("list", help="every source: packaged and ingested")
    listing.add_argument("--json", action="store_true", help="one JSON object per source")
    listing.set_defaults(handler=cmd_sources_list)
    remove = sources_sub.add_parser("remove", help="remove an ingested source")
    remove.add_argument("id", help="the source id, as `sources list` shows it")
    remove.set_defaults(handler=cmd_sources_remove)

    passages = sub.add_parser("passages", help="every passage with its speaker and figures")
    passages.add_argument("--source", metavar="ID", help="only this source's passages")
    passages.add_argument("--json", action="store_true", help="one JSON object per passage")
    passages.set_defaults(handler=cmd_passages)

    serve = sub.add_parser(
        "serve",
        help="run a chat bot",
        description="slack: needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP, POST /slack/events on --host:--port) "
        "or SLACK_APP_TOKEN (Socket Mode; --host/--port unused); see docs/slack.md. "
        "discord: needs DISCORD_TOKEN and `bubblebot discord sync` once; see docs/discord.md. "
        "console: the operator console, needs BUBBLEBOT_CONSOLE_TOKEN.",
    )
    serve.add_argument(
        "platform", choices=[*platform_names(), "console"], help=", ".join(platform_names()) + " or console"
    )
    # defaults differ: slack listens on 0.0.0.0:3000, the operator console on 127.0.0.1:8080
    serve.add_argument(
        "--host",
        default=None,
        help="address to listen on (slack: default 0.0.0.0; console: default 127.0.0.1)",
    )
    serve.add_argument(
        "--port",
        type=int,
        default=None,
        help="port to listen on (slack: default 3000; console: default 8080)",
    )
    serve.set_defaults(handler=cmd_serve)

    discord = sub.add_parser("discord", help="Discord administration")
    discord_sub = discord.add_subparsers(dest="discord_command", required=True)
    sync = discord_sub.add_parser(
        "sync",
        help="register the slash commands",
        description="Register /bubble and the message menu globally, or in one server with --guild (instant). "
        "After testing in a server, run `sync --guild ID --clear` once the global sync is done, "
        "or that server lists every command twice.",
    )
    sync.add_argument(
        "--guild",
        type=int,
        default=None,
        metavar="ID",
        help="the server (guild) id: register there only, at once (for testing)",
    )
    sync.add_argument(
        "--clear",
        action="store_true",
        help="with --guild: remove that server's own copies (the global commands stay)",
    )
    sync.set_defaults(handler=cmd_discord_sync)

    data = sub.add_parser("data", help="the stored questions, answers and votes")
    data_sub = data.add_subparsers(dest="data_command", required=True, metavar="COMMAND")
    purge = data_sub.add_parser(
        "purge",
        help="delete questions, answers and votes older than an age",
        description="Delete the stored questions (with the asker's user id), answers, votes and event records "
        "older than --older-than, or than BUBBLEBOT_RETENTION_DAYS when it is not given. "
        "Digest subscriptions and deliveries are kept.",
    )
    purge.add_argument(
        "--older-than",
        type=_age,
        metavar="AGE",
        help="90d, 12h or 2w (default: BUBBLEBOT_RETENTION_DAYS days)",
    )
    purge.add_argument("--json", action="store_true", help="print what was deleted as one JSON object")
    purge.set_defaults(handler=cmd_data_purge)

    from bot.digest.cli import add_digest_commands

    add_digest_commands(sub)
    _verbose_everywhere(parser)
    return parser


def _verbose_everywhere(parser: argparse.ArgumentParser) -> None:
    """Accept -v after any subcommand too (`bubblebot ask -v …`), as well as before it."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):  # aliases share a parser
                # SUPPRESS: a subcommand without -v keeps what was given before it
                child.add_argument(
                    "-v",
                    "--verbose",
                    action="store_true",
                    default=argparse.SUPPRESS,
                    help="log more on stderr",
                )
                _verbose_everywhere(child)


def _version() -> str:
    """The installed package's version (from its metadata; "unknown" when run from a bare source tree)."""
    try:
        return importlib.metadata.version("bubblebot")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"
