"""`/bubble ingest url:` on Discord through the real client and the fake: admins only, deferred, ephemeral.

Each test has its own data directory (seeded with the session's vectors) and its own AnswerService, so an
ingest reloads the very bot that answers the next question; the article is served from 127.0.0.1.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest

from bot.chat_ingest import ChatIngest
from bot.service import AnswerService
from bot.settings import Settings
from knowledge.base import KnowledgeBase
from knowledge.ingest import IndexTarget
from knowledge.library import Library
from tests.bot.discord.conftest import Harness, running_bot
from tests.bot.discord.fake_discord import Recorded
from tests.bot.discord.payloads import Payloads
from tests.bot.discord.test_messages import MESSAGES, embed_text
from tests.bot.ingest_helpers import TITLE, serve_site
from tests.knowledge.library_helpers import fresh_data_dir, library_state

CALLBACK = r"/interactions/\d+/[^/]+/callback"
FOLLOWUP = r"/webhooks/\d+/[^/]+"
EPHEMERAL = 64
DEFERRED = 5
MESSAGE = 4
ADMIN = str(Payloads.user_id)  # the fake's interactions come from this user
PLAINSGRID = "How much new load has Plainsgrid received applications for?"

Scenario = Callable[[Harness], Awaitable[None]]


def is_ephemeral(call: Recorded) -> bool:
    flags = call.body.get("flags") or (call.body.get("data") or {}).get("flags") or 0
    return bool(flags & EPHEMERAL)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serve_site() as url:
        yield url


@pytest.fixture
def fresh(tmp_path: Path, kb: KnowledgeBase, data_dir: Path) -> Path:
    """A new data directory holding the session's vectors (`kb` built them), so nothing is re-embedded."""
    return fresh_data_dir(data_dir, tmp_path / "data")


@pytest.fixture
def run_ingest_bot(fresh: Path, tmp_path: Path) -> Iterator[Callable[..., None]]:
    """run(scenario, admins=[...]): a bot over `fresh` whose `/bubble ingest` reloads the service it answers from."""

    def run(scenario: Scenario, *, admins: list[str]) -> None:
        service = AnswerService.from_settings(Settings(data_dir=fresh))
        ingest = ChatIngest(IndexTarget(data_dir=fresh), admins, service=service, allow=["127.0.0.1"])

        async def main() -> None:
            async with running_bot(service, tmp_path, ingest=ingest) as harness:
                await scenario(harness)

        asyncio.run(main())

    yield run


def test_an_admin_ingests_a_url_and_the_bot_answers_from_it_at_once(
    run_ingest_bot: Callable[..., None], site: str, fresh: Path
) -> None:
    async def scenario(bot: Harness) -> None:
        interaction = bot.fake.slash("ingest", url=f"<{site}/grid.html>")  # the no-embed form works too
        await bot.fake.dispatch("INTERACTION_CREATE", interaction)
        [deferred] = await bot.fake.wait_for_call("POST", CALLBACK)
        assert deferred.body["type"] == DEFERRED and is_ephemeral(deferred)
        [followup] = await bot.fake.wait_for_call("POST", FOLLOWUP, timeout=120)
        assert deferred.at <= followup.at and is_ephemeral(followup)
        assert followup.path == f"/webhooks/{bot.fake.bot_id}/{interaction['token']}"
        assert followup.body["allowed_mentions"] == {"parse": []}
        [entry] = Library.load(fresh).manifest.sources
        text = followup.body["content"]
        assert f"Added “{TITLE}” (Prairie Courier) to my library." in text
        assert f"id `{entry.source.id}` · English · " in text
        assert "speakers found: Harold Quist, Wexford Energy Council" in text
        assert "I'm answering from it now." in text

        await bot.mention(PLAINSGRID)
        [reply] = await bot.fake.wait_for_call("POST", MESSAGES)
        answer = embed_text(reply.body)
        assert "Harold Quist" in answer and "12 GW" in answer and TITLE in answer

    run_ingest_bot(scenario, admins=[ADMIN])


def test_someone_who_is_not_an_admin_is_refused_and_nothing_changes(
    run_ingest_bot: Callable[..., None], site: str, fresh: Path
) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.fake.dispatch("INTERACTION_CREATE", bot.fake.slash("ingest", url=f"{site}/grid.html"))
        [refused] = await bot.fake.wait_for_call("POST", CALLBACK)
        assert refused.body["type"] == MESSAGE and is_ephemeral(refused)
        assert (
            refused.body["data"]["content"]
            == "Sorry, only bubblebot's admins can add articles to my library."
        )
        await bot.quiet(1.0)
        assert bot.fake.calls("POST", FOLLOWUP) == [] and bot.fake.calls("POST", MESSAGES) == []
        assert library_state(fresh) == "empty"

    run_ingest_bot(scenario, admins=["1500000000000000999"])


def test_with_no_admins_configured_nobody_may_ingest(
    run_ingest_bot: Callable[..., None], site: str, fresh: Path
) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.fake.dispatch("INTERACTION_CREATE", bot.fake.slash("ingest", url=f"{site}/grid.html"))
        [refused] = await bot.fake.wait_for_call("POST", CALLBACK)
        content = refused.body["data"]["content"]
        assert is_ephemeral(refused) and "None are configured, so nobody can from chat" in content
        assert "BUBBLEBOT_ADMINS" in content and library_state(fresh) == "empty"

    run_ingest_bot(scenario, admins=[])


def test_bad_urls_give_the_admin_one_line_and_change_nothing(
    run_ingest_bot: Callable[..., None], site: str, fresh: Path
) -> None:
    async def scenario(bot: Harness) -> None:
        for count, (url, message) in enumerate(
            [
                (f"{site}/gone", f"cannot fetch {site}/gone: HTTP 404 Not Found"),
                (f"{site}/logo.png", "the page is image/png, not an article"),
                ("http://127.0.0.1:9/article", "cannot fetch http://127.0.0.1:9/article"),
            ],
            start=1,
        ):
            await bot.fake.dispatch("INTERACTION_CREATE", bot.fake.slash("ingest", url=url))
            followup = (await bot.fake.wait_for_call("POST", FOLLOWUP, count=count, timeout=60))[-1]
            content = followup.body["content"]
            assert is_ephemeral(followup) and content.startswith("Couldn't add that article: ")
            assert message in content and content.endswith("Nothing was changed.") and "\n" not in content
        # Not a URL at all: the usage, at once, without deferring.
        await bot.fake.dispatch("INTERACTION_CREATE", bot.fake.slash("ingest", url="/etc/passwd"))
        usage = (await bot.fake.wait_for_call("POST", CALLBACK, count=4))[-1]
        assert usage.body["type"] == MESSAGE and is_ephemeral(usage)
        assert usage.body["data"]["content"].startswith("Usage: `/bubble ingest <URL>`")
        assert library_state(fresh) == "empty"

    run_ingest_bot(scenario, admins=[ADMIN])


def test_help_mentions_ingest_for_admins(run_ingest_bot: Callable[..., None]) -> None:
    async def scenario(bot: Harness) -> None:
        await bot.fake.dispatch("INTERACTION_CREATE", bot.fake.slash("help"))
        [shown] = await bot.fake.wait_for_call("POST", CALLBACK)
        assert "/bubble ingest url:" in embed_text(shown.body["data"]) and "admins only" in embed_text(
            shown.body["data"]
        )

    run_ingest_bot(scenario, admins=[])
