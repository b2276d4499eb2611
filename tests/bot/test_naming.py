"""Speakers as the reader reads them: names, unnamed sources and roles in the reader's script."""

from __future__ import annotations

from bot.naming import describe, speaker_name, speaker_role
from knowledge.attribution.naming import ROLE_UNKNOWN
from knowledge.speakers import Speaker


def test_an_unnamed_source_is_shown_as_the_article_describes_it() -> None:
    bankers = Speaker(
        name="unnamed: two bankers who worked on the sale", kind="organization", role="unnamed source"
    )
    assert speaker_name(bankers, "en") == "Two bankers who worked on the sale"
    insider = Speaker(name="unnamed: 一位设备业界人士", kind="organization", role="unnamed source")
    shown = speaker_name(insider, "zh-Hant")
    assert "unnamed" not in shown and shown.startswith("一位") and shown.endswith("業界人士")


def test_an_unnamed_source_in_a_chinese_article_is_told_in_english_beside_its_chinese_words() -> None:
    """English readers get 'An unnamed banker (一位…银行人士)', never the description spelt out in pinyin."""
    banker = Speaker(
        name="unnamed: 一位参与本期债券簿记的银行人士", kind="organization", role="unnamed source"
    )
    assert speaker_name(banker, "en") == "An unnamed banker (一位参与本期债券簿记的银行人士)"
    investors = Speaker(name="unnamed: 多位法人", kind="organization", role="unnamed source")
    assert speaker_name(investors, "en") == "Several unnamed institutional investors (多位法人)"
    told = Speaker(name="unnamed: 两位知情人士", kind="organization", role="unnamed source")
    assert speaker_name(told, "en") == "Two unnamed people familiar with the matter (两位知情人士)"


def test_a_named_speaker_keeps_the_canonical_name_for_english_readers() -> None:
    altman = Speaker(name="Sam Altman", kind="person", role="CEO, OpenAI", name_zh="萨姆·阿尔特曼")
    assert speaker_name(altman, "en") == "Sam Altman"
    assert speaker_name(altman, "zh-Hant") == "薩姆·阿爾特曼"


def test_an_english_role_is_told_in_chinese_from_its_positions() -> None:
    ybarra = Speaker(
        name="Gloria Ybarra",
        kind="person",
        role="Copper Basin's treasurer",
        positions=(("treasurer", "Copper Basin"),),
    )
    assert speaker_role(ybarra, "zh-Hans") == "Copper Basin司库"
    assert speaker_role(ybarra, "en") == "Copper Basin's treasurer"


def test_a_person_the_article_never_describes_is_named_without_a_placeholder_role() -> None:
    quist = Speaker(name="Mara Quellin", kind="person", role=ROLE_UNKNOWN)
    assert describe(quist, "en") == "Mara Quellin"
    assert speaker_role(quist, "zh-Hans") == "" and "（" not in describe(quist, "zh-Hans")
