"""The `bubblebot` command line: ask, search, index, ingest, sources, serve, and the admin commands."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import logging
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bot.chat.registry import platform_names
from bot.errors import BubblebotError, EmptyQuestion
from bot.observability.logs import configure_logging, secret_values
from bot.settings import Settings, get_settings
from knowledge.errors import KnowledgeError

log = logging.getLogger("bubblebot")
MAX_CLI_CHARS = 2000
MAX_K = 50


def _text(value: str | bytes) -> str:
    """Text from an argument or a stdin line, whatever its bytes: invalid UTF-8 becomes U+FFFD, not a crash."""
    if isinstance(value, str):  # argv holds undecodable bytes as lone surrogates (PEP 383): get them back
        value = os.fsencode(value)
    return value.decode("utf-8", errors="replace")


def _questions(argument: str) -> Iterator[str] | None:
    """Lines of stdin for '-' (read as bytes, so any bytes give one line each), else None (a single question)."""
    if argument != "-":
        return None
    lines = getattr(sys.stdin, "buffer", sys.stdin)
    return (_text(line).rstrip("\r\n") for line in lines)


def _k(value: str) -> int:
    """--k: how many passages, 1 to MAX_K."""
    try:
        k = int(value)
    except ValueError:
        k = 0
    if not 1 <= k <= MAX_K:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_K}, not {value!r}")
    return k


def _emit(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _batch(
    lines: Iterator[str],
    handle: Callable[[str], dict[str, Any]],
    show: Callable[[dict[str, Any]], None] = _emit,
) -> int:
    """One result out per line in, in order, whatever happens to a line; 1 if every line failed, else 0."""
    answered = failed = 0
    for line in lines:
        result = _one_line(line, handle)
        failed += "error" in result
        answered += "error" not in result
        show(result)
    return 1 if failed and not answered else 0


def _one_line(line: str, handle: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    """The result for one stdin line, or `{"question", "error"}` saying why there is none."""
    question = line.strip()
    if not question:
        return {"question": line, "error": "empty question"}
    try:
        return handle(question)
    except BubblebotError as exc:
        return {"question": question, "error": str(exc)}
    except Exception as exc:  # one bad line must not cost the others their answers
        log.exception("failed to answer %r", question[:80])
        return {"question": question, "error": f"internal error: {type(exc).__name__}"}


def _single_question(args: argparse.Namespace) -> str:
    question = _text(" ".join(args.question)).strip()
    if not question:
        raise EmptyQuestion()
    if len(question) > MAX_CLI_CHARS:
        print(
            f"warning: the question has {len(question)} characters; using the first {MAX_CLI_CHARS}.",
            file=sys.stderr,
        )
    return question


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    """Answer questions: readable, with --sources, or as JSON lines."""
    from bot.render_text import render_answer
    from bot.service import AnswerService

    lines = _questions(" ".join(args.question)) if len(args.question) == 1 else None
    question = None if lines is not None else _single_question(args)
    service = AnswerService.from_settings(settings)
    if lines is not None:
        show = _emit if args.json else _readable_printer(args.sources)
        return _batch(lines, lambda q: service.ask(q, cut=True).contract(), show)
    assert question is not None
    answer = service.ask(question, cut=True)
    if args.json:
        _emit(answer.contract())
    else:
        print(render_answer(answer, sources=args.sources))
    return 0


def _readable_printer(sources: bool) -> Callable[[dict[str, Any]], None]:
    """Print batch results as a person reads them: each question, its answer (and sources), a blank line."""
    from bot.models import Answer
    from bot.render_text import render_answer

    def show(result: dict[str, Any]) -> None:
        print(f"> {result.get('question', '')}")
        if "error" in result:
            print(f"error: {result['error']}")
        else:
            print(render_answer(Answer.model_validate(result), sources=sources))
        print(flush=True)

    return show


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    """Show the passages retrieval ranks highest for a question."""
    from knowledge.base import KnowledgeBase

    lines = _questions(" ".join(args.question)) if len(args.question) == 1 else None
    question = None if lines is not None else _single_question(args)
    kb = KnowledgeBase.open(
        data_dir=settings.data_dir,
        chroma_url=settings.chroma_url,
        embedding=settings.embedding,
        embedding_base_url=settings.embedding_base_url,
    )

    def handle(q: str) -> dict[str, Any]:
        hits = kb.search(q[:MAX_CLI_CHARS], k=args.k).hits
        passages = []
        for hit in hits:
            p = hit.passage
            speaker = kb.corpus.speaker(p.speaker)
            source = kb.corpus.source(p.source_id)
            passages.append(
                {
                    "id": p.id,
                    "text": p.text,
                    "speaker": p.speaker,
                    "speaker_role": speaker.role if speaker else None,
                    "figures": [{"text": f.text, "value": f.value, "unit": f.unit} for f in p.figures],
                    "source": {"id": source.id, "title": source.title, "publisher": source.publisher},
                    "score": round(hit.score, 4),
                }
            )
        return {"question": q, "passages": passages}

    if lines is not None:
        return _batch(lines, handle)
    assert question is not None
    result = handle(question)
    if args.json:
        _emit(result)
    else:
        for n, p in enumerate(result["passages"], start=1):
            who = p["speaker"] or "(reporting)"
            figures = ", ".join(f["text"] for f in p["figures"])
            print(
                f"{n}. [{p['score']:.2f}] {who}{' · ' + figures if figures else ''} — {p['id']}\n   {p['text']}"
            )
    return 0


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    """Build or update the search index and print counts."""
    from knowledge.base import KnowledgeBase

    kb = KnowledgeBase.open(
        data_dir=settings.data_dir,
        chroma_url=settings.chroma_url,
        embedding=settings.embedding,
        embedding_base_url=settings.embedding_base_url,
    )
    report = kb.index_report
    speakers = {p.speaker for p in kb.corpus.passages if p.speaker}
    figures = sum(len(p.figures) for p in kb.corpus.passages)
    print(
        f"sources: {len(kb.corpus.sources)}  passages: {len(kb.corpus.passages)}  "
        f"attributed: {sum(1 for p in kb.corpus.passages if p.speaker)} ({len(speakers)} speakers)  "
        f"figures: {figures}"
    )
    if report is None:
        print("vector index: unavailable (lexical search only)")
        return 1
    state = "built" if report.built else "up to date"
    print(
        f"vector index: {state} — {report.vectors} vectors in '{report.collection}' ({report.seconds:.2f} s)"
    )
    return 0


def _index_target(settings: Settings) -> Any:
    from knowledge.ingest import IndexTarget
    from knowledge.library_store import shared_database

    return IndexTarget(
        data_dir=settings.data_dir,
        chroma_url=settings.chroma_url,
        embedding=settings.embedding,
        embedding_base_url=settings.embedding_base_url,
        shared_database=shared_database(settings.database_url, settings.chroma_url),
        glosser=_glosser(settings),
    )


def _glosser(settings: Settings) -> Any:
    """The model that glosses ingested articles, when BUBBLEBOT_LLM names one."""
    if not settings.llm:
        return None
    from bot.glossing import ModelGlosser

    return ModelGlosser.from_settings(settings)


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """Add articles (files, directories, URLs, or lists of them) to the library and index their passages."""
    from knowledge.bulk import expand

    locations = expand(args.location, args.list or [])
    if not locations:
        print(
            "error: no articles to ingest (give files, a directory with .md/.txt/.html files, URLs, or --list)",
            file=sys.stderr,
        )
        return 2
    if len(locations) == 1 and not args.list and not Path(args.location[0]).is_dir():
        return _ingest_one(args, settings, locations[0])
    if args.title or args.published:
        print(
            "error: --title and --published name one article; give them with a single file or URL",
            file=sys.stderr,
        )
        return 2
    return _ingest_many(args, settings, locations)


def _ingest_one(args: argparse.Namespace, settings: Settings, location: str) -> int:
    from knowledge.ingest import Overrides, ingest

    overrides = Overrides(
        title=args.title, publisher=args.publisher, published=args.published, language=args.lang
    )
    result = ingest(
        location,
        _index_target(settings),
        overrides,
        timeout=args.timeout,
        allow=settings.ingest_allow,
        progress=lambda m: print(m, file=sys.stderr, flush=True),
    )
    source = result.source
    speakers = ", ".join(result.new_speakers) or "none"
    embedded = result.report.embedded if result.report else 0
    print(f"ingested '{source.id}' ({source.language}): {source.title}")
    print(
        f"  {result.passages} passages, {result.attributed} attributed, {result.figures} figures; "
        f"new speakers: {speakers}"
    )
    print(f"  {embedded} new texts embedded (passages and clauses; the rest reused), {result.seconds:.1f} s")
    return 0


def _ingest_many(args: argparse.Namespace, settings: Settings, locations: list[str]) -> int:
    """Ingest every location with one loaded embedder, a progress line per article, and a summary."""
    from knowledge.bulk import ingest_many
    from knowledge.ingest import Overrides

    started = time.monotonic()

    def progress(n: int, total: int, line: str) -> None:
        elapsed = time.monotonic() - started
        left = elapsed / n * (total - n)
        print(f"[{n}/{total}] {line} — {elapsed:.0f} s, about {left:.0f} s left", file=sys.stderr, flush=True)

    overrides = Overrides(publisher=args.publisher, language=args.lang)
    report = ingest_many(
        locations,
        _index_target(settings),
        overrides,
        timeout=args.timeout,
        allow=settings.ingest_allow,
        progress=progress,
    )
    passages = sum(r.passages for r in report.added)
    print(
        f"added {len(report.added)} articles ({passages} passages), {len(report.duplicates)} duplicates, "
        f"{len(report.failed)} failed, in {report.seconds:.1f} s"
    )
    for location, reason in report.failed:
        print(f"  failed: {location}: {reason}")
    return 1 if report.failed else 0


def cmd_sources_list(args: argparse.Namespace, settings: Settings) -> int:
    """List every source, packaged or ingested (from the manifest: no article is read)."""
    from knowledge.corpus import PACKAGED_CORPUS
    from knowledge.library import Library
    from knowledge.passages import split_paragraphs, split_sentences
    from knowledge.sources import load_sources

    library = Library.load(settings.data_dir)
    # A packaged article has one passage per sentence: counted without attributing it.
    listed = [
        (s, "packaged", sum(len(split_sentences(p, s.language)) for p in split_paragraphs(s.text)))
        for s in load_sources(PACKAGED_CORPUS)
    ]
    for entry in library.manifest.sources:
        count = (
            entry.passages if entry.passages is not None else len(library.extraction(entry.source).passages)
        )
        listed.append((entry.source, "ingested", count))
    rows = []
    for source, origin, count in listed:
        rows.append(
            {
                "id": source.id,
                "title": source.title,
                "publisher": source.publisher,
                "language": source.language,
                "passages": count,
                "origin": origin,
                "published": source.published.isoformat() if source.published else None,
                "url": source.url,
                "file": source.origin or source.file,
            }
        )
    if args.json:
        for row in rows:
            _emit(row)
        return 0
    for row in rows:
        print(
            f"{row['id']}  [{row['origin']}, {row['language']}, {row['passages']} passages]  "
            f"{row['title']} — {row['publisher']}"
        )
    return 0


def cmd_passages(args: argparse.Namespace, settings: Settings) -> int:
    """Print every passage of the library (or of one source) with its speaker and figures, one JSON line each."""
    from knowledge.library import open_corpus

    corpus = open_corpus(settings.data_dir)
    known = {s.id for s in corpus.sources}
    if args.source and args.source not in known:
        print(f"error: no source '{args.source}' (see `bubblebot sources list`)", file=sys.stderr)
        return 1
    for passage in corpus.passages:
        if args.source and passage.source_id != args.source:
            continue
        source = corpus.source(passage.source_id)
        speaker = corpus.speaker(passage.speaker)
        row = {
            "source": source.id,
            "file": source.origin or source.file,
            "paragraph": passage.paragraph,
            "sentence": passage.sentence,
            "text": passage.text,
            "speaker": passage.speaker,
            "speaker_role": speaker.role if speaker else None,
            "figures": [{"text": f.text, "value": f.value, "unit": f.unit} for f in passage.figures],
        }
        if args.json:
            _emit(row)
        else:
            who = row["speaker"] or "(reporting)"
            print(f"{source.id}:{passage.paragraph}.{passage.sentence}  {who}  {passage.text}")
    return 0


def cmd_sources_remove(args: argparse.Namespace, settings: Settings) -> int:
    """Remove an ingested source; its passages leave the index."""
    from knowledge.ingest import remove_source

    source = remove_source(args.id, _index_target(settings), progress=lambda m: print(m, file=sys.stderr))
    print(f"removed '{source.id}': {source.title}")
    return 0


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date like 2025-11-12: {text!r}") from exc


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


AGE = re.compile(r"(\d+)\s*([dhw]?)", re.IGNORECASE)
AGE_UNITS = {"": "days", "d": "days", "h": "hours", "w": "weeks"}


def _age(value: str) -> dt.timedelta:
    """--older-than: 90d, 12h, 2w, or a bare number of days."""
    match = AGE.fullmatch(value.strip())
    if not match or int(match[1]) == 0:
        raise argparse.ArgumentTypeError(f"an age like 90d, 12h or 2w, not {value!r}")
    return dt.timedelta(**{AGE_UNITS[match[2].lower()]: int(match[1])})


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
        _emit({"before": cutoff.isoformat(timespec="seconds"), **purged.model_dump()})
    else:
        print(
            f"deleted {purged.answers} answers, {purged.votes} votes, {purged.questions} logged questions and "
            f"{purged.events} event records from before {cutoff:%Y-%m-%d %H:%M} UTC"
        )
    return 0


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
        _emit({"error": str(error)})
    return code


if __name__ == "__main__":
    sys.exit(main())
