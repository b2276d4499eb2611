"""`bubblebot data purge`: retention of stored questions, answers and votes, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import update

from bot.store import StateStore
from bot.store.schema import answers, asked_questions, votes
from tests.bot.store.samples import make_answer


def run(*args: str, url: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "BUBBLEBOT_RETENTION_DAYS"}
    environment.update(BUBBLEBOT_DATABASE_URL=url, **env)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True, env=environment, timeout=120
    )


def seed(url: str) -> None:
    """One answer (with a vote) from 100 days ago and one from now."""
    with StateStore.open(url) as store:
        for question in ("Is AI a bubble?", "What did Altman say?"):
            answer_id = store.save_answer(
                platform="slack",
                channel="C1",
                thread=None,
                user="U1",
                question=question,
                answer=make_answer(question),
            )
            store.record_vote(answer_id=answer_id, user="U2", vote=1)
        long_ago = datetime.now(UTC) - timedelta(days=100)
        with store._write("test backdating") as conn:
            conn.execute(
                update(answers).where(answers.c.question == "Is AI a bubble?").values(created_at=long_ago)
            )
            conn.execute(
                update(asked_questions)
                .where(asked_questions.c.question == "Is AI a bubble?")
                .values(asked_at=long_ago)
            )
            conn.execute(update(votes).where(votes.c.answer_id == 1).values(voted_at=long_ago))


def test_purge_older_than_deletes_only_what_is_older(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'state.db'}"
    seed(url)
    result = run("data", "purge", "--older-than", "90d", "--json", url=url)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["answers"], report["votes"], report["questions"]) == (1, 1, 1)
    with StateStore.open(url) as store:
        assert store.get_answer(1) is None and store.get_answer(2) is not None


def test_purge_uses_the_retention_setting_and_needs_an_age(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'state.db'}"
    seed(url)
    refused = run("data", "purge", url=url)
    assert refused.returncode == 2 and "BUBBLEBOT_RETENTION_DAYS" in refused.stderr
    kept = run("data", "purge", url=url, BUBBLEBOT_RETENTION_DAYS="365")
    assert kept.returncode == 0 and kept.stdout.startswith("deleted 0 answers"), kept.stderr
    purged = run("data", "purge", url=url, BUBBLEBOT_RETENTION_DAYS="30")
    assert purged.stdout.startswith("deleted 1 answers, 1 votes, 1 logged questions")
    bad = run("data", "purge", "--older-than", "soon", url=url)
    assert bad.returncode == 2 and "an age like 90d" in bad.stderr
