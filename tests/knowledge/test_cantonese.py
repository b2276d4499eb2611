"""Colloquial Cantonese read as standard written Chinese."""

from __future__ import annotations

from knowledge.cantonese import to_written_chinese


def test_cantonese_question_words_become_written_chinese_in_the_same_script() -> None:
    assert to_written_chinese("曜芯去年營收幾多？比前年多咗幾多？") == "曜芯去年營收多少？比前年多了多少？"
    assert to_written_chinese("佢係咪話會減價？") == "他是不是話會減價？"
    assert to_written_chinese("灝芯而家手上有幾多訂單？") == "灝芯現在手上有多少訂單？"


def test_losing_money_in_cantonese_is_a_loss_while_erosion_stays_erosion() -> None:
    assert to_written_chinese("恒灃今個中期蝕咗幾多？") == "恒灃今個中期虧了多少？"
    assert to_written_chinese("價格戰侵蝕利潤") == "價格戰侵蝕利潤"


def test_a_word_that_merely_contains_a_cantonese_character_stays() -> None:
    assert to_written_chinese("兩家公司的關係很好") == "兩家公司的關係很好"
    assert to_written_chinese("Revenue rose 9%") == "Revenue rose 9%"


def test_saving_and_giving_in_cantonese_are_written_chinese() -> None:
    assert to_written_chinese("裁員之後每年可以慳到幾多錢？") == "裁員之後每年可以省到多少錢？"
    assert to_written_chinese("要畀客戶幾多折扣？") == "要給客戶多少折扣？"
