"""What a figure measures, as a reader of the sentence would say."""

from __future__ import annotations

from knowledge.figure_measures import figure_measures, head_measures
from knowledge.figures import find_figures
from knowledge.passages import Passage


def _passage(text: str) -> Passage:
    return Passage(id="s:1.1", source_id="s", paragraph=1, sentence=1, text=text, figures=find_figures(text))


def test_the_measure_next_to_the_figure_is_what_it_measures() -> None:
    income = _passage("苏澜银行还披露，上半年该行来自智算中心贷款的利息收入约为人民币9.8亿元。")
    assert head_measures(income, income.figures[0]) == {"revenue"}
    loans = _passage("截至6月末，该行投向智算中心的贷款余额为人民币386亿元。")
    assert head_measures(loans, loans.figures[0]) == {"debt"}


def test_a_measure_written_after_the_figure_counts() -> None:
    passage = _passage("据报道 OpenAI 受到了打击 120億美元 今年夏天的年收入。")
    assert "revenue" in head_measures(passage, passage.figures[0])


def test_the_level_a_move_ends_at_measures_what_moved() -> None:
    sales = _passage("Revenue in the fiscal second quarter, which ended in July, rose 4% to $9.1 billion.")
    assert head_measures(sales, sales.figures[1]) == {"revenue"}
    assert "growth" in head_measures(sales, sales.figures[0])
    chinese = _passage("公司前三季度营业收入同比增长35%至42.6亿元。")
    assert head_measures(chinese, chinese.figures[1]) == {"revenue"}
    share = _passage("相关订单的占比，从一年前的2成升至目前约45%。")
    assert "share" in head_measures(share, share.figures[1])


def test_the_noun_a_measure_word_qualifies_is_what_the_figure_measures() -> None:
    bonds = _passage("The council let the utility sell $90 million of revenue bonds to build substations.")
    assert "debt" in head_measures(bonds, bonds.figures[0])


def test_a_bound_or_a_price_per_share_is_not_what_a_figure_measures() -> None:
    ipo = _passage("Lumenforge priced its initial public offering at $40 a share on Wednesday.")
    assert head_measures(ipo, ipo.figures[0]) == {"price"}
    tender = _passage("The tender lets employees sell up to $1.2 billion of stock.")
    assert head_measures(tender, tender.figures[0]) == {"sale"}
    assert "cap" in head_measures(tender, tender.figures[0], {"cap"})


def test_receivables_are_money_owed_not_a_sale() -> None:
    owed = _passage("截至9月底，公司应收账款达37亿元，较年初增长约八成。")
    assert head_measures(owed, owed.figures[0]) == {"receivables"}


def test_a_word_inside_a_company_s_name_is_no_measure_of_the_figure_after_it() -> None:
    loan = _passage(
        "A group of 14 banks has agreed to lend Harbourgate Data Holdings $3.6 billion for the campus."
    )
    assert head_measures(loan, loan.figures[0]) == {"debt"}


def test_a_measure_ending_the_clause_before_is_the_topic_of_the_figures_after_it() -> None:
    passage = _passage("其中AI相关订单的占比，从一年前的2成升至目前约45%。")
    assert "share" in head_measures(passage, passage.figures[1], {"share"})


def test_inventory_is_goods_on_hand_not_revenue() -> None:
    stock = _passage("公司存货余额已升至2.2亿元，超过上半年收入的一半。")
    assert head_measures(stock, stock.figures[0]) == {"inventory"}
    english = _passage("It was carrying $1.3 billion of inventory at the end of the quarter.")
    assert "inventory" in head_measures(english, english.figures[0])


def test_a_cost_cut_is_a_saving_and_an_aside_names_no_measure() -> None:
    cut = _passage("她表示，绿电协议能让园区的电费支出每年减少约1.2亿元。")
    assert "saving" in figure_measures(cut, cut.figures[0])
    aside = _passage("The company said net revenue retention, which counts upgrades and seat cuts, was 109%.")
    assert "retention" in figure_measures(aside, aside.figures[0])


def test_a_total_measures_what_its_subject_names_however_many_commas_before() -> None:
    """ "Loans tied to data centres, powered land and offices add up to about $4.2 billion" is debt, no cap."""
    passage = _passage(
        "Foxbury estimated that loans tied to data centres, powered land and offices leased to AI companies "
        "add up to about $4.2 billion, or 31% of the book."
    )
    measures = figure_measures(passage, passage.figures[0])
    assert "debt" in measures and "cap" not in measures


def test_the_hourly_rate_charged_for_chips_is_rent() -> None:
    """ "The hourly rates it charges for older accelerators have fallen 35%" answers what rental rates did."""
    passage = _passage(
        "He conceded that the hourly rates it charges for older accelerators have fallen by about 35%."
    )
    assert "rent" in figure_measures(passage, passage.figures[0])
