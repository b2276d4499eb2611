"""The reader's script and figures: Taiwan phrasing, Chinese figure formats, and the script of shared-character questions."""

from __future__ import annotations

from bot.figure_text import figure_for, format_figure_zh
from bot.i18n import convert, phrase
from bot.service import AnswerService
from knowledge.language import conversation_script, detect_language, script_of_locale


def test_traditional_uses_taiwan_phrasing_and_keeps_transliterated_names() -> None:
    assert convert("OpenAI首席执行官", "zh-Hant") == "OpenAI執行長"
    assert convert("数据中心", "zh-Hant") == "資料中心"
    assert convert("布雷特·泰勒（Sierra首席执行官）", "zh-Hant") == "布雷特·泰勒（Sierra執行長）"
    assert convert("达里奥·阿莫代伊", "zh-Hant") == "達里奧·阿莫代伊"
    assert phrase("no_sources", "zh-Hant") == "此回答沒有引用來源。"


def test_figures_are_written_for_the_reader() -> None:
    assert format_figure_zh(2.5e11, "USD", "zh-Hans") == "2,500亿美元"
    assert format_figure_zh(2.5e11, "USD", "zh-Hant") == "2,500億美元"
    assert format_figure_zh(4.2e9, "CNY", "zh-Hans") == "人民币42亿元"
    assert format_figure_zh(1.284e11, "TWD", "zh-Hant") == "新台幣1,284億元"
    assert format_figure_zh(1.5e12, "USD", "zh-Hans") == "1.5万亿美元"
    assert format_figure_zh(1.5e12, "USD", "zh-Hant") == "1.5兆美元"
    assert format_figure_zh(250, "GW", "zh-Hans") == "250吉瓦"
    assert format_figure_zh(15, "x", "zh-Hans") == "15倍"
    assert format_figure_zh(95, "%", "zh-Hant") == "95%"
    assert figure_for(3.5e11, "USD", "en") == "$350 billion"
    assert figure_for(4.2e9, "CNY", "en") == "CNY 4.2 billion"
    assert figure_for(1.284e11, "TWD", "en") == "NT$128.4 billion"
    assert figure_for(250, "GW", "en") == "250 GW"


def test_shared_characters_take_the_script_of_the_conversation_or_locale() -> None:
    assert detect_language("AI泡沫") == "zh-Hans"
    assert detect_language("AI泡沫", hint="zh-TW") == "zh-Hant"
    assert detect_language("AI泡沫", hint="zh-Hant") == "zh-Hant"
    assert detect_language("AI泡沫是什么", hint="zh-TW") == "zh-Hans"  # its own characters decide
    # 岳 and 余 are written in Traditional names too: "衡岳…目標" is Traditional by 標
    assert detect_language("衡岳明年的毛利率目標是多少？") == "zh-Hant"
    assert detect_language("衡岳明年的毛利率目标是多少？") == "zh-Hans"
    assert conversation_script(["Who is Bret Taylor?", "泰勒怎麼看AI泡沫？", "AI泡沫"]) == "zh-Hant"
    assert conversation_script([], "zh_HK") == "zh-Hant" and conversation_script([], "en-US") is None
    assert script_of_locale("zh-CN") == "zh-Hans"


def test_a_shared_character_follow_up_is_answered_in_the_thread_script(service: AnswerService) -> None:
    assert service.ask("AI泡沫", history=["泰勒怎麼看AI泡沫？"]).language == "zh-Hant"
    assert service.ask("AI泡沫", locale="zh-TW").language == "zh-Hant"
    assert service.ask("AI泡沫").language == "zh-Hans"


def test_every_language_has_every_message_with_the_same_placeholders() -> None:
    import string

    from bot.i18n import catalogue, languages, template

    english = catalogue("en").messages
    assert set(languages()) == {"en", "zh-Hans", "zh-Hant"}
    for language in languages():
        for key, text in english.items():
            fields = {f for _, f, _, _ in string.Formatter().parse(text) if f}
            translated = template(key, language)
            assert {f for _, f, _, _ in string.Formatter().parse(translated) if f} <= fields | {"usage"}, key
    assert set(catalogue("zh-Hans").messages) == set(english)  # written, not left to fall back


def test_the_reply_language_follows_the_words_then_the_locale_then_the_channel() -> None:
    from bot.i18n import reply_language

    assert reply_language("阿尔特曼怎么看泡沫？") == "zh-Hans"
    assert reply_language("泰勒怎麼看AI泡沫？") == "zh-Hant"
    assert reply_language("Is it a bubble?", locale="zh-TW") == "en"
    assert reply_language("", locale="zh-TW") == "zh-Hant"
    assert reply_language(None, locale="en-US", setting="zh-Hans") == "en"
    assert reply_language(None, setting="zh-Hant") == "zh-Hant"
    assert reply_language(None, locale="fr") == "en"


def test_errors_speak_the_readers_language() -> None:
    from bot.digest.options import DigestUsageError, parse_zone
    from bot.errors import RateLimited

    assert RateLimited(3).localized("zh-Hant") == "你提問得太快了，我跟不上。請在 3 秒後再試。"
    assert str(RateLimited(3)) == "You're asking faster than I can keep up. Please try again in 3 s."
    try:
        parse_zone("Shangai")
    except DigestUsageError as error:
        assert "Did you mean Asia/Shanghai?" in str(error)
        assert "你是不是指 Asia/Shanghai？" in error.localized("zh-Hans")
    else:
        raise AssertionError("Shangai is not a zone")
