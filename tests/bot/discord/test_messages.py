"""Mentions, DMs and bots, through the real discord.py client and the loopback fake."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.bot.discord.conftest import Harness

MESSAGES = r"/channels/\d+/messages"
QUESTION = "What compute target did Altman set for OpenAI by 2033?"


def embed_text(body: dict[str, Any]) -> str:
    """Everything a user can read in a sent message: content and embeds."""
    parts = [body.get("content") or ""]
    for embed in body.get("embeds") or []:
        parts += [
            embed.get("title", ""),
            embed.get("description", ""),
            embed.get("footer", {}).get("text", ""),
        ]
        parts += [f"{f['name']} {f['value']}" for f in embed.get("fields", [])]
    return "\n".join(parts)


def test_mention_gets_one_reply_naming_speaker_and_figure(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        asked = await bot.mention(QUESTION)
        [reply] = await bot.fake.wait_for_call("POST", MESSAGES)
        await bot.quiet()
        assert len(bot.fake.calls("POST", MESSAGES, status=None)) == 1
        assert reply.path == f"/channels/{bot.fake.channel_id}/messages"
        body = reply.body
        text = embed_text(body)
        assert "Sam Altman" in text and "250" in text
        assert body["embeds"][0]["title"] == QUESTION  # the bot's mention is stripped
        assert str(body["message_reference"]["message_id"]) == asked["id"]
        assert body["message_reference"]["fail_if_not_exists"] is False
        assert body["allowed_mentions"] == {"parse": [], "replied_user": False}
        buttons = [c["custom_id"] for row in body["components"] for c in row["components"]]
        assert [b.rsplit(":", 1)[0] for b in buttons] == [
            "bubble:sources",
            "bubble:vote:up",
            "bubble:vote:down",
        ]
        stored = bot.store.get_answer(int(buttons[0].rsplit(":", 1)[1]))
        assert (
            stored is not None and stored.question == QUESTION and stored.channel == str(bot.fake.channel_id)
        )

    run_bot(scenario)


def test_messages_from_bots_and_itself_are_ignored(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        other_bot = bot.fake.user(1700000000000000001, "otherbot", bot=True)
        await bot.mention(QUESTION, author=other_bot)
        await bot.mention(QUESTION, author=bot.fake.bot_user())
        await bot.quiet()
        assert bot.fake.calls("POST", MESSAGES, status=None) == []
        await bot.mention(QUESTION)  # still listening: a person is answered
        await bot.fake.wait_for_call("POST", MESSAGES)

    run_bot(scenario)


def test_unmentioned_guild_message_is_ignored_and_dm_is_answered(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.fake.dispatch("MESSAGE_CREATE", bot.fake.message(QUESTION, mention_bot=False))
        await bot.quiet()
        assert bot.fake.calls("POST", MESSAGES, status=None) == []
        await bot.fake.dispatch("MESSAGE_CREATE", bot.fake.message(QUESTION, dm=True, mention_bot=False))
        [reply] = await bot.fake.wait_for_call("POST", MESSAGES)
        assert reply.path == f"/channels/{bot.fake.dm_channel_id}/messages"
        assert "250" in embed_text(reply.body)

    run_bot(scenario)


def test_mention_through_the_bots_managed_role_is_answered(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        message = bot.fake.message(
            f"<@&{bot.fake.role_id}> {QUESTION}", mention_bot=False, mention_roles=[str(bot.fake.role_id)]
        )
        await bot.fake.dispatch("MESSAGE_CREATE", message)
        [reply] = await bot.fake.wait_for_call("POST", MESSAGES)
        assert reply.body["embeds"][0]["title"] == QUESTION

    run_bot(scenario)


def test_bare_mention_gets_a_hint_and_everyone_is_never_pinged(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.mention("")
        [reply] = await bot.fake.wait_for_call("POST", MESSAGES)
        assert "Please ask a question" in reply.body["content"]
        assert reply.body["allowed_mentions"] == {"parse": [], "replied_user": False}
        await bot.mention("@everyone <@&1400000000000000099> who said nobody knows who will lose the money?")
        replies = await bot.fake.wait_for_call("POST", MESSAGES, count=2)
        assert replies[1].body["allowed_mentions"] == {"parse": [], "replied_user": False}

    run_bot(scenario)


def test_per_user_rate_limit_answers_once_then_warns_once(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        for _ in range(4):
            await bot.mention(QUESTION)
        replies = await bot.fake.wait_for_call("POST", MESSAGES, count=3)
        await bot.quiet()
        replies = bot.fake.calls("POST", MESSAGES)
        assert len(replies) == 3
        warnings = [r for r in replies if "faster than I can keep up" in (r.body.get("content") or "")]
        assert len(warnings) == 1
        assert sum(1 for r in replies if r.body.get("embeds")) == 2

    run_bot(scenario, rate_limit=2)


AMAZON = "How much did Amazon burn before turning a profit?"


def _openai_burn(text: str) -> bool:
    """The answer gives OpenAI's cash burn through 2029 (either article's figure) and not Amazon's."""
    shown = (
        "1150億美元",
        "1400亿美元",
        "$115 billion",
        "$140 billion",
    )  # in the quote, or written for the reader
    return any(f in text for f in shown) and "30亿美元" not in text and "$3 billion" not in text


