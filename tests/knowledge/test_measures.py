"""What a figure measures and which quarter a text names, as a reader of the sentence would say."""

from __future__ import annotations

import pytest

from knowledge.asked_measures import asked_measures
from knowledge.figure_measures import figure_measures, head_measures
from knowledge.figures import find_figures
from knowledge.measures import find_measures, looks_ahead, profit_kinds
from knowledge.passages import Passage


def _passage(text: str) -> Passage:
    return Passage(id="s:1.1", source_id="s", paragraph=1, sentence=1, text=text, figures=find_figures(text))


def test_what_a_lease_pays_is_rent_and_from_what_to_what_asks_the_rent() -> None:
    lease = _passage(
        "Under the new lease, the tenant will pay about $74 million a year, down from $90 million."
    )
    assert "rent" in head_measures(lease, lease.figures[0]) and "rent" in figure_measures(
        lease, lease.figures[0]
    )
    assert asked_measures("两家公司改完租约，一年租金从多少降到多少？", []) == {"rent"}


def test_a_price_earnings_multiple_is_no_share_price() -> None:
    multiple = _passage("分析师认为，目前股价本益比约24倍，高于同业平均的16倍。")
    assert "stock" not in find_measures(multiple.text)


def test_savings_are_a_measure_and_tying_up_cash_is_no_rise() -> None:
    assert "saving" in find_measures("the tools would save the county about $96 million a year")
    tied = _passage("The deposits would tie up about $180 million of the buyer's cash.")
    assert "growth" not in head_measures(tied, tied.figures[0])


def test_subsidies_are_a_measure_in_both_languages() -> None:
    assert "subsidy" in find_measures(
        "Japan's government will cover up to ¥450 billion of the cost of the plant."
    )
    assert "subsidy" in find_measures("日本政府给新厂补贴多少钱？")


def test_a_household_bill_is_what_a_family_pays() -> None:
    assert "spending" in find_measures("The plan would add about $19 a month to a typical household bill.")


def test_compute_credits_are_no_debt_but_private_credit_is() -> None:
    assert "debt" not in find_measures("deals paid partly or wholly in compute credits")
    assert "debt" in find_measures("Private credit funds lent $9.6 billion.")


def test_the_consideration_of_a_deal_is_what_the_buyer_spends() -> None:
    deal = _passage("2023年，朗禾股份以12.4亿元的对价（现金加股份）收购星桥科技全部股权。")
    assert "spending" in head_measures(deal, deal.figures[0])
    assert "price" not in find_measures(deal.text)


def test_a_cut_one_gets_is_a_share() -> None:
    assert "share" in find_measures("体育馆的冠名收入市政府能分到多少？")


def test_leverage_is_debt_but_leveraging_something_is_not() -> None:
    assert "debt" in find_measures("Net leverage climbs from 1.8 times to 3.1 times once the leases start.")
    assert "debt" in find_measures("霍兰评级分析师说罗森调整后杠杆会涨到几倍？")
    assert "debt" not in find_measures("The insurer plans to leverage its AI models across 40 markets.")


def test_liabilities_are_debt_and_what_something_is_worth_is_a_valuation() -> None:
    assert "debt" in find_measures("It had lifted the fund's contingent liabilities to about 2.3% of GDP.")
    assert "valuation" in find_measures("芮泽智药这轮融完之后到底值多少钱？")


def test_a_depreciation_charge_is_an_expense_in_both_languages() -> None:
    assert "spending" in find_measures("Its depreciation charge in fiscal 2027 would be about $2.1 billion.")
    assert "spending" in find_measures("按四年折旧，2027财年的折旧会有多少？")


def test_profit_attributable_to_shareholders_is_profit_not_a_share() -> None:
    measures = find_measures("期内股东应占溢利按年上升18%至人民币11.3亿元。")
    assert "margin" in measures and "share" not in measures


def test_which_profit_a_text_names() -> None:
    assert profit_kinds("what was Hyeonsan's net profit for the third quarter?") == {"net"}
    assert profit_kinds("operating profit rose to 2.1 trillion won") == {"operating"}
    assert profit_kinds("第三季毛利率为24.3%") == {"gross"}


def test_a_cut_announced_again_is_news_and_a_further_fall_asked_is_ahead() -> None:
    assert not looks_ahead("旗下旗舰模型的API调用价格再下调")
    assert looks_ahead("算力租金再跌多少，他们的项目还撑得住？")


