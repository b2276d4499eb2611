"""The units whose figures could answer a question, as its reader would accept them."""

from __future__ import annotations

from knowledge.asked_units import CURRENCIES, measures_of_parts, question_units
from knowledge.scripts import fold


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
