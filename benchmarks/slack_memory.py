"""Resident memory of one `bubblebot serve slack` (HTTP mode, embedded index) over an existing data directory.

Issue 17 asks for ≤ 450 MB at 1,000 articles: build that library once with `scale_bench.py --work DIR`, then

    .venv/bin/python benchmarks/slack_memory.py DIR/data [--questions 229] [--articles DIR/articles]

Starts the bot against a loopback fake Slack (SQLite state in a temporary directory), waits for /healthz (the
bot answers one warm-up question first), then posts distinct questions (the project's question sets, and with
--articles the scale benchmark's questions about the generated library) and prints VmRSS when ready, after the
answers, and the peak (VmHWM). The first start of new code also compiles the packaged corpus (the extractor's
modules stay loaded): run it twice and read the second. Not run by CI.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from deploy_memory import slack_after_questions  # noqa: E402
from scale_bench import questions_for  # noqa: E402


def distinct_questions(articles: Path | None) -> list[str]:
    """The project's questions (dev and held-out sets), and the scale benchmark's about the generated articles."""
    files = [REPO / "tests" / "data" / name for name in ("dev.jsonl", "heldout.jsonl", "heldout2.jsonl")]
    asked = [json.loads(line)["q"] for f in files for line in f.read_text("utf-8").splitlines() if line]
    if articles is not None:
        asked += questions_for(sorted(articles.glob("*.md")))
    return list(dict.fromkeys(asked))


def main() -> None:
    """Print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, help="a data directory holding a library (BUBBLEBOT_DATA_DIR)")
    parser.add_argument("--questions", type=int, default=229, help="answers before measuring (cycled)")
    parser.add_argument("--articles", type=Path, help="scale_bench's generated articles, for its questions")
    args = parser.parse_args()
    pool = distinct_questions(args.articles)
    asked = [pool[i % len(pool)] for i in range(args.questions)]
    with tempfile.TemporaryDirectory() as tmp:
        ready, after, peak = slack_after_questions(
            Path(tmp), args.data_dir, f"sqlite:///{tmp}/state.db", None, asked
        )
    print(
        f"serve slack over {args.data_dir}: {ready:.0f} MiB ready, {after:.0f} MiB after {len(asked)} answers "
        f"({len(set(asked))} distinct), peak {peak:.0f} MiB"
    )


if __name__ == "__main__":
    main()
