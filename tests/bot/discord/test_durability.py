"""Buttons survive a restart; a database outage never stops answers."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.bot.discord.conftest import Harness
from tests.bot.discord.test_interactions import FOLLOWUP, answer_message, custom_id, is_ephemeral
from tests.bot.discord.test_messages import MESSAGES, QUESTION, embed_text


def test_buttons_keep_working_after_a_restart(run_bot: Callable[..., None]) -> None:
    sent: list[dict[str, Any]] = []

    async def before(bot: Harness) -> None:
        sent.append(await answer_message(bot))

    async def after(bot: Harness) -> None:  # a new client and a new fake: nothing in memory survives
        [message] = sent
        await bot.fake.dispatch(
            "INTERACTION_CREATE", bot.fake.click(message, custom_id(message, "bubble:sources:"))
        )
        [followup] = await bot.fake.wait_for_call("POST", FOLLOWUP)
        assert is_ephemeral(followup) and "250吉瓦" in followup.body["content"]

    run_bot(before)
    run_bot(after)


def test_a_locked_database_still_gets_answers_without_buttons(
    run_bot: Callable[..., None], tmp_path: Path
) -> None:
    async def scenario(bot: Harness) -> None:
        earlier = await answer_message(bot)
        locker = sqlite3.connect(tmp_path / "state.db", isolation_level=None)
        try:
            locker.execute("BEGIN IMMEDIATE")  # every write now times out: an outage for the bot
            await bot.mention(QUESTION)
            replies = await bot.fake.wait_for_call("POST", MESSAGES, count=2, timeout=30)
            assert "250" in embed_text(replies[1].body) and not replies[1].body.get("components")
            vote = custom_id(earlier, "bubble:vote:up:")
            await bot.fake.dispatch("INTERACTION_CREATE", bot.fake.click(earlier, vote))
            [followup] = await bot.fake.wait_for_call("POST", FOLLOWUP, timeout=30)
            assert is_ephemeral(followup) and "can't reach my database" in followup.body["content"]
        finally:
            locker.execute("ROLLBACK")
            locker.close()

    run_bot(scenario, db_options="?timeout=0.2")
