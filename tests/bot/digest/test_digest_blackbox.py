"""Black box (issue 6's Done-when): `bubblebot digest …` as subprocesses against a fake Slack."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

from bot.store import StateStore
from knowledge.base import KnowledgeBase
from tests.bot.slack.fake_slack import BOT_TOKEN, FakeSlack
from tests.bot.slack.slack_rig import posted_text
from tests.bot.slack.test_slack_blackbox import start as start_served
from tests.bot.slack.test_slack_blackbox import stop, wait_healthy

BUBBLEBOT = [sys.executable, "-m", "bot.cli"]
CHANNEL = "C0DIGEST"


def environment(data_dir: Path, fake: FakeSlack | None = None) -> dict[str, str]:
    env = {**os.environ, "BUBBLEBOT_DATA_DIR": str(data_dir)}
    if fake is not None:
        env.update(SLACK_BOT_TOKEN=BOT_TOKEN, BUBBLEBOT_SLACK_API_URL=fake.api_url)
    return env


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BUBBLEBOT, "digest", *args], capture_output=True, text=True, env=env, timeout=120)


def start(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*BUBBLEBOT, "digest", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )


def test_run_due_posts_once_at_nine_in_shanghai(fake_slack: FakeSlack, tmp_path: Path) -> None:
    env = environment(tmp_path, fake_slack)
    subscribed = run(
        env,
        "subscribe",
        "--platform",
        "slack",
        "--channel",
        CHANNEL,
        "--time",
        "09:00",
        "--tz",
        "Asia/Shanghai",
        "--lang",
        "en",
    )
    assert subscribed.returncode == 0, subscribed.stderr
    assert "every day at 09:00 (Asia/Shanghai) in English" in subscribed.stdout

    early = run(env, "run-due", "--now", "2026-11-23T00:30:00Z")  # 08:30 in Shanghai
    assert early.returncode == 0, early.stderr
    assert "nothing due" in early.stdout
    assert fake_slack.calls_to("chat.postMessage", ok=None) == []

    racers = [start(env, "run-due", "--now", "2026-11-23T01:05:00Z") for _ in range(2)]
    results = [racer.communicate(timeout=120) for racer in racers]
    assert [racer.returncode for racer in racers] == [0, 0], results
    assert sum(out.count(f"sent slack {CHANNEL} 2026-11-23") for out, _ in results) == 1
    [post] = fake_slack.calls_to("chat.postMessage", ok=None)
    assert post.args["channel"] == CHANNEL and post.token == BOT_TOKEN
    blocks = json.loads(post.args["blocks"]) if isinstance(post.args["blocks"], str) else post.args["blocks"]
    assert blocks[0]["text"]["text"] == "bubblebot daily digest · Monday 23 November 2026"

    later = run(env, "run-due", "--now", "2026-11-23T06:00:00Z")
    assert later.returncode == 0 and "nothing due" in later.stdout
    assert len(fake_slack.calls_to("chat.postMessage", ok=None)) == 1

    listed = run(env, "list")
    assert f"slack {CHANNEL}: every day at 09:00 (Asia/Shanghai)" in listed.stdout
    assert "Last digest: 2026-11-23, posted" in listed.stdout


def test_preview_json_features_fourteen_different_figures_in_fourteen_days(tmp_path: Path) -> None:
    env = environment(tmp_path)
    days = [date(2026, 11, 23) + timedelta(days=n) for n in range(14)]
    with ThreadPoolExecutor(max_workers=2) as pool:  # two at a time: each one loads the corpus
        previews = list(pool.map(lambda day: run(env, "preview", "--json", "--date", day.isoformat()), days))
    assert all(preview.returncode == 0 for preview in previews), [p.stderr for p in previews]
    figures = []
    for day, preview in zip(days, previews, strict=True):
        digest = json.loads(preview.stdout)
        assert digest["date"] == day.isoformat() and digest["language"] == "en"
        figure = next(item for item in digest["items"] if item["kind"] == "figure")
        assert figure["figures"] and all(f["text"] in figure["quote"] for f in figure["figures"])
        assert figure["source"]["id"] and figure["source"]["title"] and figure["source"]["publisher"]
        assert figure["text"] in digest["text"]
        figures.append((figure["source"]["id"], figure["quote"]))
    assert len(set(figures)) == 14


def test_bad_settings_are_refused_with_the_valid_forms(tmp_path: Path) -> None:
    env = environment(tmp_path)
    base = ["subscribe", "--platform", "slack", "--channel", CHANNEL]
    for option, value, expected in (
        ("--time", "9", "Did you mean 09:00?"),
        ("--time", "13pm", "HH:MM on a 24-hour clock"),
        ("--tz", "Shangai", "Did you mean Asia/Shanghai?"),
        ("--tz", "CST", "America/Chicago or Asia/Shanghai"),
        ("--lang", "fr", "en (English), zh-Hans (Simplified Chinese) or zh-Hant"),
    ):
        result = run(env, *base, option, value)
        assert result.returncode == 2 and expected in result.stderr, result.stderr
    assert run(env, "list").stdout == ""


def test_cities_abbreviations_offsets_and_12_hour_times_are_understood(tmp_path: Path) -> None:
    env = environment(tmp_path)
    for channel, time, zone in (
        ("C1", "9am", "Shanghai"),
        ("C2", "9:30 pm", "new york"),
        ("C3", "7 PM", "北京"),
        ("C4", "12am", "PST"),
        ("C5", "06:15", "UTC+8"),
        ("C6", "8am", "JST"),
    ):
        result = run(
            env, "subscribe", "--platform", "slack", "--channel", channel, "--time", time, "--tz", zone
        )
        assert result.returncode == 0, result.stderr
    listed = run(env, "list").stdout
    for expected in (
        "C1: every day at 09:00 (Asia/Shanghai)",
        "C2: every day at 21:30 (America/New_York)",
        "C3: every day at 19:00 (Asia/Shanghai)",
        "C4: every day at 00:00 (America/Los_Angeles)",
        "C5: every day at 06:15 (Etc/GMT-8)",
        "C6: every day at 08:00 (Asia/Tokyo)",
    ):
        assert expected in listed, listed


def test_run_due_without_a_token_reports_what_was_not_posted(tmp_path: Path) -> None:
    env = environment(tmp_path)
    run(env, "subscribe", "--platform", "slack", "--channel", CHANNEL, "--time", "00:00")
    result = run(env, "run-due")
    assert result.returncode == 1
    assert "SLACK_BOT_TOKEN is not set; 1 Slack digest(s) not posted" in result.stderr


def test_serve_slack_posts_a_digest_missed_while_it_was_down(
    fake_slack: FakeSlack, tmp_path: Path, kb: KnowledgeBase, data_dir: Path
) -> None:
    with StateStore.open(f"sqlite:///{tmp_path / 'state.db'}") as store:  # the database `start` points at
        store.subscribe(platform="slack", channel=CHANNEL, time="00:00", tz="UTC", language="zh-Hant")
    served = start_served(fake_slack, tmp_path, data_dir=data_dir)
    try:
        wait_healthy(served)
        [post] = fake_slack.wait_for("chat.postMessage", timeout=60)
        assert post.args["channel"] == CHANNEL and "每日摘要" in posted_text(post.args)
        fake_slack.quiet(1.0)
        assert len(fake_slack.calls_to("chat.postMessage", ok=None)) == 1
    finally:
        assert stop(served) == 0, served.output()
    assert "digest scheduler for slack started" in served.output()


def _subscribed(env: dict[str, str]) -> None:
    subscribed = run(
        env,
        "subscribe",
        "--platform",
        "slack",
        "--channel",
        CHANNEL,
        "--time",
        "09:00",
        "--tz",
        "Asia/Shanghai",
        "--lang",
        "en",
    )
    assert subscribed.returncode == 0, subscribed.stderr


def test_run_due_on_a_corrupt_database_fails_with_one_line(fake_slack: FakeSlack, tmp_path: Path) -> None:
    env = environment(tmp_path, fake_slack)
    _subscribed(env)
    (tmp_path / "bubblebot.db").write_bytes(b"this is not a database" * 200)
    for path in tmp_path.glob("bubblebot.db-*"):  # the WAL would still hold the tables
        path.unlink()
    result = run(env, "run-due", "--now", "2026-11-23T01:05:00Z")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error: the state database is unusable") and "not a database" in last


def test_run_due_whose_database_is_deleted_mid_run_exits_non_zero(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    env = environment(tmp_path, fake_slack)
    _subscribed(env)
    fake_slack.fail("chat.postMessage", "ratelimited", status=429, retry_after=2)
    answer = fake_slack.hold("chat.postMessage")  # the run waits mid-post while the database goes
    runner = start(env, "run-due", "--now", "2026-11-23T01:05:00Z")
    fake_slack.wait_for("chat.postMessage", ok=False)
    for path in tmp_path.glob("bubblebot.db*"):
        path.unlink()
    answer.set()
    _, stderr = runner.communicate(timeout=120)
    assert runner.returncode == 1, stderr
    assert "error: the state database is unusable" in stderr and "deleted or replaced" in stderr