def test_what_a_company_is_going_to_invest_is_asked_ahead() -> None:
    assert looks_ahead("这家商社要在合资项目里投多少日元？")


def test_a_gross_margin_is_not_an_interest_rate() -> None:
    assert "yield" not in find_measures("今年的毛利率会掉到多少？")
    assert "yield" in find_measures("这笔贷款的利率是多少？")


def test_a_price_earnings_multiple_is_a_valuation_and_sold_is_a_sale() -> None:
    assert "valuation" in find_measures("目前股价对应明年的本益比已达28倍")
    assert "sale" in find_measures("European telecom groups have sold towers worth €22 billion")


def test_buybacks_net_debt_and_usage_are_measures_of_their_own() -> None:
    assert asked_measures("Corvella要買回多少庫藏股？", []) == {"buyback"}
    assert asked_measures("how much net debt is Marrowfield carrying right now?", []) == {"net_debt"}
    assert "utilization" in find_measures("about 71% of licensed seats were in active weekly use")


def test_a_discount_is_a_price_and_revenue_from_something_is_a_part_of_it() -> None:
    assert "price" in find_measures("the average discount on AI stakes widened to 31%")
    assert asked_measures("聯碩的營收到底有多少是來自AI？", []) >= {"revenue", "share"}


def test_measure_words_are_whole_words_and_read_in_their_sense() -> None:
    assert "valuation" not in asked_measures("Kilnworth估明年先進封裝的需求會超過產能多少？", [])
    assert "revenue" in find_measures(
        "gross written premiums on the line were on course to reach $1.1 billion"
    )
    assert "spending" not in find_measures("Large users would pay for about 40% of the upgrades")
    assert "spending" in find_measures("how much did Quillfield pay outside providers?")
    assert "orders" in find_measures("contracted future revenue had reached $11 billion")
    assert "cut" in find_measures("今年新增的数据中心投资将比去年减少约三成")


def test_compute_vouchers_are_a_subsidy_not_compute() -> None:
    measures = find_measures("全市已向企业发放算力券2.1亿元")
    assert "subsidy" in measures and "power" not in measures


def test_a_loss_rate_on_loans_is_a_loss_not_an_interest_rate() -> None:
    assert asked_measures("what loss rate did data center loans hit in the worst case?", []) == {
        "burn",
        "debt",
    }
    assert "yield" in find_measures("what rate are the loans paying?")
    assert "debt" in find_measures("how much have US banks lent to developers?")
    assert "growth" in find_measures("how much the backlog grew")


def test_what_a_plant_will_add_once_built_is_asked_ahead() -> None:
    assert looks_ahead("新廠全部蓋好之後月產能會多幾成？")
    assert not looks_ahead("去年月產能多少？")


def test_what_a_thing_sells_for_is_its_price_and_what_it_is_worth_its_value() -> None:
    assert "price" in find_measures("a memory test system now sells for about $4.5 million")
    assert "valuation" in find_measures("Value the servers the way the assessor values everything else")


def test_large_load_customers_are_a_class_of_customer_not_a_power_measure() -> None:
    assert "power" not in find_measures("how much of the capex plan is for the big-load customers?")
    assert "power" in find_measures("what peak load does the grid expect?")


def test_up_by_a_figure_or_year_on_year_is_growth() -> None:
    assert "growth" in find_measures("its order backlog reached €14.6 billion, up 22% from a year earlier")
    assert "growth" in find_measures("and how much is that up y/y?")
    assert "growth" not in find_measures("the company set up a fund")


def test_a_rise_written_the_hong_kong_way_is_growth() -> None:
    assert "growth" in find_measures("首日平均升幅約一成")
    assert "growth" in find_measures("貸款餘額按年升咗幾多？")
    assert "growth" in find_measures("股价第一天升了多少？")
    assert "growth" not in find_measures("公司今年升级了系统")


def test_an_employee_share_sale_is_no_question_about_headcount() -> None:
    assert "employees" not in asked_measures("Carraway 自己在这次员工股转让里买了多少？", [])
    assert "employees" not in find_measures("what's the per-share price in the staff sale?")
    assert "employees" in find_measures("how many employees will it lay off?")


def test_severance_is_its_own_measure_and_not_money_raised() -> None:
    assert "severance" in find_measures("How much are Quillfern's layoffs going to cost in severance?")
    assert "severance" not in find_measures("Quillfern raised $1.3 billion at a valuation of $9 billion.")


