"""Slack acks while a ~1 MB page is ingested from chat: every ack should stay under 1 s.

Starts `bubblebot serve slack` in its own process against the loopback fake Slack of the tests,
serves a ~1 MB article page from a loopback web site, sends `/bubble ingest <URL>` as an admin, and
while that ingest runs fires bursts of N simultaneous signed app_mention events (and a /healthz
probe with each burst). Prints ack p50/p95/max over every burst, the /healthz max, and how long the
ingest took. Not run by CI.

    .venv/bin/python benchmarks/ack_under_ingest.py [--events 50] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import aiohttp  # noqa: E402
import httpx  # noqa: E402

from benchmarks.slack_ack import free_port, percentile  # noqa: E402
from tests.bot.slack.fake_slack import BOT_TOKEN, FakeSlack  # noqa: E402
from tests.bot.slack.slack_payloads import (  # noqa: E402
    SIGNING_SECRET,
    app_mention,
    event_callback,
    sign,
    slash_command,
)

ADMIN = "U0ADMIN"
BURST_EVERY = 2.0  # seconds between bursts while the ingest runs
QUESTIONS = [
    "How much will OpenAI spend on compute?",
    "Is AI a bubble?",
    "What did Sam Altman say about 2033?",
]


def big_page(target_bytes: int = 1_000_000) -> bytes:
    """An article page of about target_bytes: ~150 KB of article text inside heavy markup (as news sites)."""
    paragraphs = []
    for n in range(1_000):
        text = (
            f"Utility number {n} in the plains region said on Monday that requests from data center developers "
            f"had reached {n % 40 + 3} gigawatts of new load, more than its entire current peak demand."
        )
        paragraphs.append(
            f'<div class="story-block block-{n}" data-track="p{n}" style="margin:0 0 1em 0">'
            f"<p>{text}</p></div>"
        )
    noise = "".join(
        f'<li class="related-item item-{n}"><a href="/related/{n}?utm_source=feed&amp;ref=sidebar">'
        f"Related story {n}</a></li>"
        for n in range(4_000)
    )
    head = (
        "<!doctype html><html><head><title>Grid load rises across the plains | Prairie Courier</title>"
        '<meta property="og:site_name" content="Prairie Courier"></head><body><nav>Home · Energy</nav>'
    )
    body = f"<article><h1>Grid load rises across the plains</h1>{''.join(paragraphs)}</article>"
    page = head + body + f"<aside><ul>{noise}</ul></aside>"
    padding = max(0, target_bytes - len(page.encode()))
    return (page + f"<!-- {'x' * padding} --></body></html>").encode()


@contextlib.contextmanager
def article_site(page: bytes) -> Iterator[str]:
    """Serve the page at /big.html on 127.0.0.1; yields its URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/big.html"
    finally:
        server.shutdown()
        server.server_close()


def serve(fake: FakeSlack, tmp: Path, data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    """`bubblebot serve slack` in HTTP mode, with ADMIN allowed to ingest from loopback."""
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "BUBBLEBOT_SLACK_API_URL": fake.api_url,
        "BUBBLEBOT_DATA_DIR": str(data_dir),
        "BUBBLEBOT_DATABASE_URL": f"sqlite:///{tmp / 'state.db'}",
        "BUBBLEBOT_RATE_LIMIT_PER_MINUTE": "100000",
        "BUBBLEBOT_ADMINS": ADMIN,
        "BUBBLEBOT_INGEST_ALLOW": "127.0.0.1",
    }
    env.pop("SLACK_APP_TOKEN", None)
    command = [sys.executable, "-m", "bot.cli", "serve", "slack", "--host", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=(tmp / "serve.log").open("wb")
    )


def wait_healthy(process: subprocess.Popen[bytes], port: int, log: Path) -> None:
    """Wait until /healthz answers (exit with the server's log if it dies first)."""
    deadline = time.monotonic() + 300
    while True:
        if process.poll() is not None or time.monotonic() > deadline:
            sys.exit("bubblebot serve slack did not start:\n" + log.read_text())
        with contextlib.suppress(httpx.TransportError):
            if httpx.get(f"http://127.0.0.1:{port}/healthz").status_code == 200:
                return
        time.sleep(0.2)


