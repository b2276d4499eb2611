"""Questions about the single largest item of a kind."""

from __future__ import annotations

import pytest

from bot.single_largest import largest_missing


@pytest.mark.parametrize(
    ("question", "passage", "missing"),
    [
        (
            "how big is the single largest loan in the book?",
            "It will add $3 billion of new loans next year.",
            True,
        ),
        (
            "how big is the single largest loan in the book?",
            "Its biggest loan, to one campus, is $620 million.",
            False,
        ),
        ("最大的一笔订单有多少？", "公司在手订单约12亿元。", True),
        ("最大的一笔订单有多少？", "其中单笔最大的订单约3亿元。", False),
        ("how big is the loan book?", "It will add $3 billion of new loans next year.", False),
    ],
)
def test_the_single_largest_item_needs_a_passage_that_singles_one_out(
    question: str, passage: str, missing: bool
) -> None:
    assert largest_missing(question, passage) is missing
