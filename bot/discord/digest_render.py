"""The digest as one Discord embed: a field per part, within Discord's limits (field 1024, embed 6000)."""

from __future__ import annotations

import discord

from bot.digest.model import Digest, DigestItem, ItemKind
from bot.digest.render import empty_note, title
from bot.digest.text import digest_text
from bot.discord.render import EMBED_FOOTER, EMBED_TITLE, FIELD_NAME, FIELD_VALUE, clip

LIST_LIMIT = 10
DIGEST_COLOUR = discord.Colour(0xF1C40F)
ICONS = {"figure": "📊", "quote": "💬", "new_source": "🆕", "most_asked": "🔥"}
CARDS: tuple[ItemKind, ...] = ("figure", "quote")
LISTS: tuple[ItemKind, ...] = ("new_source", "most_asked")


def _card_value(item: DigestItem) -> str:
    lines = [f"**{discord.utils.escape_markdown(item.shown_figures)}**"] if item.shown_figures else []
    lines.append(discord.utils.escape_markdown(item.body or item.text))
    place = f"\n*{discord.utils.escape_markdown(item.place or '')}*"
    return clip("\n".join(lines), FIELD_VALUE - len(place)) + place


def render_discord_digest(digest: Digest) -> discord.Embed:
    """The digest as one embed: a field per part (≤ 1024 characters each, ≤ 6000 in all)."""
    language = digest.language
    embed = discord.Embed(title=clip(title(digest), EMBED_TITLE), colour=DIGEST_COLOUR)
    for kind in CARDS:
        for item in digest.of(kind):
            embed.add_field(
                name=clip(f"{ICONS[kind]} {digest_text(kind, language)}", FIELD_NAME),
                value=_card_value(item),
                inline=False,
            )
    for kind in LISTS:
        items, note = digest.of(kind), empty_note(digest, kind)
        if not items and note is None:
            continue
        lines = [f"• {discord.utils.escape_markdown(item.text)}" for item in items[:LIST_LIMIT]]
        if len(items) > LIST_LIMIT:
            lines.append(f"… +{len(items) - LIST_LIMIT}")
        embed.add_field(
            name=clip(f"{ICONS[kind]} {digest_text(kind, language)}", FIELD_NAME),
            value=clip("\n".join(lines) or note or "", FIELD_VALUE),
            inline=False,
        )
    embed.set_footer(text=clip(digest_text("footer", language).replace("`", ""), EMBED_FOOTER))
    return embed
