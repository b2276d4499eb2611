"""The bilingual glossary: English terms to the Chinese words the articles use."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from knowledge.errors import CorpusError
from knowledge.scripts import fold


class Glossary:
    """Maps English words and phrases in a question to Chinese search terms."""

    def __init__(self, entries: dict[str, list[str]]) -> None:
        self.entries = {fold(k).strip(): [fold(v) for v in vs] for k, vs in entries.items()}
        self._max_words = max((len(k.split()) for k in self.entries), default=1)

    def expand(self, text: str) -> list[str]:
        """Chinese terms for every glossary phrase in text, longest phrases first."""
        return [term for _, terms in self.phrases(text) for term in terms]

    def phrases(self, text: str) -> list[tuple[str, list[str]]]:
        """(English phrase, its Chinese terms) for every glossary phrase in text, longest phrases first."""
        words = re.findall(r"[a-z0-9$%]+(?:[.'&-][a-z0-9]+)*", fold(text))
        found: list[tuple[str, list[str]]] = []
        used = [False] * len(words)
        for size in range(min(self._max_words, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                if any(used[start : start + size]):
                    continue
                phrase = " ".join(words[start : start + size])
                hits = self.entries.get(phrase) or (
                    self.entries.get(phrase.removesuffix("s")) if size == 1 else None
                )
                if hits:
                    found.append((phrase, hits))
                    used[start : start + size] = [True] * size
        return found

    def english_for(self, text: str) -> list[tuple[str, list[str]]]:
        """(Chinese term, the English words it renders) for every glossary term in a Chinese question."""
        folded = fold(text)
        found: dict[str, list[str]] = {}
        for english, terms in self.entries.items():
            for term in terms:
                if len(term) >= 2 and term in folded and english.isascii():
                    found.setdefault(term, []).append(english)
        return list(found.items())

    def chinese_terms(self) -> set[str]:
        """Every Chinese term, to keep them whole when tokenizing."""
        return {t for vs in self.entries.values() for t in vs if not t.isascii()}


def load_glossary(path: Path) -> Glossary:
    """Load the glossary file; a missing file gives an empty glossary."""
    if not path.exists():
        return Glossary({})
    try:
        # libyaml's parser: every process start reads the glossary (~10x faster than the pure-Python one)
        data = (
            yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            or {}
        )
    except (OSError, yaml.YAMLError) as exc:
        raise CorpusError(f"{path}: cannot read the glossary ({exc})") from exc
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise CorpusError(f"{path}: expected a mapping of English term to a list of Chinese terms")
    return Glossary({str(k): [str(x) for x in v] for k, v in data.items()})
