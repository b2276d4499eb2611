"""The units whose figures could answer a question, as its reader would accept them."""

from __future__ import annotations

from knowledge.asked_units import measures_of_parts, question_units
from knowledge.asks_quantity import QUANTITY
from knowledge.scripts import fold
from knowledge.unit_words import CURRENCIES


def test_how_many_of_a_group_do_something_is_answered_by_their_share() -> None:
    """Surveys and trackers say how many of a group do something as a share ("only 18% plan to increase
    spending"), whatever money the question mentions; a count of a whole group is no share."""
    assert question_units(fold("how many CIOs plan to spend more on AI agents next year?")) == {"%"}
    assert question_units(fold("Per Tallow, how many AI chip financings in Q3 were down rounds?")) == {"%"}
    assert question_units(fold("How many employees does Kestrel have?")) == set()


def test_a_slice_of_a_share_sale_is_an_amount_or_a_share() -> None:
    """'how much of the rights issue would it take?' is answered by '$150 million of it' as well as by a
    percentage."""
    units = question_units(fold("How much of the Hong Kong rights issue did the fund say it would take?"))
    assert units == {"%"} | CURRENCIES


def test_a_condition_before_a_two_part_chinese_question_is_not_asked() -> None:
    """'翠嶸做完供股以后，净负债率能压到多少？现在是多少？' asks the net debt ratio; the rights issue sets the scene."""
    assert measures_of_parts("翠岚做完供股以后，净负债率能压到多少？现在是多少？", []) == {"net_debt"}


def test_how_busy_a_cluster_is_asks_a_number() -> None:
    """'How busy are its GPUs…' asks a rate, as 'how big' asks an amount."""
    assert QUANTITY.search("how busy are its gpus these days?")
    assert QUANTITY.search("how utilised is the cluster now?")


def test_whats_the_hit_to_bills_asks_a_number() -> None:
    """ "what's the monthly hit to household bills" asks an amount, as "what is …" does."""
    assert QUANTITY.search("if the draft goes through, what's the monthly hit to household bills by 2028?")


def test_a_rate_with_its_english_name_in_brackets_asks_a_percentage() -> None:
    """'资金提存率（funded ratio）是多少' asks a rate, as '资金提存率是多少' does, not an amount of money."""
    assert question_units(fold("安布里县雇员退休系统现在的资金提存率（funded ratio）是多少？")) == {"%"}


def test_how_much_vacancy_is_asked_as_a_rate() -> None:
    """'写字楼现在有多少空置？租金跌了多少？' asks the vacancy rate and the fall in rents: both in percent, so a
    research firm's "空置率约17.5%，租金下跌约四成" answers it; vacant floor space is still an area."""
    assert "%" in question_units(fold("韦澄研究说本市甲级写字楼现在有多少空置？租金由高位跌了多少？"))
    assert "%" in question_units(fold("How much vacancy is there in Dunmore's office towers?"))
    assert "%" not in question_units(fold("多少空置面积会改作数据中心？"))


def test_a_loss_ratio_a_resale_price_and_receivables_have_their_units() -> None:
    """A loss ratio is a percentage; what stakes are 'going for' is a price, often as a share of their value;
    '挂着多少应收款' asks an amount; '订单要是缩水三成，收入会少多少' names the change and asks the amount."""
    assert question_units(fold("what loss ratio is Tarnfield running on the delay book?")) == {"%"}
    going = question_units(fold("per Harwick, what are LP stakes in venture funds going for these days?"))
    assert QUANTITY.search(fold("per Harwick, what are LP stakes in venture funds going for these days?"))
    assert {"%", "USD"} <= going
    assert "CNY" in question_units(fold("霁岚到三季度末挂着多少应收款？"))
    assert "CNY" in question_units(fold("要是订单缩水三成，澄晶明年收入会少多少？"))
    assert "CNY" not in question_units(fold("新机房电费比旧的便宜多少？"))


