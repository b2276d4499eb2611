"""Slack HTTP mode under a burst: N concurrent signed app_mention events on loopback.

Starts `bubblebot serve slack` in its own process (as in production) against the loopback fake
Slack from the tests, fires N signed events at once, and prints ack latency p50/p95/max (target:
every ack < 3 s, p95 < 100 ms) and answers per second (first request to last chat.postMessage).
Not run by CI.

    .venv/bin/python benchmarks/slack_ack.py [--events 50] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import aiohttp  # noqa: E402
import httpx  # noqa: E402

from tests.bot.slack.fake_slack import BOT_TOKEN, FakeSlack  # noqa: E402
from tests.bot.slack.slack_payloads import SIGNING_SECRET, app_mention, event_callback, sign  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(fake: FakeSlack, tmp: Path, data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "BUBBLEBOT_SLACK_API_URL": fake.api_url,
        "BUBBLEBOT_DATA_DIR": str(data_dir),
        "BUBBLEBOT_DATABASE_URL": f"sqlite:///{tmp / 'state.db'}",
        "BUBBLEBOT_RATE_LIMIT_PER_MINUTE": "100000",
    }
    env.pop("SLACK_APP_TOKEN", None)
    command = [sys.executable, "-m", "bot.cli", "serve", "slack", "--host", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=(tmp / "serve.log").open("wb")
    )


async def burst(url: str, bodies: list[str]) -> list[tuple[float, int]]:
    """POST every body at once over pre-opened keep-alive connections; (seconds, status) each."""
    connector = aiohttp.TCPConnector(limit=len(bodies))
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=30)) as session:

        async def warm() -> None:
            async with session.get(url.replace("/slack/events", "/healthz")) as response:
                await response.read()

        await asyncio.gather(*(warm() for _ in bodies))  # open the connections before timing
        signed = [(body.encode(), {"Content-Type": "application/json", **sign(body)}) for body in bodies]

        async def send(body: bytes, headers: dict[str, str]) -> tuple[float, int]:
            started = time.perf_counter()
            async with session.post(url, data=body, headers=headers) as response:
                await response.read()
                return time.perf_counter() - started, response.status

        return list(await asyncio.gather(*(send(body, headers) for body, headers in signed)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--data-dir", type=Path, default=None, help="reuse a data dir whose index is built")
    args = parser.parse_args()
    questions = [
        json.loads(line)["q"]
        for line in (REPO / "tests/data/dev.jsonl").read_text().splitlines()
        if line.strip()
    ]
    bodies = [
        json.dumps(event_callback(app_mention(questions[i % len(questions)], user=f"U{i:04d}")))
        for i in range(args.events)
    ]
    with tempfile.TemporaryDirectory() as name, FakeSlack() as fake:
        tmp = Path(name)
        port = free_port()
        process = serve(fake, tmp, args.data_dir or tmp / "data", port)
        try:
            deadline = time.monotonic() + 180
            while True:
                if process.poll() is not None or time.monotonic() > deadline:
                    sys.exit("bubblebot serve slack did not start:\n" + (tmp / "serve.log").read_text())
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.2)
            began = time.perf_counter()
            results = asyncio.run(burst(f"http://127.0.0.1:{port}/slack/events", bodies))
            fake.wait_for("chat.postMessage", args.events, timeout=600)
            elapsed = time.perf_counter() - began
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(30)
    acks = [seconds * 1000 for seconds, _ in results]
    print(
        f"events: {args.events}  statuses: {sorted({status for _, status in results})}  cpus: {os.cpu_count()}"
    )
    print(
        f"ack latency ms: p50 {statistics.median(acks):.1f}  p95 {percentile(acks, 0.95):.1f}  "
        f"max {max(acks):.1f}  (all < 3 s: {max(acks) < 3000})"
    )
    print(f"answers: {args.events} posted in {elapsed:.2f} s = {args.events / elapsed:.1f} answers/s")


if __name__ == "__main__":
    main()
