"""Settings from the environment and from a .env file in the working directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings


def test_a_dot_env_file_fills_in_settings_and_the_environment_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".env").write_text(
        "# comments are fine\nBUBBLEBOT_RATE_LIMIT_PER_MINUTE=9\n"
        "BUBBLEBOT_MAX_QUESTION_CHARS=500\nSLACK_BOT_TOKEN=xoxb-from-file\n"
        "POSTGRES_PASSWORD=not-ours\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    monkeypatch.delenv("BUBBLEBOT_MAX_QUESTION_CHARS", raising=False)
    monkeypatch.setenv("BUBBLEBOT_RATE_LIMIT_PER_MINUTE", "3")
    settings = Settings()
    assert settings.rate_limit_per_minute == 3  # the environment wins
    assert settings.max_question_chars == 500
    assert (
        settings.slack_bot_token is not None
        and settings.slack_bot_token.get_secret_value() == "xoxb-from-file"
    )


def test_without_a_dot_env_file_the_defaults_hold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BUBBLEBOT_MAX_QUESTION_CHARS", raising=False)
    assert Settings().max_question_chars == 2000
