"""Explicit command registration (`bubblebot discord sync [--guild ID]`), never on every start."""

from __future__ import annotations

import asyncio

import discord

from bot.discord.client import BubbleClient
from bot.discord.runtime import apply_endpoints, login, require_token
from bot.settings import Settings


async def sync_tree(client: BubbleClient, token: str, *, guild: int | None) -> int:
    """Log in over REST and register the commands globally, or in one server (instant, for testing)."""
    async with client:
        await login(client, token)
        if guild is None:
            commands = await client.tree.sync()
        else:
            target = discord.Object(id=guild)
            client.tree.copy_global_to(guild=target)
            commands = await client.tree.sync(guild=target)
    return len(commands)


def sync(settings: Settings, *, guild: int | None = None) -> int:
    """Register the /bubble group and the "Ask bubblebot" menu; returns how many commands were registered."""
    token = require_token(settings)
    apply_endpoints(settings)
    return asyncio.run(sync_tree(BubbleClient(None), token, guild=guild))
