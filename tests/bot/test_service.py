"""AnswerService: a running bot picks up articles ingested by another process, without a restart."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.service import AnswerService
from bot.settings import Settings
from knowledge.base import KnowledgeBase
from tests.knowledge.library_helpers import ENGLISH, fresh_data_dir


def test_newly_ingested_articles_are_answered_without_a_restart(
    tmp_path: Path, data_dir: Path, kb: KnowledgeBase
) -> None:
    data_dir = fresh_data_dir(data_dir, tmp_path / "data")
    service = AnswerService.from_settings(Settings(data_dir=data_dir))  # `kb` built the shared vector cache
    question = "What did Corvane's finance chief say about its debt?"
    before = service.ask(question)
    assert all(c.speaker != "Omar Reyes" for c in before.citations)

    ingest = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ingest", str(ENGLISH)],
        capture_output=True,
        text=True,
        env={**os.environ, "BUBBLEBOT_DATA_DIR": str(data_dir)},
        timeout=300,
    )
    assert ingest.returncode == 0, ingest.stderr

    assert service.refresh(wait=True)
    after = service.ask(question)
    assert any(c.speaker == "Omar Reyes" for c in after.citations)
    assert not service.refresh(wait=True)  # nothing new since


def test_each_answer_carries_its_measured_latency_outside_the_contract(service: AnswerService) -> None:
    answer = service.ask("Does Sam Altman think AI is a bubble?")
    assert answer.latency_ms is not None and 0 <= answer.latency_ms < 60_000
    assert "latency_ms" not in answer.contract() and "latency_ms" not in answer.model_dump_json()
