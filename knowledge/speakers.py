"""Canonical speakers, their aliases in every script, and lookup by name or by role."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from knowledge.matching import WordMatcher, is_latin
from knowledge.org_words import ORG_WORDS, longest_keys, longest_matches, org_words, word_regex
from knowledge.scripts import fold, to_simplified
from knowledge.titles import (
    CHIEF_OF,
    HEAD_OF,
    KINDRED_TITLES,
    ORG_KINDS,
    PORTFOLIO,
    former_titles,
    written_title_asked,
)
from knowledge.titles import TITLE_WORDS as TITLE_WORDS
from knowledge.yamlfile import load_models


class Speaker(BaseModel):
    """A canonical person or organization quoted (or only mentioned) in the corpus."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    kind: Literal["person", "organization"]
    role: str
    role_zh: str | None = None
    name_zh: str | None = None
    aliases: tuple[str, ...] = ()
    positions: tuple[tuple[str, str], ...] = ()
    known_for: tuple[str, ...] = ()
    quoted: bool = True

    @property
    def pronoun(self) -> str:
        """'it' for organizations, 'they' otherwise (we do not guess genders)."""
        return "it" if self.kind == "organization" else "they"


@dataclass(frozen=True)
class Mention:
    """One occurrence of a speaker's alias in a text (character offsets into that text)."""

    speaker: Speaker
    start: int
    end: int


def _is_latin(alias: str) -> bool:
    return is_latin(alias)


@lru_cache(maxsize=1 << 16)
def _alias_key(alias: str) -> tuple[str, bool]:
    """How an alias is looked up, and whether it matches case-sensitively (remembered: indexes are rebuilt
    with mostly the same speakers at every ingest)."""
    folded = to_simplified(alias)
    # Short single Latin words ("Alter", "Fath") are ordinary words in lower case.
    if _is_latin(folded) and " " not in folded and len(folded) <= 5:
        return folded, True
    return folded.lower(), False


def _splits_a_company_ending(text: str, end: int) -> bool:
    """Whether a Chinese name found in text ends inside a company-name ending ("雋思科技": 思科 ends in 科技)."""
    return bool(
        end < len(text)
        and "\u4e00" <= text[end - 1] <= "\u9fff"
        and text.startswith(_company_endings(), end - 1)
    )


@lru_cache(maxsize=1)
def _company_endings() -> tuple[str, ...]:
    """The company-name endings of two characters or more, read once (every mention found is checked)."""
    from knowledge.attribution.lexicon_zh import ORG_SUFFIXES  # words only: no cycle through attribution

    return tuple(x for x in ORG_SUFFIXES if len(x) >= 2)


