"""The digest on Discord: `/bubble digest …` through the real client, embeds within limits, posting over REST."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from bot.digest.content import Catalog, ChannelSettings, build_digest
from bot.digest.model import DigestItem
from bot.digest.runner import deliver_due
from bot.discord.digest import DiscordDigestPoster, run_scheduler
from bot.discord.digest_commands import zone_choices
from bot.discord.digest_render import render_discord_digest
from bot.settings import Settings
from bot.store import StateStore
from tests.bot.digest.conftest import utc
from tests.bot.discord.conftest import TOKEN, Harness
from tests.bot.discord.fake_discord import FakeDiscord

CALLBACK = r"/interactions/\d+/[^/]+/callback"
FOLLOWUP = r"/webhooks/\d+/[^/]+"
MESSAGES = r"/channels/\d+/messages"
EPHEMERAL = 64
OPTION_TYPES = {str: 3, bool: 5}


def digest_command(
    fake: FakeDiscord, name: str, *, manage_channels: bool = True, **options: Any
) -> dict[str, Any]:
    """An INTERACTION_CREATE for /bubble digest <name> with options, from a member with or without Manage Channels."""
    sub = {
        "name": name,
        "type": 1,
        "options": [{"name": k, "type": OPTION_TYPES[type(v)], "value": v} for k, v in options.items()],
    }
    payload = fake.interaction(
        2,
        {
            "id": str(fake.next_id()),
            "name": "bubble",
            "type": 1,
            "options": [{"name": "digest", "type": 2, "options": [sub]}],
        },
    )
    if not manage_channels:
        payload["member"]["permissions"] = str(1 << 10 | 1 << 11)  # View Channel, Send Messages
    return payload


def ephemeral(body: dict[str, Any]) -> bool:
    return bool((body.get("flags") or (body.get("data") or {}).get("flags") or 0) & EPHEMERAL)


def test_subscribe_needs_manage_channels_and_is_announced(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        channel = str(bot.fake.channel_id)
        await bot.fake.dispatch(
            "INTERACTION_CREATE", digest_command(bot.fake, "subscribe", manage_channels=False, time="08:00")
        )
        [refused] = await bot.fake.wait_for_call("POST", CALLBACK)
        assert ephemeral(refused.body) and "Manage Channels" in refused.body["data"]["content"]
        assert bot.store.subscription(platform="discord", channel=channel) is None

        await bot.fake.dispatch(
            "INTERACTION_CREATE",
            digest_command(
                bot.fake, "subscribe", time="8:00", zone="Asia/Taipei", language="zh-Hant", most_asked=False
            ),
        )
        [_, announced] = await bot.fake.wait_for_call("POST", CALLBACK, count=2)
        content = announced.body["data"]["content"]
        assert not ephemeral(announced.body) and announced.body["data"]["allowed_mentions"] == {"parse": []}
        assert f"<@{bot.fake.user_id}> turned on the daily digest here" in content
        assert "08:00 (Asia/Taipei) in Traditional Chinese, without “Most asked this week”" in content
        subscription = bot.store.subscription(platform="discord", channel=channel)
        assert subscription is not None and not subscription.show_most_asked

        await bot.fake.dispatch(
            "INTERACTION_CREATE", digest_command(bot.fake, "subscribe", zone="Mars/Olympus")
        )
        [*_, bad] = await bot.fake.wait_for_call("POST", CALLBACK, count=3)
        assert ephemeral(bad.body) and "Asia/Shanghai" in bad.body["data"]["content"]

    run_bot(scenario)


def test_status_preview_and_unsubscribe(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        bot.store.subscribe(
            platform="discord", channel=str(bot.fake.channel_id), time="09:00", tz="UTC", language="zh-Hans"
        )
        await bot.fake.dispatch("INTERACTION_CREATE", digest_command(bot.fake, "status"))
        [status] = await bot.fake.wait_for_call("POST", FOLLOWUP)
        assert (
            ephemeral(status.body)
            and "every day at 09:00 (UTC) in Simplified Chinese" in status.body["content"]
        )
        await bot.fake.dispatch("INTERACTION_CREATE", digest_command(bot.fake, "preview"))
        [_, preview] = await bot.fake.wait_for_call("POST", FOLLOWUP, count=2)
        [embed] = preview.body["embeds"]
        assert ephemeral(preview.body) and "每日摘要" in embed["title"]
        assert [field["name"] for field in embed["fields"]][:2] == ["📊 今日数字", "💬 今日引语"]
        await bot.fake.dispatch("INTERACTION_CREATE", digest_command(bot.fake, "unsubscribe"))
        [*_, off] = await bot.fake.wait_for_call("POST", CALLBACK, count=3)
        assert "turned off the daily digest" in off.body["data"]["content"]
        assert bot.store.subscriptions() == []

    run_bot(scenario)


def test_digests_are_posted_through_the_client_to_the_channel(
    run_bot: Callable[..., None], catalog: Catalog
) -> None:
    async def scenario(bot: Harness) -> None:
        bot.store.subscribe(
            platform="discord",
            channel=str(bot.fake.channel_id),
            time="09:00",
            tz="America/New_York",
            language="en",
        )
        bot.store.subscribe(
            platform="discord", channel="not-a-snowflake", time="09:00", tz="UTC", language="en"
        )
        poster = DiscordDigestPoster(bot.client, asyncio.get_running_loop())
        outcomes = await asyncio.to_thread(
            deliver_due, bot.store, poster, lambda: catalog, utc("2026-11-23T15:00")
        )
        assert {(o.channel, o.status) for o in outcomes} == {
            (str(bot.fake.channel_id), "sent"),
            ("not-a-snowflake", "failed"),
        }
        [post] = bot.fake.calls("POST", MESSAGES)
        assert post.path == f"/channels/{bot.fake.channel_id}/messages"
        [embed] = post.body["embeds"]
        assert embed["title"] == "bubblebot daily digest · Monday 23 November 2026"
        assert post.body["allowed_mentions"]["parse"] == []
        [sent] = [o for o in outcomes if o.status == "sent"]
        assert (
            sent.message_ref
            and bot.store.deliveries(platform="discord", channel=str(bot.fake.channel_id))[0].message_ref
            == sent.message_ref
        )

    run_bot(scenario)


def test_the_serve_scheduler_posts_due_digests(run_bot: Callable[..., None], tmp_path: Path) -> None:
    async def scenario(bot: Harness) -> None:
        bot.store.subscribe(
            platform="discord", channel=str(bot.fake.channel_id), time="00:00", tz="UTC", language="en"
        )
        settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'state.db'}")
        task = asyncio.create_task(run_scheduler(bot.client, settings, interval=0.2))
        try:
            [post] = await bot.fake.wait_for_call("POST", MESSAGES)
            assert "bubblebot daily digest" in post.body["embeds"][0]["title"]
            await asyncio.sleep(0.6)  # more ticks: still one post
            assert len(bot.fake.calls("POST", MESSAGES)) == 1
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        [delivery] = bot.store.deliveries(platform="discord", channel=str(bot.fake.channel_id))
        assert delivery.status == "sent" and delivery.local_date == datetime.now(UTC).date()

    run_bot(scenario)


def test_run_due_posts_to_discord_over_rest(tmp_path: Path) -> None:
    async def scenario() -> None:
        fake = FakeDiscord(token=TOKEN)
        await fake.start()
        try:
            url = f"sqlite:///{tmp_path / 'state.db'}"
            with StateStore.open(url) as store:
                store.subscribe(
                    platform="discord",
                    channel=str(fake.channel_id),
                    time="09:00",
                    tz="Asia/Shanghai",
                    language="en",
                )
            env = {
                **os.environ,
                "BUBBLEBOT_DATA_DIR": str(tmp_path),
                "BUBBLEBOT_DATABASE_URL": url,
                "DISCORD_TOKEN": TOKEN,
                "BUBBLEBOT_DISCORD_API_URL": fake.api_url,
            }
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot.cli",
                "digest",
                "run-due",
                "--now",
                "2026-11-23T01:05:00Z",
                env=env,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
            )
            out, err = await asyncio.wait_for(process.communicate(), 120)
            assert process.returncode == 0, err.decode()
            assert f"sent discord {fake.channel_id} 2026-11-23" in out.decode()
            [post] = fake.calls("POST", MESSAGES)
            assert post.body["embeds"][0]["fields"][0]["name"] == "📊 Figure of the day"
            assert fake.connections == []  # REST only: no gateway session
        finally:
            await fake.close()

    asyncio.run(scenario())


def test_embeds_stay_within_discord_limits(catalog: Catalog) -> None:
    for language in ("en", "zh-Hans", "zh-Hant"):
        digest = build_digest(
            catalog, ChannelSettings("discord", "1", language=language), date(2026, 11, 23), None
        )
        long = "“" + "bubble " * 900 + "”"
        huge = digest.model_copy(
            update={
                "items": [
                    *(i.model_copy(update={"body": long, "place": "p" * 300}) for i in digest.items),
                    *(DigestItem(kind="new_source", text="N" * 500) for _ in range(30)),
                    *(DigestItem(kind="most_asked", text="Q" * 900) for _ in range(5)),
                ]
            }
        )
        for embed in (render_discord_digest(digest), render_discord_digest(huge)):
            assert len(embed) <= 6000 and len(embed.fields) <= 25 and len(embed.title or "") <= 256
            assert all(
                len(field.value or "") <= 1024 and len(field.name or "") <= 256 for field in embed.fields
            )
            json.dumps(embed.to_dict())


def test_time_zones_autocomplete_from_what_was_typed() -> None:
    async def typed(text: str) -> list[str]:
        return [choice.value for choice in await zone_choices(None, text)]  # type: ignore[arg-type]

    assert asyncio.run(typed("shang")) == ["Asia/Shanghai"]
    assert asyncio.run(typed("new york")) == ["America/New_York"]
    assert len(asyncio.run(typed(""))) == 25
