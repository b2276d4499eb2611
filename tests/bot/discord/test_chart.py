"""/bubble chart on Discord: the figure chart sent as a PNG attachment inside an embed with cited lines."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.bot.discord.conftest import Harness
from tests.bot.discord.test_interactions import CALLBACK, DEFERRED, FOLLOWUP, is_ephemeral


def chart_command(bot: Harness, topic: str, locale: str = "en-US") -> dict[str, Any]:
    interaction = bot.fake.slash("chart", topic=topic)
    interaction["locale"] = locale
    return interaction


def test_a_chart_image_is_attached_to_an_embed_in_the_channel(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.fake.dispatch("INTERACTION_CREATE", chart_command(bot, "OpenAI burn"))
        [followup] = await bot.fake.wait_for_call("POST", FOLLOWUP)
        [callback] = bot.fake.calls("POST", CALLBACK)
        assert callback.body["type"] == DEFERRED and not is_ephemeral(callback)
        [(filename, image)] = followup.body["_files"].values()
        assert filename == "bubblebot-chart.png" and image.startswith(b"\x89PNG\r\n\x1a\n")
        [embed] = followup.body["embeds"]
        assert embed["title"] == "Cash burn: figures from the articles (USD)"
        assert embed["image"]["url"] == "attachment://bubblebot-chart.png"
        assert "[1] OpenAI: $" in embed["description"] and "2029" in embed["description"]
        assert followup.body["allowed_mentions"] == {"parse": []}

    run_bot(scenario)


def test_a_chart_speaks_the_users_locale(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.fake.dispatch("INTERACTION_CREATE", chart_command(bot, "OpenAI 燒錢", locale="zh-TW"))
        [followup] = await bot.fake.wait_for_call("POST", FOLLOWUP)
        [embed] = followup.body["embeds"]
        assert embed["title"].startswith("燒錢規模") and "億美元" in embed["description"]

    run_bot(scenario)


def test_help_and_errors_follow_the_discord_locale(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        interaction = bot.fake.slash("ask", question="   ")
        interaction["locale"] = "zh-CN"
        await bot.fake.dispatch("INTERACTION_CREATE", interaction)
        [callback] = await bot.fake.wait_for_call("POST", CALLBACK)
        assert is_ephemeral(callback) and "请提一个问题" in callback.body["data"]["content"]

    run_bot(scenario)
