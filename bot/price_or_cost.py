"""A price asked is what a seller charges: what a maker's parts cost it does not answer it."""

from __future__ import annotations

import re

from knowledge.figure_measures import figure_clause
from knowledge.figures import Figure
from knowledge.scripts import fold

# What something sells for: "the price", "售价", "定价", "报价", "价格".
_PRICE = re.compile(
    r"\bpric(?:e|es|ed|ing)\b|\bsells? for\b|\bsold for\b|\bdiscount|售价|定价|报价|价格|单价|零售价|标价|(?<![成代])价(?![值])",
    re.I,
)
# What something costs its maker or buyer: "the cost of the modules", "成本".
_COST = re.compile(r"\bcosts?\b|\bcosting\b|成本|费用", re.I)


def asks_price_not_cost(question: str) -> bool:
    """Whether a question asks a price by that name and no cost ("how far has it cut the price of its glasses?")."""
    folded = fold(question)
    return bool(_PRICE.search(folded)) and not _COST.search(folded)


def cost_not_price(text: str, figure: Figure) -> bool:
    """Whether a figure's clause names a cost and no price ("模组的成本能下降三到四成" is the parts' cost)."""
    if figure.per not in (None, "year", "quarter", "month", "share"):
        return False  # "input will cost $0.90 per million tokens": what a buyer pays for each unit is a price
    clause = figure_clause(text, figure)
    return bool(_COST.search(clause)) and not _PRICE.search(clause)
