"""`bubblebot ingest` and `bubblebot sources`, run as a user runs them (real subprocesses, loopback URLs)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase
from tests.bot.ingest_helpers import serve_site
from tests.knowledge.library_helpers import CHINESE, ENGLISH, fresh_data_dir, library_state

BUBBLEBOT = [sys.executable, "-m", "bot.cli"]


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serve_site() as url:
        yield url


@pytest.fixture
def fresh(tmp_path: Path, kb: KnowledgeBase, data_dir: Path) -> Path:
    return fresh_data_dir(data_dir, tmp_path / "data")


def run(
    *args: str, data_dir: Path, stdin: str | None = None, command: list[str] = BUBBLEBOT
) -> subprocess.CompletedProcess[str]:
    # The article site is on 127.0.0.1, which ingest refuses unless the operator allows it.
    env = {**os.environ, "BUBBLEBOT_DATA_DIR": str(data_dir), "BUBBLEBOT_INGEST_ALLOW": "127.0.0.1"}
    return subprocess.run(
        [*command, *args], input=stdin, capture_output=True, text=True, env=env, timeout=180
    )


def ask(data_dir: Path, *questions: str) -> list[dict[str, object]]:
    result = run("ask", "--json", "-", data_dir=data_dir, stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def cited(answer: dict[str, object], speaker: str | None, value: float | None = None) -> bool:
    for citation in answer["citations"]:  # type: ignore[attr-defined]
        if speaker is not None and citation["speaker"] != speaker:
            continue
        if value is None or any(abs(f["value"] - value) <= 0.01 * value for f in citation["figures"]):
            return True
    return False


def test_ingest_files_then_ask_and_list(fresh: Path) -> None:
    for path in (CHINESE, ENGLISH):
        result = run("ingest", str(path), data_dir=fresh)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("ingested '")
    answers = ask(
        fresh,
        "星海云计划把数据中心电力容量扩大到多少吉瓦?",
        "Who said every customer conversation now starts with megawatts, not GPUs?",
        "How much capacity has Corvane signed contracts for that it has not built yet?",
        "陈默认为算力租赁行业的估值是营业收入的多少倍?",
    )
    assert cited(answers[0], "Zhou Liheng", 5) and answers[0]["language"] == "zh-Hans"
    assert cited(answers[1], "Priya Nandakumar") and "Priya Nandakumar (CEO, Corvane Systems)" in str(
        answers[1]["answer"]
    )
    assert cited(answers[2], "Priya Nandakumar", 3.2)
    assert cited(answers[3], "Chen Mo", 15)
    listing = run("sources", "list", "--json", data_dir=fresh)
    rows = [json.loads(line) for line in listing.stdout.splitlines()]
    assert [r["origin"] for r in rows] == ["packaged", "packaged", "ingested", "ingested"]
    assert (
        rows[3]["language"] == "en"
        and rows[3]["publisher"] == "Northbridge Ledger"
        and rows[3]["passages"] > 20
    )
    assert "[ingested, zh-Hans" in run("sources", "list", data_dir=fresh).stdout


def test_ingest_a_url_from_loopback(fresh: Path, site: str) -> None:
    result = run("ingest", f"{site}/grid.html", "--published", "2025-11-20", data_dir=fresh)
    assert result.returncode == 0, result.stderr
    [row] = [
        json.loads(line)
        for line in run("sources", "list", "--json", data_dir=fresh).stdout.splitlines()
        if json.loads(line)["origin"] == "ingested"
    ]
    assert row["url"] == f"{site}/grid.html" and row["published"] == "2025-11-20"
    assert "Grid operators warn of AI load" in row["title"] and row["publisher"] == "Prairie Courier"
    answers = ask(
        fresh,
        "How much new load has Plainsgrid received applications for?",
        "How much will utilities need to spend on new lines by 2030?",
    )
    assert cited(answers[0], "Harold Quist", 12)
    assert cited(answers[1], "Wexford Energy Council", 48e9)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/gone", "HTTP 404"),
        ("/empty.html", "no article text"),
        ("/logo.png", "image/png"),
    ],
)
def test_bad_urls_are_one_line_errors(fresh: Path, site: str, path: str, message: str) -> None:
    result = run("ingest", f"{site}{path}", data_dir=fresh)
    assert result.returncode == 1 and message in result.stderr and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and library_state(fresh) == library_state(
        Path("/nonexistent")
    )


def test_unreachable_url(fresh: Path) -> None:
    result = run("ingest", "http://127.0.0.1:9/article", "--timeout", "3", data_dir=fresh)
    assert result.returncode == 1 and result.stderr.startswith(
        "error: cannot fetch http://127.0.0.1:9/article"
    )
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_files_and_usage(fresh: Path, tmp_path: Path) -> None:
    assert run("ingest", str(CHINESE), data_dir=fresh).returncode == 0
    before = library_state(fresh)
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.7\n\x00\x01\x02binary")
    empty = tmp_path / "empty.md"
    empty.write_text("\n", encoding="utf-8")
    german = tmp_path / "de.txt"
    german.write_text(
        "Die Rechenzentren verbrauchen immer mehr Strom, und die Netzbetreiber warnen vor Engpässen "
        "in den nächsten Jahren, sagte der Vorstand am Dienstag.",
        encoding="utf-8",
    )
    for args, message in [
        ([str(binary)], "binary"),
        ([str(empty)], "is empty"),
        ([str(CHINESE)], "already in"),
        ([str(german)], "not in English or Chinese"),
        ([str(tmp_path / "nope.md")], "no such file"),
    ]:
        result = run("ingest", *args, data_dir=fresh)
        assert result.returncode == 1, args
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    for args in (
        ["ingest"],
        ["ingest", str(ENGLISH), "--lang", "fr"],
        ["ingest", str(ENGLISH), "--published", "soon"],
        ["sources"],
        ["sources", "remove"],
    ):
        assert run(*args, data_dir=fresh).returncode == 2, args
    refused = run("sources", "remove", "techreview-ai-bubble", data_dir=fresh)
    assert refused.returncode == 1 and "packaged corpus and cannot be removed" in refused.stderr
    assert library_state(fresh) == before


def test_remove_then_ask(fresh: Path) -> None:
    assert run("ingest", str(ENGLISH), data_dir=fresh).returncode == 0
    [row] = [
        json.loads(line)
        for line in run("sources", "list", "--json", data_dir=fresh).stdout.splitlines()
        if json.loads(line)["origin"] == "ingested"
    ]
    question = "What did Corvane's finance chief say about its debt?"
    assert cited(ask(fresh, question)[0], "Omar Reyes", 6.8e9)
    removed = run("sources", "remove", row["id"], data_dir=fresh)
    assert removed.returncode == 0 and f"removed '{row['id']}'" in removed.stdout
    for answer in ask(fresh, question, "Who said prices fall when everybody builds the same thing?"):
        assert all(c["source"]["id"] != row["id"] for c in answer["citations"])  # type: ignore[attr-defined]
    assert len(run("sources", "list", "--json", data_dir=fresh).stdout.splitlines()) == 2


KILLER = textwrap.dedent("""
    import os, sys
    import knowledge.index as index
    from bot.cli import main

    def killed(self, *args, **kwargs):
        os._exit(9)  # the process dies on the spot: no cleanup, no exception handlers

    setattr(index.PassageIndex, "_vectors", killed)
    sys.exit(main(["ingest", sys.argv[1]]))
