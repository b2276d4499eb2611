"""Load test: two Slack HTTP replicas sharing PostgreSQL (and a Chroma server), loopback only, bounded.

Starts a `chroma run` server, a fresh PostgreSQL database on 127.0.0.1, `bubblebot index`, and two
`bubblebot serve slack` replicas against the loopback fake Slack of the tests. Sends N signed
app_mention events spread over both replicas (bounded concurrency); a share of them is delivered
again as Slack's retry (X-Slack-Retry-Num) to the *other* replica, some of those at the same moment
as the first delivery. Checks every ack < 3 s and exactly one reply per event; prints ack p50/p95.
Not run by CI.

    .venv/bin/python benchmarks/load_slack_replicas.py [--events 200] [--retried 0.25] [--timeout 600]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import aiohttp  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from tests.bot.slack.fake_slack import FakeSlack  # noqa: E402
from tests.bot.slack.slack_payloads import app_mention, event_callback, new_ts, sign  # noqa: E402
from tests.deploy.replicas import Replica, serve_replica  # noqa: E402
from tests.deploy.servers import bubblebot, chroma_server, pg_database  # noqa: E402

ACK_LIMIT = 3.0
CONCURRENCY = 32  # requests in flight at once


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def plan(events: int, retried: float, seed: int) -> tuple[list[tuple[int, str, int | None]], list[str]]:
    """(replica, body, retry number) deliveries in send order, and each event's message ts."""
    questions = [
        json.loads(line)["q"]
        for line in (REPO / "tests/data/dev.jsonl").read_text().splitlines()
        if line.strip()
    ]
    rng = random.Random(seed)
    stamps = [new_ts() for _ in range(events)]
    bodies = [
        json.dumps(event_callback(app_mention(questions[i % len(questions)], user=f"U{i:04d}", ts=stamps[i])))
        for i in range(events)
    ]
    deliveries: list[tuple[int, str, int | None]] = []
    for i, body in enumerate(bodies):
        deliveries.append((i % 2, body, None))
        if rng.random() < retried:  # Slack retries; the load balancer sends the retry to the other replica
            retry = (1 - i % 2, body, 1)
            deliveries.insert(rng.randrange(max(0, len(deliveries) - 4), len(deliveries) + 1), retry)
    return deliveries, stamps


async def send_all(
    urls: list[str], deliveries: list[tuple[int, str, int | None]], deadline: float
) -> list[tuple[float, int, bool]]:
    """POST every delivery with bounded concurrency; (seconds, status, was_retry) each."""
    limit = asyncio.Semaphore(CONCURRENCY)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=CONCURRENCY), timeout=timeout
    ) as session:

        async def send(replica: int, body: str, retry: int | None) -> tuple[float, int, bool]:
            headers = {"Content-Type": "application/json", **sign(body)}
            if retry:
                headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
            async with limit:
                if time.monotonic() > deadline:
                    return 0.0, 0, retry is not None
                started = time.perf_counter()
                async with session.post(
                    urls[replica] + "/slack/events", data=body.encode(), headers=headers
                ) as reply:
                    await reply.read()
                    return time.perf_counter() - started, reply.status, retry is not None

        return list(await asyncio.gather(*(send(*d) for d in deliveries)))


def claimed(database_url: str) -> int:
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM processed_events")).scalar_one())
    finally:
        engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--retried", type=float, default=0.25, help="share of events delivered twice")
    parser.add_argument("--timeout", type=float, default=600.0, help="stop waiting for replies after this")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    if not 0 < args.events <= 2000:
        sys.exit("--events must be between 1 and 2000")
    deliveries, stamps = plan(args.events, args.retried, args.seed)
    with (
        tempfile.TemporaryDirectory() as name,
        FakeSlack() as fake,
        pg_database() as database_url,
        chroma_server(Path(name)) as chroma,
    ):
        tmp = Path(name)
        env = {k: v for k, v in os.environ.items() if not k.startswith("BUBBLEBOT_")}
        env.update(BUBBLEBOT_DATA_DIR=str(tmp / "data"), BUBBLEBOT_CHROMA_URL=chroma.url)
        subprocess.run([*bubblebot(), "index"], env=env, check=True, capture_output=True, timeout=300)
        replicas: list[Replica] = [
            serve_replica(
                fake,
                tmp,
                name=f"replica{n}",
                data_dir=tmp / "data",
                database_url=database_url,
                chroma_url=chroma.url,
            )
            for n in (1, 2)
        ]
        try:
            for replica in replicas:
                replica.wait_healthy()
            began = time.perf_counter()
            results = asyncio.run(
                send_all([r.url for r in replicas], deliveries, time.monotonic() + args.timeout)
            )
            acked = time.perf_counter() - began
            try:
                fake.wait_for("chat.postMessage", args.events, timeout=args.timeout)
            except AssertionError as error:
                print(f"warning: {error}"[:300], file=sys.stderr)
            answered = time.perf_counter() - began
            fake.quiet(3.0)  # a duplicate would show up now
            questions = sum(r.metric("bubblebot_questions_total") for r in replicas)
            events_claimed = claimed(database_url)
        finally:
            codes = [r.stop() for r in replicas]
    posted = Counter(str(c.args.get("thread_ts")) for c in fake.calls_to("chat.postMessage", ok=None))
    duplicates = sum(n - 1 for n in posted.values() if n > 1)
    missing = [ts for ts in stamps if ts not in posted]
    acks = [seconds * 1000 for seconds, _, _ in results]
    statuses = Counter(status for _, status, _ in results)
    retries = sum(1 for _, _, retry in results if retry)
    slow = sum(1 for seconds, _, _ in results if seconds >= ACK_LIMIT)
    print(
        f"replicas: 2 (shared PostgreSQL + chroma run)  cpus: {os.cpu_count()}  events: {args.events}  "
        f"deliveries: {len(results)} ({retries} retries to the other replica)  concurrency: {CONCURRENCY}"
    )
    print(
        f"ack statuses: {dict(statuses)}  ack ms: p50 {statistics.median(acks):.1f}  p95 {percentile(acks, 0.95):.1f}  "
        f"max {max(acks):.1f}  (every ack < 3 s: {slow == 0})"
    )
    print(
        f"replies: {sum(posted.values())} for {args.events} events  duplicates: {duplicates}  missing: {len(missing)}  "
        f"events claimed in PostgreSQL: {events_claimed}  questions answered (metrics): {questions:.0f}"
    )
    print(
        f"all acked in {acked:.2f} s; all answered in {answered:.1f} s ({args.events / answered:.1f} answers/s)  "
        f"replica exit codes: {codes}"
    )
    ok = slow == 0 and statuses == Counter({200: len(results)}) and duplicates == 0 and not missing
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
