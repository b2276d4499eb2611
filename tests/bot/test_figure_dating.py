"""The period a figure's own words date it to, against the period a question asks."""

from __future__ import annotations

import datetime as dt

from bot.figure_dating import dated_year, other_period
from knowledge.figures import find_figures

PROFIT = "沧岚证券三季报称，公司前三季度实现营业收入38.2亿元，同比增长9%，但第三季度单季净利润仅为1.2亿元。"
WRITEDOWN = "她估计，晟禾全年存货跌价损失合计约新台币17亿元。"


def test_a_single_quarter_or_the_whole_year_is_not_the_first_nine_months() -> None:
    """For 'the first nine months', the nine months' revenue answers; the third quarter's profit and a
    full-year estimate do not."""
    revenue, _growth, profit = find_figures(PROFIT)
    assert not other_period(PROFIT, revenue, set(), True)
    assert other_period(PROFIT, profit, set(), True)
    assert other_period(WRITEDOWN, find_figures(WRITEDOWN)[0], set(), True)


def test_another_quarter_several_quarters_or_the_year_are_not_the_quarter_asked() -> None:
    revenue, _growth, profit = find_figures(PROFIT)
    assert other_period(PROFIT, revenue, {3}, False)  # the first three quarters, not the third
    assert not other_period(PROFIT, profit, {3}, False)
    assert other_period(PROFIT, profit, {2}, False)


def test_a_figure_comparing_the_asked_quarter_with_another_still_answers() -> None:
    text = "她预估，第四季底存货可望较第三季底减少约2成。"
    assert not other_period(text, find_figures(text)[0], {4}, False)


def test_next_year_early_in_the_clause_dates_a_figure_after_a_long_noun() -> None:
    text = "Brekke said the company would cut next year's capital spending to about $1.4 billion, from $2.1 billion."
    assert dated_year(text, find_figures(text)[0], dt.date(2026, 11, 13)) == 2027
