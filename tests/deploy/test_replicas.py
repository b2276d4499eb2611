"""Scale-out: two `bubblebot serve slack` replicas sharing PostgreSQL and a Chroma server reply once per event."""

from __future__ import annotations

import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from tests.bot.slack.fake_slack import BOT_TOKEN, FakeSlack
from tests.bot.slack.slack_payloads import (
    SIGNING_SECRET,
    app_mention,
    event_callback,
    json_body,
    new_ts,
    sign,
)
from tests.bot.slack.slack_rig import QUESTION, posted_text
from tests.deploy.replicas import Replica, serve_replica
from tests.deploy.servers import bubblebot, chroma_server, pg_database

pytestmark = pytest.mark.postgres


def deliver(replica: Replica, body: str, *, retry: int | None = None) -> int:
    headers = {"Content-Type": "application/json", **sign(body)}
    if retry:
        headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
    with httpx.Client(timeout=10) as client:
        return client.post(replica.url + "/slack/events", content=body.encode(), headers=headers).status_code


def test_two_replicas_sharing_postgres_answer_each_event_exactly_once(tmp_path: Path) -> None:
    with FakeSlack() as fake, pg_database() as database_url, chroma_server(tmp_path) as chroma:
        data_dir = tmp_path / "data"
        env = {k: v for k, v in os.environ.items() if not k.startswith("BUBBLEBOT_")}
        env.update(BUBBLEBOT_DATA_DIR=str(data_dir), BUBBLEBOT_CHROMA_URL=chroma.url)
        indexed = subprocess.run(
            [*bubblebot(), "index"], env=env, capture_output=True, text=True, timeout=300, check=False
        )  # as the init container does before the replicas start
        assert indexed.returncode == 0, indexed.stderr
        replicas = [
            serve_replica(
                fake,
                tmp_path,
                name=f"replica{n}",
                data_dir=data_dir,
                database_url=database_url,
                chroma_url=chroma.url,
            )
            for n in (1, 2)
        ]
        try:
            for replica in replicas:
                replica.wait_healthy()
            first, second = replicas
            before = sum(r.metric("bubblebot_questions_total") for r in replicas)
            mentions = [app_mention(QUESTION, ts=new_ts()) for _ in range(3)]
            bodies = [json_body(event_callback(m))[0] for m in mentions]

            with ThreadPoolExecutor(2) as pool:  # the same event reaches both replicas at once
                statuses = list(pool.map(lambda r: deliver(r, bodies[0]), replicas))
            statuses.append(deliver(first, bodies[1]))
            statuses.append(deliver(second, bodies[1], retry=1))  # Slack's retry lands on the other replica
            statuses.append(deliver(second, bodies[2]))
            assert statuses == [200] * 5

            posted = fake.wait_for("chat.postMessage", 3, timeout=120)
            fake.quiet(2.0)
            posted = fake.calls_to("chat.postMessage", ok=None)
            assert sorted(c.args["thread_ts"] for c in posted) == sorted(m["ts"] for m in mentions)
            assert all("Sam Altman" in posted_text(c.args) for c in posted)
            assert "keyword search only" not in "".join(posted_text(c.args) for c in posted)
            assert sum(r.metric("bubblebot_questions_total") for r in replicas) - before == 3
            assert all(r.metric("bubblebot_dense_search_up") == 1 for r in replicas)

            engine = create_engine(database_url)
            try:
                with engine.connect() as conn:
                    claimed = conn.execute(
                        text("SELECT count(*) FROM processed_events WHERE platform = 'slack'")
                    )
                    answers = conn.execute(text("SELECT count(*) FROM answers"))
                    assert (claimed.scalar_one(), answers.scalar_one()) == (3, 3)
            finally:
                engine.dispose()
        finally:
            codes = [r.stop() for r in replicas]
        assert codes == [0, 0]
        for replica in replicas:
            output = replica.output()
            assert BOT_TOKEN not in output and SIGNING_SECRET not in output
            logged = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
            assert any(line["message"].startswith("answered:") and line["request_id"] for line in logged)
