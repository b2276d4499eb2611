"""How many months from a year's start a question or a passage covers."""

from __future__ import annotations

import pytest

from knowledge.year_spans import month_spans


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("澄港今年頭九個月賣出多少產品？", {9}),
        ("首三季相關產品的銷售額約40億美元", {9}),
        ("公司前三季度营业收入18亿元", {9}),
        ("本港银行今年首十个月售出的产品总额", {10}),
        ("Issuance reached $20 billion in the first ten months of the year.", {10}),
        ("上半年净利润增长12%", {6}),
        ("第三季度营收增长8%", set()),
    ],
)
def test_the_span_of_the_year_a_text_names(text: str, spans: set[int]) -> None:
    assert month_spans(text) == spans
