"""Quoted speech inside a sentence: where it is, and the text around it."""

from __future__ import annotations

import re

OPEN_QUOTES = "“「『‘"
CLOSE_QUOTES = "”」』’"


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation, curly, corner or straight; an unclosed one runs to the end."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    straight: int | None = None
    for i, char in enumerate(text):
        if char == '"' and depth == 0:  # straight quotes open and close with one character
            if straight is None:
                straight = i
            else:
                spans.append((straight, i + 1))
                straight = None
        elif straight is not None:
            continue
        elif char in OPEN_QUOTES and char != "‘":
            if depth == 0:
                start = i
            depth += 1
        elif char in CLOSE_QUOTES and char != "’" and depth > 0:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    if depth > 0:
        spans.append((start, len(text)))
    if straight is not None:
        spans.append((straight, len(text)))
    return spans


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Text with the spans blanked out, same length, so offsets stay valid."""
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


def speech_spans(text: str) -> list[tuple[int, int]]:
    """The quotations that are speech: not the short name a bracket defines ("（下称“澜原省发改委”）")."""
    return [(s, e) for s, e in quoted_spans(text) if not _DEFINES.search(text, max(0, s - 8), s)]


def outside_quotes(text: str) -> str:
    """Text with quoted speech blanked out (same length), so names inside quotes are not speakers; the short
    name a bracket defines is no speech and stays."""
    return blank_spans(text, speech_spans(text))


_DEFINES = re.compile(r"[（(](?:以下|下文)?(?:简称|簡稱|下称|下稱|称|稱)[:：]?$|\b(?:hereafter|known as)\s*$")


def starts_with_quote(text: str) -> bool:
    """Whether the sentence opens with a quotation mark."""
    return text.lstrip()[:1] in OPEN_QUOTES + '"'


def leaves_quote_open(text: str) -> bool:
    """Whether a paragraph ends inside a quotation (the quote goes on in the next paragraph)."""
    spans = quoted_spans(text)
    if not spans or spans[-1][1] != len(text):
        return False
    return text.rstrip()[-1:] not in CLOSE_QUOTES + '"'