def test_a_write_down_is_its_own_measure_in_both_languages() -> None:
    assert "writedown" in find_measures("How big was the inventory hit Veyridge took last quarter?")
    assert "writedown" in find_measures("建汇需要额外计提的减值拨备或达人民币4.5亿元。")


def test_rents_in_the_plural_are_rent() -> None:
    assert "rent" in find_measures("The new supply would push wholesale rents down by about 15% by 2028.")


def test_slashing_is_a_cut_in_chinese() -> None:
    assert "cut" in find_measures("融资成数砍到剩多少？")


def test_what_a_business_takes_in_a_year_is_its_revenue() -> None:
    assert "revenue" in find_measures("智算中心满负荷跑起来，一年能收多少钱？")
    assert "revenue" not in find_measures("公司回收多少设备？")


def test_leasing_is_rent_and_a_press_release_is_not() -> None:
    assert "rent" in find_measures("AI companies took 27% of the new third-quarter leasing")
    assert "rent" not in find_measures("the company said in a press release")


def test_margin_calls_and_margin_financing_are_no_profit_margin() -> None:
    assert "margin" not in find_measures("How much money did the margin calls on Orsay's clients involve?")
    assert "margin" not in find_measures("Brokers cut margin financing for the listing.")
    assert "margin" in find_measures("What operating margin does Orsay expect?")


def test_a_deals_consideration_is_what_the_buyer_spends_not_a_price() -> None:
    deal = _passage("岚港纺织拟作价32.5亿元收购算力公司启衡智算全部股权，其中现金对价约9.8亿元。")
    assert [head_measures(deal, f, {"spending", "cash"}) for f in deal.figures] == [
        {"spending"},
        {"spending"},
    ]
    assert "spending" in find_measures("Orsay agreed to acquire Talvik for $2.1 billion.")


def test_net_interest_income_is_income_not_a_profit() -> None:
    assert find_measures("澄港银行首三季净利息收入有多少？") == {"revenue"}


def test_what_a_company_earns_against_its_profit_promise_is_a_profit_not_spending() -> None:
    assert find_measures("分析师估计启衡2027年实际能赚多少，够不够业绩承诺？") == {"margin"}


def test_what_a_company_earned_is_its_profit_and_capacity_being_used_is_utilization() -> None:
    assert "margin" in find_measures("嵐芯今年前三季賺了多少？")
    assert "utilization" in find_measures("How much of the compute Wrenfield leases is actually being used?")


def test_what_a_line_of_business_earned_is_its_revenue_not_the_company_s_profit() -> None:
    assert find_measures("闻溪今年的会员订阅赚了多少钱？") & {"revenue", "margin"} == {"revenue"}
    assert find_measures("禾川靠广告业务赚了多少？") & {"revenue", "margin"} == {"revenue"}
    assert "revenue" in find_measures("闻溪的訂閱賺了多少錢？")
    # the company's own earnings stay a profit
    assert find_measures("闻溪今年一共赚了多少？") & {"revenue", "margin"} == {"margin"}


def test_money_put_up_is_spending_and_a_fair_value_is_a_valuation() -> None:
    assert "spending" in find_measures("公司今年拿出约3亿元用于留任奖金")
    assert "spending" in find_measures("交易对价为5亿元")
    assert "valuation" in find_measures("这批数据的公允价值恐怕不超过1亿元")
    assert "valuation" in find_measures("its fair value is closer to $90 million")


def test_leverage_is_debt_and_a_leverage_limit_is_net_debt() -> None:
    assert "debt" in find_measures("The buyout firm piled leverage onto the data-centre operator.")
    assert "net_debt" in find_measures("What leverage limit did the chip designer's finance chief promise?")
    assert "net_debt" in find_measures("公司承诺把杠杆率控制在2倍以内。")


def test_renewed_at_is_retention_only_with_a_rate() -> None:
    assert "retention" in find_measures("Customers renewed at a 94% rate last year.")
    assert "retention" not in find_measures(
        "She put the revenue lost when contracts are renewed at about 4% a year."
    )


def test_what_a_line_of_business_brings_in_is_income() -> None:
    assert "revenue" in find_measures("岚语第三季度靠广告赚了多少？")
    assert "margin" in find_measures("岚芯今年前三季赚了多少？")


