"""The application commands: the /bubble group (ask, sources, help, digest, ingest, chart) and the message menu.

`BubbleGroup` is an `app_commands.Group` subclass whose dependency, the conversation core (`DiscordChat`), is
injected (set once the answer service is open; None in a client built only to sync commands). Every command
that does I/O defers at once and follows up, so Discord's 3-second limit never fails; the core runs on worker
threads, off the gateway loop.
"""

from __future__ import annotations

import asyncio
import copy
import logging
import re
from collections.abc import Iterable
from typing import Any

import discord
from discord import app_commands

from bot.chat.place import Place
from bot.chat.replies import Notice
from bot.discord.chat import NAME, DiscordChat
from bot.discord.digest_commands import DigestGroup
from bot.discord.platform import respond
from bot.discord.render import NO_MENTIONS
from bot.errors import BubblebotError
from bot.i18n import message, reply_language
from bot.observability.metrics import platform_api_error
from bot.settings import Settings

log = logging.getLogger(__name__)

GROUP = "bubble"
CONTEXT_MENU = "Ask bubblebot"
DEFAULT_QUESTION_LIMIT = Settings.model_fields["max_question_chars"].default


def strip_mentions(content: str, user_id: int, role_ids: Iterable[int]) -> str:
    """The text without mentions of the bot (as a user or through its managed role), whitespace collapsed."""
    text_only = re.sub(rf"<@!?{user_id}>", " ", content)
    for role_id in role_ids:
        text_only = text_only.replace(f"<@&{role_id}>", " ")
    return " ".join(text_only.split())


def place_of(
    channel: object,
    channel_id: int | None,
    user_id: int,
    *,
    dm: bool,
    locale: str | None = None,
    event_id: str | None = None,
    via: Any = None,
) -> Place:
    """Channel, thread and user of a message or interaction (a thread is stored under its parent channel)."""
    if isinstance(channel, discord.Thread) and channel.parent_id is not None:
        return Place(
            NAME,
            str(channel.parent_id),
            str(user_id),
            thread=str(channel.id),
            is_dm=dm,
            locale=locale,
            event_id=event_id,
            via=via,
        )
    return Place(
        NAME, str(channel_id or 0), str(user_id), is_dm=dm, locale=locale, event_id=event_id, via=via
    )


def interaction_place(interaction: discord.Interaction[Any]) -> Place:
    """Where an interaction happened, by whom, in which locale (the interaction is how to answer)."""
    return place_of(
        interaction.channel,
        interaction.channel_id,
        interaction.user.id,
        dm=interaction.guild_id is None,
        locale=str(interaction.locale),
        via=interaction,
    )


def interaction_language(interaction: discord.Interaction[Any], text: str | None = None) -> str:
    """The language to answer an interaction in: its text's, else the user's Discord locale."""
    return reply_language(text, locale=str(interaction.locale))


async def answer_interaction(chat: DiscordChat, interaction: discord.Interaction[Any], question: str) -> None:
    """Check, defer, answer and follow up (shared by /bubble ask and the message menu)."""
    conversation = chat.conversation
    place = interaction_place(interaction)
    language = interaction_language(interaction, question)
    try:
        text = conversation.check(question)
    except BubblebotError as error:
        await respond(interaction, Notice(error.localized(language), language))
        return
    admitted = conversation.admit(place, text, always=True)
    if isinstance(admitted, Notice):
        await respond(interaction, admitted)
        return
    await interaction.response.defer(thinking=True)
    reply = await asyncio.to_thread(conversation.answer, text, place, limited=False)
    await respond(interaction, reply)


