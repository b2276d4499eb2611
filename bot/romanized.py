"""Chinese names an English question spells in pinyin ("the Yuanzhou AI guidance fund"), found in Chinese passages."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from knowledge.corpus import Corpus
from knowledge.unknown_names import pinyin_word

# A capitalized word inside the question that reads as pinyin syllables run together ("Yuanzhou", "Heting").
_CAPITALIZED = re.compile(r"(?<=\s)([A-Z][a-z]{3,})\b")


def romanized_names(question: str) -> set[str]:
    """The pinyin-spelled names an English question gives, lower case ("Yuanzhou" -> "yuanzhou")."""
    if not question.isascii():
        return set()
    return {w.lower() for w in _CAPITALIZED.findall(question) if pinyin_word(w.lower())}


@lru_cache(maxsize=4096)
def _spelled_in(text: str) -> frozenset[str]:
    """Every run of two or three Chinese characters of a text, spelled in toneless pinyin in each of its readings
    ("芫州" -> "yuanzhou", "yanzhou": a name may use a character's rarer reading)."""
    from pypinyin import Style, pinyin  # its dictionaries load in ~0.7 s: only when a question needs them

    spelled: set[str] = set()
    for run in re.findall(r"[\u4e00-\u9fff]+", text):
        readings = pinyin(run, style=Style.NORMAL, heteronym=True)
        for size in (2, 3):
            for i in range(len(readings) - size + 1):
                spelled |= {
                    "".join(p) for p in itertools.islice(itertools.product(*readings[i : i + size]), 16)
                }
    return frozenset(spelled)


def spells_any(text: str, names: set[str]) -> bool:
    """Whether a Chinese passage writes one of the names an English question spells in pinyin."""
    return bool(names & _spelled_in(text))


def article_spells(source_id: str, corpus: Corpus, names: set[str]) -> bool:
    """Whether an article (its title or any sentence) writes one of the names a question spells in pinyin."""
    source = corpus.source(source_id)
    return spells_any(source.title or "", names) or any(
        spells_any(p.text, names) for p in corpus.passages_of(source_id)
    )
