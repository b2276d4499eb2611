"""Server mode: replicas on PostgreSQL and a Chroma server share one library (no shared files).

An article ingested through one replica's `/bubble ingest` is answered by the other within seconds, and
`bubblebot sources remove` on any host removes it from both.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from tests.bot.ingest_helpers import serve_site
from tests.bot.slack.fake_slack import FakeSlack
from tests.bot.slack.slack_payloads import (
    USER,
    app_mention,
    event_callback,
    form_body,
    json_body,
    new_ts,
    sign,
    slash_command,
)
from tests.bot.slack.slack_rig import posted_text
from tests.deploy.replicas import Replica, serve_replica
from tests.deploy.servers import bubblebot, chroma_server, pg_database

pytestmark = pytest.mark.postgres
PLAINSGRID = "How much new load has Plainsgrid received applications for?"


def post(replica: Replica, body: str, content_type: str) -> int:
    headers = {"Content-Type": content_type, **sign(body)}
    with httpx.Client(timeout=10) as client:
        return client.post(replica.url + "/slack/events", content=body.encode(), headers=headers).status_code


def ask(fake: FakeSlack, replica: Replica, question: str) -> str:
    """Mention the bot on one replica; the text of its threaded answer."""
    before = len(fake.calls_to("chat.postMessage", ok=None))
    mention = app_mention(question, ts=new_ts())
    assert post(replica, *json_body(event_callback(mention))) == 200
    posted = fake.wait_for("chat.postMessage", before + 1, timeout=60, ok=None)
    return posted_text(next(c.args for c in posted[before:] if c.args.get("thread_ts") == mention["ts"]))


def within(seconds: float, check: Callable[[], bool]) -> float:
    """How long until check() holds (an AssertionError after `seconds`)."""
    started = time.monotonic()
    while not check():
        assert time.monotonic() - started < seconds, f"not within {seconds} s"
        time.sleep(0.5)
    return time.monotonic() - started


def test_an_article_ingested_on_one_replica_is_answered_and_removed_on_the_other(tmp_path: Path) -> None:
    with (
        FakeSlack() as fake,
        pg_database() as database_url,
        chroma_server(tmp_path) as chroma,
        serve_site() as site,
    ):
        extra = {"BUBBLEBOT_ADMINS": USER, "BUBBLEBOT_INGEST_ALLOW": "127.0.0.1"}
        replicas = [
            serve_replica(
                fake,
                tmp_path,
                name=f"replica{n}",
                data_dir=tmp_path / f"data{n}",
                database_url=database_url,
                chroma_url=chroma.url,
                extra_env=extra,
            )
            for n in (1, 2)
        ]
        try:
            for replica in replicas:
                replica.wait_healthy()
            first, second = replicas
            assert "Harold Quist" not in ask(fake, second, PLAINSGRID)

            command = slash_command(f"ingest {site}/grid.html", response_url=fake.response_url("command"))
            assert post(first, *form_body(command)) == 200
            [(_, reply)] = fake.wait_for_response(timeout=180)
            assert "to my library" in reply["text"], reply
            waited = within(10, lambda: "Harold Quist" in ask(fake, second, PLAINSGRID))
            answer = ask(fake, second, PLAINSGRID)
            assert "12 GW" in answer and "Prairie Courier" in answer and "keyword search only" not in answer
            assert waited < 10

            env = {k: v for k, v in os.environ.items() if not k.startswith("BUBBLEBOT_")}
            env.update(
                BUBBLEBOT_DATA_DIR=str(tmp_path / "cli-data"),
                BUBBLEBOT_DATABASE_URL=database_url,
                BUBBLEBOT_CHROMA_URL=chroma.url,
            )
            listed = subprocess.run(
                [*bubblebot(), "sources", "list"],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
                check=True,
            ).stdout
            [source_id] = [line.split()[0] for line in listed.splitlines() if "[ingested" in line]
            removed = subprocess.run(
                [*bubblebot(), "sources", "remove", source_id],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert removed.returncode == 0, removed.stderr
            for replica in replicas:
                within(10, lambda r=replica: "Harold Quist" not in ask(fake, r, PLAINSGRID))  # type: ignore[misc]
            assert not any(p.name == "library" for d in ("data1", "data2") for p in (tmp_path / d).iterdir())
        finally:
            codes = [r.stop() for r in replicas]
        assert codes == [0, 0], [r.output()[-3000:] for r in replicas]
