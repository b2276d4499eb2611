"""English sentence splitting: abbreviations, initials, decimals and quoted speech."""

from __future__ import annotations

import pytest

from knowledge.passages import split_sentences


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Mr. Reyes said costs rose. He was worried.", ["Mr. Reyes said costs rose.", "He was worried."]),
        (
            "Demand in the U.S. grew 4.5% last year. Prices fell.",
            ["Demand in the U.S. grew 4.5% last year.", "Prices fell."],
        ),
        (
            "The firm moved to the U.S. The move paid off.",
            ["The firm moved to the U.S.", "The move paid off."],
        ),
        (
            "Shares of Vantrix Inc. rose $1.25 to $41.50 on Tuesday.",
            ["Shares of Vantrix Inc. rose $1.25 to $41.50 on Tuesday."],
        ),
        (
            "J. P. Morgan analysts agreed. Dr. Lee did not.",
            ["J. P. Morgan analysts agreed.", "Dr. Lee did not."],
        ),
        (
            '"We are sold out. Really," she said. "It is not a bubble."',
            ['"We are sold out. Really," she said.', '"It is not a bubble."'],
        ),
        (
            "“Demand is real. It is not hype,” he said. Analysts disagreed.",
            ["“Demand is real. It is not hype,” he said.", "Analysts disagreed."],
        ),
        ("Is it a bubble? Nobody knows!", ["Is it a bubble?", "Nobody knows!"]),
    ],
)
def test_english_sentences(paragraph: str, expected: list[str]) -> None:
    assert split_sentences(paragraph, "en") == expected


def test_chinese_splitting_is_unchanged_by_default() -> None:
    assert split_sentences("他说。她也说了很多话。") == ["他说。", "她也说了很多话。"]
