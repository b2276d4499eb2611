"""Connection-level behaviour: resume after RECONNECT and drops, 429s, bad tokens, intents, shards, sync."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.discord.client import BubbleClient
from bot.discord.runtime import apply_endpoints, run_client
from bot.discord.sync import sync_tree
from bot.errors import BadToken
from bot.service import AnswerService
from bot.settings import Settings
from tests.bot.discord.conftest import TOKEN, Harness
from tests.bot.discord.fake_discord import MESSAGE_CONTENT_FLAGS, FakeDiscord
from tests.bot.discord.test_messages import MESSAGES, QUESTION, embed_text

MESSAGE_CONTENT_INTENT = 1 << 15


def test_reconnect_op7_resumes_the_session_and_keeps_answering(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        first = bot.fake.live_connection()
        await bot.fake.send_reconnect()
        await bot.fake.wait_live(count=2)
        [resume] = bot.fake.resumes
        assert resume["session_id"] == first.session_id and resume["seq"] == first.seq
        assert len(bot.fake.identifies) == 1  # resumed, not re-identified
        await bot.mention(QUESTION)
        [reply] = await bot.fake.wait_for_call("POST", MESSAGES)
        assert "250" in embed_text(reply.body)

    run_bot(scenario)


def test_a_dropped_connection_is_resumed(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        bot.fake.drop()
        await bot.fake.wait_live(count=2)
        assert len(bot.fake.resumes) == 1 and len(bot.fake.identifies) == 1
        await bot.mention(QUESTION)
        await bot.fake.wait_for_call("POST", MESSAGES)

    run_bot(scenario)


def test_rest_429_is_waited_out_then_retried_once(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        bot.fake.rate_limit("POST", MESSAGES, times=1, retry_after=0.4)
        await bot.mention(QUESTION)
        [sent] = await bot.fake.wait_for_call("POST", MESSAGES)
        [limited] = bot.fake.calls("POST", MESSAGES, status=429)
        assert sent.at - limited.at >= 0.4
        assert sent.body == limited.body
        await bot.quiet()
        assert len(bot.fake.calls("POST", MESSAGES, status=None)) == 2

    run_bot(scenario)


def test_token_is_never_logged(run_bot: Callable[..., None], caplog: pytest.LogCaptureFixture) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.mention(QUESTION)
        await bot.fake.wait_for_call("POST", MESSAGES)
        await bot.fake.send_reconnect()
        await bot.fake.wait_live(count=2)

    caplog.set_level(logging.DEBUG)
    run_bot(scenario)
    assert "RESUMED" in caplog.text  # discord.py's debug logging was on
    assert TOKEN not in caplog.text and TOKEN.split(".")[-1] not in caplog.text


def test_bad_token_fails_fast_with_a_clear_message(tmp_path: Path) -> None:
    async def scenario() -> None:
        fake = FakeDiscord(token=TOKEN)
        await fake.start()
        try:
            apply_endpoints(
                Settings(
                    data_dir=tmp_path, discord_api_url=fake.api_url, discord_gateway_url=fake.gateway_url
                )
            )
            started = time.monotonic()
            with pytest.raises(BadToken) as raised:
                await run_client(BubbleClient(None), "not-the-token")
            assert time.monotonic() - started < 5
            assert "DISCORD_TOKEN" in str(raised.value) and "not-the-token" not in str(raised.value)
            assert fake.connections == []  # never reached the gateway
        finally:
            await fake.close()

    asyncio.run(scenario())


def test_no_privileged_intent_unless_the_application_has_message_content(
    run_bot: Callable[..., None],
) -> None:
    async def without(bot: Harness) -> None:
        assert not bot.fake.identifies[0]["intents"] & MESSAGE_CONTENT_INTENT

    async def with_flag(bot: Harness) -> None:
        assert bot.fake.identifies[0]["intents"] & MESSAGE_CONTENT_INTENT
        # with the intent, a reply to an answer is answered even with its @mention switched off
        await bot.mention(QUESTION)
        [first] = await bot.fake.wait_for_call("POST", MESSAGES)
        answer = bot.fake.sent_message(first.body, channel_id=bot.fake.channel_id)
        await bot.fake.dispatch(
            "MESSAGE_CREATE",
            bot.fake.message(
                "and Meta?",
                mention_bot=False,
                type=19,
                referenced_message=answer,
                message_reference={"message_id": answer["id"], "channel_id": answer["channel_id"]},
            ),
        )
        await bot.fake.wait_for_call("POST", MESSAGES, count=2)

    run_bot(without)
    run_bot(with_flag, app_flags=MESSAGE_CONTENT_FLAGS)


def test_shards_setting_runs_an_auto_sharded_client(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        assert bot.client.shard_count == 1 and bot.fake.identifies[0]["shard"] == [0, 1]
        await bot.mention(QUESTION)
        await bot.fake.wait_for_call("POST", MESSAGES)

    run_bot(scenario, shards=1)


@pytest.mark.parametrize("guild", [None, 1200000000000000001])
def test_sync_registers_the_bubble_group_and_the_message_menu(
    tmp_path: Path, guild: int | None, service: AnswerService
) -> None:
    async def scenario() -> None:
        fake = FakeDiscord(token=TOKEN)
        await fake.start()
        try:
            apply_endpoints(
                Settings(
                    data_dir=tmp_path, discord_api_url=fake.api_url, discord_gateway_url=fake.gateway_url
                )
            )
            count = await sync_tree(BubbleClient(None), TOKEN, guild=guild)
        finally:
            await fake.close()
        assert count == 2
        [put] = fake.calls("PUT", r"/applications/\d+(/guilds/\d+)?/commands")
        assert put.path == (
            f"/applications/{fake.bot_id}/commands"
            if guild is None
            else f"/applications/{fake.bot_id}/guilds/{guild}/commands"
        )
        by_name = {command["name"]: command for command in put.body}
        assert by_name["Ask bubblebot"]["type"] == 3
        bubble = by_name["bubble"]
        assert [option["name"] for option in bubble["options"]] == [
            "ask",
            "sources",
            "help",
            "digest",
            "ingest",
            "chart",
        ]
        [question] = bubble["options"][0]["options"]
        assert question["name"] == "question" and question["type"] == 3 and question["required"]
        assert question["max_length"] == Settings().max_question_chars
        assert fake.connections == []  # registration is REST only; no gateway session
        assert bubble["name_localizations"] == {"zh-CN": "泡沫", "zh-TW": "泡沫"}
        assert bubble["description_localizations"]["zh-TW"] == "詢問AI投資泡沫，附來源。"
        ask = bubble["options"][0]
        assert ask["name_localizations"] == {"zh-CN": "提问", "zh-TW": "提問"}
        assert question["name_localizations"] == {"zh-CN": "问题", "zh-TW": "問題"}
        assert question["description_localizations"]["zh-CN"].startswith("例如：")
        assert by_name["Ask bubblebot"]["name_localizations"]["zh-TW"] == "問 bubblebot"
        digest = bubble["options"][3]
        for command in [bubble, *bubble["options"], *digest["options"]]:
            for option in [command, *command.get("options", [])]:
                if option.get("type", 1) in (1, 2) or option is question:
                    assert set(option["name_localizations"]) == {"zh-CN", "zh-TW"}, option["name"]
                    assert set(option["description_localizations"]) == {"zh-CN", "zh-TW"}, option["name"]

    asyncio.run(scenario())


def test_sync_guild_clear_removes_the_servers_copies_only(tmp_path: Path) -> None:
    guild = 1200000000000000001

    async def scenario() -> None:
        fake = FakeDiscord(token=TOKEN)
        await fake.start()
        try:
            apply_endpoints(
                Settings(
                    data_dir=tmp_path, discord_api_url=fake.api_url, discord_gateway_url=fake.gateway_url
                )
            )
            await sync_tree(BubbleClient(None), TOKEN, guild=guild)
            await sync_tree(BubbleClient(None), TOKEN, guild=None)
            count = await sync_tree(BubbleClient(None), TOKEN, guild=guild, clear=True)
        finally:
            await fake.close()
        assert count == 0
        assert fake.commands[str(guild)] == []
        assert {c["name"] for c in fake.commands["global"]} == {"bubble", "Ask bubblebot"}

    asyncio.run(scenario())