""")


def test_a_process_killed_mid_ingest_leaves_the_previous_library_usable(fresh: Path) -> None:
    assert run("ingest", str(CHINESE), data_dir=fresh).returncode == 0
    before = library_state(fresh)
    killed = run(str(ENGLISH), data_dir=fresh, command=[sys.executable, "-c", KILLER])
    assert killed.returncode == 9
    assert library_state(fresh) == before
    [answer] = ask(fresh, "星海云明年的资本开支是多少?")
    assert cited(answer, None, 12e9)
    assert run("ingest", str(ENGLISH), data_dir=fresh).returncode == 0
    assert cited(ask(fresh, "What utilization level did Omar Reyes say Corvane needs?")[0], "Omar Reyes", 80)


TRADITIONAL = """---
title: "液冷訂單爆量 沛霖上修全年營收"
publisher: "竹科財經週刊"
language: zh-Hant
---

散熱模組廠沛霖科技昨（5）日舉行法說會，財務長邱雅婷表示，第三季毛利率為24.3%，創下近兩年新高。

「客戶要的是能直接放進機櫃的液冷方案。」沛霖董事長余承翰說。
"""


def test_a_question_in_characters_both_scripts_share_is_answered_in_the_script_of_its_articles(
    fresh: Path, tmp_path: Path
) -> None:
    article = tmp_path / "peilin.md"
    article.write_text(TRADITIONAL, encoding="utf-8")
    assert run("ingest", str(article), data_dir=fresh).returncode == 0
    answer, general = ask(fresh, "沛霖第三季毛利率是多少？", "AI泡沫是什么？")
    assert answer["language"] == "zh-Hant" and cited(answer, None, 24.3)
    assert general["language"] == "zh-Hans"  # nothing named: no articles to go by
