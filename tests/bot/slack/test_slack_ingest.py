"""`/bubble ingest <URL>` on Slack: admins only, acked at once, the article served from 127.0.0.1.

Each test runs the real bolt app over HTTP against the fake Slack, with its own data directory (seeded
with the session's vectors) and its own AnswerService, so an ingest reloads the bot that answers next.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.service import AnswerService
from bot.settings import Settings
from bot.store import StateStore
from knowledge.base import KnowledgeBase
from knowledge.library import Library
from tests.bot.ingest_helpers import TITLE, serve_site
from tests.bot.slack.fake_slack import FakeSlack
from tests.bot.slack.slack_payloads import USER, app_mention
from tests.bot.slack.slack_rig import SlackRig, posted_text, slack_settings, start_rig
from tests.knowledge.library_helpers import fresh_data_dir, library_state

ADMIN = USER  # the payloads' default user
PLAINSGRID = "How much new load has Plainsgrid received applications for?"


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serve_site() as url:
        yield url


@pytest.fixture
def fresh(tmp_path: Path, kb: KnowledgeBase, data_dir: Path) -> Path:
    """A new data directory holding the session's vectors (`kb` built them), so nothing is re-embedded."""
    return fresh_data_dir(data_dir, tmp_path / "data")


@pytest.fixture
def make_rig(fake_slack: FakeSlack, fresh: Path, tmp_path: Path) -> Iterator[Callable[..., SlackRig]]:
    """A Slack bot over `fresh` whose AnswerService reloads after ingests (admins as a keyword)."""
    rigs: list[SlackRig] = []

    def make(admins: list[str]) -> SlackRig:
        settings = slack_settings(
            fake_slack, fresh, admins=admins, ingest_allow=["127.0.0.1"]
        )  # the site's host
        service = AnswerService.from_settings(Settings(data_dir=fresh))
        store = StateStore.open(f"sqlite:///{tmp_path / 'state.db'}")
        rig = start_rig(fake_slack, settings, service=service, store=store)
        rigs.append(rig)
        return rig

    yield make
    for rig in rigs:
        rig.close()


def ingest(rig: SlackRig, argument: str, *, user: str = ADMIN) -> tuple[dict[str, Any], float]:
    """Run `/bubble ingest argument`; the ack's body and how long the ack took."""
    started = time.monotonic()
    response = rig.command(f"ingest {argument}", user=user)
    assert response.status_code == 200
    return response.json(), time.monotonic() - started


def shown(body: dict[str, Any]) -> str:
    return json.dumps({"text": body.get("text"), "blocks": body.get("blocks")}, ensure_ascii=False)


def test_an_admin_ingests_a_url_and_the_bot_answers_from_it_at_once(
    make_rig: Callable[..., SlackRig], site: str, fresh: Path
) -> None:
    rig = make_rig(admins=[ADMIN])
    # Slack may send the URL as link markup; the ack comes before any fetching.
    ack, seconds = ingest(rig, f"<{site}/grid.html>")
    assert seconds < 3 and ack.get("response_type", "ephemeral") == "ephemeral"
    assert f"Adding {site}/grid.html to my library" in ack["text"]
    [(name, reply)] = rig.fake.wait_for_response(timeout=120)
    assert name == "command" and reply["response_type"] == "ephemeral"
    text = reply["text"]
    [entry] = Library.load(fresh).manifest.sources
    source = entry.source
    assert f"Added “{TITLE}” (Prairie Courier) to my library." in text
    assert f"id `{source.id}` · English · " in text and " passages, " in text
    assert "speakers found: Harold Quist, Wexford Energy Council" in text
    assert "I'm answering from it now." in text

    rig.event(app_mention(PLAINSGRID))
    [answer] = rig.fake.wait_for("chat.postMessage")
    posted = posted_text(answer.args)
    assert (
        "Harold Quist (CEO, Plainsgrid Cooperative)" in posted
        and "12 GW" in posted
        and "Prairie Courier" in posted
    )
    service = rig.bot.chat.conversation.service
    assert service.kb.corpus.source(source.id).url == f"{site}/grid.html"  # type: ignore[attr-defined]


