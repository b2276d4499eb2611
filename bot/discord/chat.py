"""The Discord adapter's link to the conversation core (which runs on worker threads, off the gateway loop).

What is Discord's own stays in the adapter: who may change a channel's digest (Manage Channels, checked on the
interaction), the markup (escape_markdown, <@id> mentions) and how replies are sent (interaction responses,
follow-ups, replies to a message). Everything else is bot.chat's.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import discord

from bot.chat.chart_command import ChartCommand
from bot.chat.conversation import Conversation
from bot.chat.digest_commands import DigestCommands
from bot.chat.ingest_command import IngestCommand
from bot.chat.place import Place
from bot.errors import StoreUnavailable
from bot.ratelimit import RateLimiter
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.chat.conversation import AnswerSource
    from bot.chat_ingest import ChatIngest
    from bot.store import StateStore

log = logging.getLogger(__name__)

NAME = "discord"


def mention(user: str) -> str:
    """<@id>."""
    return f"<@{user}>"


def may_change_digest(place: Place) -> bool:
    """Manage Channels in this channel (anyone in a DM with the bot)."""
    interaction = place.via
    if not isinstance(interaction, discord.Interaction):
        return False
    return interaction.guild_id is None or interaction.permissions.manage_channels


@dataclass
class DiscordChat:
    """The core's parts the Discord adapter uses, and the store they share."""

    conversation: Conversation
    digest: DigestCommands
    ingest: IngestCommand
    chart: ChartCommand
    store: StateStore | None = None

    @classmethod
    def build(
        cls,
        service: AnswerSource,
        store: StateStore | None,
        *,
        rate_limit_per_minute: int,
        data_dir: Path,
        ingest: ChatIngest | None = None,
        corpus: Any = None,
    ) -> DiscordChat:
        """Wire the core for Discord around an answer service and (if reachable) a store."""
        conversation = Conversation(
            service=service, store=store, limiter=RateLimiter(limit=rate_limit_per_minute, window=60)
        )
        escape = discord.utils.escape_markdown
        digest = DigestCommands(
            store, data_dir, mention=mention, escape=lambda text: text, may_change=may_change_digest
        )
        kb_corpus = corpus or (lambda: service.kb.corpus)  # type: ignore[attr-defined]
        return cls(conversation, digest, IngestCommand(ingest, escape=escape), ChartCommand(kb_corpus), store)

    @classmethod
    def from_settings(cls, settings: Settings) -> DiscordChat:
        """Open the answer service and (if reachable) the state store."""
        from bot.chat_ingest import ChatIngest
        from bot.service import AnswerService
        from bot.store import StateStore

        service = AnswerService.from_settings(settings, serving=True)
        store: StateStore | None
        try:
            store = StateStore.open(settings.resolved_database_url())
        except StoreUnavailable:
            log.warning("the state store is unavailable; answering without sources buttons, votes or dedupe")
            store = None
        return cls.build(
            service,
            store,
            rate_limit_per_minute=settings.rate_limit_per_minute,
            data_dir=settings.data_dir,
            ingest=ChatIngest.from_settings(settings, service),
        )

    @property
    def max_question_chars(self) -> int:
        """The longest question the answer service takes."""
        return self.conversation.service.max_chars

    def close(self) -> None:
        """Close the state store."""
        if self.store is not None:
            self.store.close()


def chat_of(client: object) -> DiscordChat:
    """The DiscordChat of a bubblebot client (RuntimeError for a client built for command sync only)."""
    chat = getattr(client, "chat", None)
    if not isinstance(chat, DiscordChat):
        raise RuntimeError("this Discord client has no chat core (it was built for command sync only)")
    return chat
