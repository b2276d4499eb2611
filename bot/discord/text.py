"""Discord-specific phrases (button labels, acknowledgements), in English and Chinese."""

from __future__ import annotations

from functools import lru_cache

from bot.i18n import localize

PHRASES: dict[str, dict[str, str]] = {
    "sources_button": {"en": "Sources", "zh": "来源"},
    "helpful": {"en": "Helpful", "zh": "有帮助"},
    "not_helpful": {"en": "Not helpful", "zh": "没帮助"},
    "sources_footer": {"en": "Sources: {sources}", "zh": "来源：{sources}"},
    "abstained_footer": {"en": "No source in my articles answers this.",
                         "zh": "收录的文章中没有可回答此问题的来源。"},
    "thanks_up": {"en": "Thanks! I've recorded your 👍.", "zh": "谢谢！已记录你的 👍。"},
    "thanks_down": {"en": "Thanks! I've recorded your 👎; it helps me improve.",
                    "zh": "谢谢！已记录你的 👎，这有助于改进。"},
    "answer_gone": {"en": "I no longer have that answer, so I can't show its sources.",
                    "zh": "我已找不到那条回答，无法显示其来源。"},
    "no_last_answer": {"en": "I haven't answered anything here yet. Ask with `/bubble ask`.",
                       "zh": "我还没有在这里回答过问题。请用 `/bubble ask` 提问。"},
    "no_text": {"en": "That message has no text I can ask about.", "zh": "那条消息没有可以提问的文字。"},
    "failed": {"en": "Sorry, something went wrong while answering. Please try again.",
               "zh": "抱歉，回答时出了问题。请再试一次。"},
    "help_usage": {"en": "**How to ask**\n"
                         "• Mention me with your question, or DM me.\n"
                         "• `/bubble ask question:` asks in any channel.\n"
                         "• Right-click a message → Apps → **Ask bubblebot** asks about that message.\n"
                         "• **Sources** under an answer shows the verbatim quotes; 👍/👎 tell me how I did.\n"
                         "• `/bubble sources` shows the sources of my last answer here.\n"
                         "• `/bubble digest subscribe` posts a daily digest here (needs Manage Channels).\n"
                         "• `/bubble ingest url:` adds an article to my library (bubblebot's admins only).",
                   "zh": "**如何提问**\n"
                         "• 提及（@）我并附上问题，或私信我。\n"
                         "• 在任何频道使用 `/bubble ask question:` 提问。\n"
                         "• 右键点击一条消息 → 应用 → **Ask bubblebot**，就该消息提问。\n"
                         "• 回答下方的“来源”按钮显示原文引语；👍/👎 告诉我回答得如何。\n"
                         "• `/bubble sources` 显示我在此处最近一次回答的来源。\n"
                         "• `/bubble digest subscribe` 在此频道每日推送摘要（需要“管理频道”权限）。\n"
                         "• `/bubble ingest url:` 把一篇文章加入我的资料库（仅限 bubblebot 管理员）。"},
}


@lru_cache(maxsize=128)
def text(key: str, language: str) -> str:
    """The Discord phrase for key in the language (en, zh-Hans, zh-Hant; anything else is English)."""
    return localize(PHRASES[key], language)


def language_of_locale(locale: str | None) -> str:
    """The answer language for a Discord locale such as "zh-CN", "zh-TW" or "en-US"."""
    if locale == "zh-TW":
        return "zh-Hant"
    if locale == "zh-CN":
        return "zh-Hans"
    return "en"
