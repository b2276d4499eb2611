"""Slack text in and out: questions from message text, and safe mrkdwn for everything we post.

Slack escapes `&`, `<` and `>` in message text and writes mentions, channels and links as
`<...>` entities. A question arrives as that markup; we turn it back into plain words. Going out,
every piece of text we did not write ourselves is escaped, and broadcast mentions (`<!channel>`,
`<!here>`, `<!everyone>`, and their `@` spellings) are neutralized so the bot can never ping a room.
"""

from __future__ import annotations

import re
from typing import Any

MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
SPECIAL = re.compile(r"<!([a-z^]+)[^>]*>")
CHANNEL_REF = re.compile(r"<#[CG][A-Z0-9]+\|([^>]*)>")
BARE_CHANNEL_REF = re.compile(r"<#[CG][A-Z0-9]+>")
LINK = re.compile(r"<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>")
BROADCAST_MARKUP = re.compile(
    r"<!(channel|here|everyone|group|subteam\^[A-Z0-9]+)(?:\|[^>]*)?>", re.IGNORECASE
)
BROADCAST_WORD = re.compile(r"(?<![\w@])@(channel|here|everyone|group)\b", re.IGNORECASE)
ZERO_WIDTH_SPACE = "\u200b"

SECTION_LIMIT = 3000
CONTEXT_ELEMENT_LIMIT = 3000
FALLBACK_LIMIT = 3000
BUTTON_TEXT_LIMIT = 75
MAX_BLOCKS = 50


def unescape(text: str) -> str:
    """Slack's escaped entities back to characters (`&amp;` last, so `&amp;lt;` stays `&lt;`)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def question_from_text(text: str) -> str:
    """The plain question in a Slack message: mentions removed, other markup as readable words."""
    plain = MENTION.sub("", text or "")
    plain = SPECIAL.sub("", plain)
    plain = CHANNEL_REF.sub(lambda m: f"#{m.group(1)}", plain)
    plain = BARE_CHANNEL_REF.sub("", plain)
    plain = LINK.sub(lambda m: m.group(2) or m.group(1), plain)
    return " ".join(unescape(plain).split())


def mentions(text: str, user_id: str | None) -> bool:
    """Whether the message text mentions user_id."""
    return bool(user_id) and any(m.group(1) == user_id for m in MENTION.finditer(text or ""))


def neutralize(text: str) -> str:
    """Broadcast mentions made harmless: markup removed, `@here` words broken with a zero-width space."""
    text = BROADCAST_MARKUP.sub(lambda m: "@" + ZERO_WIDTH_SPACE + m.group(1).split("^")[0], text)
    return BROADCAST_WORD.sub(lambda m: "@" + ZERO_WIDTH_SPACE + m.group(1), text)


def escape(text: str) -> str:
    """Text we did not write, safe for mrkdwn: `& < >` escaped and broadcast mentions neutralized."""
    escaped = (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return neutralize(escaped)


def sanitize(value: Any) -> Any:
    """A payload with every string neutralized (the last guard before anything is posted)."""
    if isinstance(value, str):
        return neutralize(value)
    if isinstance(value, dict):
        return {key: sanitize(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [sanitize(item) for item in value]
    return value


def trim(text: str, limit: int) -> str:
    """Text cut to at most `limit` characters, at a word boundary when one is near, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.8:
        cut = cut[:space]
    return _clean_cut(cut).rstrip() + "…"


def split(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    """Text in chunks of at most `limit` characters, split at paragraph, line or word boundaries."""
    chunks: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[:limit]
        at = max(window.rfind("\n\n"), window.rfind("\n"))
        if at < limit // 2:
            at = max(window.rfind(". "), window.rfind("。"), window.rfind(" "))
            at = at + 1 if at >= limit // 2 else -1
        if at <= 0:
            at = len(_clean_cut(window))
        chunks.append(rest[:at].rstrip())
        rest = rest[at:].lstrip()
    if rest:
        chunks.append(rest)
    return chunks


def _clean_cut(text: str) -> str:
    """Never leave half an escaped entity (`&am`) at the end of a cut."""
    amp = text.rfind("&")
    if amp != -1 and ";" not in text[amp:] and len(text) - amp <= 5:
        return text[:amp]
    return text
