"""Organizations named in a text: well-known names in every spelling, and the generic endings questions leave out."""

from __future__ import annotations

import re

from knowledge.matching import is_latin
from knowledge.scripts import fold

# Generic words at the end of a company name that questions often leave out ("Kestrel" for "Kestrel Micro Devices").
ORG_SUFFIXES = frozenset(
    {
        "systems",
        "semiconductor",
        "semiconductors",
        "technologies",
        "technology",
        "group",
        "holdings",
        "inc",
        "corp",
        "corporation",
        "company",
        "co",
        "ltd",
        "limited",
        "plc",
        "llc",
        "labs",
        "electronics",
        "devices",
        "micro",
        "networks",
        "software",
        "solutions",
        "industries",
        "computing",
        "cloud",
        "capital",
        "securities",
        "partners",
        "科技",
        "电子",
        "集团",
        "公司",
        "控股",
        "股份",
        "证券",
        "资本",
    }
)
ORG_WORDS: dict[str, list[str]] = {
    "OpenAI": ["openai"],
    "Meta": ["meta", "facebook", "脸书"],
    "Facebook": ["facebook", "脸书"],
    "Google": ["google", "谷歌", "alphabet"],
    "Alphabet": ["alphabet"],
    "Google DeepMind": ["google deepmind", "deepmind", "谷歌deepmind"],
    "DeepMind": ["deepmind"],
    "Anthropic": ["anthropic"],
    "Microsoft": ["microsoft", "微软"],
    "Amazon": ["amazon", "亚马逊"],
    "Sierra": ["sierra"],
    "Safe Superintelligence": ["safe superintelligence", "ssi", "安全超级智能"],
    "Eclipse": ["eclipse"],
    "Northzone": ["northzone"],
    "Altimeter Capital": ["altimeter capital", "altimeter"],
    "Altimeter": ["altimeter"],
    "Tesla": ["tesla", "特斯拉"],
    "xAI": ["xai"],
    "Nvidia": ["nvidia", "英伟达", "辉达"],
    "Apple": ["apple", "苹果"],
    "Uber": ["uber", "优步"],
    "CoreWeave": ["coreweave"],
    "Webvan": ["webvan"],
    "Instacart": ["instacart"],
    "ChatGPT": ["chatgpt"],
    "Sora": ["sora"],
    "Deutsche Bank": ["deutsche bank", "德意志银行"],
    "Goldman Sachs": ["goldman sachs", "goldman", "高盛"],
    "Bain": ["bain", "贝恩"],
    "MIT": ["mit", "麻省理工"],
}


def find_orgs(text: str) -> set[str]:
    """Organizations named in text (longest names win: "Google DeepMind" is not also "Google")."""
    return longest_matches(fold(text), _ORG_PATTERNS)


def word_regex(words: list[str]) -> re.Pattern[str]:
    parts = [
        # "leveraged-finance boss" is no finance boss: a word joined before by a hyphen qualifies the title
        rf"(?<![a-z])(?<![a-z]{{4}}-){re.escape(w)}(?:s|'s)?(?![a-z])" if is_latin(w) else re.escape(w)
        for w in sorted(words, key=len, reverse=True)
    ]
    return re.compile("|".join(parts))


def longest_matches(folded: str, patterns: dict[str, re.Pattern[str]]) -> set[str]:
    """Keys whose pattern matches, keeping only the longest match where matches overlap."""
    return longest_keys(
        [(m.start(), m.end(), key, "") for key, p in patterns.items() for m in p.finditer(folded)]
    )


def longest_keys(found: list[tuple[int, int, str, str]]) -> set[str]:
    """Keys of matched spans, keeping only the longest span where spans overlap."""
    spans = [(start, end, key) for start, end, key, _ in found]
    # "Google DeepMind" is not also "Google"; "finance chief" is not also "chief".
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    keys: set[str] = set()
    last_start, last_end = -1, -1
    for start, end, key in spans:
        if start >= last_end:
            keys.add(key)
            last_start, last_end = start, end
        elif (start, end) == (last_start, last_end):
            keys.add(key)
    return keys


_ORG_PATTERNS = {org: word_regex(words) for org, words in ORG_WORDS.items()}


def org_words(org: str) -> list[str]:
    """The folded spellings of an organization's name (without a generic suffix too: "kestrel")."""
    if org in ORG_WORDS:
        return ORG_WORDS[org]
    folded = fold(org).strip()
    words = [folded]
    short = folded
    while True:
        suffix = next(
            (
                x
                for x in ORG_SUFFIXES
                if short.endswith(f" {x}" if x.isascii() else x) and len(short) > len(x) + 1
            ),
            None,
        )
        if suffix is None:
            break
        short = short.removesuffix(suffix).rstrip(" ,.")
        words.append(short)
    return words