class SpeakerIndex:
    """Looks speakers up by any alias (any script, any case where safe) or by role.

    Texts are read once by automata over every alias (built on first use), and roles, organizations and
    misspelt names go through indexes: a question costs the same with ten speakers or ten thousand.
    """

    def __init__(self, speakers: list[Speaker]) -> None:
        self.speakers = speakers
        self._by_alias: dict[str, Speaker] = {}
        self._loose_words: list[str] = []
        self._strict_words: list[str] = []
        for speaker in speakers:
            for alias in {speaker.name, *speaker.aliases}:
                key, strict = _alias_key(alias)
                (self._strict_words if strict else self._loose_words).append(key)
                self._by_alias[key] = speaker

    @cached_property
    def _loose(self) -> WordMatcher:
        return WordMatcher((w, w) for w in self._loose_words)

    @cached_property
    def _strict(self) -> WordMatcher:
        return WordMatcher((w, w) for w in self._strict_words)

    @cached_property
    def _orgs(self) -> WordMatcher:
        """Every organization a speaker's position names, by its spellings (an org speaker's aliases too)."""
        extra = {org for s in self.speakers for _, org in s.positions if org and org not in ORG_WORDS}
        # An organization that is itself a speaker is named by any of its aliases ("台积电" for "TSMC", "the Fed").
        spellings: dict[str, list[str]] = {}
        for speaker in (s for s in self.speakers if s.kind == "organization"):
            forms = [fold(f) for f in (speaker.name, speaker.name_zh or "", *speaker.aliases) if len(f) > 1]
            for form in forms:
                spellings.setdefault(form, []).extend(forms)
        words = [(org, w) for org, ws in ORG_WORDS.items() for w in ws]
        for org in sorted(extra):
            words += [(org, w) for w in dict.fromkeys([*org_words(org), *spellings.get(fold(org), [])])]
        return WordMatcher(words, plural=True)

    def by_name(self, name: str) -> Speaker | None:
        """The speaker with this canonical name or alias, if any."""
        folded = to_simplified(name)
        return self._by_alias.get(folded) or self._by_alias.get(folded.lower())

    def find_mentions(self, text: str) -> list[Mention]:
        """Every alias occurrence in text, leftmost-longest, without overlaps."""
        simplified = to_simplified(text)
        if len(simplified) != len(text):
            simplified = text
        candidates: list[tuple[int, int, Speaker]] = []
        for matcher, haystack in ((self._loose, simplified.lower()), (self._strict, simplified)):
            for start, end, key, _ in matcher.spans(haystack):
                speaker = self._by_alias.get(key) or self._by_alias.get(key.lower())
                if speaker is not None:
                    candidates.append((start, end, speaker))
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        mentions: list[Mention] = []
        for start, end, speaker in candidates:
            if mentions and start < mentions[-1].end:
                continue
            if _splits_a_company_ending(simplified, end):
                continue  # "雋思科技" names no 思科 (Cisco): its 科 is the start of 科技
            mentions.append(Mention(speaker, start, end))
        return mentions

    @cached_property
    def _fuzzy_names(self) -> tuple[list[str], list[Speaker]]:
        names = {
            a.lower(): s
            for s in self.speakers
            for a in (s.name, *s.aliases)
            if _is_latin(a) and " " not in a and len(a) >= 6
        }
        return list(names), list(names.values())

    def fuzzy_mentions(self, text: str) -> list[Speaker]:
        """Speakers whose long Latin name a word misspells by a letter or two ("Zuckerburg", "Brokman")."""
        names, owners = self._fuzzy_names
        exact = set(names)
        found: list[Speaker] = []
        for word in re.findall(r"[A-Za-z]{6,}", text):
            lowered = word.lower()
            if lowered in exact or not names:
                continue
            close = process.extract(lowered, names, scorer=Levenshtein.distance, score_cutoff=2, limit=None)
            for name, distance, position in sorted(close, key=lambda match: match[2]):
                speaker = owners[position]
                # a misspelling keeps the first letter: "warrant" is a word, not a misspelt "Tarrant"
                if distance <= (1 if len(name) < 8 else 2) and name[0] == lowered[0] and speaker not in found:
                    found.append(speaker)
        return found

    @cached_property
    def _title_patterns(self) -> dict[str, re.Pattern[str]]:
        return {title: word_regex(words) for title, words in TITLE_WORDS.items()}

    @cached_property
    def _roles(self) -> tuple[dict[tuple[str, str], list[int]], list[int]]:
        """Speakers by (title, organization) of their positions, and those known for a phrase."""
        by_position: dict[tuple[str, str], list[int]] = {}
        for n, speaker in enumerate(self.speakers):
            for position in dict.fromkeys(speaker.positions):
                if position[1]:
                    by_position.setdefault(position, []).append(n)
        return by_position, [n for n, s in enumerate(self.speakers) if s.known_for]

    def find_by_role(self, text: str) -> list[Speaker]:
        """Speakers named only by role or description ("Anthropic's CEO", "Meta's finance chief")."""
        # "Ashgrove's credit chief" is its chief credit officer (the title's own words stay topic words elsewhere)
        folded = CHIEF_OF.sub(r"chief \1 officer", to_simplified(text).lower())
        folded = HEAD_OF.sub(r"chief \1 officer", folded)
        spans = self._orgs.spans(folded)
        # "the lead bank's leveraged-finance boss": an organization named elsewhere ("the Brightvault loan") is not
        # the one whose boss is asked
        orgs = set() if self._owner_described(folded, spans) else longest_keys(spans)
        titles = longest_matches(folded, self._title_patterns) - former_titles(folded, self._title_patterns)
        by_position, known = self._roles
        found = {n for title in titles for org in orgs for n in by_position.get((title, org), ())}
        # "Vestergaard's head of underwriting": a title the gazetteer lacks, matched by its own distinctive word
        found = self._by_written_title(folded, orgs) or found or self._by_kindred_title(titles, orgs)
        if titles and not found:
            # "how much of the fund did investors cash out?": investors as a group hold no one's title
            found = self._by_description(folded, titles - self._plural_only(folded, titles))
        found |= {n for n in known if self._known_for(self.speakers[n], folded)}
        if not found:
            found = self._by_role_phrase(folded) or self._by_kind(folded)
        return [self.speakers[n] for n in sorted(found)]

    def _plural_only(self, folded: str, titles: set[str]) -> set[str]:
        """The titles a text names only in the plural ("investors", "analysts")."""
        return {
            title
            for title in titles
            if all(
                m.group(0) not in TITLE_WORDS[title] and re.search(r"[^'’]s$", m.group(0))
                for m in self._title_patterns[title].finditer(folded)
            )
        }

    def _by_kind(self, folded: str) -> set[int]:
        """ "那家做空机构", "the short seller": the one organization the articles describe as that kind."""
        found: set[int] = set()
        for asked, written in ORG_KINDS.values():
            if any(re.search(rf"(?<![a-z]){re.escape(w)}", folded) for w in asked):
                holders = {
                    n
                    for n, s in enumerate(self.speakers)
                    if s.kind == "organization"
                    and any(w in f"{s.role} {s.role_zh or ''}".lower() for w in written)
                }
                if len(holders) == 1:  # several: the question does not say which
                    found |= holders
        return found

    def _owner_described(self, folded: str, spans: list[tuple[int, int, str, str]]) -> bool:
        """Whether a title's organization is only described, right before it ("the lead bank's … boss")."""
        for match in _POSSESSOR.finditer(folded):
            words = [w for w in match.group(1).split() if w not in _NOT_DESCRIPTIONS and len(w) > 2]
            named = any(start < match.end(1) and match.start(1) < end for start, end, _, _ in spans)
            # the title right after, or after a word or two that qualify it ("leveraged-finance boss")
            qualifiers = [match.end() + m.end() for m in re.finditer(r"[a-z-]+\s+", folded[match.end() :])]
            starts = [match.end(), *qualifiers[:2]]
            patterns = self._title_patterns.values()
            if words and not named and any(p.match(folded, at) for at in starts for p in patterns):
                return True
        return False

    def people_at(self, org: Speaker) -> list[Speaker]:
        """The quoted people holding a position at an organization (by any of its spellings)."""
        forms = {fold(f) for f in (org.name, org.name_zh or "", *org.aliases) if len(f) > 1}
        return [
            s
            for s in self.speakers
            if s.kind == "person" and s.quoted and any(fold(o) in forms for _, o in s.positions)
        ]

    def _by_role_phrase(self, folded: str) -> set[int]:
        """ "the bankruptcy lawyer": the one quoted person whose role is written so (a trade with its kind);
        "Nuwair's energy minister": the one whose role is "minister of energy and …"."""
        found: set[int] = set()
        phrases = [rf"\b{re.escape(m.group(1))}\b" for m in _ROLE_PHRASE.finditer(folded)]
        phrases += [
            rf"\b{m.group(2)}\s+(?:of|for)\s+(?:the\s+)?{re.escape(m.group(1))}\b"
            for m in PORTFOLIO.finditer(folded)
        ]
        for phrase in phrases:
            holders = {
                n
                for n, s in enumerate(self.speakers)
                if s.kind == "person" and re.search(phrase, s.role.lower())
            }
            if len(holders) == 1:  # several holders: the question does not say which
                found |= holders
        return found

    def _by_written_title(self, folded: str, orgs: set[str]) -> set[int]:
        """Speakers at an asked organization whose written title's own word the question puts in a title."""
        found = set()
        for n, speaker in enumerate(self.speakers):
            for title, org in speaker.positions:
                if org in orgs and written_title_asked(title, folded):
                    found.add(n)
        return found

    def _by_kindred_title(self, titles: set[str], orgs: set[str]) -> set[int]:
        """ "Haldenberg's analyst": its head of telecoms research, a written title of the asked kind."""
        found = set()
        for n, speaker in enumerate(self.speakers):
            for title, org in speaker.positions:
                kindred = (w for t in titles for w in KINDRED_TITLES.get(t, ()))
                if org in orgs and title not in TITLE_WORDS and any(w in title for w in kindred):
                    found.add(n)
        return found

    def _by_description(self, folded: str, titles: set[str]) -> set[int]:
        """ "The short seller's founder", "the pension's CIO": a title at an organization the question describes."""
        described = _POSSESSOR.findall(folded) + _OF_DESCRIBED.findall(folded)
        # "the lead investor in X's round": the title's own words do not describe the organization
        asked = {w for title in titles for t in TITLE_WORDS[title] for w in t.split()}
        words = {
            w
            for phrase in described
            for w in phrase.split()
            if w not in _NOT_DESCRIPTIONS and w not in asked and len(w) > 2
        }
        words |= {s for w in set(words) for s in DESCRIPTION_SYNONYMS.get(w, ())}
        if not words:
            return set()
        found = set()
        for n, speaker in enumerate(self.speakers):
            for title, org in speaker.positions:
                held = title in titles or written_title_asked(title, folded)
                if org and held and self._describes(org, speaker, words):
                    found.add(n)
        return found

    @cached_property
    def _org_names(self) -> list[str]:
        """Every organization's name, sorted: the ones that extend a name are found by bisection."""
        return sorted(s.name for s in self.speakers if s.kind == "organization")

    def _describes(self, org: str, speaker: Speaker, words: set[str]) -> bool:
        owner = self.by_name(org)
        # "Copper Basin" is also written in full ("Copper Basin Electric"): the fuller names describe it too
        names = self._org_names
        start = bisect.bisect_left(names, org + " ")
        fuller = list(itertools.takewhile(lambda n: n.startswith(org + " "), names[start:]))
        text = fold(
            " ".join(
                (
                    org,
                    speaker.role,
                    owner.role if owner else "",
                    owner.role_zh or "" if owner else "",
                    *fuller,
                )
            )
        )
        return any(re.search(rf"\b{re.escape(w)}", text) for w in words)

    @staticmethod
    def _known_for(speaker: Speaker, folded: str) -> bool:
        for phrase in speaker.known_for:
            words = to_simplified(phrase).lower().split()
            if words and all(w in folded for w in words):
                return True
        return False


