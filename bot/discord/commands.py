"""The application commands: the /bubble group (ask, sources, help, digest, ingest) and the message menu.

Every command that does I/O defers at once and follows up, so Discord's 3-second limit never fails.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Iterable
from typing import Any

import discord
from discord import app_commands

from bot.chat_ingest import IngestUsage, parse_url, refusal
from bot.discord.core import Asked, Place, responder_of
from bot.discord.digest_commands import build_digest_group
from bot.discord.render import (
    MESSAGE_CHARS,
    NO_MENTIONS,
    clip,
    render_discord_answer,
    render_discord_help,
    render_discord_sources,
)
from bot.discord.text import language_of_locale, text
from bot.discord.views import answer_view, send_ephemeral
from bot.errors import BubblebotError, StoreUnavailable
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


def place_of(channel: object, channel_id: int | None, user_id: int, *, dm: bool) -> Place:
    """Channel, thread and user of a message or interaction (a thread is stored under its parent channel)."""
    if isinstance(channel, discord.Thread) and channel.parent_id is not None:
        return Place(channel=str(channel.parent_id), thread=str(channel.id), user=str(user_id), dm=dm)
    return Place(channel=str(channel_id or 0), thread=None, user=str(user_id), dm=dm)


def interaction_place(interaction: discord.Interaction[Any]) -> Place:
    """Where an interaction happened."""
    return place_of(interaction.channel, interaction.channel_id, interaction.user.id,
                    dm=interaction.guild_id is None)


async def send_answer(destination: discord.abc.Messageable | discord.Webhook, asked: Asked, *,
                      reference: discord.MessageReference | None = None) -> None:
    """Post an answer embed with its buttons (no buttons when the store could not save it)."""
    embed = render_discord_answer(asked.answer)
    kwargs: dict[str, Any] = {"embed": embed, "allowed_mentions": NO_MENTIONS}
    if asked.answer_id is not None:
        kwargs["view"] = answer_view(asked.answer_id, asked.answer.language)
    if reference is not None:
        kwargs.update(reference=reference, mention_author=False)
    await destination.send(**kwargs)


async def answer_interaction(interaction: discord.Interaction[Any], question: str) -> None:
    """Check, defer, answer and follow up (shared by /bubble ask and the message menu)."""
    responder = responder_of(interaction.client)
    language = language_of_locale(str(interaction.locale))
    try:
        responder.check(question, str(interaction.user.id))
    except BubblebotError as error:
        await interaction.response.send_message(str(error), ephemeral=True, allowed_mentions=NO_MENTIONS)
        return
    await interaction.response.defer(thinking=True)
    place = interaction_place(interaction)
    try:
        history = await responder.history(place)
        asked = await responder.ask(question, place, history=history)
    except BubblebotError as error:
        await interaction.followup.send(str(error), allowed_mentions=NO_MENTIONS)
        return
    except Exception:
        log.exception("could not answer an interaction")
        await interaction.followup.send(text("failed", language), allowed_mentions=NO_MENTIONS)
        return
    await send_answer(interaction.followup, asked)


def build_group(question_limit: int = DEFAULT_QUESTION_LIMIT) -> app_commands.Group:
    """The /bubble group: ask, sources, help, the digest subgroup and ingest (for admins)."""
    bubble = app_commands.Group(name=GROUP, description="Ask about the AI investment bubble, with sources.")

    async def ask_command(interaction: discord.Interaction[Any], question: str) -> None:
        await answer_interaction(interaction, question)

    # The limit is a setting, known only now; discord.py reads max_length from the annotation.
    ask_command.__annotations__["question"] = app_commands.Range[str, 1, question_limit]
    bubble.command(name="ask", description="Ask a question; the answer names the speaker and the figure.")(
        app_commands.describe(question="e.g. What compute target did Sam Altman set for OpenAI by 2033?")(
            ask_command))

    @bubble.command(name="sources", description="The verbatim sources of my last answer here (only to you).")
    async def sources_command(interaction: discord.Interaction[Any]) -> None:
        await show_last_sources(interaction)

    @bubble.command(name="help", description="What I answer and how to ask (only to you).")
    async def help_command(interaction: discord.Interaction[Any]) -> None:
        language = language_of_locale(str(interaction.locale))
        await interaction.response.send_message(render_discord_help(language), ephemeral=True,
                                                allowed_mentions=NO_MENTIONS)

    bubble.add_command(build_digest_group())

    @bubble.command(name="ingest",
                    description="Add an article to my library from its URL (bubblebot's admins only).")
    @app_commands.describe(url="the http(s) link of one article")
    async def ingest_command(interaction: discord.Interaction[Any], url: str) -> None:
        await ingest_article(interaction, url)

    return bubble


async def ingest_article(interaction: discord.Interaction[Any], url: str) -> None:
    """/bubble ingest: admins only; defer, fetch and index in a worker thread, then tell the admin only."""
    ingest = responder_of(interaction.client).ingest
    user = str(interaction.user.id)
    if ingest is None or not ingest.may_ingest(user):
        log.info("refused /bubble ingest from %s (not an admin)", user)
        body = ingest.refusal() if ingest is not None else refusal(any_admins=False)
        await interaction.response.send_message(body, ephemeral=True, allowed_mentions=NO_MENTIONS)
        return
    try:
        link = parse_url(url)
    except IngestUsage as usage:
        await interaction.response.send_message(str(usage), ephemeral=True, allowed_mentions=NO_MENTIONS)
        return
    await interaction.response.defer(ephemeral=True, thinking=True)
    try:
        reply = await asyncio.to_thread(ingest.run, link, user=user, escape=discord.utils.escape_markdown)
        body = reply.text
    except Exception:  # run() never raises; the last guard before the admin's follow-up
        log.exception("/bubble ingest of %s failed", link)
        body = "Sorry, something went wrong while adding that article; the details are in bubblebot's log."
    await interaction.followup.send(clip(body, MESSAGE_CHARS), ephemeral=True, allowed_mentions=NO_MENTIONS)


async def show_last_sources(interaction: discord.Interaction[Any]) -> None:
    """/bubble sources: the verbatim sources of the last answer in this channel or thread, to the asker."""
    await interaction.response.defer(ephemeral=True, thinking=True)
    language = language_of_locale(str(interaction.locale))
    try:
        answer = await responder_of(interaction.client).last_answer(interaction_place(interaction))
    except StoreUnavailable as error:
        await send_ephemeral(interaction, str(error))
        return
    except Exception:
        log.exception("could not look up the last answer")
        await send_ephemeral(interaction, text("failed", language))
        return
    if answer is None:
        await send_ephemeral(interaction, text("no_last_answer", language))
        return
    await send_ephemeral(interaction, *render_discord_sources(answer))


async def ask_about_message(interaction: discord.Interaction[Any], message: discord.Message) -> None:
    """The "Ask bubblebot" message menu: the message's text is the question."""
    me = interaction.client.user
    question = strip_mentions(message.content, me.id if me else 0, ())
    if not question:
        language = language_of_locale(str(interaction.locale))
        await interaction.response.send_message(text("no_text", language), ephemeral=True,
                                                allowed_mentions=NO_MENTIONS)
        return
    await answer_interaction(interaction, question)


