"""Speakers found by patterns in a new article, merged with the known ones by alias."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from knowledge.scripts import fold
from knowledge.speakers import ORG_WORDS, TITLE_WORDS, Speaker, SpeakerIndex

TITLE_DISPLAY = {"ceo": "CEO", "cfo": "CFO", "cto": "CTO", "coo": "COO"}
_CORPORATE = ("ceo", "cfo", "cto", "coo", "president", "chair", "founder", "co-founder", "vice president")


@dataclass
class Candidate:
    """A person or organization as one pattern saw it."""

    kind: Literal["person", "organization"]
    name: str
    aliases: list[str] = field(default_factory=list)
    title: str | None = None
    org: str | None = None
    role: str | None = None
    role_zh: str | None = None
    name_zh: str | None = None


def title_key(written: str) -> str:
    """The TITLE_WORDS key for a written title ("Finance chief" -> "cfo"), else the title folded."""
    folded = " ".join(fold(written).split())
    for key, words in TITLE_WORDS.items():
        if folded in words:
            return key
    return folded


def canonical_org(org: str) -> str:
    """The known organization's canonical name for any of its spellings, else the name as written."""
    folded = fold(org).strip()
    for name, words in ORG_WORDS.items():
        if folded in words or folded == name.lower():
            return name
    return org.strip()


def _role(candidate: Candidate) -> str | None:
    if candidate.role:
        return candidate.role
    title = TITLE_DISPLAY.get(candidate.title or "", candidate.title)
    parts = [p for p in (title, candidate.org and canonical_org(candidate.org)) if p]
    return ", ".join(parts) or None


def _known(candidate: Candidate, index: SpeakerIndex) -> Speaker | None:
    for alias in [candidate.name, candidate.name_zh or "", *candidate.aliases]:
        if alias and (" " in alias or not alias.isascii() or alias == candidate.name):
            known = index.by_name(alias)
            if known is not None:
                return known
    return None


def build_speakers(candidates: list[Candidate], index: SpeakerIndex,
                   publisher: str) -> tuple[list[Speaker], list[str]]:
    """New speakers (and known ones now quoted) from pattern candidates, and the known speakers named.

    The first role seen for a new speaker wins.
    """
    groups: dict[str, list[Candidate]] = {}
    promoted: dict[str, Speaker] = {}
    named: list[str] = []
    for candidate in candidates:
        known = _known(candidate, index)
        if known is not None:
            named.append(known.name)
            if not known.quoted:
                promoted[known.name] = known.model_copy(update={"quoted": True})
            continue
        groups.setdefault(fold(candidate.name), []).append(candidate)
    speakers = list(promoted.values())
    surnames = [a for group in groups.values() for a in {a for c in group for a in c.aliases if " " not in a}]
    for group in groups.values():
        first = group[0]
        roles = [r for r in (_role(c) for c in group) if r]
        roles_zh = [c.role_zh for c in group if c.role_zh]
        aliases: list[str] = []
        for candidate in group:
            for alias in [candidate.name, candidate.name_zh, *candidate.aliases]:
                if not alias or alias in aliases:
                    continue
                taken = index.by_name(alias)
                if " " not in alias and alias.isascii() and alias != candidate.name and (
                        taken is not None or surnames.count(alias) > 1):
                    continue  # a surname two people share refers to neither
                aliases.append(alias)
        positions = list(dict.fromkeys(
            (c.title, canonical_org(c.org)) for c in group if c.title and c.org and c.title in TITLE_WORDS))
        if any(c.title in _CORPORATE and c.org for c in group):
            positions += [("founder", o) for t, o in positions if t == "co-founder"]
        speakers.append(Speaker(
            name=first.name, kind=first.kind,
            role=roles[0] if roles else "research organization" if first.kind == "organization" else f"quoted by {publisher}",
            role_zh=roles_zh[0] if roles_zh else None, name_zh=next((c.name_zh for c in group if c.name_zh), None),
            aliases=tuple(aliases), positions=tuple(dict.fromkeys(positions)),
        ))
    return speakers, list(dict.fromkeys(named))
