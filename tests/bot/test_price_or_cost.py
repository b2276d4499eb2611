"""A price asked is not answered by a cost."""

from __future__ import annotations

from bot.price_or_cost import asks_price_not_cost, cost_not_price
from knowledge.figures import find_figures


def test_a_price_question_is_not_answered_by_a_parts_cost() -> None:
    assert asks_price_not_cost("How far has Lumio cut the price of its flagship headset?")
    assert not asks_price_not_cost("How much does each headset cost to make?")
    cost = "前提是新一代镜片模组的成本能下降两到三成。"
    price = "旗舰机型售价已下调约两成。"
    assert cost_not_price(cost, find_figures(cost)[0])
    assert not cost_not_price(price, find_figures(price)[0])


def test_what_a_buyer_pays_for_each_unit_is_a_price_whatever_the_verb() -> None:
    per_unit = "From December 1, input will cost $0.90 per million tokens, down from $3."
    assert not cost_not_price(per_unit, find_figures(per_unit)[0])
