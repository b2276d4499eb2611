"""`bubblebot ingest` with many articles: directories, several paths and lists of URLs, in one run."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase
from tests.bot.ingest_helpers import serve_site
from tests.bot.test_cli_ingest import ask, cited, run
from tests.knowledge.library_helpers import CHINESE, ENGLISH, fresh_data_dir


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serve_site() as url:
        yield url


@pytest.fixture
def fresh(tmp_path: Path, kb: KnowledgeBase, data_dir: Path) -> Path:
    return fresh_data_dir(data_dir, tmp_path / "data")


def test_a_directory_is_ingested_with_progress_and_a_summary_of_duplicates_and_failures(
    fresh: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    (folder / "more").mkdir(parents=True)
    shutil.copy(CHINESE, folder / CHINESE.name)
    shutil.copy(ENGLISH, folder / "more" / ENGLISH.name)
    shutil.copy(ENGLISH, folder / "copy-of-corvane.md")  # the same text twice: a duplicate, not a failure
    (folder / "empty.txt").write_text("\n", encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.7 not an article")  # not an article file: not even tried
    result = run("ingest", str(folder), data_dir=fresh)
    assert result.returncode == 1, result.stderr  # one article failed
    assert "added 2 articles" in result.stdout and "1 duplicates, 1 failed" in result.stdout
    assert "empty.txt" in result.stdout and "is empty" in result.stdout
    progress = [line for line in result.stderr.splitlines() if line.startswith("[")]
    assert [line.split("]")[0] for line in progress] == ["[1/4", "[2/4", "[3/4", "[4/4"]
    rows = [json.loads(line) for line in run("sources", "list", "--json", data_dir=fresh).stdout.splitlines()]
    assert sorted(r["file"] for r in rows if r["origin"] == "ingested") == sorted(
        [CHINESE.name, "copy-of-corvane.md"]
    )
    first, second = ask(
        fresh, "What did Corvane's finance chief say about its debt?", "星海云明年的资本开支是多少?"
    )
    assert cited(first, "Omar Reyes", 6.8e9) and cited(second, None, 12e9)


def test_a_list_of_urls_and_several_paths_in_one_run(fresh: Path, tmp_path: Path, site: str) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# today's reading\n{site}/grid.html\n\n{site}/missing.html\n", encoding="utf-8")
    result = run("ingest", str(CHINESE), str(ENGLISH), "--list", str(listing), data_dir=fresh)
    assert "added 3 articles" in result.stdout and "0 duplicates, 1 failed" in result.stdout, result.stderr
    assert "missing.html" in result.stdout
    again = run("ingest", str(CHINESE), str(ENGLISH), data_dir=fresh)
    assert again.returncode == 0 and "added 0 articles" in again.stdout and "2 duplicates" in again.stdout


def test_one_article_options_are_refused_for_many(fresh: Path) -> None:
    result = run("ingest", str(CHINESE), str(ENGLISH), "--title", "One title", data_dir=fresh)
    assert result.returncode == 2 and "--title" in result.stderr
    assert run("ingest", data_dir=fresh).returncode == 2
