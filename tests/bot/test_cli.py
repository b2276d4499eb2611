"""The `bubblebot` command line, run as a user runs it (a real subprocess)."""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import build_parser

BUBBLEBOT = [sys.executable, "-m", "bot.cli"]


def run(*args: str, stdin: str | None = None, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BUBBLEBOT_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [*BUBBLEBOT, *args], input=stdin, capture_output=True, text=True, env=env, timeout=120
    )


def test_ask_names_speaker_and_figure(data_dir: Path) -> None:
    result = run("ask", "What compute target did Altman set for OpenAI by 2033?", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "Sam Altman (CEO, OpenAI)" in result.stdout
    assert "250 GW" in result.stdout and "250吉瓦" not in result.stdout  # figures in the reader's units


def test_ask_sources_shows_the_verbatim_quote_and_paragraph(data_dir: Path) -> None:
    result = run("ask", "--sources", "What did Sundar Pichai tell the BBC?", data_dir=data_dir)
    assert "谷歌首席执行官桑达尔·皮查伊本月告诉BBC" in result.stdout
    assert "paragraph" in result.stdout


def test_batch_json_keeps_lines_aligned(data_dir: Path) -> None:
    questions = [
        "OpenAI承诺投入多少钱建设AI数据中心?",
        "",
        "What is the capital of France?",
        "納德拉對 AGI 的定義說了什麼?",
    ]
    result = run("ask", "--json", "-", stdin="\n".join(questions) + "\n", data_dir=data_dir)
    lines = result.stdout.splitlines()
    assert len(lines) == 4, result.stderr
    answers = [json.loads(line) for line in lines]
    assert answers[0]["version"] == 1 and next(iter(answers[0])) == "version"
    assert (
        answers[0]["language"] == "zh-Hans"
        and answers[0]["citations"][0]["figures"][0]["text"] == "5000亿美元"
    )
    assert answers[1] == {"question": "", "error": "empty question"}
    assert answers[2]["abstained"] is True and answers[2]["citations"] == []
    assert answers[3]["language"] == "zh-Hant" and answers[3]["citations"][0]["speaker"] == "Satya Nadella"


def test_empty_question_exits_2(data_dir: Path) -> None:
    result = run("ask", "", data_dir=data_dir)
    assert result.returncode == 2
    assert "ask a question" in result.stderr and result.stdout == ""


def test_huge_question_is_cut_with_a_warning(data_dir: Path) -> None:
    result = run(
        "ask", "--json", "Does Bret Taylor think we are in a bubble? " + "x" * 10_000, data_dir=data_dir
    )
    assert result.returncode == 0
    assert "warning" in result.stderr
    assert json.loads(result.stdout)["answer"]


def test_search_json(data_dir: Path) -> None:
    result = run(
        "search",
        "--json",
        "--k",
        "3",
        "What did Anthropic's CEO say about circular deals?",
        data_dir=data_dir,
    )
    payload = json.loads(result.stdout)
    assert len(payload["passages"]) == 3
    top = payload["passages"][0]
    assert top["speaker"] == "Dario Amodei" and top["speaker_role"] == "CEO, Anthropic"
    assert set(top["source"]) == {"id", "title", "publisher"}


@pytest.mark.parametrize("command", [["index"], ["search", "-"]])
def test_index_and_search_batch(command: list[str], data_dir: Path) -> None:
    result = run(*command, stdin="泡沫\n", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


def test_unknown_command_is_a_clear_error(data_dir: Path) -> None:
    result = run("frobnicate", data_dir=data_dir)
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_a_closed_pipe_ends_quietly(data_dir: Path) -> None:
    env = {**os.environ, "BUBBLEBOT_DATA_DIR": str(data_dir)}
    with subprocess.Popen(
        [*BUBBLEBOT, "ask", "--sources", "What did Dario Amodei say about circular deals?"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # before the answer is written: its write meets a closed pipe
        errors = process.stderr.read().decode()
        assert process.wait(timeout=120) == 0
    assert "Traceback" not in errors


def test_version_comes_from_the_package_metadata(data_dir: Path) -> None:
    result = run("--version", data_dir=data_dir)
    assert result.returncode == 0
    assert result.stdout.strip() == f"bubblebot {importlib.metadata.version('bubblebot')}"


def test_with_json_an_error_is_json_on_stdout_and_v_works_after_the_subcommand(data_dir: Path) -> None:
    result = run("ask", "--json", "-v", "", data_dir=data_dir)
    assert result.returncode == 2  # the exit code of an empty question, unchanged
    assert list(json.loads(result.stdout)) == ["error"]
    assert "ask a question" in result.stderr


def test_a_batch_where_every_line_fails_exits_1(data_dir: Path) -> None:
    result = run("ask", "--json", "-", stdin="\n   \n", data_dir=data_dir)
    assert result.returncode == 1
    assert [json.loads(line)["error"] for line in result.stdout.splitlines()] == ["empty question"] * 2


def test_a_batch_without_json_is_readable_and_honours_sources(data_dir: Path) -> None:
    result = run("ask", "--sources", "-", stdin="What did Sundar Pichai tell the BBC?\n\n", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "> What did Sundar Pichai tell the BBC?" in result.stdout
    assert "谷歌首席执行官桑达尔·皮查伊本月告诉BBC" in result.stdout  # the verbatim quote
    assert "error: empty question" in result.stdout and not result.stdout.lstrip().startswith("{")


def _options(parser: argparse.ArgumentParser, path: str = "bubblebot") -> list[tuple[str, argparse.Action]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found += _options(child, f"{path} {name}")
        elif not isinstance(action, argparse._HelpAction):
            found.append((path, action))
    return found


def test_every_option_and_argument_has_help() -> None:
    missing = [
        f"{path} {action.option_strings or action.dest}"
        for path, action in _options(build_parser())
        if not action.help
    ]
    assert missing == []