@pytest.mark.parametrize(
    "text",
    [
        "How much cash flowed into leveraged single-stock funds last month?",
        "Ferrowick's app says leveraged ETFs were 41% of trades.",
        "The issuer sells a leveraged version of the daily move in one chip stock.",
        "散户的成交额里有多少来自杠杆ETF？",
        "槓桿型基金上月吸金多少？",
    ],
)
def test_a_leveraged_fund_is_a_product_not_borrowing(text: str) -> None:
    assert "debt" not in find_measures(text)


@pytest.mark.parametrize(
    "text",
    [
        "The takeover was a leveraged buyout funded with $4 billion of loans.",
        "Its balance sheet is too leveraged.",
    ],
)
def test_leveraged_borrowing_is_still_debt(text: str) -> None:
    assert "debt" in find_measures(text)


@pytest.mark.parametrize(
    "text",
    [
        "What are the big robotics start-ups paying fresh robotics graduates these days?",
        "猎头透露，头部芯片公司给资深工程师开出的年薪已达200万元。",
        "Technicians were moved to night shifts at pay about 12% lower than before.",
        "How much have welders' wages at the campus risen?",
    ],
)
def test_what_people_earn_is_pay_not_spending(text: str) -> None:
    assert "pay" in find_measures(text)


@pytest.mark.parametrize(
    "text",
    [
        "How much did Korvath pay for the Ohio site?",
        "Utilities pay $40 a megawatt-hour for the backup power.",
    ],
)
def test_paying_for_something_is_spending_not_pay(text: str) -> None:
    measures = find_measures(text)
    assert "spending" in measures and "pay" not in measures


def test_a_share_secured_by_stock_is_lending() -> None:
    assert "debt" in find_measures("About 20% of Corvane's book is secured by Tallis shares.")
    assert "debt" in find_measures("其中约五成已质押。")


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Pellam Cloud cut GPU rental prices in Jakarta by 25% this year.", "rent"),
        ("The town would forgo about $30 million a year in property taxes.", "burn"),
        ("Their shares have fallen an average of 30% since the mergers closed.", "stock"),
        ("今年全球AI手机的渗透率约为两成。", "share"),
        ("按最新评估，抵押物价值约为9.6亿元。", "valuation"),
        ("The fund agreed to buy about $80 million of shares as a cornerstone investor.", "spending"),
        ("今年AI公司的旧股转让规模有多大？", "sale"),
        ("Per the firm, spending on immersion cooling will reach about $9 billion in 2030.", "market"),
        ("The buyers are paying about 30% less than the value the fund carries the stakes at.", "price"),
        ("Contractors now pay travelling members about $150 a day for lodging and meals.", "pay"),
        ("承包商每天给工人多少住宿伙食补贴？", "pay"),
        ("The start-up burns about $3 on compute for every dollar of revenue.", "spending"),
        ("收购完成后，每基金单位分派可望提升4%。", "dividend"),
        ("收购完成后，房托的负债比率将由28%升至约35%。", "net_debt"),
    ],
)
def test_domain_words_name_the_measure_a_reader_would(text: str, measure: str) -> None:
    """A rental price is rent, forgone taxes a loss, a penetration rate a share, a collateral's 价值 its value."""
    assert measure in find_measures(text)


def test_a_compute_fund_is_no_compute_and_a_cornerstone_order_no_backlog() -> None:
    assert "power" not in find_measures("省里的算力基金总规模200亿元。")
    assert "orders" not in find_measures("a cornerstone order in the listing")
    assert "market" not in find_measures("Meta said its spending on AI would rise.")


def test_a_price_multiple_or_a_target_against_the_close_is_no_stock_move() -> None:
    """ "股价对应的本益比" is a valuation multiple, and a target price "较收市价低约20%" is measured against the close."""
    assert "stock" not in find_measures("目前股价对应明年的本益比已达25倍。")
    assert "stock" not in find_measures("他给予该公司的目标价，较首日收市价低约20%。")
    assert "stock" in find_measures("该股首日收市报33.6港元。")


def test_money_put_or_sunk_into_compute_is_spending_not_capacity() -> None:
    assert asked_measures("how much is the agency putting into AI tools and compute?", []) == {"spending"}
    assert "spending" in find_measures("how much have carmakers sunk into their own compute centres?")


