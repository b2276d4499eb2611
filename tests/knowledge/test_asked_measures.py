"""The measures a question asks about, as a reader of the question would say."""

from __future__ import annotations

import pytest

from knowledge.asked_measures import asked_measures


def test_where_shares_closed_is_a_stock_question_not_a_loss() -> None:
    assert asked_measures("where did Xinlan shares close after the write-down news?", []) == {"stock"}


def test_a_stock_that_drops_asks_the_share_price_move_whatever_deal_dates_it() -> None:
    assert asked_measures("how much did Amagiri stock drop on the day the bond deal was announced?", []) == {
        "stock"
    }


def test_how_far_below_asks_a_cut_and_green_power_names_no_power_measure() -> None:
    asked = asked_measures("How far below the coal benchmark tariff is the green-power deal priced?", [])
    assert "cut" in asked and "power" not in asked


def test_a_compound_adjective_describes_the_thing_asked_and_names_no_measure() -> None:
    question = "how much of the shipped-but-not-yet-accepted equipment will customers sign off next year?"
    assert "volume" not in asked_measures(question, [])
    assert "volume" in asked_measures("how many units were shipped last quarter?", [])


def test_the_price_a_sale_is_counted_at_is_no_share_price_asked() -> None:
    asked = asked_measures("控股股东最多要减持多少股份？按收盘价大概能套现多少钱？", [])
    assert "stock" not in asked and "sale" in asked


def test_capacity_being_used_is_asked_as_utilization_even_beside_a_rent() -> None:
    asked = asked_measures("How much of the compute Wrenfield leases is actually being used?", [])
    assert "utilization" in asked


def test_a_named_metric_keeps_only_itself_unless_usage_is_asked_beside_it() -> None:
    assert asked_measures("what rent does Wrenfield pay for its racks?", []) == {"rent"}
    assert asked_measures("How much of the racks Wrenfield rents are actually being used?", []) == {
        "rent",
        "utilization",
    }


def test_the_noun_after_how_much_is_the_measure_asked_not_its_object() -> None:
    assert asked_measures("澜川银行对那笔贷款已经计提了多少减值？", []) == {"writedown"}
    # a five-character noun: the loss is asked, the bonds are what it is on
    assert asked_measures("那批债券现在账上有多少未实现亏损？", []) == {"burn"}
    assert asked_measures("how much in taxes and fees will the developer pay each year?", []) == {"fee"}
    assert asked_measures("那笔贷款还有多少？", []) == {"debt"}


def test_the_verb_before_how_much_stays_in_the_ask() -> None:
    assert "sale" in asked_measures("Corrin统计今年欧洲电信业者一共卖掉多少铁塔资产？", [])


def test_a_closing_how_much_money_keeps_the_measure_named_before_it() -> None:
    assert "debt" in asked_measures("瑞恒估计到2028年数据中心要靠外部融资多少钱？", [])


def test_what_an_investor_put_in_is_spending() -> None:
    assert "spending" in asked_measures("汀兰在这轮里面出了多少钱？", [])


@pytest.mark.parametrize(
    ("question", "measures"),
    [
        ("市政府每年要少收多少钱？", {"burn"}),
        ("How big is the insurer's cornerstone order in the robot maker's IPO?", {"spending"}),
        ("how much net cash will the developer have once the placing is done?", {"cash"}),
        ("今年消费券核销率最后能到多少？", {"redemption"}),  # vouchers redeemed, not consumer spending
        ("物流车队今年的事故率最后能到多少？", set()),
        ("风险债现在的违约率多少？", set()),
    ],
)
def test_what_a_question_asks_is_measured_by_its_own_words(question: str, measures: set[str]) -> None:
    """Revenue not collected is a loss, a cornerstone order a purchase, and a rate known by no measure is asked
    for itself, not for the thing it is a rate of."""
    assert asked_measures(question, []) == measures


def test_a_rate_a_measure_names_is_still_that_measure() -> None:
    assert "net_debt" in asked_measures("公司负债比率会去到几多？", [])
    assert "debt" in asked_measures("公司的借款比率会去到几多？", [])
    assert "revenue" in asked_measures("What was the ad revenue run rate in October?", [])


def test_a_price_paid_for_power_and_a_setting_are_read_as_such() -> None:
    assert "price" in asked_measures("what do data centres in the province pay for power?", [])
    assert "spending" not in asked_measures("并购完成后，每单位分派能多出多少？", [])


def test_how_much_of_a_capacity_is_used_asks_its_utilization() -> None:
    assert asked_measures("那家客户三季度到底用了峤云多少算力？", []) == {"utilization"}
    assert asked_measures("机柜到底有多少在用？", []) == {"utilization"}
    assert asked_measures("OpenAI要多少算力？", []) == {"power"}


def test_receivables_asked_in_short_are_receivables() -> None:
    assert "receivables" in asked_measures("芷衡现在账上挂着多少应收？", [])
    assert "receivables" not in asked_measures("公司应收入多少？", [])


def test_cash_being_burned_asks_the_burn_and_a_chinese_verb_before_its_closing_how_much_is_the_ask() -> None:
    """'How much cash was X burning each month?' asks the burn, not the cash it holds; '这期债一共募了多少钱？'
    asks what was raised, the bond being its object."""
    assert asked_measures("How much cash was Peltram burning each month over the quarter?", []) == {"burn"}
    assert asked_measures("How much cash is Peltram sitting on now?", []) == {"cash"}
    assert asked_measures("滨澄城发这期债一共募了多少钱？", []) == {"spending"}
    assert asked_measures("这家公司去年亏了多少？", []) == {"burn"}
    assert {"revenue", "growth"} <= asked_measures("营收增长了多少？", [])


def test_a_cut_a_marketplace_takes_is_its_share() -> None:
    """'how big a cut is X taking on bookings?' asks its take, not a reduction."""
    asked = asked_measures("how big a cut is Pellgrave taking on bookings these days vs last year?", [])
    assert "share" in asked and "cut" not in asked


def test_issuing_bonds_asks_the_debt_sold() -> None:
    """'这次打算发多少债？' asks the size of the bond sale, not a loan the proceeds repay."""
    assert asked_measures("奎岚这次打算发多少债？", []) == {"debt", "sale"}


def test_how_big_a_cut_in_percent_is_a_reduction() -> None:
    asked = asked_measures(
        "api price cut - from what to what per million tokens, and how big a cut in %?", []
    )
    assert "cut" in asked and "share" not in asked


def test_capacity_being_rented_asks_the_rent_out() -> None:
    assert "rent" in asked_measures("how big is the battery capacity Pellan is renting to Orrin?", [])
