"""The digest on Slack: `/bubble digest …` through the real bolt app, Block Kit limits, the serve scheduler."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.digest.content import Catalog, ChannelSettings, build_digest
from bot.digest.model import Digest, DigestItem
from bot.settings import Settings
from bot.slack.app import web_client
from bot.slack.digest import start_slack_scheduler
from bot.slack.digest_render import render_slack_digest
from bot.slack.text import MAX_BLOCKS, SECTION_LIMIT
from bot.store import StateStore
from tests.bot.slack.fake_slack import FakeSlack
from tests.bot.slack.slack_payloads import CHANNEL, USER
from tests.bot.slack.slack_rig import SlackRig, posted_text, slack_settings


def responses(rig: SlackRig, count: int = 1) -> list[dict[str, object]]:
    return [body for _, body in rig.fake.wait_for_response(count)]


def test_subscribe_announces_the_change_in_the_channel(slack: SlackRig) -> None:
    assert slack.command("digest subscribe 18:30 asia/shanghai zh-Hans").status_code == 200
    [call] = slack.fake.wait_for("chat.postMessage")
    text = posted_text(call.args)
    assert call.args["channel"] == CHANNEL
    assert f"<@{USER}> turned on the daily digest here" in text
    assert "every day at 18:30 (Asia/Shanghai) in Simplified Chinese" in text and "Next digest" in text
    subscription = slack.store.subscription(platform="slack", channel=CHANNEL)
    assert subscription is not None and (subscription.time, subscription.tz, subscription.language) == (
        "18:30",
        "Asia/Shanghai",
        "zh-Hans",
    )
    assert subscription.created_by == USER
    # Changing one setting keeps the others.
    slack.command("digest subscribe en")
    slack.fake.wait_for("chat.postMessage", 2)
    changed = slack.store.subscription(platform="slack", channel=CHANNEL)
    assert changed is not None and (changed.time, changed.tz, changed.language) == (
        "18:30",
        "Asia/Shanghai",
        "en",
    )


def test_bad_times_zones_and_languages_get_the_valid_forms(slack: SlackRig) -> None:
    for n, (text, expected) in enumerate(
        [
            ("digest subscribe 25:00", "HH:MM on a 24-hour clock"),
            ("digest subscribe 09:00 Asia/Shangai", "Did you mean Asia/Shanghai?"),
            ("digest subscribe klingon", "zh-Hans (Simplified Chinese)"),
            ("digest subscribe 09:00 10:00", "at most one time"),
        ],
        start=1,
    ):
        slack.command(text)
        body = responses(slack, n)[-1]
        assert body["response_type"] == "ephemeral" and expected in json.dumps(body, ensure_ascii=False)
    assert "IANA name" in json.dumps(responses(slack, 4)[1])
    assert slack.store.subscription(platform="slack", channel=CHANNEL) is None
    assert slack.fake.calls_to("chat.postMessage") == []


def test_subscribe_reads_a_12_hour_time_and_a_city_of_two_words(slack: SlackRig) -> None:
    slack.command("digest subscribe 9:30 pm new york zh-Hant")
    slack.fake.wait_for("chat.postMessage")
    subscription = slack.store.subscription(platform="slack", channel=CHANNEL)
    assert subscription is not None
    assert (subscription.time, subscription.tz, subscription.language) == (
        "21:30",
        "America/New_York",
        "zh-Hant",
    )
    slack.command("digest subscribe 9am 北京")
    slack.fake.wait_for("chat.postMessage", 2)
    changed = slack.store.subscription(platform="slack", channel=CHANNEL)
    assert changed is not None and (changed.time, changed.tz) == ("09:00", "Asia/Shanghai")


def test_status_preview_and_unsubscribe(slack: SlackRig) -> None:
    slack.command("digest status")
    assert "This channel has no daily digest." in json.dumps(responses(slack, 1)[0])
    slack.command("digest subscribe 09:00 Europe/London")
    slack.fake.wait_for("chat.postMessage")
    slack.command("digest most-asked off")
    slack.fake.wait_for("chat.postMessage", 2)
    slack.command("digest status")
    status = json.dumps(responses(slack, 2)[1])
    assert (
        "every day at 09:00 (Europe/London) in English, without" in status
        and "No digest posted yet" in status
    )
    slack.command("digest preview")
    preview = responses(slack, 3)[2]
    blocks = preview["blocks"]
    assert isinstance(blocks, list) and blocks[0]["type"] == "header"
    shown = json.dumps(preview, ensure_ascii=False)
    assert "Figure of the day" in shown and "Quote of the day" in shown and "Most asked" not in shown
    slack.command("digest unsubscribe")
    [*_, off] = slack.fake.wait_for("chat.postMessage", 3)
    assert "turned off the daily digest" in posted_text(off.args)
    assert slack.store.subscription(platform="slack", channel=CHANNEL) is None
    slack.command("digest")
    assert "/bubble digest subscribe [HH:MM] [time zone] [language]" in json.dumps(responses(slack, 4)[3])


def test_bubblebot_admins_restrict_who_may_change_the_digest(make_slack: Callable[..., SlackRig]) -> None:
    rig = make_slack(admins=["U0BOSS"])
    rig.command("digest subscribe 09:00")
    refusal = json.dumps(responses(rig, 1)[0])
    assert "only bubblebot's admins" in refusal and "<@U0BOSS>" in refusal
    assert rig.store.subscription(platform="slack", channel=CHANNEL) is None
    rig.command("digest status")  # reading is open to everyone
    assert "no daily digest" in json.dumps(responses(rig, 2)[1])
    rig.command("digest subscribe 09:00", user="U0BOSS")
    rig.fake.wait_for("chat.postMessage")
    assert rig.store.subscription(platform="slack", channel=CHANNEL) is not None


def test_subscribing_where_the_bot_cannot_post_says_so(slack: SlackRig) -> None:
    slack.fake.channel_errors[CHANNEL] = "not_in_channel"
    slack.command("digest subscribe")
    [body] = responses(slack)
    assert body["response_type"] == "in_channel"
    assert "/invite @bubblebot" in json.dumps(body)


def _huge(digest: Digest) -> Digest:
    long = "“" + "投资" * 2000 + "”"
    items = [item.model_copy(update={"body": long, "text": long}) for item in digest.items]
    items += [DigestItem(kind="new_source", text="A" * 400) for _ in range(40)]
    items += [DigestItem(kind="most_asked", text=f"“{'why ' * 300}?” (1×)") for _ in range(5)]
    return digest.model_copy(update={"items": items})


def test_block_kit_stays_within_slack_limits(catalog: Catalog) -> None:
    for language in ("en", "zh-Hans", "zh-Hant"):
        digest = build_digest(
            catalog, ChannelSettings("slack", "C1", language=language), date(2026, 11, 23), None
        )
        for payload in (render_slack_digest(digest), render_slack_digest(_huge(digest))):
            blocks = payload["blocks"]
            assert len(blocks) <= MAX_BLOCKS and len(payload["text"]) <= 3000
            assert len(blocks[0]["text"]["text"]) <= 150
            for block in blocks:
                if block["type"] == "section":
                    assert len(block["text"]["text"]) <= SECTION_LIMIT
                if block["type"] == "context":
                    assert all(len(e["text"]) <= SECTION_LIMIT for e in block["elements"])


def test_the_serve_scheduler_posts_a_due_digest_on_start(fake_slack: FakeSlack, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'state.db'}"
    with StateStore.open(url) as store:
        store.subscribe(platform="slack", channel="C0DAILY", time="00:00", tz="UTC", language="en")
    settings = slack_settings(fake_slack, tmp_path, database_url=url)
    assert (
        start_slack_scheduler(settings.model_copy(update={"scheduler": "off"}), web_client(settings)) is None
    )
    scheduler = start_slack_scheduler(settings, web_client(settings))
    assert scheduler is not None
    try:
        [call] = fake_slack.wait_for("chat.postMessage")
        assert call.args["channel"] == "C0DAILY" and call.args["unfurl_links"] is False
        assert "bubblebot daily digest" in posted_text(call.args)
        time.sleep(0.2)
        assert scheduler.tick() == []  # the next tick finds it sent
    finally:
        scheduler.stop()
    with StateStore.open(url) as store:
        [delivery] = store.deliveries(platform="slack", channel="C0DAILY")
        assert delivery.local_date == datetime.now(UTC).date() and delivery.status == "sent"


def test_bubblebot_admins_is_a_list_of_user_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    for value, expected in (("U0BOSS, U0CHIEF", ["U0BOSS", "U0CHIEF"]), ('["U0BOSS"]', ["U0BOSS"]), ("", [])):
        monkeypatch.setenv("BUBBLEBOT_ADMINS", value)
        assert Settings().admins == expected
