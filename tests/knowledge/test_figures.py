"""Figure extraction and normalization."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.corpus import load_corpus
from knowledge.figures import find_figures, format_figure

# Every figure with a unit in the two seed articles, as written, with its normalized value and unit.
SEED_FIGURES = [
    ("3500 億美元", 3.5e11, "USD"), ("4000 億美元", 4e11, "USD"), ("120億美元", 1.2e10, "USD"),
    ("1150億美元", 1.15e11, "USD"), ("1 萬億美元", 1e12, "USD"), ("600 億美元", 6e10, "USD"),
    ("200 美元", 200, "USD"), ("26 吉瓦", 26, "GW"), ("1.5 萬億美元", 1.5e12, "USD"),
    ("1000 億美元", 1e11, "USD"), ("130 億美元", 1.3e10, "USD"), ("1.4 萬億美元", 1.4e12, "USD"),
    ("95%", 95, "%"), ("5000亿美元", 5e11, "USD"), ("15倍", 15, "x"), ("250吉瓦", 250, "GW"),
    ("12万亿美元", 1.2e13, "USD"), ("2000亿美元", 2e11, "USD"), ("30亿美元", 3e9, "USD"),
    ("40亿美元", 4e9, "USD"), ("300亿美元", 3e10, "USD"), ("1400亿美元", 1.4e11, "USD"),
    ("200亿美元", 2e10, "USD"), ("2万亿美元", 2e12, "USD"),
]


def test_every_seed_figure_is_found_with_its_value() -> None:
    found = {(f.text, f.value, f.unit) for p in load_corpus().passages for f in p.figures}
    for text, value, unit in SEED_FIGURES:
        assert (text, float(value), unit) in found, text
    assert len(found) == len(SEED_FIGURES)


@pytest.mark.parametrize("text", ["几千亿美元", "数百亿美元", "数十亿美元", "2029 年", "1997年的科技股", "20世纪90年代"])
def test_vague_amounts_and_years_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_years_qualify_figures() -> None:
    burn = find_figures("而OpenAI预计到2029年将烧掉1400亿美元")[0]
    deadline = find_figures("贝恩公司的顾问估计,到2030年,AI基础设施支出浪潮需要每年产生2万亿美元的AI收入")[0]
    assert (burn.year, deadline.year, deadline.per) == (2029, 2030, "year")


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("$350 billion", 3.5e11, "USD"), ("$2 trillion", 2e12, "USD"), ("$200 a month", 200, "USD"),
    ("1.4 trillion dollars", 1.4e12, "USD"), ("250 GW", 250, "GW"), ("95 gigawatts", 95, "GW"),
    ("22%", 22, "%"), ("15x", 15, "x"), ("3500亿美元", 3.5e11, "USD"), ("1,000亿美元", 1e11, "USD"),
])
def test_english_and_chinese_forms(text: str, value: float, unit: str) -> None:
    [figure] = find_figures(text)
    assert (figure.value, figure.unit, figure.text) == (value, unit, text.split(" a month")[0])


_amounts = st.decimals(min_value=1, max_value=9999, places=1).map(float)


@given(_amounts, st.sampled_from([("亿美元", 1e8), ("億美元", 1e8), ("万亿美元", 1e12), ("萬億美元", 1e12),
                                  ("万美元", 1e4), ("美元", 1.0)]), st.booleans())
def test_chinese_money_round_trips(amount: float, suffix: tuple[str, float], spaced: bool) -> None:
    written = f"{amount:g}{' ' if spaced else ''}{suffix[0]}"
    [figure] = find_figures(f"据报道,该公司投入{written}建设数据中心。")
    assert figure.unit == "USD"
    assert figure.value == pytest.approx(amount * suffix[1])
    assert figure.text == written


@given(st.floats(min_value=1, max_value=5e13, allow_nan=False), st.sampled_from(["USD", "GW", "%", "x"]))
def test_english_rendering_parses_back(value: float, unit: str) -> None:
    written = format_figure(value, unit)
    [figure] = find_figures(f"They said {written} by 2030.")
    assert figure.unit == unit
    assert figure.value == pytest.approx(value, rel=0.01)