# "the Arizona utility's treasurer": the words that describe the organization whose title is asked.
_POSSESSOR = re.compile(r"\bthe\s+((?:[a-z-]+\s+){0,3}?[a-z-]+)(?:'s|’s)\s")
# "the head of Virginia's legislative audit agency": the organization described after the title
_OF_DESCRIBED = re.compile(
    r"\b(?:of|at|for)\s+((?:[a-z'’-]+\s+){0,4}?(?:agency|commission|fund|company|bank|utility|regulator|pension|"
    r"office|firm|group|lender|insurer|exchange|maker|provider))\b"
)
# "the bankruptcy lawyer", "the credit analyst": a kind of professional, with the word that says which kind
_ROLE_PHRASE = re.compile(
    r"\bthe\s+([a-z-]+\s+(?:lawyer|attorney|analyst|economist|broker|banker|consultant|auditor|adviser|advisor|"
    r"professor|researcher|strategist|trader|underwriter|actuary|engineer|physician|doctor|nurse))\b"
)
_NOT_DESCRIPTIONS = frozenset({"the", "company", "firm", "its", "new", "big", "biggest", "largest", "main"})
# Descriptions that name the same kind of organization in other words (domain-wide).
DESCRIPTION_SYNONYMS: dict[str, tuple[str, ...]] = {
    "pension": ("retirement", "pension", "养老"),
    "utility": ("electric", "power", "energy", "utility"),
    "short": ("short seller", "short-seller", "research"),
    "distributor": ("distributor", "trading"),
    "lender": ("credit", "lending", "lender", "bank"),
    "insurer": ("insurance", "insurer", "assurance"),
    "fund": ("fund", "capital", "partners", "investment"),
    "co-op": ("cooperative", "co-op"),
    "coop": ("cooperative", "co-op"),
}


def merge_speakers(base: list[Speaker], extra: list[Speaker]) -> list[Speaker]:
    """Base speakers plus extra ones; an extra speaker with a base speaker's name replaces it."""
    replaced = {s.name: s for s in extra}
    merged = [replaced.pop(s.name, s) for s in base]
    return merged + [s for s in extra if s.name in replaced]


def load_speakers(path: Path) -> list[Speaker]:
    """Load and validate the speakers data file; errors name the entry and field."""
    return load_models(path, Speaker, "speakers")
