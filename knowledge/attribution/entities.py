"""The people, organizations and unnamed sources of one article, and where the text mentions them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from knowledge.attribution.lexicon_en import NAME_PARTICLES
from knowledge.scripts import to_simplified
from knowledge.speakers import Speaker

Kind = Literal["person", "organization", "unnamed"]
_LATIN = re.compile(r"[A-Za-z0-9À-ÖØ-öø-ž .&'’-]+")


@dataclass(eq=False)
class Entity:
    """One person, organization or unnamed source as this article presents it."""

    kind: Kind
    name: str
    forms: list[str] = field(default_factory=list)
    name_zh: str | None = None
    title: str | None = None
    org: str | None = None
    role: str | None = None
    role_zh: str | None = None
    gender: str | None = None
    known: Speaker | None = None
    mentions: int = 0
    order: int = 0  # when the discourse first named it (1 = first); 0 = never
    author: bool = False  # published a report, letter or study the article goes on to cite


@dataclass(frozen=True)
class Mention:
    """An entity named in a text (character offsets); `short` when only a surname or short form was used."""

    entity: Entity
    start: int
    end: int
    short: bool = False


def _key(form: str) -> str:
    return to_simplified(" ".join(form.split())).lower().replace("’", "'")


class ArticleEntities:
    """Every entity of an article, looked up by any of its written forms (either script, any case)."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._full: dict[str, Entity] = {}
        self._short: dict[str, list[Entity]] = {}
        self._pattern: re.Pattern[str] | None = None

    def find(self, form: str) -> Entity | None:
        """The entity with this full form, if any."""
        return self._full.get(_key(form))

    def find_any(self, form: str) -> Entity | None:
        """The entity with this full form, or the one entity with this short form."""
        owners = self._short.get(_key(form), [])
        return self.find(form) or (owners[0] if len(owners) == 1 else None)

    def add(self, entity: Entity, *, short: tuple[str, ...] = ()) -> Entity:
        """Add an entity (or merge it into the one that already has one of its forms) and return it."""
        existing = next((self._full[_key(f)] for f in entity.forms if _key(f) in self._full), None)
        target = existing or entity
        if existing is not None:
            for attr in ("name_zh", "title", "org", "role", "role_zh", "gender", "known"):
                if getattr(existing, attr) is None and getattr(entity, attr) is not None:
                    setattr(existing, attr, getattr(entity, attr))
            if existing.kind == "organization" and entity.kind == "person" and existing.known is None:
                existing.kind = "person"
        else:
            self.entities.append(entity)
        for form in entity.forms:
            if len(_key(form)) >= 2 and _key(form) not in self._full:
                self._full[_key(form)] = target
                if form not in target.forms:
                    target.forms.append(form)
        for form in short:
            owners = self._short.setdefault(_key(form), [])
            if target not in owners and _key(form) not in self._full:
                owners.append(target)
        self._pattern = None
        return target

    def _compiled(self) -> re.Pattern[str] | None:
        if self._pattern is None:
            keys = sorted({*self._full, *self._short}, key=len, reverse=True)
            if not keys:
                return None
            parts = [
                rf"(?<![a-z0-9à-ÿ]){re.escape(k)}(?![a-zà-ÿ])" if _LATIN.fullmatch(k) else re.escape(k)
                for k in keys
            ]
            self._pattern = re.compile("|".join(p.replace(r"\ ", r"\s+") for p in parts))
        return self._pattern

    def mentions(self, text: str) -> list[tuple[int, int, list[Entity], bool]]:
        """(start, end, candidates, short) for every form in text; a shared short form has several candidates."""
        pattern = self._compiled()
        if pattern is None:
            return []
        folded = to_simplified(text)
        if len(folded) != len(text):
            folded = text
        from knowledge.transliteration import SOUND_CHARS  # imports the lexicons: not at module load

        found = []
        for match in pattern.finditer(folded.lower().replace("’", "'")):
            key = " ".join(match.group(0).split())
            if _inside_transliteration(folded, match.start(), key, self._full.get(key), SOUND_CHARS):
                continue  # "蒂爾伯里" (Tilbury) does not mention the 伯里 (Burry) of the article
            lowercase = _LATIN.fullmatch(key) and key[:1].isalpha() and not text[match.start()].isupper()
            if lowercase and (key.split()[0] not in NAME_PARTICLES or " " not in key):
                continue  # Latin names are capitalized ("park" is not Julian Park), but for "van Rijn"
            if key in self._full:
                found.append((match.start(), match.end(), [self._full[key]], False))
            elif self._short.get(key):
                found.append((match.start(), match.end(), list(self._short[key]), True))
        return found


def _inside_transliteration(
    folded: str, start: int, key: str, entity: Entity | None, sounds: frozenset[str]
) -> bool:
    """Whether a Chinese transliteration of a Latin-named person is only the end of a longer transliteration."""
    return (
        entity is not None
        and entity.kind == "person"
        and transliterated(entity.forms)
        and not _LATIN.fullmatch(key)
        and start > 0
        and folded[start - 1] in sounds
    )


def transliterated(forms: list[str] | tuple[str, ...]) -> bool:
    """Whether a person's Chinese name is a transliteration ("迈克尔·伯里"), not a Chinese name ("卢望岑")."""
    return any(mark in form for form in forms for mark in "·‧•")
