"""A price paid for land does not answer what building on it costs."""

from __future__ import annotations

import pytest

from bot.build_cost import land_for_build
from knowledge.figures import find_figures

LAND = (
    "The biggest buyer, Quarrel Peak Data, paid $140 million for 2,300 acres east of Millbrook, filings show."
)


@pytest.mark.parametrize(
    ("question", "text", "land"),
    [
        ("How much will Quarrel Peak spend building out its Millbrook campus?", LAND, True),
        ("How much did Quarrel Peak pay for the land near Millbrook?", LAND, False),
        (
            "How much will Quarrel Peak spend building out its Millbrook campus?",
            "Quarrel Peak will spend $2.1 billion to build the campus, it said.",
            False,
        ),
        ("园区兴建要花多少钱？", "该公司上月购入约40公顷土地兴建资料中心，交易金额约新台币52亿元。", False),
        ("园区兴建要花多少钱？", "该公司上月购入约40公顷土地，金额约新台币52亿元，预计明年动工。", True),
    ],
)
def test_what_land_cost_does_not_answer_what_building_costs(question: str, text: str, land: bool) -> None:
    figure = next(f for f in find_figures(text) if f.unit in ("USD", "TWD"))
    assert land_for_build(question, text, figure) is land
