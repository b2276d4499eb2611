"""Many words found in one pass over a text (Aho–Corasick), with the word-boundary rules of Latin names.

A regular expression alternating every alias of the library tries each alternative at each position, so its
cost grows with the speakers; an automaton reads the text once whatever their number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import ahocorasick

_LATIN = re.compile(r"[A-Za-z0-9À-ÖØ-öø-ž .&'-]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def is_latin(word: str) -> bool:
    """Whether a word is written only in Latin letters, digits, spaces and name punctuation."""
    return bool(_LATIN.fullmatch(word))


@lru_cache(maxsize=1 << 16)
def _squeezed_word(word: str) -> str:
    return _SPACES.sub(" ", word)


def _letter(char: str) -> bool:
    return ("a" <= char <= "z") or ("A" <= char <= "Z") or ("À" <= char <= "ž" and char not in "×÷")


def _squeezed(text: str) -> tuple[str, list[int] | None]:
    """text with every run of whitespace as one space, and where each kept character was (None: unchanged)."""
    if "  " not in text and not any(c.isspace() and c != " " for c in text):
        return text, None
    kept: list[str] = []
    where: list[int] = []
    last_space = False
    for position, char in enumerate(text):
        space = char.isspace()
        if space and last_space:
            continue
        kept.append(" " if space else char)
        where.append(position)
        last_space = space
    where.append(len(text))
    return "".join(kept), where


class WordMatcher:
    """Occurrences of keyed words in a text, as `re.finditer` over each key's alternation would find them.

    Latin words match only between non-letters (and, with `plural`, may take an "s" or "'s"); whitespace inside
    a word matches any run of whitespace in the text.
    """

    def __init__(self, words: Iterable[tuple[str, str]], *, plural: bool = False) -> None:
        self.plural = plural
        self._automaton = ahocorasick.Automaton()
        keyed: dict[str, list[str]] = {}
        for key, word in words:
            if word:
                keyed.setdefault(_squeezed_word(word), []).append(key)
        for word, keys in keyed.items():
            unique = (keys[0],) if len(keys) == 1 else tuple(dict.fromkeys(keys))
            self._automaton.add_word(word, (word, unique, is_latin(word)))
        self.empty = not keyed
        if not self.empty:
            self._automaton.make_automaton()

    def spans(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, key, matched text) of every occurrence, in order of end; overlapping ones included."""
        if self.empty or not text:
            return []
        haystack, where = _squeezed(text)
        found: list[tuple[int, int, str, str]] = []
        for last, (word, keys, latin) in self._automaton.iter(haystack):
            start, end = last - len(word) + 1, last + 1
            if latin:
                if start > 0 and _letter(haystack[start - 1]):
                    continue
                suffixes = ("s", "'s", "") if self.plural else ("",)
                ends = [end + len(s) for s in suffixes if haystack.startswith(s, end)]
                fitting = [e for e in ends if e >= len(haystack) or not _letter(haystack[e])]
                if not fitting:
                    continue
                end = fitting[0]
            if where is not None:
                start, end = where[start], where[end - 1] + 1
            for key in keys:
                found.append((start, end, key, text[start:end]))
        return found
