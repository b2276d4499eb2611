"""Hypothetical figures a source works through, told apart from reported ones."""

from __future__ import annotations

import pytest

from bot.scenarios import asks_scenario, is_scenario


@pytest.mark.parametrize(
    ("sentence", "scenario"),
    [
        ("She estimates that a 15% drop in chip prices would cut Vello's profit by $2 billion.", True),
        ("If rents fell a fifth, the fund could lose about $300 million.", True),
        ("分析师认为，如果价格下跌两成，公司利润将减少30亿元。", True),
        ("Operating profit was $3.2 billion, a margin of 38%.", False),
        ("第三季度营业利润为12亿元。", False),
        # the same spending counted another way is no scenario
        ("据他测算，若将租赁设备按市价计入，智算中心一期的实际投入接近60亿元。", False),
        ("If the leased chips are counted, the real cost would be closer to $6 billion.", False),
    ],
)
def test_a_scenario_is_told_from_a_reported_figure(sentence: str, scenario: bool) -> None:
    assert is_scenario(sentence) is scenario


def test_a_question_asking_what_would_happen_may_take_a_scenario() -> None:
    assert asks_scenario("How much would Vello lose if prices fell?")
    assert asks_scenario("分析师估计明年利润能有多少？")
    assert not asks_scenario("Vello三季度营业利润多少？")
