"""`bubblebot ask` and `bubblebot search`: one question from the arguments, or one per stdin line with -."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

from bot.cli.output import emit
from bot.errors import BubblebotError, EmptyQuestion
from bot.settings import Settings

log = logging.getLogger("bubblebot")
MAX_CLI_CHARS = 2000


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


def _batch(
    lines: Iterator[str],
    handle: Callable[[str], dict[str, Any]],
    show: Callable[[dict[str, Any]], None] = emit,
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
        show = emit if args.json else _readable_printer(args.sources)
        return _batch(lines, lambda q: service.ask(q, cut=True).contract(), show)
    assert question is not None
    answer = service.ask(question, cut=True)
    if args.json:
        emit(answer.contract())
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
        emit(result)
    else:
        for n, p in enumerate(result["passages"], start=1):
            who = p["speaker"] or "(reporting)"
            figures = ", ".join(f["text"] for f in p["figures"])
            print(
                f"{n}. [{p['score']:.2f}] {who}{' · ' + figures if figures else ''} — {p['id']}\n   {p['text']}"
            )
    return 0