def test_money_set_aside_for_bad_loans_is_a_provision() -> None:
    assert "writedown" in asked_measures(
        "how much did the bank put aside for bad loans in the third quarter?", []
    )
    provision = _passage("The bank set aside $640 million for credit losses in the third quarter.")
    assert "writedown" in figure_measures(provision, provision.figures[0])


def test_a_figure_told_by_how_much_something_moved_measures_that_move() -> None:
    marked = _passage("Brandvold said the fund had marked down its stake in the start-up by 25%.")
    assert "writedown" in head_measures(marked, marked.figures[0])
    assert "writedown" in asked_measures("By how much did the fund mark down what its holding is worth?", [])


def test_money_paid_ahead_is_a_prepayment() -> None:
    """ "客户已经先付了多少钱" asks the prepayment ("客户预付款约2.3亿美元")."""
    assert "deposit" in find_measures("簡郁安講客戶已經先付了多少錢給霆晟？")
    assert "deposit" in find_measures("客户预付款约2.3亿美元")


def test_the_share_of_reserved_power_used_is_utilization_in_either_language() -> None:
    assert "utilization" in find_measures("It assumes Quell will use 95% of the power it has reserved.")
    assert "utilization" in asked_measures("泠川园区会用掉多少预留电力？", [])


def test_monetary_funds_on_the_books_are_cash() -> None:
    assert "cash" in find_measures("截至9月底公司账面货币资金约1.6亿元")


def test_a_cash_burn_is_the_burn_and_concept_stocks_move_only_when_asked_how_they_moved() -> None:
    assert find_measures("公司目前每月的现金消耗约为4500万元") == {"burn"}
    assert "stock" in asked_measures("那批AI概念股，发函之前平均涨了多少？", [])
    assert "stock" not in asked_measures("今年A股AI概念股的大股东一共减持了多少钱？", [])


def test_a_manager_putting_a_stake_at_a_sum_values_it() -> None:
    assert "valuation" in find_measures(
        "Harrowby Capital, which manages the fund, puts the same stake at $98 million."
    )
    assert "valuation" not in find_measures("The analyst puts the cost at $5 million.")


def test_words_for_a_fall_power_rent_and_debt_and_a_city_investment_company_that_spends_nothing() -> None:
    """'掉到六成' is a fall, '用多少电' power, '签约租用…算力' a lease, '$650 million of five-year notes' debt and
    'how busy are the GPUs' utilization; '沥江城投有息负债' names no spending (城投 is a kind of company)."""
    assert "cut" in find_measures("产能利用率可能掉到六成以下")
    assert find_measures("园区最终要用多少电") == {"power"}
    assert "rent" in find_measures("已签约租用一期部分算力，五年合同总额约21亿元")
    assert "debt" in find_measures("is trying to sell $650 million of five-year notes")
    assert find_measures("research notes") == set()
    assert find_measures("How busy are the GPUs on the exchange?") == {"utilization"}
    assert find_measures("截至9月底，滨澄城投有息负债约312亿元") == {"debt"}
    assert find_measures("宏筑投顾分析师") == set()


def test_a_discount_to_the_last_close_debt_with_interest_a_take_rate_and_a_liquidation_preference() -> None:
    """'較停牌前收市價折讓約30%' prices a share sale against the close, no stock move; 'debt with interest' is
    debt, not a yield; a take rate is a share of bookings; a liquidation preference is its own measure."""
    assert find_measures("較停牌前收市價折讓約30%") == {"cut", "price"}
    assert find_measures("How much debt with interest does the city fund carry?") == {"debt"}
    assert find_measures("interest-bearing debt") == {"debt"}
    assert "share" in find_measures("kept a take rate of 13% of gross bookings")
    assert find_measures("carries a 2x liquidation preference") == {"preference"}
    assert find_measures("新一輪的清算優先權是幾倍") == {"preference"}


def test_operating_cash_going_out_is_burn_and_eps_is_earnings() -> None:
    assert "burn" in find_measures("经营现金流净流出约41亿元")
    assert "burn" in find_measures("how much operating cash did the server makers burn?")
    assert "margin" in find_measures("穎矽明年EPS到底能成長多少")


def test_a_convertible_is_debt() -> None:
    assert "debt" in find_measures("how big did Pellan's convertible end up?")
    assert "debt" in find_measures("公司拟发行可转债募资20亿元")


def test_an_early_termination_fee_is_a_fee() -> None:
    assert "fee" in find_measures("退租客戶須支付約2,300萬美元的提早解約費")
    assert "fee" in find_measures("What early exit fee does the tenant owe?")


