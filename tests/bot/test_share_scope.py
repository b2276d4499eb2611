"""The whole a share question takes its part of."""

from __future__ import annotations

import pytest

from bot.share_scope import whole_missing


@pytest.mark.parametrize(
    ("passage", "missing"),
    [
        ("她透露，目前在该所挂牌的数据产品超过900个，其中约五成与AI训练相关。", True),
        ("交易所披露，语料类产品约占前三季度成交额的38%。", False),
        ("The exchange said corpus deals made up 38% of trading value.", False),
    ],
)
def test_a_share_of_another_whole_does_not_answer(passage: str, missing: bool) -> None:
    assert whole_missing("澜湖交易所的成交额里，训练语料占几成？", passage) is missing


def test_a_question_naming_no_whole_misses_nothing() -> None:
    assert not whole_missing("训练语料占几成？", "挂牌的数据产品中约五成与AI训练相关。")


@pytest.mark.parametrize(
    "question",
    [
        "晴岚咨询说全球陶瓷基板市场今年有多大？数据中心占多少？",
        "中国市场占营收几成？",
        "每公里线路占成本多少？",
    ],
)
def test_a_word_holding_zhong_or_li_names_no_whole(question: str) -> None:
    # "数据中心占多少" asks the data centres' share: 中 starts a word there, it does not mean "among"
    assert not whole_missing(
        question, "據晴嵐諮詢統計，今年全球陶瓷基板市場規模約20億美元，其中資料中心應用占比約1成。"
    )