def test_reply_to_an_answer_is_a_follow_up_in_its_context(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.mention(AMAZON)
        [first] = await bot.fake.wait_for_call("POST", MESSAGES)
        answer = bot.fake.sent_message(first.body, channel_id=bot.fake.channel_id)
        follow_up = bot.fake.message(
            "and OpenAI?",
            type=19,
            mentions=[bot.fake.bot_user()],  # a reply that pings the bot
            message_reference={
                "message_id": answer["id"],
                "channel_id": answer["channel_id"],
                "guild_id": str(bot.fake.guild_id),
            },
            referenced_message=answer,
        )
        await bot.fake.dispatch("MESSAGE_CREATE", follow_up)
        replies = await bot.fake.wait_for_call("POST", MESSAGES, count=2)
        assert str(replies[1].body["message_reference"]["message_id"]) == follow_up["id"]
        assert _openai_burn(embed_text(replies[1].body))  # read with the Amazon question

    run_bot(scenario)


def test_follow_up_in_a_thread_uses_the_threads_questions(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.mention(AMAZON, thread=True)
        [first] = await bot.fake.wait_for_call("POST", MESSAGES)
        assert first.path == f"/channels/{bot.fake.thread_id}/messages"
        await bot.mention("and OpenAI?", thread=True)
        replies = await bot.fake.wait_for_call("POST", MESSAGES, count=2)
        assert _openai_burn(embed_text(replies[1].body))
        stored = bot.store.last_answer(
            platform="discord", channel=str(bot.fake.channel_id), thread=str(bot.fake.thread_id)
        )
        assert stored is not None and stored.question == "and OpenAI?"

    run_bot(scenario)


def test_a_mention_shows_typing_then_an_answer_with_labelled_vote_buttons(
    run_bot: Callable[..., None],
) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.mention(QUESTION)
        [reply] = await bot.fake.wait_for_call("POST", MESSAGES)
        [typing] = bot.fake.calls("POST", r"/channels/\d+/typing", status=None)
        assert typing.path == f"/channels/{bot.fake.channel_id}/typing"
        buttons = [c for row in reply.body["components"] for c in row["components"]]
        assert [(b.get("emoji") or {}).get("name") for b in buttons[1:]] == ["👍", "👎"]
        assert [b["label"] for b in buttons] == ["Sources", "Helpful", "Not helpful"]

    run_bot(scenario)


def test_a_failing_typing_indicator_does_not_stop_the_answer(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        bot.fake.forbid("POST", r"/channels/\d+/typing")
        await bot.mention(QUESTION)
        await bot.fake.wait_for_call("POST", MESSAGES)
        assert [c.status for c in bot.fake.calls("POST", r"/channels/\d+/typing", status=None)] == [403]

    run_bot(scenario)
