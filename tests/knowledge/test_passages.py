"""Quote-aware sentence splitting."""

from __future__ import annotations

from knowledge.passages import split_paragraphs, split_sentences


def test_quoted_speech_with_several_sentences_stays_whole() -> None:
    text = "“预算中有很多部分。尚未最终确定。仍在整合中,”首席财务官说道。“你知道,我们没有具体目标。”"
    assert split_sentences(text) == [
        "“预算中有很多部分。尚未最终确定。仍在整合中,”首席财务官说道。",
        "“你知道,我们没有具体目标。”",
    ]


def test_a_quoted_question_used_as_subject_is_not_split() -> None:
    assert split_sentences("“我们是否身处AI泡沫?”成了无法回避的问题。") == [
        "“我们是否身处AI泡沫?”成了无法回避的问题。"
    ]


def test_a_full_stop_inside_a_closing_quote_ends_the_sentence() -> None:
    text = "他告诉记者,“我认为很多部分存在泡沫。”在财报电话会议上,纳德拉告诉投资者:“不会很快实现。”"
    assert len(split_sentences(text)) == 2


def test_translation_fragments_join_the_sentence_before() -> None:
    text = "OpenAI 投資者詢問 Sam Altman。 podcast 週五,關於支出承諾。 邊緣。"
    assert split_sentences(text) == ["OpenAI 投資者詢問 Sam Altman。 podcast 週五,關於支出承諾。 邊緣。"]


def test_blank_lines_and_dashes_are_not_paragraphs() -> None:
    assert split_paragraphs("第一段。\n\n—\n第二段。\n") == ["第一段。", "第二段。"]


def test_a_long_attribution_after_a_closing_quote_stays_in_the_quotes_sentence() -> None:
    paragraph = (
        "“我们卖的是一条已经跑通的商业化路径。”云枢智能创始人兼首席执行官陈立在上市仪式后对记者说。"
        "他表示，公司企业客户数量已超过2,300家。"
    )
    assert split_sentences(paragraph) == [
        "“我们卖的是一条已经跑通的商业化路径。”云枢智能创始人兼首席执行官陈立在上市仪式后对记者说。",
        "他表示，公司企业客户数量已超过2,300家。",
    ]
