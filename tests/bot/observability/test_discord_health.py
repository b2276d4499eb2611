"""`bubblebot serve discord` serves /healthz (ready once the gateway is) and /metrics on BUBBLEBOT_HEALTH_PORT."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import httpx

from tests.bot.discord.conftest import TOKEN
from tests.bot.discord.fake_discord import FakeDiscord
from tests.bot.discord.test_messages import MESSAGES, QUESTION
from tests.deploy.servers import bubblebot, free_port


async def healthz(client: httpx.AsyncClient, url: str) -> int | None:
    try:
        return (await client.get(url + "/healthz")).status_code
    except httpx.TransportError:
        return None


def test_serve_discord_is_probed_on_its_health_port(data_dir: Path, kb: object) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"

    async def scenario() -> tuple[list[int | None], str, int | None, str]:
        fake = FakeDiscord(token=TOKEN)
        await fake.start()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BUBBLEBOT_", "DISCORD_"))}
        env.update(
            DISCORD_TOKEN=TOKEN,
            BUBBLEBOT_DISCORD_API_URL=fake.api_url,
            BUBBLEBOT_DISCORD_GATEWAY_URL=fake.gateway_url,
            BUBBLEBOT_DATA_DIR=str(data_dir),
            BUBBLEBOT_DATABASE_URL="sqlite:///" + str(data_dir / "discord-health.db"),
            BUBBLEBOT_HEALTH_HOST="127.0.0.1",
            BUBBLEBOT_HEALTH_PORT=str(port),
            BUBBLEBOT_LOG_FORMAT="json",
        )
        process = await asyncio.create_subprocess_exec(
            *bubblebot(),
            "-v",
            "serve",
            "discord",
            env=env,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        statuses: list[int | None] = []
        try:
            async with httpx.AsyncClient(timeout=3) as client:
                for _ in range(600):  # the health server is up before the answer service has loaded
                    first = await healthz(client, url)
                    if first is not None:
                        statuses.append(first)
                        break
                    await asyncio.sleep(0.05)
                await fake.wait_live(timeout=120)
                for _ in range(100):  # READY reached: the probe turns 200 right after
                    statuses.append(await healthz(client, url))
                    if statuses[-1] == 200:
                        break
                    await asyncio.sleep(0.1)
                await fake.dispatch("MESSAGE_CREATE", fake.message(f"<@{fake.bot_id}> {QUESTION}"))
                await fake.wait_for_call("POST", MESSAGES, timeout=60)
                metrics = (await client.get(url + "/metrics")).text
            process.send_signal(signal.SIGTERM)
            _, stderr = await asyncio.wait_for(process.communicate(), 30)
            return statuses, metrics, process.returncode, stderr.decode()
        finally:
            if process.returncode is None:
                process.kill()
                await process.communicate()
            await fake.close()

    statuses, metrics, code, stderr = asyncio.run(scenario())
    assert statuses[0] == 503 and statuses[-1] == 200, (statuses, stderr)
    assert 'bubblebot_questions_total{language="en"} 1.0' in metrics
    assert code == 0, stderr
    assert TOKEN not in stderr
