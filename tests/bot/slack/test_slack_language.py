"""Slack replies follow the user's language: the question's words, else the channel's digest language."""

from __future__ import annotations

from tests.bot.slack.slack_rig import SlackRig


def test_errors_and_help_in_the_language_the_command_was_typed_in(slack: SlackRig) -> None:
    assert "请提一个问题" not in slack.command("help").json()["text"]  # English by default
    slack.command("digest subscribe 9 北京")
    [(_, body)] = slack.fake.wait_for_response()
    assert "你是不是指 09:00" in body["text"] and body["response_type"] == "ephemeral"


def test_a_chinese_channel_gets_chinese_help_and_digest_replies(slack: SlackRig) -> None:
    slack.command("digest subscribe 09:00 Asia/Taipei zh-Hant")
    announced = slack.fake.wait_for("chat.postMessage")[0].args["text"]
    assert "turned on the daily digest" in announced  # typed in English: announced in English
    assert "幫助" not in announced
    help_text = slack.command("help").json()["text"]
    assert "可以問我關於AI投資泡沫的問題" in help_text and "/bubble ask" in help_text
    slack.command("digest status")
    [(_, status)] = slack.fake.wait_for_response()
    assert "每日摘要" in status["text"] and "Asia/Taipei" in status["text"]


def test_the_rate_limit_warning_speaks_chinese_to_a_chinese_question(make_slack: object) -> None:
    from tests.bot.slack.slack_payloads import app_mention

    rig = make_slack(rate_limit_per_minute=1)  # type: ignore[operator]
    rig.event(app_mention("阿尔特曼怎么看泡沫？"))
    rig.fake.wait_for("chat.postMessage")
    rig.event(app_mention("阿尔特曼怎么看泡沫？还有呢"))
    [warning] = rig.fake.wait_for("chat.postEphemeral")
    assert "你提问得太快了" in warning.args["text"]
