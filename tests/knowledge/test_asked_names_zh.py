"""Names a Chinese question gives, and the words that only say what kind of party is meant."""

from __future__ import annotations

from knowledge.asked_names_zh import chinese_subject, described_company, person_opening


def test_a_kind_of_party_opening_a_question_is_no_name() -> None:
    """'开发商说…' asks the developer, whoever it is; '水務委員會主席…' is a body's chairman (會 ends 委員會);
    '天枢云今年营收多少' still names a company."""
    assert chinese_subject("开发商说这个园区每年要用掉流域补给水的多少？") is None
    assert chinese_subject("水務委員會主席派克提到農民之前被要求減少多少用水？") is None
    assert chinese_subject("监管机构认为这笔交易有多大风险？") is None
    assert chinese_subject("天枢云今年营收多少？") == "天枢云"
    assert chinese_subject("恒曦银行今年营收多少？") == "恒曦银行"  # a bank by name, not a kind of party


def test_a_question_opening_with_a_company_name_names_it_whatever_follows() -> None:
    """'琛嶼智能配股折讓幾多' opens with a company no verb or time word follows; '国产芯片', '人工智能' and '港股科技'
    open with words, not brands."""
    assert chinese_subject("琛嶼智能配股折讓幾多？") == "琛嶼智能"
    assert chinese_subject("驭澜科技去年营收多少？") == "驭澜科技"
    assert chinese_subject("国产芯片自给率是多少？") is None
    assert chinese_subject("人工智能芯片出货增长几成？") is None
    assert chinese_subject("港股科技股跌了多少？") is None


def test_a_person_asked_for_a_stance_is_the_one_asked() -> None:
    """'覃逸对这次回购纠纷是什么态度' asks 覃逸's stance, as '…怎么看' asks a view; a stance of no one named is not."""
    assert person_opening("覃逸对这次回购纠纷是什么态度？") == "覃逸"
    assert person_opening("覃逸對這次回購糾紛持什麼立場？") == "覃逸"
    assert person_opening("回购纠纷对公司有什么影响？") is None
    # a longer matter between 对 and 怎么 ("对云岫和榕屿之间的关联交易是怎么解释的")
    assert person_opening("廖振川对云岫和榕屿之间的关联交易是怎么解释的？") == "廖振川"


def test_a_new_listing_named_after_what_it_is_is_a_company() -> None:
    """'另一隻港股醫療AI新股X醫療' names a company: 新股 says what it is, 醫療 ends its name."""
    assert described_company("另一隻港股醫療AI新股澄瞳醫療招股反應點樣？") == "澄瞳醫療"


def test_a_person_asked_how_they_replied_opens_the_question() -> None:
    """'鄭國鎧對投顧降評有什麼回應？' and '郑国铠怎么回应…' ask what he said."""
    assert person_opening("鄭國鎧對投顧降評有什麼回應？") == "鄭國鎧"
    assert person_opening("郑国铠怎么回应投顾降评？") == "郑国铠"
