"""Chinese names of people and organizations in pinyin, an organization's generic end in English."""

from __future__ import annotations

import pytest

from knowledge.attribution.naming_pinyin import pinyin_name, pinyin_org, pinyin_org_variants


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("陳冠宇", "Chen Guanyu"),
        ("吴佩珊", "Wu Peishan"),
        ("周敏", "Zhou Min"),
        ("欧阳明远", "Ouyang Mingyuan"),
        ("區詠芝", "Ou Yongzhi"),  # 区 is Ōu as a surname, qū as a district
        ("单立明", "Shan Liming"),
        ("欧阳立", "Ouyang Li"),
        ("邓嘉恩", "Deng Jia'en"),  # pinyin's apostrophe before a syllable opening in a, o or e
        ("林安", "Lin An"),
        ("韦泊川", "Wei Bochuan"),  # 泊 is bó in a name, pō in a lake
        ("翟明远", "Zhai Mingyuan"),  # 翟 is Zhái as a surname
        ("甘劲松", "Gan Jinsong"),  # 劲 is jìn in a name
        ("卜嘉禾", "Bu Jiahe"),  # 卜 is Bǔ as a surname, bo in 萝卜
        ("阚思远", "Kan Siyuan"),  # 阚 is Kàn as a surname
        ("薄启明", "Bo Qiming"),  # 薄 is Bó as a surname, báo when thin
        ("尉迟明", "Yuchi Ming"),  # a compound surname; 尉 alone is Yù
        ("簡士崴", "Jian Shiwei"),  # 崴 is wēi in a name
        ("葛若岑", "Ge Ruocen"),  # 若 is ruò in a name, not the rě of 惹
    ],
)
def test_chinese_names_get_pinyin_surname_first(written: str, expected: str) -> None:
    assert pinyin_name(written) == expected


def test_chinese_organizations_get_pinyin_with_their_generic_ending_in_english() -> None:
    assert pinyin_org("禾跃半导体") == "Heyue Semiconductor"
    assert pinyin_org("澜石云") == "Lanshi Cloud"
    assert pinyin_org("江南电力交易中心") == "Jiangnan Power Exchange"
    assert pinyin_org("上海证券交易所") == "Shanghai Stock Exchange"


def test_an_organization_is_also_spelled_with_a_characters_other_common_reading() -> None:
    assert "Ruisheng Securities" in pinyin_org_variants("瑞晟證券")  # 晟: chéng by default, shèng in names
    assert pinyin_org_variants("禾跃半导体") == []
    assert pinyin_org_variants("恒灃氫能") == []  # 能 has only rare other readings


def test_research_houses_and_outlets_get_english_names_a_reader_would_type() -> None:
    assert pinyin_org("知衡咨询") == "Zhiheng Consulting"
    assert pinyin_org("鹭岛财经日报") == "Ludao Financial Daily"
    assert pinyin_org("《新消费日报》") == "Xinxiaofei Daily"
    assert pinyin_org("衡钧精工").split()[0] == "Hengjun"
    assert pinyin_org("碩崙銅箔").split()[0] == "Shuolun"


def test_a_city_bureau_is_named_in_english() -> None:
    assert pinyin_org("崇澜市公安局") == "Chonglan Municipal Public Security Bureau"


def test_a_generic_word_before_the_generic_end_is_english_too() -> None:
    assert pinyin_org("澜湖数据交易所") == "Lanhu Data Exchange"
    assert pinyin_org("禾跃半导体") == "Heyue Semiconductor"


def test_sheng_is_how_a_given_name_reads_its_character() -> None:
    """晟 is shèng in a given name (阎晟 is Yan Sheng), whatever running text reads it as."""
    assert pinyin_name("阎晟") == "Yan Sheng"
