"""/bubble ask, sources and help; the Show sources and vote buttons; the message shortcut."""

from __future__ import annotations

import json

import pytest

from tests.bot.slack.slack_payloads import CHANNEL, USER, app_mention, block_action, message_shortcut, new_ts
from tests.bot.slack.slack_rig import QUESTION, SlackRig, posted_text


def test_slash_ask_acks_at_once_then_answers_in_the_channel(slack: SlackRig) -> None:
    response = slack.command(f"ask {QUESTION}")
    assert response.status_code == 200
    assert response.text == ""  # a bare ack; the answer follows
    [call] = slack.fake.wait_for("chat.postMessage")
    assert call.args["channel"] == CHANNEL
    shown = posted_text(call.args)
    assert f"<@{USER}>" in shown and QUESTION in shown  # who asked what (a slash command is invisible)
    assert "Sam Altman" in shown and "250" in shown


def test_slash_sources_shows_the_last_answers_quotes_to_the_asker_only(slack: SlackRig) -> None:
    slack.event(app_mention(QUESTION))
    slack.fake.wait_for("chat.postMessage")
    response = slack.command("sources")
    assert response.status_code == 200
    body = response.json()
    assert body.get("response_type", "ephemeral") == "ephemeral"
    shown = json.dumps(body, ensure_ascii=False)
    assert "250吉瓦" in shown  # the verbatim quote
    assert "paragraph 14" in shown  # where it is
    assert "MIT Technology Review" in shown


def test_slash_sources_before_any_answer_says_so(slack: SlackRig) -> None:
    body = slack.command("sources").json()
    assert "haven't answered anything" in body["text"]


def test_slash_help_and_unknown_subcommands_show_help(slack: SlackRig) -> None:
    help_text = slack.command("help").json()["text"]
    assert "/bubble ask" in help_text and "/bubble sources" in help_text
    assert "/bubble ask" in slack.command("").json()["text"]
    unknown = slack.command("frobnicate now").json()["text"]
    assert "frobnicate" in unknown and "/bubble ask" in unknown


def answered(slack: SlackRig) -> tuple[str, str, str]:
    """Ask in a thread; (thread ts, answer message ts, answer id)."""
    parent = new_ts()
    slack.event(app_mention(QUESTION, ts=parent))
    [call] = slack.fake.wait_for("chat.postMessage")
    actions = call.args["blocks"][-1]
    assert actions["type"] == "actions"
    assert [e["action_id"] for e in actions["elements"]] == ["show_sources", "vote_up", "vote_down"]
    return parent, call.response["ts"], actions["elements"][0]["value"]


def test_show_sources_button_shows_verbatim_quotes_to_the_clicker(slack: SlackRig) -> None:
    parent, message_ts, answer_id = answered(slack)
    response = slack.interact(
        block_action("show_sources", answer_id, message_ts=message_ts, thread_ts=parent, user="U0CAROL")
    )
    assert response.status_code == 200
    [call] = slack.fake.wait_for("chat.postEphemeral")
    assert call.args["user"] == "U0CAROL"
    assert call.args["thread_ts"] == parent
    shown = posted_text(call.args)
    assert "阿尔特曼曾告诉员工" in shown and "250吉瓦" in shown  # the quote, verbatim
    assert "paragraph 14" in shown
    assert "Is the AI bubble here?" in shown  # the article title, in the reader's language


def test_show_sources_button_answers_through_response_url_when_given(slack: SlackRig) -> None:
    parent, message_ts, answer_id = answered(slack)
    slack.interact(
        block_action(
            "show_sources",
            answer_id,
            message_ts=message_ts,
            thread_ts=parent,
            response_url=slack.fake.response_url("sources"),
        )
    )
    [(name, body)] = slack.fake.wait_for_response()
    assert name == "sources"
    assert body["response_type"] == "ephemeral" and body["replace_original"] is False
    assert "250吉瓦" in json.dumps(body, ensure_ascii=False)


def test_vote_buttons_store_votes_and_thank_the_voter(slack: SlackRig) -> None:
    parent, message_ts, answer_id = answered(slack)
    slack.interact(block_action("vote_up", answer_id, message_ts=message_ts, thread_ts=parent))
    [thanks] = slack.fake.wait_for("chat.postEphemeral")
    assert "Thanks" in thanks.args["text"] and thanks.args["user"] == USER
    assert slack.store.vote_totals(int(answer_id)) == (1, 0)
    slack.interact(block_action("vote_down", answer_id, message_ts=message_ts, thread_ts=parent))
    slack.fake.wait_for("chat.postEphemeral", 2)
    assert slack.store.vote_totals(int(answer_id)) == (0, 1)  # a user's later vote replaces the earlier
    slack.interact(block_action("vote_up", answer_id, message_ts=message_ts, user="U0CAROL"))
    slack.fake.wait_for("chat.postEphemeral", 3)
    assert slack.store.vote_totals(int(answer_id)) == (1, 1)
    stored = slack.store.get_answer(int(answer_id))
    assert stored is not None and stored.question == QUESTION


def test_vote_on_an_unknown_answer_is_explained(slack: SlackRig) -> None:
    slack.interact(block_action("vote_up", "999999", message_ts=new_ts()))
    [call] = slack.fake.wait_for("chat.postEphemeral")
    assert "no longer have that answer" in call.args["text"]


def test_message_shortcut_answers_the_message_in_its_thread(slack: SlackRig) -> None:
    ts = new_ts()
    response = slack.interact(message_shortcut(QUESTION, ts=ts))
    assert response.status_code == 200
    [call] = slack.fake.wait_for("chat.postMessage")
    assert call.args["thread_ts"] == ts
    shown = posted_text(call.args)
    assert "Sam Altman" in shown and "250" in shown


def test_message_shortcut_on_a_reply_answers_in_the_parent_thread(slack: SlackRig) -> None:
    parent = new_ts()
    slack.interact(message_shortcut(QUESTION, thread_ts=parent))
    [call] = slack.fake.wait_for("chat.postMessage")
    assert call.args["thread_ts"] == parent


@pytest.mark.parametrize("value", ["9" * 5000, "99999999999999999999", "-1", "1e9", "١٢", ""])
@pytest.mark.parametrize("action_id", ["show_sources", "vote_up"])
def test_forged_button_values_get_a_clear_ephemeral_error(
    slack: SlackRig, action_id: str, value: str
) -> None:
    parent, message_ts, _ = answered(slack)
    response = slack.interact(block_action(action_id, value, message_ts=message_ts, thread_ts=parent))
    assert response.status_code == 200
    [call] = slack.fake.wait_for("chat.postEphemeral")
    assert "not valid" in call.args["text"]


@pytest.mark.parametrize("action_id", ["show_sources", "vote_up", "vote_down"])
def test_buttons_refuse_an_answer_from_another_channel(slack: SlackRig, action_id: str) -> None:
    _, message_ts, answer_id = answered(slack)
    slack.interact(block_action(action_id, answer_id, message_ts=message_ts, channel="C0OTHER"))
    [call] = slack.fake.wait_for("chat.postEphemeral")
    assert "another conversation" in call.args["text"] and "阿尔特曼" not in posted_text(call.args)
    assert slack.store.vote_totals(int(answer_id)) == (0, 0)
