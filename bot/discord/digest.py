"""The digest on Discord: as an embed, posted over REST, from `serve discord`'s scheduler or `run-due`.

Posting happens on the client's event loop; the platform-neutral runner calls `DiscordDigestPoster.post`
from a worker thread, which hands the send to the loop and waits for it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from datetime import datetime

import discord

from bot.digest.content import Catalog
from bot.digest.model import Digest
from bot.digest.runner import Outcome, PostFailed, deliver_due
from bot.digest.scheduler import TICK_SECONDS, DigestScheduler, scheduler_enabled
from bot.discord.chat import NAME
from bot.discord.digest_render import render_discord_digest
from bot.discord.render import NO_MENTIONS
from bot.discord.runtime import apply_endpoints, login, require_token
from bot.observability.metrics import platform_api_error
from bot.settings import Settings
from bot.store import StateStore

log = logging.getLogger(__name__)

PLATFORM = NAME
SEND_TIMEOUT = 60.0


class DiscordDigestPoster:
    """Sends digests through a logged-in client on its event loop (callable from any other thread)."""

    platform = PLATFORM

    def __init__(self, client: discord.Client, loop: asyncio.AbstractEventLoop) -> None:
        self.client = client
        self.loop = loop

    async def send(self, channel: str, digest: Digest) -> str:
        """Send the digest embed to the channel (on the client's loop); the message id."""
        try:
            target = self.client.get_partial_messageable(int(channel))
        except ValueError:
            raise PostFailed("bad_channel", f"not a Discord channel id: {channel!r}") from None
        try:
            message = await target.send(embed=render_discord_digest(digest), allowed_mentions=NO_MENTIONS)
        except discord.NotFound as error:
            platform_api_error(PLATFORM, "send_message", "404")
            raise PostFailed("channel_not_found", error.text) from None
        except discord.Forbidden as error:
            platform_api_error(PLATFORM, "send_message", "403")
            raise PostFailed("forbidden", error.text) from None
        except discord.HTTPException as error:
            platform_api_error(PLATFORM, "send_message", str(error.status))
            raise PostFailed(f"http_{error.status}", error.text) from None
        return str(message.id)

    def post(self, channel: str, digest: Digest) -> str | None:
        """Post from a worker thread: run send() on the client's loop and wait for it."""
        future = asyncio.run_coroutine_threadsafe(self.send(channel, digest), self.loop)
        try:
            return future.result(SEND_TIMEOUT)
        except FutureTimeout:
            future.cancel()
            raise PostFailed("timeout", f"no answer from Discord within {SEND_TIMEOUT:.0f} s") from None


async def run_scheduler(client: discord.Client, settings: Settings, *, interval: float | None = None) -> None:
    """Inside `serve discord`: once the client is ready, post due digests until it closes."""
    if not scheduler_enabled(settings):
        log.info("digest scheduler off (BUBBLEBOT_SCHEDULER=%s)", settings.scheduler)
        return
    while not client.is_ready():
        if client.is_closed():
            return
        await asyncio.sleep(0.5)
    poster = DiscordDigestPoster(client, asyncio.get_running_loop())
    scheduler = DigestScheduler(
        database_url=settings.resolved_database_url(),
        data_dir=settings.data_dir,
        poster=poster,
        interval=interval or TICK_SECONDS,
    ).start()
    try:
        while not client.is_closed():
            await asyncio.sleep(0.5)
    finally:
        await asyncio.to_thread(scheduler.stop)


async def _deliver(
    settings: Settings, token: str, store: StateStore, catalog: Callable[[], Catalog], now: datetime
) -> list[Outcome]:
    from bot.discord.client import BubbleClient

    client = BubbleClient(None)
    async with client:
        await login(client, token)
        poster = DiscordDigestPoster(client, asyncio.get_running_loop())
        return await asyncio.to_thread(deliver_due, store, poster, catalog, now)


def deliver_due_discord(
    settings: Settings, store: StateStore, catalog: Callable[[], Catalog], now: datetime
) -> list[Outcome]:
    """`run-due` for Discord: log in over REST (DISCORD_TOKEN, BUBBLEBOT_DISCORD_API_URL), post what is due."""
    token = require_token(settings)
    apply_endpoints(settings)
    return asyncio.run(_deliver(settings, token, store, catalog, now))