def test_what_something_would_cost_and_how_low_a_rate_is_ask_numbers() -> None:
    """'What does the professor reckon it would cost to fix them?' and '上架率到底有多低？' ask for a number."""
    assert QUANTITY.search(
        fold("What does professor Tan reckon it would cost to fix up the older data centres?")
    )
    assert QUANTITY.search(fold("交易所的问询函里，琅澄机房的上架率到底有多低？"))
    assert not QUANTITY.search(fold("What did he say about the plan?"))


def test_an_amount_relative_to_another_may_be_told_as_a_multiple() -> None:
    units = question_units("What's her estimate of the delivery costs relative to what the contracts pay?")
    assert {"x", "%"} <= units


def test_a_measure_asked_by_name_is_a_part_and_a_company_ending_in_fold_asks_no_multiple() -> None:
    asked = measures_of_parts(
        "How much cash did Quelby have left end of October, and what's its monthly burn?", []
    )
    assert {"cash", "burn"} <= asked
    assert "x" not in question_units("how much in Quarnby orders is Brierfold stuck holding?")
    assert "x" in question_units("has demand risen tenfold?")


def test_a_payout_ratio_is_a_percentage() -> None:
    assert question_units("what payout ratio does the finance chief expect after the cut?") == {"%"}
    assert question_units("信托派息比率降到多少？") == {"%"}


def test_how_big_a_piece_is_asks_a_size_as_an_amount_or_a_share() -> None:
    units = question_units(fold("How big is Tak Wing's piece of the Long Tin Data syndicated loan?"))
    assert {"%", "USD"} <= units
    assert question_units(fold("what share of the loan does Tak Wing hold?")) == {"%"}


def test_where_a_figure_dropped_to_asks_a_number_but_a_rise_to_power_does_not() -> None:
    """'what did its free cash flow drop to last quarter?' asks a number; 'the rise to power' is no move."""
    assert QUANTITY.search("what did teller's free cash flow drop to last quarter, and from what level?")
    assert QUANTITY.search("what will margins fall to next year?")
    assert not QUANTITY.search("what does the rise to power mean for them?")


def test_how_fast_in_chinese_asks_a_rate_of_growth() -> None:
    """'明年市场还能涨多快' asks how fast it grows: a percentage or a multiple, not the market's size."""
    assert question_units(fold("岚溪研究觉得明年铜缆市场还能涨多快")) == {"%", "x"}


def test_a_question_ending_on_the_preposition_a_figure_follows_asks_a_number() -> None:
    """'what did she say the funds were marked down by?', 'what do rebates really run at?', 'what did the shares close
    at?' ask numbers; 'what are they looking at?' does not."""
    assert QUANTITY.search("what did the cio say the AI funds were marked down by?")
    assert QUANTITY.search("What does the analyst reckon the agency rebates really run at?")
    assert QUANTITY.search("what did the shares close at?")
    assert not QUANTITY.search("what are they looking at?")


def test_what_something_sells_for_or_fetched_asks_a_price() -> None:
    assert QUANTITY.search("What does an hour of robot training data sell for now?")
    assert QUANTITY.search("and what did it fetch at the start of the year?")
    assert not QUANTITY.search("what did they sell for them?")


def test_a_cash_flow_asked_by_name_asks_a_number_and_how_leveraged_a_multiple() -> None:
    assert QUANTITY.search("what free cash flow is telvane guiding to for 2027?")
    assert not QUANTITY.search("what did he say about the distribution of chips?")
    assert "x" in question_units(fold("how leveraged will the landlord be once the tower sale closes?"))


def test_how_pricey_a_peak_and_where_a_target_stands_ask_numbers() -> None:
    assert QUANTITY.search(
        "After the crash, how pricey is Orrin on sales compared with older ad-tech stocks?"
    )
    assert QUANTITY.search("what did the queue top out at in june?")
    assert QUANTITY.search("where does the analyst have her price target now, and where was it before?")
    assert not QUANTITY.search("where does the analyst work now?")


def test_where_leverage_will_drop_to_is_a_multiple_or_a_rate() -> None:
    assert "x" in question_units(fold("what did the trust's CEO say leverage will drop to after the offer?"))
