"""Explicit command registration (`bubblebot discord sync [--guild ID]`), never on every start."""

from __future__ import annotations

import asyncio

import discord

from bot.discord.client import BubbleClient
from bot.discord.locales import CommandTranslator
from bot.discord.runtime import apply_endpoints, login, require_token
from bot.settings import Settings


async def sync_tree(client: BubbleClient, token: str, *, guild: int | None, clear: bool = False) -> int:
    """Log in over REST and register the commands globally, or in one server (instant, for testing).

    With clear (and a guild), the server's own copies are removed instead, so a server that was synced
    for testing lists only the global commands, not each of them twice."""
    async with client:
        await login(client, token)
        await client.tree.set_translator(CommandTranslator())
        if guild is None:
            commands = await client.tree.sync()
        else:
            target = discord.Object(id=guild)
            if clear:
                client.tree.clear_commands(guild=target)
            else:
                client.tree.copy_global_to(guild=target)
            commands = await client.tree.sync(guild=target)
    return len(commands)


def sync(settings: Settings, *, guild: int | None = None, clear: bool = False) -> int:
    """Register the /bubble group and the "Ask bubblebot" menu (or clear a server's); how many are registered."""
    token = require_token(settings)
    apply_endpoints(settings)
    client = BubbleClient(None, question_limit=settings.max_question_chars)
    return asyncio.run(sync_tree(client, token, guild=guild, clear=clear))
