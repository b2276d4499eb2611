"""Shared fixtures: an isolated data directory and one knowledge base / answer service per session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.service import AnswerService
from bot.settings import Settings
from knowledge.base import KnowledgeBase

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"


@pytest.fixture(scope="session", autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep every test away from the user's real data directory and tokens."""
    saved = dict(os.environ)
    os.environ["BUBBLEBOT_DATA_DIR"] = str(tmp_path_factory.mktemp("bubblebot-data"))
    for name in (
        "SLACK_BOT_TOKEN",
        "SLACK_APP_TOKEN",
        "SLACK_SIGNING_SECRET",
        "DISCORD_TOKEN",
        "BUBBLEBOT_LLM",
        "BUBBLEBOT_CHROMA_URL",
        "BUBBLEBOT_DATABASE_URL",
    ):
        os.environ.pop(name, None)
    yield
    os.environ.clear()
    os.environ.update(saved)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The session's data directory (index and database live here)."""
    return Path(os.environ["BUBBLEBOT_DATA_DIR"])


@pytest.fixture(scope="session")
def kb(data_dir: Path) -> KnowledgeBase:
    """The packaged corpus with its index, built once per session."""
    return KnowledgeBase.open(data_dir=data_dir, progress=None)


@pytest.fixture(scope="session")
def service(kb: KnowledgeBase) -> AnswerService:
    """The default (no model) answer service over the session knowledge base."""
    return AnswerService(kb, max_chars=Settings().max_question_chars)


# The fast tier (`scripts/check --fast`, `pytest -m "not slow and not e2e"`) leaves out what needs the real
# knowledge base (its index is built once per session, in minutes on a busy machine) and the end-to-end
# tests that drive the real Slack and Discord clients, servers and child processes.
E2E_DIRS = (
    "tests/deploy/",
    "tests/bot/slack/",
    "tests/bot/discord/",
    "tests/bot/console/test_console_browser",
)
E2E_FILES = (
    "blackbox",
    "black_box",
    "test_cli",
    "_health",
    "test_probe",
    "test_replicas",
    "race",
    "test_digest_slack",
    "test_digest_discord",
)
SLOW_FIXTURES = frozenset({"kb", "service", "data_dir"})
SLOW_FILES = (
    "tests/knowledge/test_index.py",
    "tests/knowledge/test_discover.py",
)  # build indexes, run extraction


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark end-to-end tests `e2e` and tests needing the session's knowledge base `slow`."""
    for item in items:
        path = Path(str(item.fspath)).relative_to(REPO).as_posix()
        if (
            path.startswith(E2E_DIRS)
            or any(part in Path(path).name for part in E2E_FILES)
            or "racing" in item.name
        ):
            item.add_marker(pytest.mark.e2e)
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or path.startswith(SLOW_FILES):
            item.add_marker(pytest.mark.slow)
