"""Discord's side of delivering the core's replies: each reply as message payloads (embeds, buttons, a chart
file), sent through an interaction (response or follow-up; private unless the reply is public) or as a reply to
the asker's message. Async, on the gateway loop: the core's work runs on worker threads, its replies come here."""

from __future__ import annotations

import io
from typing import Any

import discord

from bot.chat.platform import is_public
from bot.chat.replies import (
    Announcement,
    AnswerReply,
    ChartReply,
    DigestHelpReply,
    DigestReply,
    HelpReply,
    Notice,
    Reply,
    SourcesReply,
)
from bot.discord.digest_render import render_discord_digest
from bot.discord.render import (
    MESSAGE_CHARS,
    NO_MENTIONS,
    clip,
    render_discord_answer,
    render_discord_chart,
    render_discord_help,
    render_discord_sources,
)
from bot.discord.views import answer_view
from bot.i18n import message, template


def payloads(reply: Reply) -> list[dict[str, Any]]:
    """The messages a reply is sent as (sources can take several), as keyword arguments of send()."""
    if isinstance(reply, AnswerReply):
        sent: dict[str, Any] = {"embed": render_discord_answer(reply.answer)}
        if reply.answer_id is not None:
            sent["view"] = answer_view(reply.answer_id, reply.answer.language)
        return [sent]
    if isinstance(reply, SourcesReply):
        return [{"content": body} for body in render_discord_sources(reply.answer)]
    if isinstance(reply, HelpReply):
        body = render_discord_help(reply.language)
        return [{"content": clip(f"{reply.note}\n\n{body}" if reply.note else body, MESSAGE_CHARS)}]
    if isinstance(reply, DigestHelpReply):
        return [
            {
                "content": clip(
                    message(
                        "digest_cmd.help", reply.language, usage=template("digest_cmd.usage", reply.language)
                    ),
                    MESSAGE_CHARS,
                )
            }
        ]
    if isinstance(reply, DigestReply):
        return [{"embed": render_discord_digest(reply.digest)}]
    if isinstance(reply, ChartReply):
        chart = reply.chart
        return [
            {
                "embed": render_discord_chart(chart, reply.language),
                "file": discord.File(io.BytesIO(chart.png), filename=chart.filename, description=chart.alt),
            }
        ]
    if isinstance(reply, Notice | Announcement):
        return [{"content": clip(reply.text, MESSAGE_CHARS)}]
    raise TypeError(f"not a reply: {reply!r}")


async def respond(interaction: discord.Interaction[Any], reply: Reply | None) -> None:
    """Answer an interaction: the response if it has none yet, else follow-ups; private unless public."""
    if reply is None:
        return
    private = not is_public(reply)
    for sent in payloads(reply):
        if not interaction.response.is_done():
            await interaction.response.send_message(**sent, ephemeral=private, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.followup.send(**sent, ephemeral=private, allowed_mentions=NO_MENTIONS)


async def reply_to(message_: discord.Message, reply: Reply | None) -> None:
    """Answer a message in its channel, as a reply to it (a message cannot be answered privately)."""
    if reply is None:
        return
    for sent in payloads(reply):
        await message_.channel.send(
            **sent,
            reference=message_.to_reference(fail_if_not_exists=False),
            mention_author=False,
            allowed_mentions=NO_MENTIONS,
        )
