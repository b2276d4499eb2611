"""Operator console page render times over a store with many stored questions.

Seeds a store (temporary SQLite, or --database-url) with N questions over 90 days (~20% abstained,
~5% voted down, 3 platforms, 6 channels, 3 languages, 500 users, ~1,600 distinct questions, timed answers)
and 6 digest subscriptions with 90 days of deliveries, then renders each page in-process (Starlette's
TestClient: the app's own time, no network) and prints p50/p95/max per page, plus the first, cold
coverage-gap load, the top questions' first load, and the gap clustering from scratch and when regrouped.
Not run by CI.

    .venv/bin/python benchmarks/console_bench.py [--questions 10000] [--repeat 20] [--database-url URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from starlette.testclient import TestClient  # noqa: E402

from bot.console.app import create_app  # noqa: E402
from bot.console.auth import ConsoleKeys  # noqa: E402
from bot.console.catalog import Catalog  # noqa: E402
from bot.console.queries import gaps_data  # noqa: E402
from bot.models import Answer, Citation, SourceRef  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.store import StateStore  # noqa: E402
from bot.store.schema import answers, asked_questions, votes  # noqa: E402
from bot.store.state import question_key  # noqa: E402

TOKEN = "bench-token"
CHANNELS_SUBSCRIBED = 6
VARIANTS = (" in 2026?", " this year?", " right now?", " according to the news?")
PAGES = (
    "/",
    "/?days=365",
    "/conversations",
    "/conversations?status=abstained",
    "/conversations?status=downvoted",
    "/conversations?platform=slack&language=en&page=20",
    "/gaps",
    "/questions",
    "/questions?weeks=12",
    "/figures",
    "/figures?topic=OpenAI burn",
    "/sources",
    "/speakers",
    "/digests",
    "/api/overview",
    "/api/conversations",
    "/api/questions",
    "/api/figures",
)
SUBJECTS = (
    "Sam Altman",
    "Nvidia",
    "Microsoft",
    "OpenAI",
    "Meta",
    "Google",
    "CoreWeave",
    "Oracle",
    "Tim Cook",
    "SoftBank",
    "Anthropic",
    "Amazon",
    "xAI",
    "Michael Burry",
    "Goldman Sachs",
    "the Fed",
)
FORMS = (
    "What did {s} say about the AI bubble?",
    "Does {s} think AI is a bubble?",
    "How much is {s} spending on AI?",
    "What is {s}'s capex for 2026?",
    "Is {s} overvalued?",
    "What did {s} say about data centers?",
    "How much power does {s} need?",
    "{s} 对AI泡沫怎么看？",
    "{s} 在資料中心投資多少？",
    "Who criticized {s}?",
    "What are {s}'s AI revenues?",
    "Will {s} keep investing in AI?",
    "What risks does {s} see in AI?",
    "How much debt has {s} taken on for AI?",
    "What did {s} say about GPUs?",
    "Is {s} worried about an AI crash?",
    "What is {s}'s plan for AGI?",
    "How many GPUs has {s} bought?",
    "What does {s} think of circular deals?",
    "When will {s} be profitable?",
)


def seed(store: StateStore, count: int, rng: random.Random) -> None:
    """Bulk-insert `count` answers with their asked-questions rows and some votes (as save_answer writes them)."""
    citation = Citation(
        speaker="Sam Altman",
        speaker_role="CEO, OpenAI",
        quote="My opinion is yes.",
        source=SourceRef(id="verge-altman", title="Altman on the bubble", publisher="The Verge"),
        passage_id="verge-altman:2.1",
        paragraph=2,
        sentence=1,
    )
    now = dt.datetime.now(dt.UTC)
    answer_rows, asked_rows, vote_rows = [], [], []
    # oldest first: answer ids grow with time, as when the bot saves them one by one
    times = sorted(now - dt.timedelta(seconds=rng.randrange(90 * 86400)) for _ in range(count))
    for n in range(1, count + 1):
        question = rng.choice(FORMS).format(s=rng.choice(SUBJECTS))
        if rng.random() < 0.3:  # spellings that differ in more than case: ~1,600 distinct questions in all
            question = question.rstrip("?？") + rng.choice(VARIANTS)
        abstained = rng.random() < 0.2
        language = "zh-Hans" if "怎么看" in question else "zh-Hant" if "資料" in question else "en"
        when = times[n - 1]
        platform = rng.choice(("slack", "slack", "discord", "cli"))
        channel = f"{platform[0].upper()}{rng.randrange(2)}"
        answer = Answer(
            question=question,
            language=language,
            abstained=abstained,
            answer="The library has nothing on that." if abstained else "Sam Altman said yes.",
            citations=[] if abstained else [citation],
        )
        answer_rows.append(
            {
                "id": n,
                "platform": platform,
                "channel": channel,
                "thread": None,
                "user": f"U{rng.randrange(500)}",
                "question": question,
                "answer_json": answer.model_dump_json(),
                "created_at": when,
            }
        )
        asked_rows.append(
            {
                "platform": platform,
                "channel": channel,
                "question": question,
                "question_key": question_key(question),
                "language": language,
                "abstained": abstained,
                "asked_at": when,
                "latency_ms": int(rng.lognormvariate(7.3, 0.5)),
            }
        )
        if rng.random() < 0.15:
            vote_rows.append(
                {"answer_id": n, "user": "V1", "vote": -1 if rng.random() < 0.33 else 1, "voted_at": when}
            )
    with store._write("bench seed") as conn:  # one transaction: save_answer one by one would take minutes
        conn.execute(answers.insert(), answer_rows)
        conn.execute(asked_questions.insert(), asked_rows)
        if vote_rows:
            conn.execute(votes.insert(), vote_rows)
    for n in range(CHANNELS_SUBSCRIBED):  # digests: a subscription per channel with 90 days of deliveries
        platform, channel = ("slack", "discord")[n % 2], f"DIGEST{n}"
        store.subscribe(platform=platform, channel=channel, time="09:00", tz="Asia/Shanghai", language="en")
        for day in range(90):
            delivery = store.claim_delivery(
                platform=platform, channel=channel, local_date=now.date() - dt.timedelta(days=day)
            )
            assert delivery is not None
            if rng.random() < 0.05:
                store.mark_failed(delivery.id, error="channel_not_found", retry_at=now)
            else:
                store.mark_delivered(delivery.id, message_ref=f"m{day}")


def percentile(values: list[float], q: float) -> float:
    """The q-quantile (0..1) of values, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main() -> int:
    """Seed, log in, render every page --repeat times, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--database-url", default=None, help="an empty database (default: temporary SQLite)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="console-bench-") as folder:
        data_dir = Path(folder)
        settings = Settings(data_dir=data_dir)
        url = args.database_url or f"sqlite:///{data_dir / 'bubblebot.db'}"
        with StateStore.open(url) as store:
            started = time.perf_counter()
            seed(store, args.questions, random.Random(7))
            print(
                f"seeded {args.questions:,} questions in {time.perf_counter() - started:.1f} s ({store.dialect})"
            )
            if store.dialect == "postgresql":
                # autovacuum analyzes a log that grows question by question; right after a bulk load its planner
                # would still think the tables empty (and join the log to the answers row by row)
                with store._write("bench analyze") as conn:
                    conn.exec_driver_sql("ANALYZE")
            app_catalog = Catalog(settings)
            app = create_app(ConsoleKeys(TOKEN), store, app_catalog)
            with TestClient(app, base_url="http://127.0.0.1") as client:
                page = client.get("/login").text
                csrf = page.split('name="csrf" value="', 1)[1].split('"', 1)[0]
                assert client.post(
                    "/login", data={"token": TOKEN, "csrf": csrf}, follow_redirects=False
                ).is_redirect
                for path in (
                    "/sources",
                    "/speakers",
                ):  # the corpus and its index load once per library version
                    client.get(path)
                started = time.perf_counter()
                assert client.get("/gaps").status_code == 200
                print(
                    f"coverage gaps, first (cold) load incl. embedding the questions and opening the index: "
                    f"{time.perf_counter() - started:.2f} s"
                )
                started = time.perf_counter()
                assert client.get("/questions?weeks=12").status_code == 200
                print(
                    f"top questions, first load (12 weeks, embedding questions not seen by the gaps): "
                    f"{time.perf_counter() - started:.2f} s"
                )
                times = []
                for _ in range(5):
                    started = time.perf_counter()
                    gaps_data(store, app_catalog)
                    times.append(time.perf_counter() - started)
                print(
                    f"regrouping the gaps with the questions' vectors known (what /gaps does once a minute): "
                    f"median {1000 * statistics.median(times):.0f} ms, max {1000 * max(times):.0f} ms"
                )
                catalog = Catalog(
                    settings, embedder=app_catalog.embedder()
                )  # a cold cache, the embedder loaded
                started = time.perf_counter()
                gaps_data(store, catalog)
                print(
                    f"clustering the gaps from scratch (query, embed every distinct question, cluster, nearest "
                    f"passages): {time.perf_counter() - started:.2f} s"
                )
                print(f"{'page':58} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
                for path in PAGES:
                    times = []
                    for _ in range(args.repeat):
                        started = time.perf_counter()
                        response = client.get(path)
                        times.append(1000 * (time.perf_counter() - started))
                        assert response.status_code == 200, (path, response.text[:200])
                    print(
                        f"{path:58} {statistics.median(times):8.1f} {percentile(times, 0.95):8.1f} {max(times):8.1f}"
                    )
                started = time.perf_counter()
                size = len(client.get("/api/conversations?format=csv").content)
                print(
                    f"CSV export of every conversation: {time.perf_counter() - started:.2f} s, {size / 1e6:.1f} MB"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
