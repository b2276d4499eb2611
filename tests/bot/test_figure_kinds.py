"""What a figure is beside its measure: a share, a comparison, a change against a year or a quarter, a count."""

from __future__ import annotations

from bot.asked_figure_cues import PER_SHARE_ASKED
from bot.figure_kinds import (
    comparison_basis,
    counted_things,
    figure_basis,
    is_change,
    is_comparison,
    is_share_of,
    other_count,
    whole_for_segment,
)
from knowledge.figures import Figure, find_figures


def _figure(text: str, written: str) -> Figure:
    return next(f for f in find_figures(text) if f.text == written)


def test_a_part_of_something_is_a_share_in_either_language() -> None:
    english = "She estimates that about 35% of the year's bookings were paid up front."
    chinese = "前三大客户合计占营收的58%。"
    assert is_share_of(english, _figure(english, "35%"))
    assert is_share_of(chinese, _figure(chinese, "58%"))
    rise = "Bookings rose 47% to $1.36 billion."
    assert not is_share_of(rise, _figure(rise, "47%"))


def test_less_or_more_than_something_is_a_comparison() -> None:
    text = "He estimated that the cluster would draw 40% less water than older data centres."
    assert is_comparison(text, _figure(text, "40%"))


def test_growth_says_which_period_it_is_measured_against() -> None:
    text = "嘉频第三季合并营收新台币42.6亿元，季增18%、年增35%。"
    assert figure_basis(text, _figure(text, "18%")) == "quarter"
    assert figure_basis(text, _figure(text, "35%")) == "year"
    assert comparison_basis("how much did revenue grow from a year earlier?") == "year"
    assert comparison_basis("How much did revenue grow?") is None
    monthly = "瀚駿科技公布11月合併營收新台幣1,862億元，月增12%，年增74%。"
    assert figure_basis(monthly, _figure(monthly, "12%")) == "month"
    assert figure_basis(monthly, _figure(monthly, "74%")) == "year"


def test_a_count_of_the_same_thing_must_agree() -> None:
    question = counted_things("what will all six of Sunvane's data halls cost in total?")
    assert question == {"hall": 6}
    assert other_count(question, "Sunvane's first two halls are expected to cost about $2.1 billion.")
    assert not other_count(question, "The six halls will cost $6 billion.")
    assert counted_things("It plans 1.2 gigawatts over 20 years.") == {"year": 20}
    # what the asker has read is no count of things in the story
    assert counted_things("What was the run rate in October? I've seen two very different numbers") == {}


def test_a_passage_that_never_names_the_counted_thing_does_not_answer_for_it() -> None:
    question = counted_things("what will all six of Sunvane's data halls cost in total?")
    assert other_count(
        question, "Sunvane will pay $95 million upfront toward a plant that treats wastewater."
    )
    assert not other_count(question, "六座数据大厅总投资约60亿美元。")


def test_a_move_is_a_change_and_a_level_is_not() -> None:
    rise = "Residential rates rose 7.1% on average last year."
    chinese = "上市首日收涨9.6%，换手率31%。"
    level = "Large users would pay for about 40% of the upgrades."
    assert is_change(rise, _figure(rise, "7.1%"))
    assert is_change(chinese, _figure(chinese, "9.6%"))
    assert not is_change(chinese, _figure(chinese, "31%"))
    assert not is_change(level, _figure(level, "40%"))
    part = "Its payments would make up about 18% of the district's revenue."
    assert not is_change(part, _figure(part, "18%"))
    lined = "The trust has lined up $9.6 billion of private credit."
    assert not is_change(lined, _figure(lined, "$9.6 billion"))
    wrote = "Veyridge wrote down $640 million of unsold accelerators."
    assert not is_change(wrote, _figure(wrote, "$640 million"))
    tied = "The deposits would tie up about $85 million of the lender's cash next year."
    assert not is_change(tied, _figure(tied, "$85 million"))
    went = "Shares were up about 12% by noon."
    assert is_change(went, _figure(went, "12%"))


def test_a_question_about_a_group_and_its_biggest_member_alone_takes_the_groups_total() -> None:
    from bot.figure_kinds import total_for_one

    passage = "2025年公司前五大客户合计贡献了83%的营收，其中第一大客户一家就占41%。"
    assert not total_for_one(
        "what share came from its top 5 customers, and from the biggest one alone?", passage
    )
    assert total_for_one("what was the biggest customer's share on its own?", passage)


def test_a_time_ago_or_one_of_several_things_is_no_count() -> None:
    assert counted_things("how much does one of those memory testers cost now, vs 2 yrs ago?") == {}
    assert counted_things("what will all six of its data halls cost?") == {"hall": 6}


def test_one_segments_revenue_is_not_answered_by_the_whole_companys() -> None:
    total = "total revenue rose 61% to "
    assert whole_for_segment("what was Tarrow's HBM revenue last quarter?", total)
    assert whole_for_segment("塔若的AI收入有多少？", "公司总营收增长61%至")
    assert not whole_for_segment("How much revenue did Tarrow book last quarter?", total)
    assert not whole_for_segment("OpenAI营收多少？", "总营收约")
    # the total of an earlier clause says nothing of this figure's
    assert not whole_for_segment(
        "what was its HBM revenue?", "total revenue rose 61%, and hbm sales reached "
    )


def test_eps_between_chinese_characters_asks_a_figure_per_share() -> None:
    """'穎矽明年EPS到底能成長多少' asks earnings per share, though no word boundary sets the acronym apart."""
    assert PER_SHARE_ASKED.search("穎澄明年EPS到底能成長多少？")


def test_a_passage_counting_as_many_of_something_else_may_answer() -> None:
    question = counted_things("ambergrove says token prices at the big five labs dropped by how much?")
    assert not other_count(question, "Prices from the five largest model developers have fallen 79%.")
    assert other_count(question, "Prices from the three largest model developers have fallen 79%.")
