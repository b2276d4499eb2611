"""The periods a text names: quarters, halves, a debt's tenor, last or next year."""

from __future__ import annotations

from knowledge.periods import halves, quarters, relative_years, several_quarters, tenors


def test_quarters_named_in_either_language() -> None:
    assert quarters("What will it report for Q4 2026 revenue?") == {4}
    assert quarters("Revenue was $310 million in the third quarter.") == {3}
    assert quarters("第四季毛利率可望维持在28%以上") == {4}
    assert (
        quarters("今年前三季度公司收入约为人民币9.6亿元") == set()
    )  # the first three quarters, not the third
    assert quarters("集團首三季已錄得約人民幣7.4億元") == set()  # Hong Kong's "first three quarters"
    assert quarters("頭三季收入") == set()


def test_the_half_of_a_year_and_the_term_of_a_bond_are_read_in_either_language() -> None:
    assert halves("玄衡智能今年上半年亏了多少") == {1}
    assert halves("revenue in the second half") == {2}
    assert halves("58% of first-half orders") == {1} and halves("上半财年的收入") == {1}
    # a six-month period names no half by itself: a fiscal first half may end in September
    assert halves("orders in the six months to September jumped 62%", six_months=True) == {1, 2}
    assert halves("截至9月30日止六個月錄得虧損", six_months=True) == {1, 2}
    assert (
        halves("截至9月30日止六個月錄得虧損") == set() and halves("revenue rose 9%", six_months=True) == set()
    )
    assert tenors("what yield did the 20-year bonds price at") == {"20y"}
    assert tenors("a 30-year bond and a five-year loan; 10年期国债") == {"30y", "5y", "10y"}


def test_years_relative_to_the_article_are_read_in_either_language() -> None:
    assert relative_years("台積電明年的資本支出是多少?") == {"next"}
    assert relative_years("capex this year and last year") == {"this", "last"}


def test_a_months_count_before_a_reporting_measure_is_a_period_not_a_bond_tenor() -> None:
    assert tenors("juntuo 9-month revenue and yoy growth?") == set()
    assert tenors("the 6-month bills and the 30-year bond") == {"6m", "30y"}


def test_the_last_or_next_quarter_is_not_the_first() -> None:
    assert quarters("曜承上一季營收年增幾%？") == set()
    assert quarters("下一季营收财测是多少") == set()
    assert quarters("第一季营收") == {1}


def test_three_months_of_one_calendar_quarter_name_it_and_six_months_are_several() -> None:
    assert quarters("七到九月那一季单季的订单是多少？") == {3}
    assert quarters("revenue for July to September") == {3}
    assert quarters("2月到4月的订单") == set()
    assert several_quarters("orders in the six months to September jumped 62%")


def test_hong_kong_and_taiwan_first_three_quarters_are_several_quarters() -> None:
    assert several_quarters("銳澄科技首三季收入為人民幣8.1億元")
    assert several_quarters("頭九個月虧損收窄")
    assert not several_quarters("第三季單季營收")


def test_the_next_fiscal_year_is_next_year() -> None:
    assert relative_years("峦海下个财年的资本开支指引是多少？") == {"next"}
    assert relative_years("what is next fiscal year's capex guidance?") == {"next"}


def test_a_third_quarter_report_is_no_third_quarter() -> None:
    assert quarters("三季报显示，公司前三季度实现营业收入52.7亿元") == set()
    assert quarters("公司前三季营收418亿元，第三季毛利率为24.8%") == {3}


def test_a_plans_span_is_no_debts_tenor() -> None:
    """ "The three-year investment budget" spans a plan; "a 30-year bond" has a tenor."""
    assert tenors("What slice of the three-year investment budget goes to AI?") == set()
    assert tenors("It sold a 30-year bond and a five-year loan.") == {"30y", "5y"}


def test_the_end_of_a_quarter_is_a_day_not_the_quarter() -> None:
    """'三季度末的应收账款' is a balance on the quarter's last day: the total of the first three quarters may
    give it, unlike '三季度营收'."""
    assert quarters("霁岚到三季度末挂着多少应收款？") == set()
    assert quarters("霁岚三季度营收多少？") == {3}


def test_last_quarter_is_the_one_before_the_article_s_date() -> None:
    import datetime as dt

    from knowledge.periods import last_quarter

    november = dt.date(2026, 11, 13)
    assert last_quarter("昱晟上个季度毛利率多少？", november) == 3
    assert last_quarter("What was the gross margin last quarter?", dt.date(2027, 1, 20)) == 4
    assert last_quarter("What was the gross margin in 2025?", november) is None
