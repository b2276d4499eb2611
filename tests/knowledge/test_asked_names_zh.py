"""Names a Chinese question gives, and the words that only say what kind of party is meant."""

from __future__ import annotations

from knowledge.asked_names_zh import chinese_subject


def test_a_kind_of_party_opening_a_question_is_no_name() -> None:
    """'开发商说…' asks the developer, whoever it is; '水務委員會主席…' is a body's chairman (會 ends 委員會);
    '天枢云今年营收多少' still names a company."""
    assert chinese_subject("开发商说这个园区每年要用掉流域补给水的多少？") is None
    assert chinese_subject("水務委員會主席派克提到農民之前被要求減少多少用水？") is None
    assert chinese_subject("监管机构认为这笔交易有多大风险？") is None
    assert chinese_subject("天枢云今年营收多少？") == "天枢云"
    assert chinese_subject("恒曦银行今年营收多少？") == "恒曦银行"  # a bank by name, not a kind of party
