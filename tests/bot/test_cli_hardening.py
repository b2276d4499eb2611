"""Hostile input through the `bubblebot` command (real subprocesses): clear one-line errors, nothing lost."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase
from tests.knowledge.library_helpers import CHINESE, fresh_data_dir, library_state

BUBBLEBOT = [sys.executable, "-m", "bot.cli"]


@pytest.fixture
def fresh(tmp_path: Path, kb: KnowledgeBase, data_dir: Path) -> Path:
    return fresh_data_dir(data_dir, tmp_path / "data")


def run(
    args: list[str | bytes], data_dir: Path, stdin: bytes | None = None, **env: str
) -> subprocess.CompletedProcess[bytes]:
    environment = {k: v for k, v in os.environ.items() if k != "BUBBLEBOT_INGEST_ALLOW"}  # the default: none
    environment.update(BUBBLEBOT_DATA_DIR=str(data_dir), **env)
    return subprocess.run([*BUBBLEBOT, *args], input=stdin, capture_output=True, env=environment, timeout=180)


def one_line_error(result: subprocess.CompletedProcess[bytes], message: str) -> None:
    stderr = result.stderr.decode()
    assert result.returncode == 1 and result.stdout == b"", stderr
    assert stderr.startswith("error: ") and message in stderr and len(stderr.strip().splitlines()) == 1, (
        stderr
    )


def test_a_loopback_url_is_refused_unless_the_operator_allows_it(fresh: Path) -> None:
    refused = run(["ingest", "http://127.0.0.1:9/latest/meta-data", "--timeout", "3"], fresh)
    one_line_error(
        refused,
        "127.0.0.1 is a loopback address (127.0.0.1); ingest only fetches public addresses "
        "unless BUBBLEBOT_INGEST_ALLOW lists the host or range",
    )
    allowed = run(
        ["ingest", "http://127.0.0.1:9/latest/meta-data", "--timeout", "3"],
        fresh,
        BUBBLEBOT_INGEST_ALLOW="127.0.0.0/8",
    )
    one_line_error(
        allowed, "cannot fetch http://127.0.0.1:9/latest/meta-data"
    )  # allowed, and nothing listens
    assert library_state(fresh) == "empty"


def test_articles_too_long_to_attribute_are_refused_before_any_work(fresh: Path, tmp_path: Path) -> None:
    assert run(["ingest", str(CHINESE)], fresh).returncode == 0
    before = library_state(fresh)
    lines = tmp_path / "lines.txt"
    lines.write_text("".join(f"Operator {n} said demand rose.\n" for n in range(100_000)), encoding="utf-8")
    many = tmp_path / "many.txt"
    many.write_text(
        " ".join(f"Grid operator {n} said demand rose again." for n in range(2_100)), encoding="utf-8"
    )
    one_line_error(run(["ingest", str(lines)], fresh), "the limit is 200,000")
    one_line_error(run(["ingest", str(many)], fresh), "more than 2,000 sentences")
    assert library_state(fresh) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"---\na: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\ntitle: *b\n---\nText.\n",
            "aliases (*name) are not allowed",
        ),
        (b"\xff\xfe" + "Grid operators said demand rose.".encode("utf-16-le") + b"!", "not valid UTF-16"),
    ],
)
def test_hostile_files_are_one_line_errors(fresh: Path, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "article.md"
    path.write_bytes(content)
    one_line_error(run(["ingest", str(path)], fresh), message)


def test_invalid_utf8_questions_still_get_one_answer_each(fresh: Path) -> None:
    lines = [
        b"Who said every customer conversation now starts with megawatts?",
        b"caf\xe9 \xff\xfe bubble?",
        b"\xc3",
        b"What compute target did Sam Altman set for OpenAI by 2033?",
    ]
    batch = run(["ask", "--json", "-"], fresh, stdin=b"\n".join(lines) + b"\n")
    assert batch.returncode == 0, batch.stderr.decode()
    answers = [json.loads(line) for line in batch.stdout.decode().splitlines()]
    assert len(answers) == 4 and all("answer" in a for a in answers), answers
    assert answers[1]["question"] == "caf\ufffd \ufffd\ufffd bubble?"
    single = run(["ask", "--json", b"caf\xe9 Sam Altman 2033 compute target?"], fresh)
    assert single.returncode == 0, single.stderr.decode()
    assert json.loads(single.stdout)["question"].startswith("caf\ufffd ")


@pytest.mark.parametrize("k", ["-5", "0", "51", "many"])
def test_search_k_must_be_between_1_and_50(fresh: Path, k: str) -> None:
    result = run(["search", "--k", k, "bubble"], fresh)
    assert result.returncode == 2 and result.stdout == b""
    assert f"argument --k: must be a whole number from 1 to 50, not '{k}'" in result.stderr.decode()


class _Payload:
    """Unpickling this creates a file: what a planted tokenizer.pickle could do in every bot."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return open, (str(self.marker), "w")


def test_a_planted_pickle_in_the_embedding_cache_is_never_loaded(fresh: Path, tmp_path: Path) -> None:
    first = run(["search", "--json", "Who said megawatts?"], fresh)
    assert first.returncode == 0, first.stderr.decode()
    [cache] = [p for p in fresh.iterdir() if p.name.startswith("use-m3-")]
    marker = tmp_path / "code-ran"
    (cache / "tokenizer.pickle").write_bytes(pickle.dumps(_Payload(marker)))
    again = run(["search", "--json", "Who said megawatts?"], fresh)
    assert again.returncode == 0, again.stderr.decode()
    assert not marker.exists() and json.loads(again.stdout) == json.loads(first.stdout)
