"""Memory of each deployed role, measured on real processes: the numbers behind the manifests' requests.

Runs, on loopback only and bounded in time:
  - `bubblebot index` into an empty data directory (the image build step) and into a fresh `chroma run`
    server from those cached vectors (the init container / compose `index` service): peak RSS;
  - `bubblebot serve slack` (HTTP mode, loopback fake Slack) and `bubblebot serve discord` (loopback fake
    Discord gateway and REST): resident memory when healthy, then after answering N questions, and the peak;
    with the embedded index (`docker run`, laptop) and with the Chroma server (compose, Kubernetes);
  - `bubblebot digest run-due` posting one due digest (the CronJob): peak RSS;
  - the Chroma server after all that.
Not run by CI.

    .venv/bin/python benchmarks/deploy_memory.py [--questions 20] [--database postgres|sqlite]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402

from tests.bot.discord.fake_discord import FakeDiscord  # noqa: E402
from tests.bot.slack.fake_slack import BOT_TOKEN, FakeSlack  # noqa: E402
from tests.bot.slack.slack_payloads import app_mention, event_callback, new_ts, sign  # noqa: E402
from tests.deploy.peak import peak_rss  # noqa: E402
from tests.deploy.replicas import serve_replica  # noqa: E402
from tests.deploy.servers import bubblebot, chroma_server, free_port, pg_database  # noqa: E402

MIB = 1024 * 1024
DISCORD_TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.fake.bubblebot-bench-token"
MESSAGES = "/channels/{}/messages"


def questions(count: int) -> list[str]:
    """The dev set's questions (English and Chinese), cycled to count."""
    lines = [
        json.loads(line)["q"]
        for line in (REPO / "tests/data/dev.jsonl").read_text().splitlines()
        if line.strip()
    ]
    return [lines[i % len(lines)] for i in range(count)]


def status_mib(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of a running process, in MiB."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line
    )
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def run_measured(args: list[str], env: dict[str, str], log: Path) -> tuple[float, float, str]:
    """Run a command to its end: (its peak RSS in MiB, seconds, output); exits loudly on failure."""
    started = time.perf_counter()
    peak, output = peak_rss(args, env, log)
    return peak / MIB, time.perf_counter() - started, output


def base_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BUBBLEBOT_", "SLACK_", "DISCORD_"))}
    env.update(BUBBLEBOT_DATA_DIR=str(data_dir), BUBBLEBOT_RATE_LIMIT_PER_MINUTE="100000", **extra)
    return env


def slack_after_questions(
    tmp: Path, data_dir: Path, database_url: str, chroma_url: str | None, asked: list[str]
) -> tuple[float, float, float]:
    """(RSS when healthy, RSS after answering, peak) of `serve slack`, in MiB."""
    with FakeSlack() as fake:
        name = f"slack-{'server' if chroma_url else 'embedded'}"
        replica = serve_replica(
            fake, tmp, name=name, data_dir=data_dir, database_url=database_url, chroma_url=chroma_url
        )
        try:
            replica.wait_healthy(300)
            time.sleep(2)  # let the warm-up settle
            at_start, _ = status_mib(replica.process.pid)
            with httpx.Client(timeout=30) as client:
                for i, question in enumerate(asked):
                    body = json.dumps(event_callback(app_mention(question, user=f"U{i:04d}", ts=new_ts())))
                    headers = {"Content-Type": "application/json", **sign(body)}
                    assert (
                        client.post(replica.url + "/slack/events", content=body, headers=headers).status_code
                        == 200
                    )
            fake.wait_for("chat.postMessage", len(asked), timeout=600)
            time.sleep(1)
            after, peak = status_mib(replica.process.pid)
        finally:
            replica.stop()
    return at_start, after, peak