async def burst(
    session: aiohttp.ClientSession, base: str, count: int, offset: int
) -> tuple[list[float], float]:
    """count simultaneous signed events and one /healthz; (ack seconds each, healthz seconds)."""
    bodies = [
        json.dumps(event_callback(app_mention(QUESTIONS[i % len(QUESTIONS)], user=f"U{offset + i:05d}")))
        for i in range(count)
    ]
    signed = [(body.encode(), {"Content-Type": "application/json", **sign(body)}) for body in bodies]

    async def send(body: bytes, headers: dict[str, str]) -> float:
        started = time.perf_counter()
        async with session.post(f"{base}/slack/events", data=body, headers=headers) as response:
            await response.read()
            assert response.status == 200, response.status
        return time.perf_counter() - started

    async def health() -> float:
        started = time.perf_counter()
        async with session.get(f"{base}/healthz") as response:
            await response.read()
        return time.perf_counter() - started

    results = await asyncio.gather(health(), *(send(body, headers) for body, headers in signed))
    return list(results[1:]), results[0]


async def under_ingest(
    base: str, url: str, fake: FakeSlack, count: int
) -> tuple[list[float], list[float], float]:
    """Start the ingest, then fire bursts until its reply arrives; (acks, healthz, ingest seconds)."""
    connector = aiohttp.TCPConnector(limit=count + 1)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=60)) as session:
        form = urlencode(slash_command(f"ingest {url}", user=ADMIN, response_url=fake.response_url("ingest")))
        headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(form)}
        started = time.perf_counter()
        async with session.post(f"{base}/slack/events", data=form.encode(), headers=headers) as response:
            await response.read()
        acks: list[float] = []
        probes: list[float] = []
        while not fake.responses or len(acks) < count:
            await asyncio.sleep(BURST_EVERY)
            burst_acks, probe = await burst(session, base, count, len(acks))
            acks += burst_acks
            probes.append(probe)
            if time.perf_counter() - started > 600:
                break
        return acks, probes, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--data-dir", type=Path, default=None, help="reuse a data dir whose index is built")
    args = parser.parse_args()
    page = big_page()
    with tempfile.TemporaryDirectory() as name, FakeSlack() as fake, article_site(page) as url:
        tmp = Path(name)
        port = free_port()
        process = serve(fake, tmp, args.data_dir or tmp / "data", port)
        try:
            wait_healthy(process, port, tmp / "serve.log")
            acks, probes, ingest_seconds = asyncio.run(
                under_ingest(f"http://127.0.0.1:{port}", url, fake, args.events)
            )
            replies = [body.get("text", "") for name, body in fake.responses if name == "ingest"]
            report(page, acks, probes, ingest_seconds, replies, args.events)
        finally:
            process.send_signal(signal.SIGTERM)  # it finishes the answers queued; do not wait for all of them
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def report(
    page: bytes,
    acks: list[float],
    probes: list[float],
    ingest_seconds: float,
    replies: list[str],
    events: int,
) -> None:
    """Print the latency figures."""
    ms = [a * 1000 for a in acks]
    print(
        f"page: {len(page) / 1e6:.2f} MB  events: {len(ms)} in {len(probes)} bursts of {events}  "
        f"cpus: {os.cpu_count()}"
    )
    print(
        f"ack latency ms: p50 {statistics.median(ms):.1f}  p95 {percentile(ms, 0.95):.1f}  max {max(ms):.1f}  "
        f"(all < 1 s: {max(ms) < 1000})"
    )
    print(f"/healthz ms: max {max(probes) * 1000:.1f}")
    print(
        f"ingest: {ingest_seconds:.1f} s; reply: {(replies or ['(none)'])[-1].splitlines()[0][:400]}",
        flush=True,
    )


if __name__ == "__main__":
    main()
