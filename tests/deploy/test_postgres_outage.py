"""PostgreSQL outages (a proxy in front of the real server is cut): answers go on, digests are retried, none lost."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from bot.service import AnswerService
from bot.store import StateStore
from tests.bot.slack.fake_slack import BOT_TOKEN, FakeSlack
from tests.bot.slack.slack_payloads import app_mention, new_ts
from tests.bot.slack.slack_rig import QUESTION, posted_text, slack_settings, start_rig
from tests.deploy.servers import bubblebot, pg_database
from tests.deploy.tcp_proxy import TcpProxy

pytestmark = pytest.mark.postgres


@contextmanager
def proxied_postgres() -> Iterator[tuple[str, TcpProxy]]:
    """A fresh database reached through a proxy that can be cut: (URL through the proxy, proxy)."""
    with pg_database() as url, TcpProxy("127.0.0.1", make_url(url).port or 5432) as proxy:
        yield make_url(url).set(port=proxy.port).render_as_string(hide_password=False), proxy


def count(url: str, query: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(query)).scalar_one())
    finally:
        engine.dispose()


def test_slack_answers_through_a_postgres_outage_and_saves_again_afterwards(
    service: AnswerService, tmp_path: Path, data_dir: Path
) -> None:
    with proxied_postgres() as (url, proxy), FakeSlack() as fake:
        store = StateStore.open(url)
        slack = start_rig(fake, slack_settings(fake, data_dir), service=service, store=store)
        try:
            assert slack.event(app_mention(QUESTION, ts=new_ts()), event_id="Ev0BEFORE").status_code == 200
            [before] = fake.wait_for("chat.postMessage")
            assert "Show sources" in posted_text(before.args)  # saved: the buttons point at the stored answer

            proxy.cut()
            during = app_mention(QUESTION, ts=new_ts())
            assert slack.event(during, event_id="Ev0DURING").status_code == 200
            assert slack.event(during, event_id="Ev0DURING", retry_num=1).status_code == 200
            answered = fake.wait_for("chat.postMessage", 2)[1]
            assert answered.args["thread_ts"] == during["ts"] and "Sam Altman" in posted_text(answered.args)
            assert "Show sources" not in posted_text(answered.args)  # nothing to point at: no buttons

            proxy.restore()
            assert slack.event(app_mention(QUESTION, ts=new_ts()), event_id="Ev0AFTER").status_code == 200
            after = fake.wait_for("chat.postMessage", 3)[2]
            assert "Show sources" in posted_text(after.args)
            fake.quiet(1.0)
            assert (
                len(fake.calls_to("chat.postMessage", ok=None)) == 3
            )  # the retry during the outage: no reply
        finally:
            slack.close()
        assert count(url, "SELECT count(*) FROM answers") == 2
        assert count(url, "SELECT count(*) FROM processed_events") == 2


def test_digest_run_due_during_an_outage_fails_cleanly_and_the_next_run_delivers_once(
    tmp_path: Path, data_dir: Path, kb: object
) -> None:
    with proxied_postgres() as (url, proxy), FakeSlack() as fake:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BUBBLEBOT_", "SLACK_"))}
        env.update(
            BUBBLEBOT_DATA_DIR=str(data_dir),
            BUBBLEBOT_DATABASE_URL=url,
            BUBBLEBOT_SLACK_API_URL=fake.api_url,
            SLACK_BOT_TOKEN=BOT_TOKEN,
            BUBBLEBOT_SCHEDULER="off",
        )

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [*bubblebot(), "digest", *args],
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )

        subscribed = run(
            "subscribe", "--platform", "slack", "--channel", "C0DIGEST", "--time", "09:00", "--tz", "UTC"
        )
        assert subscribed.returncode == 0, subscribed.stderr
        due = "2026-11-23T09:05:00Z"

        proxy.cut()
        failed = run("run-due", "--now", due)
        assert failed.returncode == 1 and "database" in failed.stderr, failed.stderr + failed.stdout
        assert fake.calls_to("chat.postMessage", ok=None) == []

        proxy.restore()
        delivered = run("run-due", "--now", due)
        assert delivered.returncode == 0 and "sent slack C0DIGEST" in delivered.stdout, delivered.stderr
        again = run("run-due", "--now", due)
        assert again.returncode == 0 and "nothing due" in again.stdout, again.stderr
        [digest] = fake.calls_to("chat.postMessage", ok=None)
        assert digest.args["channel"] == "C0DIGEST"
        assert BOT_TOKEN not in failed.stderr + delivered.stderr + again.stderr