class BubbleGroup(app_commands.Group):
    """/bubble: ask, sources, help, digest (a subgroup), ingest (admins), chart (in this order in Discord's menu)."""

    def __init__(
        self, chat: DiscordChat | None = None, *, question_limit: int = DEFAULT_QUESTION_LIMIT
    ) -> None:
        super().__init__(name=GROUP, description="Ask about the AI investment bubble, with sources.")
        self.chat = chat
        # The limit is a setting, known only now: the ask command's question gets its own max_length.
        ask = self.get_command("ask")
        assert isinstance(ask, app_commands.Command)
        question = copy.copy(ask._params["question"])
        question.max_value = question_limit
        ask._params = {**ask._params, "question": question}

    def core(self) -> DiscordChat:
        """The injected core (RuntimeError in a client built only to sync commands)."""
        if self.chat is None:
            raise RuntimeError("this /bubble group has no chat core (it was built for command sync only)")
        return self.chat

    @app_commands.command(
        name="ask", description="Ask a question; the answer names the speaker and the figure."
    )
    @app_commands.describe(question="e.g. What compute target did Sam Altman set for OpenAI by 2033?")
    async def ask(
        self,
        interaction: discord.Interaction[Any],
        question: app_commands.Range[str, 1, DEFAULT_QUESTION_LIMIT],
    ) -> None:
        """Answer in the channel."""
        await answer_interaction(self.core(), interaction, question)

    @app_commands.command(
        name="sources", description="The verbatim sources of my last answer here (only to you)."
    )
    async def sources(self, interaction: discord.Interaction[Any]) -> None:
        """The verbatim sources of the last answer in this channel or thread, to the asker."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        await respond(
            interaction,
            await asyncio.to_thread(self.core().conversation.sources, interaction_place(interaction)),
        )

    @app_commands.command(name="help", description="What I answer and how to ask (only to you).")
    async def help(self, interaction: discord.Interaction[Any]) -> None:
        """How to use the bot, in the user's language."""
        from bot.chat.replies import HelpReply

        await respond(interaction, HelpReply(interaction_language(interaction)))

    digest = DigestGroup()  # a subgroup: a class attribute, so Discord lists it here, between help and ingest

    @app_commands.command(
        name="ingest", description="Add an article to my library from its URL (bubblebot's admins only)."
    )
    @app_commands.describe(url="the http(s) link of one article")
    async def ingest(self, interaction: discord.Interaction[Any], url: str) -> None:
        """Admins only: defer, fetch and index in a worker thread, then tell the admin only."""
        command = self.core().ingest
        place = interaction_place(interaction)
        language = interaction_language(interaction)
        link, said = command.check(place, url, language)
        if link is None:
            await respond(interaction, said)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        await respond(interaction, await asyncio.to_thread(command.run, place, link, language))

    @app_commands.command(name="chart", description="A chart of the figures my articles give on a topic.")
    @app_commands.describe(topic="e.g. capex, OpenAI burn, power")
    async def chart(self, interaction: discord.Interaction[Any], topic: str) -> None:
        """The figures on a topic as a chart image with cited lines, in the channel."""
        language = interaction_language(interaction, topic)
        await interaction.response.defer(thinking=True)
        await respond(interaction, await asyncio.to_thread(self.core().chart.run, topic, language))


async def ask_about_message(interaction: discord.Interaction[Any], target: discord.Message) -> None:
    """The "Ask bubblebot" message menu: the message's text is the question."""
    me = interaction.client.user
    question = strip_mentions(target.content, me.id if me else 0, ())
    if not question:
        language = interaction_language(interaction)
        await respond(interaction, Notice(message("discord.no_text", language), language))
        return
    group = getattr(interaction.client, "group", None)
    assert isinstance(group, BubbleGroup)
    await answer_interaction(group.core(), interaction, question)


async def on_tree_error(interaction: discord.Interaction[Any], error: app_commands.AppCommandError) -> None:
    """Log a failed command and tell the user, whether or not the interaction was already answered."""
    log.error("application command failed: %s", error, exc_info=error)
    original = getattr(error, "original", None)
    if isinstance(original, discord.HTTPException):
        platform_api_error("discord", "interaction", str(original.status))
    body = message("chat.sorry", interaction_language(interaction))
    try:
        if interaction.response.is_done():
            await interaction.followup.send(body, ephemeral=True, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(body, ephemeral=True, allowed_mentions=NO_MENTIONS)
    except discord.HTTPException as failure:
        platform_api_error("discord", "interaction", str(failure.status))
        log.warning("could not tell the user that a command failed")


def build_tree(client: discord.Client, group: BubbleGroup) -> app_commands.CommandTree[Any]:
    """The tree with the /bubble group and the message menu (dispatched locally; synced explicitly)."""
    tree: app_commands.CommandTree[Any] = app_commands.CommandTree(client)
    tree.add_command(group)
    tree.add_command(app_commands.ContextMenu(name=CONTEXT_MENU, callback=ask_about_message))
    tree.error(on_tree_error)
    return tree
