"""Search tokens: a light stem, irregular past forms and chat abbreviations meet their plain words."""

from __future__ import annotations

from knowledge.tokens import stem, tokenize


def test_regular_forms_share_a_stem() -> None:
    assert stem("spending") == stem("spends") == stem("spend")
    # a silent e and a plural of -ing: "save" is asked, "savings" and "saved" are written
    assert stem("save") == stem("saved") == stem("saving") == stem("savings") == stem("saves")
    assert stem("price") == stem("priced") == stem("pricing") and stem("fee") == stem("fees")


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