async def on_tree_error(interaction: discord.Interaction[Any], error: app_commands.AppCommandError) -> None:
    """Log a failed command and tell the user, whether or not the interaction was already answered."""
    log.error("application command failed: %s", error, exc_info=error)
    original = getattr(error, "original", None)
    if isinstance(original, discord.HTTPException):
        platform_api_error("discord", "interaction", str(original.status))
    body = text("failed", language_of_locale(str(interaction.locale)))
    try:
        if interaction.response.is_done():
            await interaction.followup.send(body, ephemeral=True, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(body, ephemeral=True, allowed_mentions=NO_MENTIONS)
    except discord.HTTPException as failure:
        platform_api_error("discord", "interaction", str(failure.status))
        log.warning("could not tell the user that a command failed")


def build_tree(client: discord.Client, *,
               question_limit: int = DEFAULT_QUESTION_LIMIT) -> app_commands.CommandTree[Any]:
    """The tree with the /bubble group and the message menu (dispatched locally; synced explicitly)."""
    tree: app_commands.CommandTree[Any] = app_commands.CommandTree(client)
    tree.add_command(build_group(question_limit))
    tree.add_command(app_commands.ContextMenu(name=CONTEXT_MENU, callback=ask_about_message))
    tree.error(on_tree_error)
    return tree
