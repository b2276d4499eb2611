"""English sentence splitting that survives "Mr.", "U.S.", decimals and quoted speech."""

from __future__ import annotations

import re

# Words that end with a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "gov",
        "sen",
        "rep",
        "gen",
        "lt",
        "col",
        "capt",
        "sgt",
        "rev",
        "hon",
        "pres",
        "inc",
        "corp",
        "co",
        "ltd",
        "plc",
        "llc",
        "bros",
        "dept",
        "univ",
        "assn",
        "no",
        "nos",
        "vs",
        "etc",
        "approx",
        "est",
        "fig",
        "vol",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
    }
)
# After "U.S." or "U.K." a new sentence starts only with a word like these.
SENTENCE_STARTERS = frozenset(
    {
        "the",
        "a",
        "an",
        "but",
        "and",
        "in",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "they",
        "he",
        "she",
        "we",
        "i",
        "there",
        "on",
        "at",
        "for",
        "so",
        "yet",
        "still",
        "however",
        "meanwhile",
        "now",
        "then",
        "if",
        "when",
        "while",
        "as",
        "after",
        "before",
        "some",
        "many",
        "most",
        "one",
        "not",
        "what",
        "why",
        "how",
    }
)
OPEN = "“‘"
CLOSE = "”’"
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'’-]*)$")


def _word_before(text: str, dot: int) -> str:
    match = _WORD_BEFORE.search(text[:dot])
    return match.group(1) if match else ""


def _next_word(text: str, start: int) -> str:
    match = re.match(r"[\s\"“‘(]*([A-Za-z0-9']+)", text[start:])
    return match.group(1) if match else ""


def _ends_sentence(text: str, dot: int, after: int) -> bool:
    """Whether the terminator at `dot` (continuing to `after`) ends a sentence."""
    if after < len(text) and not text[after].isspace():
        return False
    following = text[after:].lstrip()
    if not following:
        return True
    first = following[0]
    if not (first.isupper() or first.isdigit() or first in '"“‘('):
        return False
    if text[dot] != ".":
        return True
    word = _word_before(text, dot)
    bare = word.rstrip(".").lower()
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word) or re.fullmatch(r"[A-Z]", word):
        # "U.S." or an initial ("J. Smith"): a sentence ends only if a sentence-opening word follows.
        return _next_word(text, after).lower() in SENTENCE_STARTERS and len(word) > 1
    return bare not in ABBREVIATIONS


def split_english(paragraph: str) -> list[str]:
    """Sentences of an English paragraph; quoted speech with several sentences stays whole."""
    sentences: list[str] = []
    inside = False  # within straight double quotes
    depth = 0  # curly quote depth
    start = 0
    n = len(paragraph)
    i = 0
    while i < n:
        char = paragraph[i]
        if char == '"':
            inside = not inside
            if (
                not inside
                and depth == 0
                and i > 0
                and paragraph[i - 1] in ".!?"
                and _ends_sentence(paragraph, i, i + 1)
            ):
                sentences.append(paragraph[start : i + 1])
                start = i + 1
        elif char == "“":
            depth += 1
        elif char == "”" and depth > 0:
            depth -= 1
            if (
                depth == 0
                and not inside
                and paragraph[i - 1] in ".!?"
                and _ends_sentence(paragraph, i, i + 1)
            ):
                sentences.append(paragraph[start : i + 1])
                start = i + 1
        elif char in ".!?" and not inside and depth == 0:
            end = i + 1
            while end < n and paragraph[end] in ".!?)":
                end += 1
            if _ends_sentence(paragraph, i, end):
                sentences.append(paragraph[start:end])
                start = end
            i = end
            continue
        i += 1
    if paragraph[start:].strip():
        sentences.append(paragraph[start:])
    return [s.strip() for s in sentences if s.strip()]
