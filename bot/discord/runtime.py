"""Running the Discord client: endpoint overrides, sharding, start-up errors, clean shutdown."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable
from typing import Any

import aiohttp
import discord
import yarl
from discord.gateway import DiscordWebSocket

from bot.discord.chat import DiscordChat
from bot.discord.client import BubbleClient, ShardedBubbleClient
from bot.errors import BadToken, ConfigurationError
from bot.observability.server import HealthServer
from bot.settings import Settings

log = logging.getLogger(__name__)


def require_token(settings: Settings) -> str:
    """The bot token, or a ConfigurationError naming the variable to set."""
    token = settings.discord_token.get_secret_value().strip() if settings.discord_token else ""
    if not token:
        raise ConfigurationError(
            "DISCORD_TOKEN is not set: use the token from the Bot page of the Developer Portal."
        )
    return token


def apply_endpoints(settings: Settings) -> None:
    """Point discord.py at BUBBLEBOT_DISCORD_API_URL and BUBBLEBOT_DISCORD_GATEWAY_URL when set."""
    if settings.discord_api_url:
        discord.http.Route.BASE = settings.discord_api_url.rstrip("/")
    if settings.discord_gateway_url:
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway_url)


def create_client(settings: Settings, chat: DiscordChat | None, **options: Any) -> BubbleClient:
    """A client with one shard, or an auto-sharded one with BUBBLEBOT_DISCORD_SHARDS shards."""
    if settings.discord_shards:
        return ShardedBubbleClient(chat, shard_count=settings.discord_shards, **options)
    return BubbleClient(chat, **options)


async def login(client: discord.Client, token: str) -> None:
    """Log in (GET /users/@me); a rejected token becomes BadToken, an unreachable API a clear error."""
    try:
        await client.login(token)
    except discord.LoginFailure:
        raise BadToken("Discord", "DISCORD_TOKEN") from None
    except (aiohttp.ClientConnectionError, OSError) as error:
        base = discord.http.Route.BASE
        raise ConfigurationError(f"Cannot reach the Discord API at {base}: {error}") from None


async def run_client(
    client: BubbleClient, token: str, *, open_chat: Callable[[], DiscordChat] | None = None
) -> None:
    """Log in, then hold the gateway connection (discord.py reconnects and resumes) until closed.

    With open_chat, the answer service and store are opened after the token is accepted, so a bad
    token fails within a second instead of after the search index is built.
    """
    async with client:
        await login(client, token)
        opened = await asyncio.to_thread(open_chat) if open_chat is not None else None
        if opened is not None:
            client.chat = opened
        try:
            await client.connect(reconnect=True)
        except discord.PrivilegedIntentsRequired:
            raise ConfigurationError(
                "Discord refused an intent this application has not enabled; check the Bot page "
                "of the Developer Portal."
            ) from None
        finally:
            if opened is not None:
                opened.close()


def start_health(settings: Settings, client: discord.Client) -> HealthServer | None:
    """/healthz (200 once the gateway session is ready) and /metrics on BUBBLEBOT_HEALTH_PORT, if set."""
    if settings.health_port is None:
        return None
    return HealthServer(
        settings.health_host,
        settings.health_port,
        mode="discord",
        ready=lambda: client.is_ready() and not client.is_closed(),
    ).start()


async def _serve(settings: Settings, token: str) -> None:
    client = create_client(settings, None)
    loop = asyncio.get_running_loop()
    with contextlib.suppress(NotImplementedError, RuntimeError):
        loop.add_signal_handler(signal.SIGTERM, lambda: loop.create_task(client.close()))
    health = start_health(settings, client)
    from bot.discord.digest import run_scheduler

    digests = asyncio.create_task(run_scheduler(client, settings))
    try:
        await run_client(client, token, open_chat=lambda: DiscordChat.from_settings(settings))
    finally:
        digests.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await digests
        if health is not None:
            await asyncio.to_thread(health.stop)


def serve(settings: Settings) -> None:
    """`bubblebot serve discord`: answer on Discord until interrupted or terminated."""
    token = require_token(settings)
    apply_endpoints(settings)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(settings, token))
