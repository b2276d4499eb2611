"""Server mode: a real `chroma run` on 127.0.0.1, indexed and queried through BUBBLEBOT_CHROMA_URL."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from tests.conftest import DATA
from tests.deploy.servers import bubblebot, chroma_server

DEV_QUESTIONS = [
    json.loads(line)["q"] for line in (DATA / "dev.jsonl").read_text().splitlines() if line.strip()
]


def run(
    args: list[str], env: dict[str, str], *, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*bubblebot(), *args], env=env, input=stdin, capture_output=True, text=True, timeout=300, check=False
    )


def environment(data_dir: Path, chroma_url: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BUBBLEBOT_")}
    env["BUBBLEBOT_DATA_DIR"] = str(data_dir)
    if chroma_url:
        env["BUBBLEBOT_CHROMA_URL"] = chroma_url
    return env


def answers(env: dict[str, str]) -> list[dict[str, Any]]:
    done = run(["ask", "--json", "-"], env, stdin="\n".join(DEV_QUESTIONS) + "\n")
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_chroma_server_answers_the_dev_questions_with_the_embedded_citations(
    tmp_path: Path, data_dir: Path
) -> None:
    with chroma_server(tmp_path) as server:
        served = environment(tmp_path / "server-data", server.url)
        first = run(["index"], served)
        assert first.returncode == 0, first.stderr
        assert "vector index: built" in first.stdout
        again = run(["index"], served)
        assert again.returncode == 0 and "vector index: up to date" in again.stdout, again.stderr
        assert not (
            tmp_path / "server-data" / "chroma"
        ).exists()  # nothing embedded: the server holds the index

        remote = answers(served)
    local = answers(environment(data_dir))

    assert len(remote) == len(local) == len(DEV_QUESTIONS)
    cited = 0
    for question, over_http, embedded in zip(DEV_QUESTIONS, remote, local, strict=True):
        assert over_http["question"] == embedded["question"] == question
        assert over_http["citations"] == embedded["citations"], question
        assert over_http["abstained"] == embedded["abstained"], question
        assert over_http["answer"] == embedded["answer"], question
        assert "notice" not in over_http, question  # dense search was up: no lexical-only notice
        cited += bool(over_http["citations"])
    assert cited >= len(DEV_QUESTIONS) // 2
