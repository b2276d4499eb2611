"""Retrieval benchmark: index build, cold start, warm latency, peak RSS, and top-k quality per arm.

Usage: python benchmarks/search_bench.py [QUESTIONS.jsonl]   (prints numbers; not run by CI)
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from knowledge.base import KnowledgeBase

REPO = Path(__file__).resolve().parent.parent
DEFAULT_QUESTIONS = REPO / "tests" / "data" / "dev.jsonl"


def _ok(passages: list, item: dict) -> bool:  # type: ignore[type-arg]
    speaker = not item["speakers"] or any(
        p.speaker and any(a.lower() in p.speaker.lower() for a in item["speakers"]) for p in passages
    )
    figure = not item["figures"] or any(
        f.unit == w["unit"] and abs(f.value - w["value"]) <= 0.01 * w["value"]
        for p in passages
        for f in p.figures
        for w in item["figures"]
    )
    return speaker and figure


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    """Print the numbers."""
    questions = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_QUESTIONS
    items = [json.loads(line) for line in questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    answerable = [i for i in items if i.get("answerable", True)]
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        kb = KnowledgeBase.open(data_dir=Path(tmp), progress=None)
        opened = time.perf_counter() - started
        report = kb.index_report
        assert report is not None
        print(
            f"index build: {report.seconds:.2f} s ({report.vectors} vectors); whole open incl. corpus: {opened:.2f} s"
        )

        env = {**os.environ, "BUBBLEBOT_DATA_DIR": tmp}
        cold = []
        for _ in range(3):
            t0 = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "bot.cli", "search", "--k", "3", items[0]["q"]],
                env=env,
                capture_output=True,
                check=True,
            )
            cold.append(time.perf_counter() - t0)
        child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"cold `bubblebot search` (index built): best {min(cold):.2f} s, median {statistics.median(cold):.2f} s"
        )

        for item in items:  # warm-up
            kb.search(item["q"], 3)
        latencies = []
        for _ in range(5):
            for item in items:
                t0 = time.perf_counter()
                kb.search(item["q"], 3)
                latencies.append((time.perf_counter() - t0) * 1000)
        print(
            f"warm search latency over {len(latencies)} queries: p50 {_percentile(latencies, 0.5):.1f} ms, "
            f"p95 {_percentile(latencies, 0.95):.1f} ms"
        )

        searcher = kb.searcher
        by_id = kb.corpus.by_id

        def dense_only(question: str, k: int) -> list:  # type: ignore[type-arg]
            scores = searcher._dense(question)[0]
            return [by_id[pid] for pid in sorted(scores, key=lambda p: -scores[p])[:k]]

        arms = {
            "hybrid": lambda q, k: [h.passage for h in kb.search(q, k).hits],
            "dense only": dense_only,
            "lexical only": lambda q, k: [
                by_id[pid] for pid, _ in searcher.lexical.search(kb.analyze(q).tokens, k)
            ],
        }
        for name, arm in arms.items():
            top1 = sum(_ok(arm(i["q"], 1), i) for i in answerable) / len(answerable)
            top3 = sum(_ok(arm(i["q"], 3), i) for i in answerable) / len(answerable)
            print(f"{name:>13}: top-1 {top1:.0%}  top-3 {top3:.0%}  ({len(answerable)} answerable questions)")
    own_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: this process {own_rss:.0f} MB, `bubblebot search` child {child_rss:.0f} MB")


if __name__ == "__main__":
    main()
