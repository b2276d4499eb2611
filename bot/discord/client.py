"""The discord.py client: answers mentions, DMs and replies to its answers; carries the command tree.

No privileged intent is needed: Discord sends the text of messages that mention the bot and of DMs
anyway. When the application has the Message Content intent enabled in the Developer Portal, the
client asks for it too, and then also answers replies to its answers whose @mention was switched off.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

import discord

from bot.chat.replies import Notice
from bot.discord.chat import DiscordChat
from bot.discord.commands import DEFAULT_QUESTION_LIMIT, BubbleGroup, build_tree, place_of, strip_mentions
from bot.discord.platform import reply_to
from bot.discord.render import NO_MENTIONS
from bot.discord.views import DYNAMIC_ITEMS, answer_id_of
from bot.errors import BubblebotError, EmptyQuestion
from bot.i18n import reply_language
from bot.observability.metrics import platform_api_error

log = logging.getLogger(__name__)

ANSWERED_TYPES = (discord.MessageType.default, discord.MessageType.reply)


def bot_intents() -> discord.Intents:
    """Servers, their messages and DMs; no privileged intent (members, presences, message content)."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.dm_messages = True
    return intents


class BubbleClient(discord.Client):
    """bubblebot on Discord. `chat` (the conversation core) is None for a client that only syncs commands."""

    def __init__(
        self, chat: DiscordChat | None, *, question_limit: int | None = None, **options: Any
    ) -> None:
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False  # no voice: no warning about it
        options.setdefault("intents", bot_intents())
        options.setdefault("allowed_mentions", NO_MENTIONS)
        super().__init__(**options)
        limit = question_limit or (chat.max_question_chars if chat else DEFAULT_QUESTION_LIMIT)
        self.group = BubbleGroup(chat, question_limit=limit)
        self.tree = build_tree(self, self.group)

    @property
    def chat(self) -> DiscordChat | None:
        """The conversation core the commands, buttons and messages use."""
        return self.group.chat

    @chat.setter
    def chat(self, chat: DiscordChat | None) -> None:
        self.group.chat = chat

    async def setup_hook(self) -> None:
        """Register the persistent buttons; ask for Message Content only if the application has it enabled."""
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        flags = self.application_flags
        if flags.gateway_message_content or flags.gateway_message_content_limited:
            self._connection._intents.message_content = True
            log.info("the application has the Message Content intent: replies to answers are answered too")

    async def on_ready(self) -> None:
        user = self.user
        log.info(
            "connected to Discord as %s (id %s) in %d servers",
            user,
            user.id if user else "?",
            len(self.guilds),
        )

    async def on_resumed(self) -> None:
        log.info("resumed the Discord gateway session")

    async def on_message(self, message: discord.Message) -> None:
        try:
            await self.answer_message(message)
        except discord.HTTPException as error:
            platform_api_error("discord", "send_message", str(error.status))
            log.warning("could not reply in channel %s: %s %s", message.channel.id, error.status, error.text)

    async def answer_message(self, message: discord.Message) -> None:
        """Reply to a message that mentions the bot, is a DM, or replies to one of its answers."""
        me = self.user
        chat = self.chat
        if me is None or chat is None or message.author.bot or message.author.id == me.id:
            return
        if message.type not in ANSWERED_TYPES:
            return
        role_ids = _managed_role_ids(message)
        mentioned = any(user.id == me.id for user in message.mentions) or bool(
            set(message.raw_role_mentions) & set(role_ids)
        )
        replied_to = _replied_answer(message, me.id)
        dm = message.guild is None
        if not (mentioned or dm or replied_to is not None):
            return
        question = strip_mentions(message.content, me.id, role_ids)
        if not question:
            if mentioned or dm:
                await reply_to(message, Notice(EmptyQuestion().localized("en")))
            return
        conversation = chat.conversation
        place = place_of(
            message.channel,
            message.channel.id,
            message.author.id,
            dm=dm,
            event_id=f"message:{message.id}",
            via=message,
        )
        language = reply_language(question)
        try:
            text = conversation.check(question)
        except BubblebotError as error:
            await reply_to(message, Notice(error.localized(language), language))
            return
        admitted = conversation.admit(place, text)
        if admitted is not True:
            await reply_to(message, admitted or None)
            return
        if not await asyncio.to_thread(conversation.claim, place):
            log.info("message %s was already answered", message.id)
            return
        async with typing_in(message.channel):
            reply = await asyncio.to_thread(
                conversation.answer, text, place, replied_to=replied_to or None, limited=False
            )
        await reply_to(message, reply)
        await asyncio.to_thread(conversation.answered, place)


@contextlib.asynccontextmanager
async def typing_in(channel: discord.abc.Messageable) -> AsyncIterator[None]:
    """ "bubblebot is typing…" while an answer is composed; a failed indicator never stops the answer."""
    async with contextlib.AsyncExitStack() as stack:
        try:
            await stack.enter_async_context(channel.typing())
        except discord.HTTPException as error:
            platform_api_error("discord", "typing", str(error.status))
        yield


class ShardedBubbleClient(BubbleClient, discord.AutoShardedClient):
    """bubblebot across several gateway shards in one process (BUBBLEBOT_DISCORD_SHARDS)."""


def _managed_role_ids(message: discord.Message) -> list[int]:
    """The ids of the bot's managed role in the message's server (the bot can be @mentioned through it)."""
    guild = message.guild
    me = guild.me if guild is not None else None
    if me is None:
        return []
    return [role.id for role in me.roles if role.is_bot_managed()]


def _replied_answer(message: discord.Message, my_id: int) -> int | None:
    """The answer id when the message replies to one of the bot's answers (0: to another of its messages)."""
    reference = message.reference
    resolved = reference.resolved if reference is not None else None
    if not isinstance(resolved, discord.Message) or resolved.author.id != my_id:
        return None
    return answer_id_of(resolved) or 0
