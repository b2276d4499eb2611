"""Events over signed HTTP: mentions, DMs, thread follow-ups, exactly one reply, bots ignored, no @channel."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

from bot.service import AnswerService
from bot.slack.text import escape
from tests.bot.slack.fake_slack import BOT_ID, BOT_USER_ID
from tests.bot.slack.slack_payloads import (
    CHANNEL,
    DM_CHANNEL,
    app_mention,
    bot_message,
    event_callback,
    json_body,
    message,
    new_ts,
)
from tests.bot.slack.slack_rig import QUESTION, SlackRig, posted_text


def test_mention_is_answered_in_its_thread_naming_speaker_and_figure(slack: SlackRig) -> None:
    ts = new_ts()
    response = slack.event(app_mention(QUESTION, ts=ts))
    assert response.status_code == 200
    [call] = slack.fake.wait_for("chat.postMessage")
    assert call.args["channel"] == CHANNEL
    assert call.args["thread_ts"] == ts
    shown = posted_text(call.args)
    assert "Sam Altman" in shown
    assert "250" in shown
    stored = slack.store.last_answer(platform="slack", channel=CHANNEL, thread=ts)
    assert stored is not None and stored.question == QUESTION


def test_mention_inside_a_thread_is_answered_in_that_thread(slack: SlackRig) -> None:
    parent = new_ts()
    slack.event(app_mention(QUESTION, thread_ts=parent))
    [call] = slack.fake.wait_for("chat.postMessage")
    assert call.args["thread_ts"] == parent


def test_direct_message_is_answered(slack: SlackRig) -> None:
    slack.event(
        message("How much did Amazon burn before turning a profit?", channel=DM_CHANNEL, channel_type="im")
    )
    [call] = slack.fake.wait_for("chat.postMessage")
    assert call.args["channel"] == DM_CHANNEL
    assert "thread_ts" not in call.args
    assert "Deutsche Bank" in posted_text(call.args)


def test_direct_message_follow_up_uses_the_previous_question(slack: SlackRig, service: AnswerService) -> None:
    first = "Does Sam Altman think AI is a bubble?"
    slack.event(message(first, channel=DM_CHANNEL, channel_type="im"))
    slack.fake.wait_for("chat.postMessage", 1)
    slack.event(message("and Zuckerberg?", channel=DM_CHANNEL, channel_type="im"))
    follow_up = slack.fake.wait_for("chat.postMessage", 2)[1].args
    expected = service.ask("and Zuckerberg?", history=[first])
    assert follow_up["blocks"][0]["text"]["text"].startswith(escape(expected.answer)[:200])


def test_thread_follow_up_is_answered_without_a_mention_using_the_thread(
    slack: SlackRig, service: AnswerService
) -> None:
    first = "Does Sam Altman think AI is a bubble?"
    parent = new_ts()
    slack.event(app_mention(first, ts=parent))
    slack.fake.wait_for("chat.postMessage", 1)
    slack.event(message("and Zuckerberg?", thread_ts=parent))
    calls = slack.fake.wait_for("chat.postMessage", 2)
    follow_up = calls[1].args
    assert follow_up["thread_ts"] == parent
    expected = service.ask("and Zuckerberg?", history=[first])
    assert follow_up["blocks"][0]["text"]["text"].startswith(escape(expected.answer)[:200])
    assert "Mark Zuckerberg" in posted_text(follow_up)
    assert slack.store.thread_questions(platform="slack", channel=CHANNEL, thread=parent) == [
        first,
        "and Zuckerberg?",
    ]


def test_channel_chatter_and_other_threads_are_not_answered(slack: SlackRig) -> None:
    slack.event(message("lunch anyone?"))  # top level, no mention
    slack.event(message("and Zuckerberg?", thread_ts=new_ts()))  # a thread the bot never answered in
    slack.fake.quiet(1.0)
    assert slack.fake.calls_to("chat.postMessage", ok=None) == []


def test_a_mention_in_a_thread_is_answered_once_although_slack_also_sends_a_message_event(
    slack: SlackRig,
) -> None:
    parent = new_ts()
    slack.event(app_mention(QUESTION, ts=parent))
    slack.fake.wait_for("chat.postMessage", 1)
    ts = new_ts()
    slack.event(app_mention("How much did Amazon burn before turning a profit?", ts=ts, thread_ts=parent))
    slack.event(
        message(
            f"<@{BOT_USER_ID}> How much did Amazon burn before turning a profit?", ts=ts, thread_ts=parent
        )
    )
    slack.fake.wait_for("chat.postMessage", 2)
    slack.fake.quiet(1.0)
    assert len(slack.fake.calls_to("chat.postMessage")) == 2


def test_a_retried_event_gets_exactly_one_reply(slack: SlackRig) -> None:
    event = app_mention(QUESTION)
    first = slack.event(event, event_id="Ev0RETRY01")
    retry = slack.event(event, event_id="Ev0RETRY01", retry_num=1)
    assert first.status_code == retry.status_code == 200
    slack.fake.wait_for("chat.postMessage", 1)
    slack.fake.quiet(1.0)
    assert len(slack.fake.calls_to("chat.postMessage", ok=None)) == 1


def test_a_repeated_event_id_gets_exactly_one_reply_even_when_concurrent(slack: SlackRig) -> None:
    body, content_type = json_body(event_callback(app_mention(QUESTION), event_id="Ev0SAME0001"))
    with ThreadPoolExecutor(max_workers=5) as pool:
        responses = list(pool.map(lambda _: slack.post(body, content_type), range(5)))
    assert {r.status_code for r in responses} == {200}
    slack.fake.wait_for("chat.postMessage", 1)
    slack.fake.quiet(1.0)
    assert len(slack.fake.calls_to("chat.postMessage", ok=None)) == 1


def test_bot_messages_are_ignored(slack: SlackRig) -> None:
    parent = new_ts()
    slack.event(app_mention(QUESTION, ts=parent))
    slack.fake.wait_for("chat.postMessage", 1)
    slack.event(bot_message("and Zuckerberg?", thread_ts=parent))  # another bot, in our thread
    own = message("and Zuckerberg?", thread_ts=parent, user=BOT_USER_ID, bot_id=BOT_ID)
    slack.event(own)  # our own answer coming back as an event
    bot_mention = app_mention(QUESTION)
    bot_mention["bot_id"] = "B0OTHER"
    slack.event(bot_mention)  # a bot mentioning us
    slack.event(message("edited", thread_ts=parent, subtype="message_changed"))
    slack.fake.quiet(1.0)
    assert len(slack.fake.calls_to("chat.postMessage", ok=None)) == 1


def test_broadcast_mentions_never_leak_and_markup_is_escaped(slack: SlackRig) -> None:
    slack.event(app_mention(f"<!channel> <!here|here> @everyone {QUESTION} &lt;b&gt;"))
    slack.command(f"ask <!everyone> @here AT&amp;T &lt;script&gt; {QUESTION}")
    calls = slack.fake.wait_for("chat.postMessage", 2)
    for call in calls:
        raw = json.dumps(call.args, ensure_ascii=False)
        for leak in (
            "<!channel>",
            "<!here",
            "<!everyone>",
            "@here",
            "@everyone",
            "@channel",
            "<script>",
            "<b>",
        ):
            assert leak not in raw
    echoed = (
        posted_text(calls[1].args) if "asked" in posted_text(calls[1].args) else posted_text(calls[0].args)
    )
    assert "AT&amp;T &lt;script&gt;" in echoed


def test_the_question_shows_eyes_while_the_answer_is_composed(slack: SlackRig) -> None:
    ts = new_ts()
    slack.event(app_mention(QUESTION, ts=ts))
    [removed] = slack.fake.wait_for("reactions.remove")
    [added] = slack.fake.calls_to("reactions.add")
    [posted] = slack.fake.calls_to("chat.postMessage")
    assert added.args == {"channel": CHANNEL, "timestamp": ts, "name": "eyes"} == removed.args
    assert added.at <= posted.at <= removed.at


def test_without_the_reactions_scope_the_answer_still_comes_and_no_more_reactions_are_tried(
    slack: SlackRig,
) -> None:
    slack.fake.fail("reactions.add", "missing_scope", times=5)
    slack.event(app_mention(QUESTION, ts=new_ts()))
    slack.fake.wait_for("chat.postMessage")
    slack.event(app_mention("How much did Amazon burn before turning a profit?", ts=new_ts()))
    slack.fake.wait_for("chat.postMessage", 2)
    assert len(slack.fake.calls_to("reactions.add", ok=None)) == 1
    assert slack.fake.calls_to("reactions.remove", ok=None) == []
