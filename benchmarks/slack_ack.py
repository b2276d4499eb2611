"""Slack HTTP mode under a burst: N concurrent signed app_mention events on loopback.

Runs the real adapter (bolt App + uvicorn) against the loopback fake Slack from the tests, fires
the events at once, and prints ack latency p50/p95/max (target: every ack < 3 s, p95 < 100 ms) and
answers per second (from the first request to the last chat.postMessage). Not run by CI.

    .venv/bin/python benchmarks/slack_ack.py [--events 50] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402

from bot.service import AnswerService  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.slack.app import build_slack_bot  # noqa: E402
from bot.slack.http import HttpServer, asgi_app  # noqa: E402
from bot.store import StateStore  # noqa: E402
from tests.bot.slack.fake_slack import BOT_TOKEN, FakeSlack  # noqa: E402
from tests.bot.slack.slack_payloads import SIGNING_SECRET, app_mention, event_callback, sign  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--data-dir", type=Path, default=None, help="reuse a data dir with a built index")
    args = parser.parse_args()
    questions = [json.loads(line)["q"] for line in (REPO / "tests/data/dev.jsonl").read_text().splitlines()
                 if line.strip()]
    with tempfile.TemporaryDirectory() as tmp, FakeSlack() as fake:
        data_dir = args.data_dir or Path(tmp) / "data"
        settings = Settings(data_dir=data_dir, slack_bot_token=BOT_TOKEN, slack_signing_secret=SIGNING_SECRET,
                            slack_api_url=fake.api_url, rate_limit_per_minute=10_000)
        service = AnswerService.from_settings(settings)
        service.ask("Is AI a bubble?")  # warm up (index, models), as serve_slack does
        store = StateStore.open(f"sqlite:///{Path(tmp) / 'state.db'}")
        bot = build_slack_bot(settings, service=service, store=store)
        server = HttpServer(asgi_app(bot.app), host="127.0.0.1", port=0)
        server.start()
        try:
            bodies = [json.dumps(event_callback(app_mention(questions[i % len(questions)], user=f"U{i:04d}")))
                      for i in range(args.events)]
            url = server.url + "/slack/events"
            ready = threading.Barrier(args.events)
            limits = httpx.Limits(max_connections=args.events, max_keepalive_connections=args.events)
            with httpx.Client(timeout=10, limits=limits) as client:
                client.get(server.url + "/healthz")

                def send(body: str) -> tuple[float, int]:
                    headers = {"Content-Type": "application/json", **sign(body)}
                    ready.wait()
                    started = time.perf_counter()
                    status = client.post(url, content=body.encode(), headers=headers).status_code
                    return time.perf_counter() - started, status

                began = time.perf_counter()
                with ThreadPoolExecutor(max_workers=args.events) as pool:
                    results = list(pool.map(send, bodies))
                fake.wait_for("chat.postMessage", args.events, timeout=300)
                finished = time.perf_counter()
        finally:
            server.stop()
            bot.close()
            store.close()
    acks = [seconds * 1000 for seconds, _ in results]
    statuses = {status for _, status in results}
    elapsed = finished - began
    print(f"events: {args.events}  statuses: {sorted(statuses)}")
    print(f"ack latency ms: p50 {statistics.median(acks):.1f}  p95 {percentile(acks, 0.95):.1f}  "
          f"max {max(acks):.1f}  (all < 3 s: {max(acks) < 3000})")
    print(f"answers: {args.events} posted in {elapsed:.2f} s = {args.events / elapsed:.1f} answers/s")


if __name__ == "__main__":
    main()
