"""Answer benchmark: warm per-answer latency, a 50-question batch process, and accuracy beside a plain chain.

Usage: python benchmarks/answer_bench.py   (prints numbers; not run by CI)
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bot.service import AnswerService
from knowledge.base import KnowledgeBase

REPO = Path(__file__).resolve().parent.parent
SCORER = REPO / "tests" / "data" / "score.py"  # the project's copy of the maintainers' scorer
QUESTION_FILES = [REPO / "tests" / "data" / name for name in ("dev.jsonl", "heldout.jsonl", "heldout2.jsonl")]


def _questions() -> list[str]:
    return [
        json.loads(line)["q"] for f in QUESTION_FILES for line in f.read_text("utf-8").splitlines() if line
    ]


def _score(questions: Path, command: str, env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, str(SCORER), str(questions), "--cmd", command, "--timeout", "300"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
    )
    return result.stdout.strip().splitlines()[-1]


def main() -> None:
    """Print the numbers."""
    questions = _questions()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "BUBBLEBOT_DATA_DIR": tmp}
        service = AnswerService(KnowledgeBase.open(data_dir=Path(tmp), progress=None))
        for question in questions:
            service.ask(question)
        latencies = []
        for _ in range(3):
            for question in questions:
                t0 = time.perf_counter()
                service.ask(question)
                latencies.append((time.perf_counter() - t0) * 1000)
        ordered = sorted(latencies)
        print(
            f"warm answer latency over {len(latencies)} answers: p50 {statistics.median(ordered):.1f} ms, "
            f"p95 {ordered[int(0.95 * (len(ordered) - 1))]:.1f} ms"
        )

        batch = "\n".join(questions[:50]) + "\n"
        t0 = time.perf_counter()
        subprocess.run(
            [str(REPO / ".venv" / "bin" / "bubblebot"), "ask", "--json", "-"],
            input=batch,
            text=True,
            capture_output=True,
            env=env,
            check=True,
        )
        print(f"50 questions in one batch process, start-up included: {time.perf_counter() - t0:.2f} s")

        ours = f"{REPO / '.venv' / 'bin' / 'bubblebot'} ask --json -"
        baseline = f"{sys.executable} {REPO / 'benchmarks' / 'baseline_chain.py'}"
        for path in QUESTION_FILES:
            print(f"{path.name}: bubblebot      {_score(path, ours, env)}")
            print(f"{path.name}: plain LC chain {_score(path, baseline, env)}")


if __name__ == "__main__":
    main()