def test_someone_who_is_not_an_admin_is_refused_and_nothing_changes(
    make_rig: Callable[..., SlackRig], site: str, fresh: Path
) -> None:
    rig = make_rig(admins=["U0BOSS"])
    before = library_state(fresh)
    ack, seconds = ingest(rig, f"{site}/grid.html")
    assert seconds < 3 and ack.get("response_type", "ephemeral") == "ephemeral"
    assert ack["text"] == "Sorry, only bubblebot's admins can add articles to my library."
    rig.fake.quiet(1.0)
    assert rig.fake.responses == [] and rig.fake.calls_to("chat.postMessage") == []
    assert library_state(fresh) == before == "empty"


def test_with_no_admins_configured_nobody_may_ingest(
    make_rig: Callable[..., SlackRig], site: str, fresh: Path
) -> None:
    rig = make_rig(admins=[])
    ack, _ = ingest(rig, f"{site}/grid.html")
    assert ack["text"].startswith(
        "Sorry, only bubblebot's admins can add articles to my library. None are "
        "configured, so nobody can from chat"
    )
    assert "BUBBLEBOT_ADMINS" in ack["text"]
    rig.fake.quiet(0.5)
    assert rig.fake.responses == [] and library_state(fresh) == "empty"


def test_bad_urls_give_the_admin_one_line_and_change_nothing(
    make_rig: Callable[..., SlackRig], site: str, fresh: Path
) -> None:
    rig = make_rig(admins=[ADMIN])
    expected = [
        (f"{site}/gone", f"cannot fetch {site}/gone: HTTP 404 Not Found"),
        (f"{site}/empty.html", f"{site}/empty.html: no article text"),
        ("http://127.0.0.1:9/article", "cannot fetch http://127.0.0.1:9/article"),
    ]
    for count, (url, message) in enumerate(expected, start=1):
        ack, seconds = ingest(rig, url)
        assert seconds < 3 and "Adding" in ack["text"]
        _, reply = rig.fake.wait_for_response(count, timeout=60)[-1]
        assert reply["response_type"] == "ephemeral"
        assert reply["text"].startswith("Couldn't add that article: ") and message in reply["text"]
        assert reply["text"].endswith("Nothing was changed.") and "\n" not in reply["text"]
    assert library_state(fresh) == "empty"


def test_anything_but_one_http_url_gets_the_usage(make_rig: Callable[..., SlackRig], fresh: Path) -> None:
    rig = make_rig(admins=[ADMIN])
    for argument in (
        "",
        "/etc/passwd",
        "file:///etc/passwd",
        "ftp://example.com/a",
        "https://a.example/x https://b.example/y",
        "<mailto:someone@example.com>",
    ):
        ack, _ = ingest(rig, argument)
        assert ack["text"].startswith("Usage: `/bubble ingest &lt;URL&gt;` with the http(s) link"), argument
    rig.fake.quiet(0.5)
    assert rig.fake.responses == [] and library_state(fresh) == "empty"


def test_a_duplicate_is_refused_with_the_existing_id(
    make_rig: Callable[..., SlackRig], site: str, fresh: Path
) -> None:
    rig = make_rig(admins=[ADMIN])
    ingest(rig, f"{site}/grid.html")
    rig.fake.wait_for_response(timeout=120)
    before = library_state(fresh)
    [entry] = Library.load(fresh).manifest.sources
    ingest(rig, f"{site}/grid.html")
    _, reply = rig.fake.wait_for_response(2, timeout=60)[-1]
    assert f"is already in the library as '{entry.source.id}'" in reply["text"]
    assert library_state(fresh) == before


def test_help_mentions_ingest_for_admins(make_rig: Callable[..., SlackRig]) -> None:
    rig = make_rig(admins=[])
    help_text = shown(rig.command("help").json())
    assert "/bubble ingest &lt;URL&gt;" in help_text and "admins only" in help_text  # escaped for Slack
