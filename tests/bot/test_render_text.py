"""`bubblebot ask --sources` as a reader uses it: every cited article with an address shows it under the quote."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from knowledge.base import KnowledgeBase
from tests.bot.ingest_helpers import serve_site
from tests.knowledge.library_helpers import fresh_data_dir

BUBBLEBOT = [sys.executable, "-m", "bot.cli"]


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BUBBLEBOT_DATA_DIR": str(data_dir), "BUBBLEBOT_INGEST_ALLOW": "127.0.0.1"}
    return subprocess.run(
        [*BUBBLEBOT, *args], capture_output=True, text=True, env=env, timeout=300, check=False
    )


def test_sources_show_the_article_address_when_there_is_one(
    tmp_path: Path, kb: KnowledgeBase, data_dir: Path
) -> None:
    fresh = fresh_data_dir(data_dir, tmp_path / "data")
    with serve_site() as site:
        article = f"{site}/grid.html"
        ingested = run("ingest", article, data_dir=fresh)
        assert ingested.returncode == 0, ingested.stderr

    shown = run(
        "ask", "--sources", "How much new load has Plainsgrid received applications for?", data_dir=fresh
    )
    assert shown.returncode == 0, shown.stderr
    blocks = shown.stdout.split("\n[")
    [cited] = [block for block in blocks if "Prairie Courier" in block and "“" in block]
    assert f"\n    {article}" in cited  # under the quote and its place, where a reader looks for it

    packaged = run(
        "ask", "--sources", "--json", "What compute target did Altman set for OpenAI by 2033?", data_dir=fresh
    )
    answer = json.loads(packaged.stdout)
    assert answer["citations"] and all(c["source"]["url"] is None for c in answer["citations"])
    text = run(
        "ask", "--sources", "What compute target did Altman set for OpenAI by 2033?", data_dir=fresh
    ).stdout
    assert "None" not in text and "http" not in text  # no address recorded: no empty or made-up link
