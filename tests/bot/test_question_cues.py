"""What kind of thing a question asks, as its asker meant it."""

from __future__ import annotations

from bot.question_cues import DEAL, QUOTE_NOW
from knowledge.scripts import fold


def test_the_value_of_shares_a_lock_up_frees_is_reported_not_live() -> None:
    """'12月要解禁的市值有多少' asks what the articles report about a lock-up, not a live market value."""
    question = fold("衡岚数据说12月光模块要解禁的市值加起来有多少？")
    assert QUOTE_NOW.search(question) and DEAL.search(question)
    assert not DEAL.search(fold("澄芯现在市值多少？"))
