"""Chroma server outages: answers fall back to keyword search with a notice, and dense search comes back by itself."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.i18n import phrase
from bot.models import Answer
from bot.service import AnswerService
from bot.store import StateStore
from knowledge.base import KnowledgeBase
from knowledge.index import close_server_clients
from tests.bot.slack.fake_slack import FakeSlack
from tests.bot.slack.slack_payloads import app_mention
from tests.bot.slack.slack_rig import QUESTION, SlackRig, posted_text, slack_settings, start_rig
from tests.deploy.servers import ChromaServer

NOTICE = phrase("notice_degraded", "en")


@contextmanager
def slack_bot(service: AnswerService, tmp_path: Path) -> Iterator[SlackRig]:
    """The real Slack app over HTTP, answering with `service`, against the fake Slack."""
    with FakeSlack() as fake:
        store = StateStore.open(f"sqlite:///{tmp_path / 'state.db'}")
        rig = start_rig(fake, slack_settings(fake, tmp_path), service=service, store=store)
        try:
            yield rig
        finally:
            rig.close()


def until_dense(service: AnswerService, timeout: float = 90.0) -> Answer:
    """Ask until an answer comes from dense search again (the retry pause grows to at most 30 s)."""
    deadline = time.monotonic() + timeout
    while True:
        answer = service.ask(QUESTION)
        if answer.notice is None:
            return answer
        assert time.monotonic() < deadline, "dense search did not come back"
        time.sleep(0.5)


def test_server_outage_answers_lexically_with_a_notice_then_recovers(tmp_path: Path) -> None:
    server = ChromaServer(tmp_path / "chroma", tmp_path / "chroma.log").start()
    try:
        kb = KnowledgeBase.open(data_dir=tmp_path / "data", chroma_url=server.url, progress=None)
        service = AnswerService(kb)
        normal = service.ask(QUESTION)
        assert normal.notice is None and kb.dense_available
        assert "Sam Altman" in [c.speaker for c in normal.citations]

        server.stop(crash=True)
        degraded = service.ask(QUESTION)
        assert degraded.notice == NOTICE and not kb.dense_available
        assert "Sam Altman" in [c.speaker for c in degraded.citations]  # keyword search still finds it
        with slack_bot(service, tmp_path) as slack:
            assert slack.event(app_mention(QUESTION)).status_code == 200
            [posted] = slack.fake.wait_for("chat.postMessage")
            assert NOTICE in posted_text(posted.args) and "Sam Altman" in posted_text(posted.args)

        server.start()  # same port, same persistent path
        recovered = until_dense(service)
        assert kb.dense_available and kb.searcher.dense is not None and kb.searcher.dense.failures >= 1
        assert recovered.citations == normal.citations and recovered.answer == normal.answer
    finally:
        server.stop()
        close_server_clients()


def test_server_down_at_start_is_used_once_it_comes_up(tmp_path: Path) -> None:
    server = ChromaServer(tmp_path / "chroma", tmp_path / "chroma.log")  # not started yet
    kb = KnowledgeBase.open(data_dir=tmp_path / "data", chroma_url=server.url, progress=None)
    service = AnswerService(kb)
    assert kb.index_report is None and not kb.dense_available
    assert service.ask(QUESTION).notice == NOTICE
    server.start()
    try:
        answer = until_dense(service)  # the collection is built on the fresh server on reconnection
        assert "Sam Altman" in [c.speaker for c in answer.citations]
        assert kb.dense_available
    finally:
        server.stop()
        close_server_clients()
