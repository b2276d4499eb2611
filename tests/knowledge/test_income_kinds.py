"""Which line of income a question or a passage names."""

from __future__ import annotations

import pytest

from knowledge.income_kinds import income_kinds
from knowledge.measures import profit_kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("澄港銀行首三季淨利息收入有幾多？", {"interest"}),
        ("What was Orsay Bank's net interest income in the quarter?", {"interest"}),
        ("相關產品帶來的費用收入約佔財富管理收入的三成。", {"fee", "wealth"}),
        ("Fee and commission income rose 12%.", {"fee"}),
        ("公司前三季度营业收入62.3亿元。", set()),
    ],
)
def test_the_line_of_income_a_text_names(text: str, kinds: set[str]) -> None:
    assert income_kinds(text) == kinds


def test_net_interest_income_is_no_net_profit() -> None:
    assert "net" not in profit_kinds("澄港银行首三季净利息收入有多少？")
    assert "net" in profit_kinds("澄港银行首三季净利润有多少？")
