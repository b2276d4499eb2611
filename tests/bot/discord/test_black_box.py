"""Black box: `bubblebot serve discord` as a subprocess against the loopback fake (issue 5, "Done when")."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from tests.bot.discord.conftest import TOKEN
from tests.bot.discord.fake_discord import FakeDiscord
from tests.bot.discord.test_interactions import CALLBACK, FOLLOWUP
from tests.bot.discord.test_messages import MESSAGES, QUESTION, embed_text

BUBBLEBOT = Path(sys.executable).with_name("bubblebot")


@asynccontextmanager
async def serving(fake: FakeDiscord, tmp_path: Path, token: str) -> AsyncIterator[asyncio.subprocess.Process]:
    """`bubblebot serve discord` pointed at the fake, with its own data directory and database."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("BUBBLEBOT_", "DISCORD_"))}
    env.update(
        DISCORD_TOKEN=token,
        BUBBLEBOT_DISCORD_API_URL=fake.api_url,
        BUBBLEBOT_DISCORD_GATEWAY_URL=fake.gateway_url,
        BUBBLEBOT_DATA_DIR=str(tmp_path / "data"),
        BUBBLEBOT_DATABASE_URL=f"sqlite:///{tmp_path / 'state.db'}",
    )
    process = await asyncio.create_subprocess_exec(
        str(BUBBLEBOT),
        "-v",
        "serve",
        "discord",
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        yield process
    finally:
        if process.returncode is None:
            process.kill()
            await process.communicate()


def test_serve_discord_answers_mentions_and_slash_ask_and_ignores_bots(tmp_path: Path) -> None:
    async def scenario() -> tuple[int | None, str]:
        fake = FakeDiscord(token=TOKEN)
        await fake.start()
        try:
            async with serving(fake, tmp_path, TOKEN) as process:
                await fake.wait_live(timeout=120)  # READY (the first start builds the search index)

                await fake.dispatch("MESSAGE_CREATE", fake.message(f"<@{fake.bot_id}> {QUESTION}"))
                [reply] = await fake.wait_for_call("POST", MESSAGES, timeout=60)
                assert reply.path == f"/channels/{fake.channel_id}/messages"
                assert "250" in embed_text(reply.body) and "Sam Altman" in embed_text(reply.body)

                bot = fake.user(1700000000000000001, "otherbot", bot=True)
                await fake.dispatch(
                    "MESSAGE_CREATE", fake.message(f"<@{fake.bot_id}> {QUESTION}", author=bot)
                )
                await asyncio.sleep(1.0)
                assert len(fake.calls("POST", MESSAGES, status=None)) == 1

                await fake.dispatch("INTERACTION_CREATE", fake.slash("ask", question=QUESTION))
                [followup] = await fake.wait_for_call("POST", FOLLOWUP, timeout=60)
                [callback] = fake.calls("POST", CALLBACK)
                assert callback.body["type"] == 5
                assert "250" in embed_text(followup.body)

                process.send_signal(signal.SIGTERM)
                _, stderr = await asyncio.wait_for(process.communicate(), 30)
                return process.returncode, stderr.decode()
        finally:
            await fake.close()

    returncode, stderr = asyncio.run(scenario())
    assert returncode == 0, stderr
    assert TOKEN not in stderr and TOKEN.split(".")[-1] not in stderr


def test_serve_discord_with_a_bad_token_exits_at_once_with_a_clear_message(tmp_path: Path) -> None:
    async def scenario() -> tuple[int | None, str]:
        fake = FakeDiscord(token=TOKEN)
        await fake.start()
        try:
            async with serving(fake, tmp_path, "wrong.token.value") as process:
                _, stderr = await asyncio.wait_for(process.communicate(), 120)
                assert fake.connections == []
                return process.returncode, stderr.decode()
        finally:
            await fake.close()

    returncode, stderr = asyncio.run(scenario())
    assert returncode == 1
    assert "Discord rejected the token in DISCORD_TOKEN" in stderr
    assert "wrong.token.value" not in stderr and "Traceback" not in stderr