async def discord_after_questions(
    tmp: Path, data_dir: Path, database_url: str, chroma_url: str | None, asked: list[str]
) -> tuple[float, float, float]:
    """(RSS when ready, RSS after answering, peak) of `serve discord`, in MiB."""
    fake = FakeDiscord(token=DISCORD_TOKEN)
    await fake.start()
    health = free_port()
    env = base_env(
        data_dir,
        DISCORD_TOKEN=DISCORD_TOKEN,
        BUBBLEBOT_DISCORD_API_URL=fake.api_url,
        BUBBLEBOT_DISCORD_GATEWAY_URL=fake.gateway_url,
        BUBBLEBOT_DATABASE_URL=database_url,
        BUBBLEBOT_HEALTH_PORT=str(health),
    )
    if chroma_url:
        env["BUBBLEBOT_CHROMA_URL"] = chroma_url
    log = (tmp / "discord.log").open("wb")
    process = subprocess.Popen(
        [*bubblebot(), "-v", "serve", "discord"], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        await fake.wait_live(timeout=300)
        async with httpx.AsyncClient(timeout=2) as client:
            for _ in range(600):
                try:
                    if (await client.get(f"http://127.0.0.1:{health}/healthz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.5)
        await asyncio.sleep(2)
        at_start, _ = status_mib(process.pid)
        for i, question in enumerate(asked):
            author = fake.user(1800000000000000000 + i, f"asker{i}")
            await fake.dispatch("MESSAGE_CREATE", fake.message(f"<@{fake.bot_id}> {question}", author=author))
        await fake.wait_for_call("POST", r"/channels/\d+/messages", count=len(asked), timeout=600)
        await asyncio.sleep(1)
        after, peak = status_mib(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
        await fake.close()
    return at_start, after, peak


def digest_peak(tmp: Path, data_dir: Path, database_url: str) -> tuple[float, float]:
    """(peak RSS MiB, seconds) of `digest run-due` posting one due Slack digest."""
    with FakeSlack() as fake:
        env = base_env(
            data_dir,
            BUBBLEBOT_DATABASE_URL=database_url,
            BUBBLEBOT_SLACK_API_URL=fake.api_url,
            SLACK_BOT_TOKEN=BOT_TOKEN,
            BUBBLEBOT_SCHEDULER="off",
        )
        run_measured(
            [
                *bubblebot(),
                "digest",
                "subscribe",
                "--platform",
                "slack",
                "--channel",
                "C0MEMORY",
                "--time",
                "09:00",
                "--tz",
                "UTC",
            ],
            env,
            tmp / "subscribe.log",
        )
        peak, seconds, out = run_measured(
            [*bubblebot(), "-v", "digest", "run-due", "--now", "2026-11-23T09:05:00Z"],
            env,
            tmp / "run-due.log",
        )
        assert "sent slack C0MEMORY" in out, out
        fake.wait_for("chat.postMessage")
    return peak, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--questions", type=int, default=20, help="questions each bot answers before measuring"
    )
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    args = parser.parse_args()
    if not 1 <= args.questions <= 500:
        sys.exit("--questions must be between 1 and 500")
    asked = questions(args.questions)
    rows: list[tuple[str, str]] = []
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        database_url = (
            stack.enter_context(pg_database())
            if args.database == "postgres"
            else f"sqlite:///{tmp / 'state.db'}"
        )
        data_dir = tmp / "data"
        peak, seconds, _ = run_measured([*bubblebot(), "index"], base_env(data_dir), tmp / "index.log")
        rows.append(("index, empty data dir (image build)", f"peak {peak:.0f} MiB in {seconds:.0f} s"))
        chroma = stack.enter_context(chroma_server(tmp))
        server_dir = tmp / "server-data"  # a pod's copy of the image's data directory
        subprocess.run(["cp", "-a", str(data_dir), str(server_dir)], check=True)
        peak, seconds, _ = run_measured(
            [*bubblebot(), "index"],
            base_env(server_dir, BUBBLEBOT_CHROMA_URL=chroma.url),
            tmp / "index-server.log",
        )
        rows.append(
            ("index into a fresh chroma run (init container)", f"peak {peak:.0f} MiB in {seconds:.0f} s")
        )

        for chroma_url, shape in ((chroma.url, "Chroma server"), (None, "embedded index")):
            where = server_dir if chroma_url else data_dir
            start, after, top = slack_after_questions(tmp, where, database_url, chroma_url, asked)
            rows.append(
                (
                    f"serve slack, {shape}",
                    f"{start:.0f} MiB ready, {after:.0f} MiB after {len(asked)} answers, peak {top:.0f} MiB",
                )
            )
            start, after, top = asyncio.run(
                discord_after_questions(tmp, where, database_url, chroma_url, asked)
            )
            rows.append(
                (
                    f"serve discord, {shape}",
                    f"{start:.0f} MiB ready, {after:.0f} MiB after {len(asked)} answers, peak {top:.0f} MiB",
                )
            )

        peak, seconds = digest_peak(tmp, server_dir, database_url)
        rows.append(
            ("digest run-due, one digest posted (CronJob)", f"peak {peak:.0f} MiB in {seconds:.0f} s")
        )
        assert chroma.process is not None
        now, top = status_mib(chroma.process.pid)
        rows.append(("chroma run after all that", f"{now:.0f} MiB, peak {top:.0f} MiB"))

    print(f"database: {args.database}  questions per bot: {len(asked)}  cpus: {os.cpu_count()}")
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
