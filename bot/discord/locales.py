"""Chinese names and descriptions of the application commands (zh-CN, zh-TW), given to Discord at sync.

discord.py asks a `Translator` for every name and description when it builds the sync payload; what
it returns becomes the command's `name_localizations` / `description_localizations`. Only Simplified
Chinese is written here: Traditional (Taiwan phrasing) is derived with OpenCC, as everywhere else.
"""

from __future__ import annotations

import discord
from discord import app_commands

from bot.i18n import localize

# English (exactly as written in the command definitions) → Simplified Chinese.
NAMES: dict[str, str] = {
    "bubble": "泡沫",
    "ask": "提问",
    "question": "问题",
    "sources": "来源",
    "help": "帮助",
    "ingest": "收录",
    "url": "网址",
    "digest": "摘要",
    "subscribe": "订阅",
    "unsubscribe": "退订",
    "status": "状态",
    "preview": "预览",
    "time": "时间",
    "zone": "时区",
    "language": "语言",
    "most_asked": "热门问题",
    "Ask bubblebot": "问 bubblebot",
    "chart": "图表",
    "topic": "主题",
}
DESCRIPTIONS: dict[str, str] = {
    "Ask about the AI investment bubble, with sources.": "询问AI投资泡沫，附来源。",
    "Ask a question; the answer names the speaker and the figure.": "提问；回答会注明发言人和数字。",
    "e.g. What compute target did Sam Altman set for OpenAI by 2033?": "例如：萨姆·阿尔特曼为OpenAI设定的2033年算力目标是多少？",
    "The verbatim sources of my last answer here (only to you).": "我在此处最近一次回答的原文来源（仅你可见）。",
    "What I answer and how to ask (only to you).": "我能回答什么、如何提问（仅你可见）。",
    "Add an article to my library from its URL (bubblebot's admins only).": "用网址把一篇文章加入我的资料库（仅限 bubblebot 管理员）。",
    "the http(s) link of one article": "一篇文章的 http(s) 链接",
    "This channel's daily digest of figures and quotes.": "此频道的每日数字与引语摘要。",
    "Turn on or change this channel's daily digest.": "开启或更改此频道的每日摘要。",
    "HH:MM, or 9am / 9:30 pm (default 09:00)": "HH:MM，或 9am / 9:30 pm（默认 09:00）",
    "a city, IANA zone, abbreviation or offset: Shanghai, New York, PST, UTC+8 (default UTC)": "城市、时区名、缩写或偏移：北京、纽约、PST、UTC+8（默认 UTC）",
    "the digest's language (default English)": "摘要的语言（默认英文）",
    "include “Most asked this week” (default on)": "包含“本周热门问题”（默认开启）",
    "Turn off this channel's daily digest.": "关闭此频道的每日摘要。",
    "This channel's digest settings, next digest and last delivery.": "此频道的摘要设置、下次摘要和上次推送。",
    "Today's digest for this channel, only to you.": "此频道今天的摘要，仅你可见。",
    "A chart of the figures my articles give on a topic.": "我收录的文章中某一主题的数字图表。",
    "e.g. capex, OpenAI burn, power": "例如：资本支出、OpenAI 烧钱、电力",
}
LOCALES = {discord.Locale.chinese: "zh-Hans", discord.Locale.taiwan_chinese: "zh-Hant"}
NAME_PLACES = frozenset(
    {
        app_commands.TranslationContextLocation.command_name,
        app_commands.TranslationContextLocation.group_name,
        app_commands.TranslationContextLocation.parameter_name,
    }
)


def translated(english: str, language: str, *, name: bool) -> str | None:
    """The Chinese name or description for an English one, in language (zh-Hans, zh-Hant); None if unknown."""
    simplified = (NAMES if name else DESCRIPTIONS).get(english)
    return localize({"en": english, "zh": simplified}, language) if simplified else None


class CommandTranslator(app_commands.Translator):
    """Gives discord.py the zh-CN and zh-TW names and descriptions of every command and option."""

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        """The translation of one name or description, or None to leave it English."""
        language = LOCALES.get(locale)
        if language is None:
            return None
        return translated(string.message, language, name=context.location in NAME_PLACES)
