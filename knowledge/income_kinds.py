"""Which line of income a text names (interest, fees, wealth management, trading, rent), in either language."""

from __future__ import annotations

import re

from knowledge.scripts import fold

# Domain-wide lines of a bank's or a company's income: "净利息收入" is not answered by fee income or by sales.
_INCOME_KINDS = {
    "interest": re.compile(r"\b(?:net )?interest income|\bnii\b|利息收入|净利息|息收", re.I),
    "fee": re.compile(
        r"\bfee (?:and commission )?income|\bcommission income|手续费(?:及佣金)?收入|佣金收入|费用收入|中间业务收入",
        re.I,
    ),
    "wealth": re.compile(r"\bwealth[- ]management (?:income|revenue|fees)|财富管理(?:业务)?收入", re.I),
    "trading": re.compile(r"\btrading (?:income|revenue)|交易收入|投资收益|交易收益", re.I),
    "rent": re.compile(r"\brental (?:income|revenue)|租金收入|租赁收入", re.I),
}


def income_kinds(text: str) -> set[str]:
    """Which lines of income a text names ("净利息收入" is interest, "fee income" is fees)."""
    folded = fold(text)
    return {name for name, pattern in _INCOME_KINDS.items() if pattern.search(folded)}
