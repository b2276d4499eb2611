"""The platform registry: `digest run-due` reaches every platform through it, a new one included."""

from __future__ import annotations

import argparse
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.chat import registry
from bot.chat.registry import PlatformEntry
from bot.digest.cli import cmd_run_due
from bot.settings import Settings
from bot.store import StateStore
from tests.bot.chat import toy_platform
from tests.bot.chat.toy_platform import NAME


def test_a_registered_platform_gets_its_due_digests_from_run_due(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = PlatformEntry(
        NAME,
        "TOY_TOKEN",
        lambda settings: True,
        "tests.bot.chat.toy_platform:nowhere",
        "tests.bot.chat.toy_platform:deliver_due_toy",
    )
    monkeypatch.setitem(registry.PLATFORMS, NAME, entry)
    url = f"sqlite:///{tmp_path / 'state.db'}"
    with StateStore.open(url) as store:
        store.subscribe(platform=NAME, channel="general", time="09:00", tz="UTC", language="zh-Hant")
    settings = Settings(data_dir=tmp_path, database_url=url)
    args = argparse.Namespace(now=datetime(2026, 12, 1, 9, 5, tzinfo=UTC), platform=None)
    assert cmd_run_due(args, settings) == 0
    assert f"sent {NAME} general 2026-12-01" in capsys.readouterr().out
    [(channel, digest)] = toy_platform.POSTED
    assert channel == "general" and digest.language == "zh-Hant"
    assert cmd_run_due(args, settings) == 0  # exactly once
    assert "nothing due" in capsys.readouterr().out


def test_the_digest_command_line_imports_no_chat_adapter() -> None:
    code = (
        "import sys; import bot.digest.cli, bot.cli; "
        "print(sorted(m for m in sys.modules if m.startswith(('bot.slack', 'bot.discord', 'slack_bolt', 'discord'))))"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert shown.stdout.strip() == "[]"
