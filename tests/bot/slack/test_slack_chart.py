"""/bubble chart on Slack: the figure chart uploaded as a PNG with its cited lines, in the asker's language."""

from __future__ import annotations

import json

from tests.bot.slack.slack_payloads import CHANNEL
from tests.bot.slack.slack_rig import SlackRig


def test_a_chart_image_is_uploaded_to_the_channel_with_its_citations(slack: SlackRig) -> None:
    response = slack.command("chart OpenAI burn")
    assert response.status_code == 200 and response.text == ""  # acknowledged; the chart follows
    [complete] = slack.fake.wait_for("files.completeUploadExternal")
    [upload] = slack.fake.calls_to("files.getUploadURLExternal")
    assert slack.fake.uploads[upload.response["file_id"]].startswith(b"\x89PNG\r\n\x1a\n")
    assert complete.args["channel_id"] == CHANNEL
    comment = complete.args["initial_comment"]
    assert comment.startswith("*Cash burn: figures from the articles (USD)*")
    assert "[1] OpenAI: $" in comment and "2029" in comment  # each bar cited, with its period
    files = complete.args["files"]
    assert "Cash burn" in (json.loads(files) if isinstance(files, str) else files)[0]["title"]


def test_a_chart_follows_the_language_of_the_topic(slack: SlackRig) -> None:
    slack.command("chart 烧钱")
    [complete] = slack.fake.wait_for("files.completeUploadExternal")
    assert complete.args["initial_comment"].startswith("*烧钱规模：文章中的数字 (USD)*")
    assert "亿美元" in complete.args["initial_comment"]


def test_a_topic_without_figures_is_told_to_the_asker_only(slack: SlackRig) -> None:
    slack.command("chart basket weaving")
    [(_, body)] = slack.fake.wait_for_response()
    assert body["response_type"] == "ephemeral" and "no figures" in body["text"]
    assert slack.fake.calls_to("files.completeUploadExternal") == []


def test_when_slack_refuses_the_file_the_chart_is_posted_as_text(slack: SlackRig) -> None:
    slack.fake.fail("files.getUploadURLExternal", "missing_scope")
    slack.command("chart OpenAI burn")
    [call] = slack.fake.wait_for("chat.postMessage")
    assert "Cash burn" in call.args["text"] and "[1] OpenAI" in call.args["text"]
