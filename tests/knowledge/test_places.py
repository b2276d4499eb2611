"""The places a question or passage names, in either language and script."""

from __future__ import annotations

from knowledge.places import places_in


def test_a_place_is_found_in_any_script_by_its_english_name() -> None:
    assert places_in("崴霖熱傳越南新廠總共要投資多少錢？") == {"vietnam"}
    assert places_in("公司计划投资42亿元在安徽新建两座工厂") == {"anhui"}
    assert places_in("How much is Huajun spending on the new Anhui plants?") == {"anhui"}


def test_a_word_inside_another_is_no_place() -> None:
    assert places_in("The Texans' bookings rose, and Georgetown analysts agreed.") == set()


def test_home_markets_pin_nothing() -> None:
    assert places_in("How much prepaid tuition do Chinese AI apps hold in China?") == set()


def test_a_nationality_names_its_country() -> None:
    assert places_in("日本廠市占還有多少？") == places_in("日系供應商仍掌握超過5成的市占率") == {"japan"}
    assert places_in("Japanese suppliers still hold half the market") == {"japan"}


def test_a_countrys_main_city_places_a_passage_in_that_country() -> None:
    assert places_in("In Tokyo, the Financial Services Agency said") == {"tokyo", "japan"}
    assert places_in("首尔的数据中心") == {"seoul", "korea"}
    assert places_in("Japanese banks") == {"japan"}


def test_a_hong_kong_listing_names_hong_kong_however_briefly_written() -> None:
    assert places_in("岚芯科技上周在港掛牌，首日升了两成。") == {"hong kong"}
    assert places_in("今年赴港上市的AI公司") == {"hong kong"}
    assert places_in("港股AI新股的首日表现") == {"hong kong"}
    assert places_in("她把港口的货柜数字告诉本报") == set()


def test_hong_kong_papers_write_their_city_as_this_port() -> None:
    assert places_in("本港家族辦公室對AI相關資產的平均配置比例已升至19%") == {"hong kong"}
