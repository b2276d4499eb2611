"""Hong Kong spellings of Chinese names, so an English question may name a Hong Kong analyst as Hong Kong does."""

from __future__ import annotations

import pytest

from knowledge.attribution import attribute_source
from knowledge.attribution.cantonese import cantonese_brand, cantonese_names, cantonese_syllables
from knowledge.speakers import SpeakerIndex
from tests.knowledge.attribution.quoted import quoted_in


@pytest.mark.parametrize(
    ("written", "spelled"),
    [
        ("區詠芝", "Au Wing-chi"),
        ("麥淑儀", "Mak Suk-yee"),
        ("杜嘉朗", "To Ka-long"),
        ("鄺志恒", "Kwong Chi-hang"),
        ("司徒穎欣", "Szeto Wing-yan"),
        ("梁振英", "Leung Chun-ying"),
        ("曾蔭權", "Tsang Yam-kuen"),
        ("李嘉誠", "Li Ka-shing"),
        ("謝霆鋒", "Tse Ting-fung"),
        ("余文樂", "Yu Man-lok"),
        ("张国荣", "Cheung Kwok-wing"),
        ("岑浩勤", "Shum Ho-kan"),  # 岑 and 沈 are "Shum" by custom
        ("沈嘉文", "Shum Ka-man"),
    ],
)
def test_a_name_is_spelled_as_hong_kong_spells_it(written: str, spelled: str) -> None:
    assert spelled in cantonese_names(written)


def test_a_surname_keeps_one_spelling_of_its_vowels() -> None:
    assert not any(name.startswith("Chun ") for name in cantonese_names("陳大文"))
    assert cantonese_syllables("can4", surname=True) == ["chan", "tsan"]


def test_a_name_gets_a_handful_of_spellings_at_most() -> None:
    assert 1 <= len(cantonese_names("徐子淇")) <= 8
    assert cantonese_names("陳") == []


def test_a_quoted_hong_kong_analyst_is_found_by_the_hong_kong_spelling() -> None:
    speaker = quoted_in("盛峰證券分析員區詠芝表示，集團今年的減值撥備或達3億元。")
    index = SpeakerIndex([speaker])
    assert index.find_mentions("what impairment does Au Wing-chi expect?")[0].speaker is speaker
    assert index.find_mentions("what impairment does Ou Yongzhi expect?")[0].speaker is speaker


def test_a_hong_kong_companys_brand_is_spelt_as_hong_kong_spells_it() -> None:
    assert cantonese_brand("恒灃") == ["Hang Fung"]
    result = attribute_source(
        [["生產電堆的恒灃氫能昨晚發出盈警，預計中期虧損擴大。"]], "zh-Hant", SpeakerIndex([])
    )
    company = result.speakers[0][0]
    assert company is not None and "Hang Fung" in company.aliases


def test_a_hong_kong_brand_written_alone_and_a_kwun_are_spelt_as_hong_kong_does() -> None:
    """'達晞在通知中指出' names the brand alone: still 'Tat Hei' to an English reader; 冠 is 'Kwun', as in Kwun Tong."""
    assert cantonese_brand("冠澤")[0] == "Kwun Chak"
    result = attribute_source(
        [["本港資產管理公司達晞資產管理昨日通知基金持有人。", "達晞在通知中指出，約28%的贖回要求被順延。"]],
        "zh-Hant",
        SpeakerIndex([]),
    )
    company = result.speakers[0][1]
    assert company is not None and "Tat Hei" in company.aliases