def test_guidance_looks_ahead() -> None:
    assert looks_ahead("What is Brambling guiding for agent revenue in the fourth quarter?")
    assert looks_ahead("What outlook did it give?")


def test_taiwans_short_month_and_quarter_moves_are_moves() -> None:
    """'月減31%', '季減9%' and '年減12%' are falls; '月增14%' and '季增6%' rises, as '年增' always was."""
    revenue = _passage("棣翔同時公布10月自結營收新台幣18.2億元，月減31%，年減12%；第三季營收季增6%。")
    falls = [f for f in revenue.figures if f.unit == "%"]
    assert [("cut" in head_measures(revenue, f), "growth" in head_measures(revenue, f)) for f in falls] == [
        (True, False),
        (True, False),
        (False, True),
    ]
    assert find_measures("月增14%") == {"growth"}


def test_how_full_a_building_is_is_how_much_of_it_is_used() -> None:
    """'How full is the data centre…', 'occupancy' and '出租率' ask how much of a capacity is taken."""
    assert "utilization" in find_measures("How full is the data centre the trust wants to buy?")
    assert "utilization" in find_measures("I keep seeing different occupancy numbers.")
    assert "utilization" in find_measures("截至9月底出租率为88%")


def test_what_a_trust_can_pay_its_holders_is_its_payout() -> None:
    """'可供分配金额' and '能分给持有人的钱' are what a trust pays out, as a dividend is."""
    assert "dividend" in find_measures("基金前三季度可供分配金额约1.46亿元")
    assert "dividend" in find_measures("那只REIT前三季度能分给持有人的钱有多少？")


def test_what_a_product_makes_is_revenue_and_a_paid_product_spends_nothing() -> None:
    """'How much did it make from its paid advisory product?' asks revenue: 'paid' there describes the product,
    while 'it paid $2 billion for the campus' is spending."""
    asked = find_measures("How much did Heyward Securities make from its paid AI advisory product this year?")
    assert "revenue" in asked and "spending" not in asked
    assert "spending" in find_measures("It paid $2 billion for the campus")


def test_a_redemption_rate_and_shares_that_now_trade_lower_are_measures() -> None:
    """'平均贖回率多少' asks redemptions, as 'an average redemption rate of 88%' gives them; 'shares now trade 64%
    below' is where the stock is."""
    assert "redemption" in find_measures("已經完成合併的SPAC平均贖回率多少？")
    assert "redemption" in find_measures("The firm counts an average redemption rate of 88%")
    assert "stock" in find_measures("their shares now trade on average 64% below the $10 listing price")


def test_making_a_chip_at_volume_asks_no_shipments() -> None:
    """'how much money does it need to get its next chip made at volume?' asks money, not units shipped."""
    assert "volume" not in find_measures(
        "how much money does Kelvane need to get its next chip made at volume?"
    )
    assert "volume" in find_measures("How much did shipment volume grow?")


def test_asking_for_ones_money_back_is_a_redemption() -> None:
    """'what share of holders asked for their money back?' asks the redemptions 'redemption requests' count."""
    assert "redemption" in find_measures(
        "what share of Stavenby's public holders asked for their money back?"
    )


def test_a_holding_is_a_share_not_a_dividend() -> None:
    """'主席的持股将由38.2%摊薄至约34.1%' is his stake: it does not answer '中期派了多少股息'."""
    holding = _passage("据了解，主席韦正川的持股将由38.2%摊薄至约34.1%，他未有出席昨日的业绩会。")
    assert "share" in figure_measures(holding, holding.figures[0])
    assert "dividend" not in figure_measures(holding, holding.figures[0])


def test_insurance_written_is_sales_and_a_name_is_no_measure() -> None:
    """'insurers wrote about $1.3 billion of delay cover' and 'premium written' are an insurer's sales, a loss
    ratio is no loss, and 'Fallbrook' in a firm's name says nothing fell."""
    passage = _passage(
        "According to Fallbrook Analytics, insurers wrote about $1.3 billion of delay cover this year."
    )
    assert figure_measures(passage, passage.figures[0]) == {"revenue"}
    assert "revenue" in asked_measures("How much delay cover premium has Tarnfield written this year?", [])
    assert "price" not in asked_measures("How much delay cover premium has Tarnfield written this year?", [])
    assert "price" in asked_measures("What premium did buyers pay for the shares?", [])
    assert "burn" not in find_measures("what loss ratio is the delay book running at?")


