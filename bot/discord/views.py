"""Persistent buttons under an answer: Sources, 👍 and 👎.

Each button's custom_id carries the stored answer's id ("bubble:sources:42", "bubble:vote:up:42"), and
the button classes are registered as dynamic items when the client starts, so the buttons keep working
on messages sent before a restart and on any replica.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

import discord

from bot.i18n import template

log = logging.getLogger(__name__)

SOURCES_ID = "bubble:sources:{answer_id}"
VOTE_ID = "bubble:vote:{direction}:{answer_id}"
ANSWER_ID = re.compile(r"^bubble:(?:sources|vote:(?:up|down)):(?P<id>[0-9]{1,19})$")


class SourcesButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"^bubble:sources:(?P<id>[0-9]{1,19})$"
):
    """Shows the answer's verbatim quotes, with article and paragraph, to the clicker only."""

    def __init__(self, answer_id: int, label: str = "Sources") -> None:
        super().__init__(
            discord.ui.Button(
                label=label,
                emoji="📄",
                style=discord.ButtonStyle.secondary,
                custom_id=SOURCES_ID.format(answer_id=answer_id),
            )
        )
        self.answer_id = answer_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> SourcesButton:
        return cls(int(match["id"]), label=getattr(item, "label", None) or "Sources")

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        from bot.discord.chat import chat_of
        from bot.discord.commands import interaction_place
        from bot.discord.platform import respond

        await interaction.response.defer(ephemeral=True, thinking=True)
        conversation = chat_of(interaction.client).conversation
        await respond(
            interaction,
            await asyncio.to_thread(conversation.sources_of, interaction_place(interaction), self.answer_id),
        )


class VoteButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"^bubble:vote:(?P<direction>up|down):(?P<id>[0-9]{1,19})$",
):
    """Records the clicker's 👍 or 👎 on the answer (one vote per user; a new click replaces it)."""

    def __init__(self, answer_id: int, direction: str, label: str | None = None) -> None:
        custom_id = VOTE_ID.format(direction=direction, answer_id=answer_id)
        label = label or template("discord.helpful" if direction == "up" else "discord.not_helpful", "en")
        super().__init__(
            discord.ui.Button(
                label=label,
                emoji="👍" if direction == "up" else "👎",
                style=discord.ButtonStyle.secondary,
                custom_id=custom_id,
            )
        )
        self.answer_id = answer_id
        self.direction = direction

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> VoteButton:
        return cls(int(match["id"]), match["direction"], label=getattr(item, "label", None))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        from bot.discord.chat import chat_of
        from bot.discord.commands import interaction_place
        from bot.discord.platform import respond

        await interaction.response.defer(ephemeral=True, thinking=True)
        conversation = chat_of(interaction.client).conversation
        vote = 1 if self.direction == "up" else -1
        await respond(
            interaction,
            await asyncio.to_thread(conversation.vote, interaction_place(interaction), self.answer_id, vote),
        )


DYNAMIC_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (SourcesButton, VoteButton)


def answer_view(answer_id: int, language: str) -> discord.ui.View:
    """The row of buttons under an answer."""
    view = discord.ui.View(timeout=None)
    view.add_item(SourcesButton(answer_id, label=template("discord.sources_button", language)))
    view.add_item(VoteButton(answer_id, "up", label=template("discord.helpful", language)))
    view.add_item(VoteButton(answer_id, "down", label=template("discord.not_helpful", language)))
    return view


def answer_id_of(message: discord.Message) -> int | None:
    """The stored answer id carried by the buttons of one of bubblebot's answer messages."""
    for row in message.components:
        for component in getattr(row, "children", ()):
            match = ANSWER_ID.match(getattr(component, "custom_id", None) or "")
            if match:
                return int(match["id"])
    return None
