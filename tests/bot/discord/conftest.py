"""Fixtures: the real discord.py client wired to a loopback fake Discord, one event loop per test."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from bot.chat_ingest import ChatIngest
from bot.discord import runtime
from bot.discord.chat import DiscordChat
from bot.discord.client import BubbleClient
from bot.discord.runtime import apply_endpoints, create_client, run_client
from bot.service import AnswerService
from bot.settings import Settings
from bot.store import StateStore
from tests.bot.discord.fake_discord import FakeDiscord

TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.fake.bubblebot-test-token"


@dataclass
class Harness:
    """A running bot: the fake Discord it talks to, the client, and the state store behind it."""

    fake: FakeDiscord
    client: BubbleClient
    store: StateStore

    async def mention(self, question: str, **extra: Any) -> dict[str, Any]:
        """Dispatch a message that @mentions the bot; return its payload."""
        message = self.fake.message(f"<@{self.fake.bot_id}> {question}", **extra)
        await self.fake.dispatch("MESSAGE_CREATE", message)
        return message

    async def quiet(self, seconds: float = 0.5) -> None:
        """Give the bot time to do something it should not do."""
        await asyncio.sleep(seconds)


Scenario = Callable[[Harness], Awaitable[None]]


@contextlib.asynccontextmanager
async def running_bot(
    service: AnswerService,
    tmp_path: Path,
    *,
    token: str = TOKEN,
    shards: int | None = None,
    app_flags: int = 0,
    rate_limit: int = 30,
    db_options: str = "",
    ingest: ChatIngest | None = None,
) -> AsyncIterator[Harness]:
    """Start the fake and the real client against it (with `/bubble ingest` if given); stop both afterwards."""
    fake = FakeDiscord(token=TOKEN, app_flags=app_flags)
    await fake.start()
    settings = Settings(
        data_dir=tmp_path,
        discord_token=SecretStr(token),
        discord_api_url=fake.api_url,
        discord_gateway_url=fake.gateway_url,
        discord_shards=shards,
        rate_limit_per_minute=rate_limit,
    )
    store = StateStore.open(f"sqlite:///{tmp_path / 'state.db'}{db_options}")
    chat = DiscordChat.build(
        service, store, rate_limit_per_minute=settings.rate_limit_per_minute, data_dir=tmp_path, ingest=ingest
    )
    apply_endpoints(settings)
    client = create_client(settings, chat, guild_ready_timeout=0.05)
    task = asyncio.create_task(run_client(client, token))
    try:
        ready = asyncio.create_task(client.wait_until_ready())
        done, _ = await asyncio.wait({ready, task}, timeout=15, return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            ready.cancel()
            task.result()
        assert ready in done, "the client never became ready"
        yield Harness(fake, client, store)
    finally:
        await client.close()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, 10)
        store.close()
        await fake.close()


@pytest.fixture(autouse=True)
def _restore_discord_endpoints() -> Iterator[None]:
    """apply_endpoints() sets class attributes of discord.py; put them back after each test."""
    route, websocket = runtime.discord.http.Route, runtime.DiscordWebSocket  # type: ignore[attr-defined]
    saved = route.BASE, websocket.DEFAULT_GATEWAY
    yield
    route.BASE, websocket.DEFAULT_GATEWAY = saved


@pytest.fixture
def run_bot(service: AnswerService, tmp_path: Path) -> Callable[..., None]:
    """run_bot(scenario, **options): run an async scenario against a fresh fake and client."""

    def run(scenario: Scenario, **options: Any) -> None:
        async def main() -> None:
            async with running_bot(service, tmp_path, **options) as harness:
                await scenario(harness)

        asyncio.run(main())

    return run
