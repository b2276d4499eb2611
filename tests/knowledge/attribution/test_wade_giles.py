"""Taiwanese spellings of Chinese names, so an English question may name a Taiwanese executive either way."""

from __future__ import annotations

import pytest

from knowledge.attribution.wade_giles import wade_giles_name
from knowledge.speakers import SpeakerIndex
from tests.knowledge.attribution.quoted import quoted_in


@pytest.mark.parametrize(
    ("written", "spelled"),
    [
        ("張忠謀", "Chang Chung-mou"),
        ("郭台銘", "Kuo Tai-ming"),
        ("黃仁勳", "Huang Jen-hsun"),
        ("謝長廷", "Hsieh Chang-ting"),
        ("周子瑜", "Chou Tzu-yu"),
        ("林佩君", "Lin Pei-chun"),
    ],
)
def test_a_name_is_spelled_as_taiwan_spells_it(written: str, spelled: str) -> None:
    assert wade_giles_name(written) == spelled


def test_a_quoted_taiwanese_executive_is_found_by_either_spelling() -> None:
    speaker = quoted_in("財務長張雅琪表示，第三季毛利率為24.6%。")
    index = SpeakerIndex([speaker])
    assert index.find_mentions("what margin did Chang Ya-chi report?")[0].speaker is speaker
    assert index.find_mentions("what margin did Zhang Yaqi report?")[0].speaker is speaker


def test_luo_is_lo_in_wade_giles() -> None:
    """羅 is Lo in Taiwan's spelling, as 多 is To; 郭 keeps Kuo."""
    assert wade_giles_name("羅世傑") == "Lo Shih-chieh"
    assert wade_giles_name("郭世傑") == "Kuo Shih-chieh"