def test_a_monthly_spend_is_a_burn_and_a_resale_value_a_price() -> None:
    """'spends about $14 million a month' answers what a start-up burns; 'a resale value of $11,500 for each
    chip' answers what resale price a lender assumes; '账面赚了几倍' asks the return."""
    spends = _passage("She said Quellary spends about $14 million a month.")
    assert "burn" in figure_measures(spends, spends.figures[0])
    resale = _passage("The fund now assumes a resale value of about $11,500 for each of the older chips.")
    assert "price" in figure_measures(resale, resale.figures[0])
    assert asked_measures("鸿屿资本当年入股是多少钱一股？现在账面赚了几倍？", []) >= {"yield"}


def test_money_taken_out_or_sent_back_is_a_redemption() -> None:
    """'holders of about 93% of its shares took their money out' answers what share redeemed; '退回约2.3亿元'
    answers how much was refunded."""
    assert "redemption" in find_measures(
        "holders of about 93% of Corvane's public shares took their money out"
    )
    assert "redemption" in find_measures("她透露，阿维澄已于10月退回约2.3亿元。")
    assert "redemption" in asked_measures("桁澄的财务总监说阿维澄已经退回来多少钱了？", [])


def test_dumping_shares_is_selling_and_a_credit_fund_or_a_promised_rate_is_no_debt_or_spending() -> None:
    assert "sale" in find_measures("how much stock did the fund dump in Q3?")
    assert "sale" in find_measures("基金經理已沽售一半持倉")
    assert "debt" not in find_measures("what portion of the Harlow credit fund's income was PIK?")
    assert "debt" in find_measures("how much private credit went to GPU clouds?")
    assert "spending" not in find_measures("上市前公司承诺的转化率是多少？")
    assert "spending" in find_measures("基石投资者承诺出资多少？")
    assert "spending" in find_measures("储备基金到底承诺接多少供股？")


def test_credit_loss_provisions_are_no_debt_and_charging_is_a_price_asked_after_the_cut() -> None:
    assert "debt" not in find_measures("同期预期信贷损失拨备按年增加1.3倍至约2.4亿美元")
    assert "debt" not in find_measures("expected credit loss provisions rose to $240 million")
    assert "debt" in find_measures("数据中心相关贷款余额约386亿港元")
    asked = asked_measures(
        "how much is Quellby charging for output tokens after the cut, and what was it before?", []
    )
    assert "price" in asked
    assert "price" in find_measures("It will instead charge $1.40 for each task its agents complete.")
    assert "price" in find_measures("It will instead bill customers $1.40 for each task an agent completes.")
    assert "price" in find_measures("its average nightly rate climbed to $168 a bed")


def test_jiang_as_the_object_marker_or_nearly_does_not_look_ahead() -> None:
    assert not looks_ahead("一份图表将情况置于历史背景中：洛岚在盈利前烧掉了30亿美元")
    assert not looks_ahead("评级机构将这笔贷款列为关注类")
    assert not looks_ahead("公司去年亏损将近12亿元")
    assert looks_ahead("公司将在明年投资50亿元扩建园区")
    assert looks_ahead("洛岚将投入约30亿元")


def test_a_price_tag_is_what_a_project_costs_not_a_price_per_unit() -> None:
    asked = find_measures("what's the price tag on the gas line that would supply Marden's plant?")
    assert "spending" in asked and "price" not in asked
    assert "price" not in find_measures("the pipeline, with a price tag of about $780 million")
    assert "price" in find_measures("what price did the capacity auction clear at?")


def test_grey_market_trading_and_a_reit_s_units_are_how_the_stock_moved() -> None:
    """'晞影暗盤跌了多少' and 'how much did the REIT's units drop?' ask how the shares traded."""
    assert "stock" in find_measures("澄影暗盤跌了多少？")
    assert "stock" in find_measures(
        "How much did Harlow Point REIT units drop on the day of the announcement?"
    )
    assert "stock" not in find_measures("The developer sold 2,400 housing units last year.")


def test_how_much_a_stock_is_up_this_year_is_how_it_traded() -> None:
    assert "stock" in find_measures("juling stock: how much is it up year to date?")
    assert "stock" not in find_measures("how much is revenue up this year?")
