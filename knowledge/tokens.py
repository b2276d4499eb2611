"""Tokens for lexical search: jieba words for Chinese (folded to Simplified), light stems for English."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from knowledge.scripts import fold
from knowledge.zh_dictionary import tokenizer

EN_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "from",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "do",
        "does",
        "did",
        "done",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "how",
        "why",
        "when",
        "where",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "it's",
        "they",
        "them",
        "their",
        "there",
        "he",
        "she",
        "his",
        "her",
        "him",
        "i",
        "me",
        "my",
        "we",
        "our",
        "you",
        "your",
        "about",
        "as",
        "into",
        "than",
        "then",
        "so",
        "if",
        "not",
        "no",
        "yes",
        "can",
        "could",
        "would",
        "should",
        "will",
        "shall",
        "may",
        "might",
        "must",
        "has",
        "have",
        "had",
        "say",
        "said",
        "says",
        "tell",
        "told",
        "according",
        "much",
        "many",
        "any",
        "some",
        "according",
        "also",
        "just",
        "only",
        "very",
        "more",
        "most",
        "over",
        "up",
        "out",
        "one",
    ]
)
ZH_STOPWORDS = frozenset(
    [
        "的",
        "了",
        "是",
        "在",
        "和",
        "与",
        "及",
        "也",
        "都",
        "就",
        "而",
        "把",
        "被",
        "对",
        "说",
        "吗",
        "呢",
        "吧",
        "啊",
        "么",
        "什么",
        "怎么",
        "哪",
        "谁",
        "多少",
        "多大",
        "这",
        "那",
        "这个",
        "那个",
        "这些",
        "那些",
        "一个",
        "有",
        "没有",
        "会",
        "将",
        "为",
        "以",
        "于",
        "之",
        "其",
        "他",
        "她",
        "它",
        "们",
        "我",
        "你",
        "我们",
        "你们",
        "他们",
        "曾",
        "又",
        "还",
        "等",
        "从",
        "向",
        "到",
        "给",
        "让",
        "却",
        "但",
        "并",
        "或",
        "如果",
        "因为",
        "所以",
        "年",
        "月",
    ]
)
# Question and function words that say nothing about the topic ("怎么看", "之后", "最多").
ZH_STOPWORDS = ZH_STOPWORDS | frozenset(
    "怎样 怎么样 如何 之后 以后 真的 觉得 哪些 什么样 为什么 是否 表示 有何 哪里 报导 报道 据报 认为 看 看法 "
    "怎么看 提到 谈到 时 上 中 要 最 多 想 能 可 该 很 更 太 已 再 只 则 即 所 得 地 着 过 来 去 下 里 后 前 "
    "还是 或者 以及 然后 这样 那样 如此 一些 大约 约".split()
)
_PIECE = re.compile(r"[a-z0-9]+(?:[.'&-][a-z0-9]+)*|[\u3400-\u9fff]+")


# Irregular past forms news and questions use ("how much have banks lent", "loans they lend"), and the
# abbreviations people type in chat ("vs two yrs ago", "last qtr"): each meets its plain word.
_IRREGULAR = {
    "lent": "lend",
    "spent": "spend",
    "sold": "sell",
    "bought": "buy",
    "paid": "pay",
    "grew": "grow",
    "grown": "grow",
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "lost": "lose",
    "built": "build",
    "held": "hold",
    "yrs": "year",
    "yr": "year",
    "qtr": "quarter",
    "qtrs": "quarter",
    "govt": "government",
    "mgmt": "management",
}


def stem(word: str) -> str:
    """A light English stem so 'spending', 'spends' and 'spend' meet, and 'save', 'saved' and 'savings' too."""
    word = word.removesuffix("'s")
    root = _IRREGULAR.get(word) or _strip_ending(
        word.removesuffix("s") if len(word) >= 7 and word.endswith("ings") else word
    )
    # a silent e goes, as it does before -ing and -ed: "price", "prices", "priced" and "pricing" meet
    return root[:-1] if len(root) >= 4 and root.endswith("e") and not root.endswith("ee") else root


def _strip_ending(word: str) -> str:
    for suffix, replacement, min_len in (
        ("ies", "y", 5),
        ("ing", "", 6),
        ("ed", "", 5),
        ("es", "", 5),
        ("s", "", 4),
    ):
        if len(word) >= min_len and word.endswith(suffix) and not word.endswith("ss"):
            return word[: -len(suffix)] + replacement
    return word


def add_words(words: Iterable[str]) -> None:
    """Teach jieba domain words (speaker names, glossary terms) so they stay whole."""
    jieba = tokenizer()
    for word in words:
        folded = fold(word)
        if re.search(r"[\u3400-\u9fff]", folded):
            jieba.add_word(folded, freq=20000)


@lru_cache(maxsize=4096)
def _chinese(piece: str) -> tuple[str, ...]:
    return tuple(w for w in tokenizer().lcut_for_search(piece) if w not in ZH_STOPWORDS)


def tokenize(text: str) -> list[str]:
    """Search tokens of text in any of the three languages."""
    tokens: list[str] = []
    for piece in _PIECE.findall(fold(text)):
        if piece[0].isascii():
            if piece not in EN_STOPWORDS:
                tokens.append(stem(piece))
        else:
            tokens.extend(_chinese(piece))
    return tokens
