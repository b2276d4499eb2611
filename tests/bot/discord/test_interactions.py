"""Slash commands, the message menu and the answer buttons, through the real client and the fake."""

from __future__ import annotations

from collections.abc import Callable

from tests.bot.discord.conftest import Harness
from tests.bot.discord.fake_discord import Recorded
from tests.bot.discord.test_messages import MESSAGES, QUESTION, embed_text

CALLBACK = r"/interactions/\d+/[^/]+/callback"
FOLLOWUP = r"/webhooks/\d+/[^/]+"
EPHEMERAL = 64
DEFERRED = 5
MESSAGE = 4


def is_ephemeral(call: Recorded) -> bool:
    flags = call.body.get("flags") or (call.body.get("data") or {}).get("flags") or 0
    return bool(flags & EPHEMERAL)


async def answer_message(bot: Harness) -> dict[str, object]:
    """Mention the bot and return the answer message as Discord would hand it back (with its buttons)."""
    await bot.mention(QUESTION)
    [reply] = await bot.fake.wait_for_call("POST", MESSAGES)
    return bot.fake.sent_message(reply.body, channel_id=bot.fake.channel_id)


def custom_id(message: dict[str, object], prefix: str) -> str:
    rows = message["components"]
    assert isinstance(rows, list)
    return str(
        next(c["custom_id"] for row in rows for c in row["components"] if c["custom_id"].startswith(prefix))
    )


def test_slash_ask_defers_then_follows_up_with_the_answer(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        interaction = bot.fake.slash("ask", question=QUESTION)
        await bot.fake.dispatch("INTERACTION_CREATE", interaction)
        [followup] = await bot.fake.wait_for_call("POST", FOLLOWUP)
        [callback] = bot.fake.calls("POST", CALLBACK)
        assert callback.path == f"/interactions/{interaction['id']}/{interaction['token']}/callback"
        assert callback.query == {"with_response": "1"}
        assert callback.body["type"] == DEFERRED and not is_ephemeral(callback)
        assert callback.at <= followup.at
        assert followup.path == f"/webhooks/{bot.fake.bot_id}/{interaction['token']}"
        text = embed_text(followup.body)
        assert "Sam Altman" in text and "250" in text
        assert followup.body["allowed_mentions"] == {"parse": []}
        assert custom_id(followup.body, "bubble:sources:")
        assert bot.fake.calls("POST", MESSAGES, status=None) == []

    run_bot(scenario)


def test_slash_ask_with_an_empty_question_answers_only_the_asker(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.fake.dispatch("INTERACTION_CREATE", bot.fake.slash("ask", question="   "))
        [callback] = await bot.fake.wait_for_call("POST", CALLBACK)
        assert callback.body["type"] == MESSAGE and is_ephemeral(callback)
        assert "Please ask a question" in callback.body["data"]["content"]

    run_bot(scenario)


def test_sources_button_shows_the_verbatim_quotes_to_the_clicker_only(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        message = await answer_message(bot)
        await bot.fake.dispatch(
            "INTERACTION_CREATE", bot.fake.click(message, custom_id(message, "bubble:sources:"))
        )
        [followup] = await bot.fake.wait_for_call("POST", FOLLOWUP)
        [callback] = bot.fake.calls("POST", CALLBACK)
        assert callback.body["type"] == DEFERRED and is_ephemeral(callback)
        assert is_ephemeral(followup)
        content = followup.body["content"]
        assert "OpenAI的宏伟目标是到2033年建成250吉瓦的计算能力" in content  # the quote, verbatim
        assert (
            "paragraph 14" in content and "Is the AI bubble here?" in content
        )  # article (title in the reader's language), paragraph
        assert len(content) <= 2000

    run_bot(scenario)


def test_thumbs_up_is_stored_and_thanked_privately(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        message = await answer_message(bot)
        button = custom_id(message, "bubble:vote:up:")
        await bot.fake.dispatch("INTERACTION_CREATE", bot.fake.click(message, button))
        [followup] = await bot.fake.wait_for_call("POST", FOLLOWUP)
        assert is_ephemeral(followup) and "👍" in followup.body["content"]
        answer_id = int(button.rsplit(":", 1)[1])
        assert bot.store.vote_totals(answer_id) == (1, 0)
        await bot.fake.dispatch(
            "INTERACTION_CREATE", bot.fake.click(message, custom_id(message, "bubble:vote:down:"))
        )
        await bot.fake.wait_for_call("POST", FOLLOWUP, count=2)
        assert bot.store.vote_totals(answer_id) == (0, 1)  # one vote per user: the new one replaces it

    run_bot(scenario)


def test_buttons_of_an_unknown_answer_say_so(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        message = bot.fake.sent_message(
            {
                "components": [
                    {
                        "type": 1,
                        "components": [
                            {"type": 2, "style": 2, "label": "Sources", "custom_id": "bubble:sources:999999"}
                        ],
                    }
                ]
            },
            channel_id=bot.fake.channel_id,
        )
        await bot.fake.dispatch("INTERACTION_CREATE", bot.fake.click(message, "bubble:sources:999999"))
        [followup] = await bot.fake.wait_for_call("POST", FOLLOWUP)
        assert is_ephemeral(followup) and "no longer have that answer" in followup.body["content"]

    run_bot(scenario)


def test_context_menu_asks_about_the_message(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        target = bot.fake.message(QUESTION, mention_bot=False)
        await bot.fake.dispatch("INTERACTION_CREATE", bot.fake.context_menu(target))
        [followup] = await bot.fake.wait_for_call("POST", FOLLOWUP)
        [callback] = bot.fake.calls("POST", CALLBACK)
        assert callback.body["type"] == DEFERRED
        assert followup.body["embeds"][0]["title"] == QUESTION
        assert "250" in embed_text(followup.body)

    run_bot(scenario)


def test_bubble_sources_shows_the_last_answer_here(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.fake.dispatch("INTERACTION_CREATE", bot.fake.slash("sources"))
        [first] = await bot.fake.wait_for_call("POST", FOLLOWUP)
        assert is_ephemeral(first) and "haven't answered anything here" in first.body["content"]
        await answer_message(bot)
        await bot.fake.dispatch("INTERACTION_CREATE", bot.fake.slash("sources"))
        followups = await bot.fake.wait_for_call("POST", FOLLOWUP, count=2)
        assert is_ephemeral(followups[1]) and "250吉瓦" in followups[1].body["content"]

    run_bot(scenario)


def test_bubble_help_answers_at_once_and_privately(run_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.fake.dispatch("INTERACTION_CREATE", bot.fake.slash("help"))
        [callback] = await bot.fake.wait_for_call("POST", CALLBACK)
        assert callback.body["type"] == MESSAGE and is_ephemeral(callback)
        content = callback.body["data"]["content"]
        assert "/bubble ask" in content and "Ask bubblebot" in content and len(content) <= 2000

    run_bot(scenario)
