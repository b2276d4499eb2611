"""A question's words as concepts: news's synonyms for them, and the theme and title words that are no topic."""

from __future__ import annotations

from knowledge.speakers import TITLE_WORDS
from knowledge.tokens import stem, tokenize

# The corpus's own theme and words of opinion (stemmed): never off-topic for a quoted speaker.
THEME_WORDS = frozenset(
    stem(word)
    for word in {
        "bubble",
        "泡沫",
        "ai",
        "artificial",
        "intelligence",
        "人工智能",
        "think",
        "view",
        "opinion",
        "stance",
        "believe",
        "feel",
        "boom",
        "hype",
        "热潮",
        "繁荣",
        "看法",
        "观点",
        "态度",
    }
)


def _title_tokens() -> frozenset[str]:
    """The words of titles ("chief", "officer", "首席"); the middle of "chief risk officer" is also a topic."""
    found: set[str] = set()
    for words in TITLE_WORDS.values():
        for written in words:
            tokens = tokenize(written)
            found |= {tokens[0], tokens[-1]} if len(tokens) > 2 else set(tokens)
    return frozenset(found)


TITLE_TOKENS = _title_tokens()


# How news says what a question asks in other words ("did the stock jump?" / "the shares rose"): stemmed tokens.
EN_SYNONYMS: dict[str, tuple[str, ...]] = {
    stem(word): tuple(stem(w) for w in others)
    for words in (
        ("stock", "share"),
        ("jump", "rise", "gain", "climb"),
        ("surge", "rise", "jump", "soar"),
        ("soar", "rise", "jump", "surge"),
        ("climb", "rise", "gain"),
        ("rally", "rise", "gain"),
        ("plunge", "fall", "drop", "slump"),
        ("tumble", "fall", "drop", "slump"),
        ("slump", "fall", "drop"),
        ("sink", "fall", "drop"),
        ("drop", "fall", "decline"),
        ("fall", "drop", "decline"),
        # the trade's words for the same measure ("Q3 sales" / "third-quarter revenue", "lending" / "loans")
        ("sales", "revenue"),
        ("revenue", "sales"),
        ("grow", "rise", "increase", "gain"),
        ("growth", "rise", "increase", "gain"),
        ("lend", "loan", "origination"),
        ("order", "booking"),
        ("booking", "order"),
        ("fetch", "worth", "value"),
        ("pricey", "valuation", "multiple"),
        ("expensive", "valuation", "multiple"),
        ("pocket", "collect", "receive"),
        ("earn", "profit", "income"),
        ("lose", "loss"),
        ("loss", "lose"),
        ("owe", "owed", "debt"),
        ("busy", "utilization", "utilisation"),
        ("idle", "utilization", "utilisation"),
    )
    for word, others in [(words[0], words[1:])]
}


def question_concepts(own: list[str], phrases: list[tuple[str, list[str]]]) -> list[tuple[str, ...]]:
    """One concept per question word: the word itself or any Chinese rendering of a phrase containing it."""
    concepts = []
    for token in dict.fromkeys(own):
        alternatives = [token, *EN_SYNONYMS.get(token, ())]
        for phrase, terms in phrases:
            if token in {stem(w) for w in tokenize(phrase)} or token in phrase.split():
                alternatives.extend(t for term in terms for t in tokenize(term))
        concepts.append(tuple(dict.fromkeys(alternatives)))
    return concepts
