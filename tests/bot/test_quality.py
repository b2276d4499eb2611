"""Answer quality on the question sets, scored by the maintainers' scorer (tests/data/score.py) through the real CLI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, REPO

SCORER = DATA / "score.py"  # the project's copy of the maintainers' scorer
SOURCES = REPO / "knowledge" / "corpus" / "sources"


@pytest.mark.parametrize(
    ("questions", "minimum"),
    [
        ("dev.jsonl", 0.95),
        ("heldout.jsonl", 0.88),
        ("heldout2.jsonl", 0.88),
    ],
)
def test_accuracy_faithfulness_and_language(questions: str, minimum: float, data_dir: Path) -> None:
    command = f"{sys.executable} -m bot.cli ask --json -"
    result = subprocess.run(
        [
            sys.executable,
            str(SCORER),
            str(DATA / questions),
            "--cmd",
            command,
            "--sources",
            str(SOURCES),
            "--min-accuracy",
            str(minimum),
            "--timeout",
            "300",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "BUBBLEBOT_DATA_DIR": str(data_dir)},
        timeout=400,
    )
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr[-500:]
    print(f"{questions}: {summary}")
    # Exit 0 means accuracy >= minimum and every citation is verbatim with its figures inside its quote.
    assert result.returncode == 0, result.stdout[-3000:]
    matched, total = re.search(r"language (\d+)/(\d+)", summary).groups()  # type: ignore[union-attr]
    assert matched == total, "every answer must be in the asker's language and script"
