"""The digest's own phrases in English and Simplified Chinese (Traditional is converted), and dates."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from bot.i18n import convert, localize

PHRASES: dict[str, dict[str, str]] = {
    "title": {"en": "bubblebot daily digest · {date}", "zh": "bubblebot 每日摘要 · {date}"},
    "figure": {"en": "Figure of the day", "zh": "今日数字"},
    "quote": {"en": "Quote of the day", "zh": "今日引语"},
    "new_source": {"en": "New since the last digest", "zh": "上期摘要以来的新文章"},
    "most_asked": {"en": "Most asked this week", "zh": "本周热门问题"},
    "nothing_new": {"en": "No new articles since the last digest.", "zh": "上期摘要以来没有新文章。"},
    "none_asked": {"en": "Nobody asked me anything here this week. Try `/bubble ask`.",
                   "zh": "本周这里还没有人提问。试试 `/bubble ask`。"},
    "times": {"en": "{n}×", "zh": "{n}次"},
    "place": {"en": "{title} — {publisher}, paragraph {paragraph}", "zh": "《{title}》（{publisher}）第{paragraph}段"},
    "added": {"en": "{title} — {publisher} ({language})", "zh": "《{title}》（{publisher}，{language}）"},
    "footer": {"en": "Every figure and quote is verbatim from the articles. `/bubble digest unsubscribe` stops "
                     "these posts.",
               "zh": "所有数字和引语均出自收录文章原文。使用 `/bubble digest unsubscribe` 可停止推送。"},
}
LANGUAGE_NAMES = {"en": {"en": "English", "zh": "英文"}, "zh-Hans": {"en": "Simplified Chinese", "zh": "简体中文"},
                  "zh-Hant": {"en": "Traditional Chinese", "zh": "繁体中文"}}
WEEKDAYS_ZH = "一二三四五六日"
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


@lru_cache(maxsize=128)
def digest_text(key: str, language: str) -> str:
    """A digest phrase in the channel's language (en, zh-Hans, zh-Hant)."""
    return localize(PHRASES[key], language)


def language_name(code: str, language: str) -> str:
    """The name of a content language (en, zh-Hans, zh-Hant) in the channel's language."""
    names = LANGUAGE_NAMES.get(code, {"en": code, "zh": code})
    return names["en"] if language == "en" else convert(names["zh"], language)


def long_date(day: date, language: str) -> str:
    """'Monday 23 November 2026' or '2026年11月23日 星期一'."""
    if language == "en":
        return f"{WEEKDAYS_EN[day.weekday()]} {day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    return convert(f"{day.year}年{day.month}月{day.day}日 星期{WEEKDAYS_ZH[day.weekday()]}", language)
