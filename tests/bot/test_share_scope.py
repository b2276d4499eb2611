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


def test_a_share_of_the_amount_the_question_names_is_told_apart() -> None:
    from bot.share_scope import share_of_amount
    from knowledge.figures import find_figures
    from knowledge.passages import Passage

    def passage(text: str) -> Passage:
        return Passage(
            id="s:1.1", source_id="s", paragraph=1, sentence=1, text=text, figures=find_figures(text)
        )

    named = find_figures("of Marlow Power's $3.1bn line, what portion do miners pay?")
    of_it = passage("Miners would cover about 70% of the $3.1 billion through fixed charges.")
    other = passage("Miners must pay for at least 90% of the power they reserve.")
    assert share_of_amount(of_it, of_it.figures[0], named)
    assert not share_of_amount(other, other.figures[0], named)
