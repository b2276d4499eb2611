"""Search tokens: a light stem, irregular past forms and chat abbreviations meet their plain words."""

from __future__ import annotations

from knowledge.tokens import stem, tokenize


def test_regular_forms_share_a_stem() -> None:
    assert stem("spending") == stem("spends") == stem("spend")


def test_irregular_past_forms_and_chat_abbreviations_meet_their_plain_word() -> None:
    assert tokenize("how much have banks lent vs two yrs ago, last qtr?") == [
        "bank",
        "lend",
        "vs",
        "two",
        "year",
        "ago",
        "last",
        "quarter",
    ]
    assert stem("lend") == stem("lent") and stem("grew") == stem("grow") and stem("sold") == stem("sell")
