"""The digest as a Block Kit message: a header, one section per part, sources in context lines.

Within Slack's limits: header ≤ 150 characters, section text ≤ 3000, ≤ 50 blocks; long lists are cut
with a count of what was left out. Text from articles and users is escaped.
"""

from __future__ import annotations

from typing import Any

from bot.digest.model import Digest, DigestItem, ItemKind
from bot.digest.render import empty_note, render_digest_text, title
from bot.digest.text import digest_text
from bot.slack.text import FALLBACK_LIMIT, SECTION_LIMIT, escape, split, trim

HEADER_LIMIT = 150
LIST_LIMIT = 10
CARDS: tuple[ItemKind, ...] = ("figure", "quote")
LISTS: tuple[ItemKind, ...] = ("new_source", "most_asked")
ICONS = {"figure": "📊", "quote": "💬", "new_source": "🆕", "most_asked": "🔥"}


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": trim(text, SECTION_LIMIT)}]}


def _heading(kind: ItemKind, language: str) -> str:
    return f"{ICONS[kind]} *{digest_text(kind, language)}*"


def _card(item: DigestItem, language: str) -> list[dict[str, Any]]:
    lines = [_heading(item.kind, language)]
    if item.shown_figures:
        lines.append(f"*{escape(item.shown_figures)}*")
    lines.append(escape(item.body or item.text))
    return [_section(trim("\n".join(lines), SECTION_LIMIT)), _context(escape(item.place or ""))]


def _listing(kind: ItemKind, items: list[DigestItem], note: str, language: str) -> list[dict[str, Any]]:
    if not items:
        return [_section(f"{_heading(kind, language)}\n{escape(note)}")]
    lines = [f"• {escape(item.text)}" for item in items[:LIST_LIMIT]]
    if len(items) > LIST_LIMIT:
        lines.append(f"… +{len(items) - LIST_LIMIT}")
    chunks = split("\n".join([_heading(kind, language), *lines]), SECTION_LIMIT)
    return [_section(chunk) for chunk in chunks[:3]]


def render_slack_digest(digest: Digest) -> dict[str, Any]:
    """`{"text": fallback, "blocks": [...]}` for chat.postMessage or a response_url."""
    language = digest.language
    blocks: list[dict[str, Any]] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": trim(title(digest), HEADER_LIMIT), "emoji": True},
        }
    ]
    for kind in CARDS:
        for item in digest.of(kind):
            blocks += [*_card(item, language), {"type": "divider"}]
    for kind in LISTS:
        note = empty_note(digest, kind)
        items = digest.of(kind)
        if items or note:
            blocks += _listing(kind, items, note or "", language)
    blocks.append(_context(digest_text("footer", language)))
    return {"text": trim(escape(render_digest_text(digest)), FALLBACK_LIMIT), "blocks": blocks}
