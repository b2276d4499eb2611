"""The console in a real headless Chromium (Debian's, driven by Playwright) against a real `bubblebot serve console`.

Set BUBBLEBOT_CONSOLE_SCREENSHOTS=DIR to also save a screenshot of each page there (docs/img is made so).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect, sync_playwright

from bot.store import StateStore
from knowledge.base import KnowledgeBase
from tests.bot.console.conftest import TOKEN
from tests.bot.console.seed import UNANSWERABLE, seed_store
from tests.knowledge.library_helpers import CHINESE, ENGLISH, fresh_data_dir

CHROMIUM = "/usr/bin/chromium"
BUBBLEBOT = [sys.executable, "-m", "bot.cli"]
SHOTS = os.environ.get("BUBBLEBOT_CONSOLE_SCREENSHOTS")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _env(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "BUBBLEBOT_DATA_DIR": str(data_dir), "BUBBLEBOT_CONSOLE_TOKEN": TOKEN}


@pytest.fixture
def console(tmp_path: Path, kb: KnowledgeBase, data_dir: Path) -> Iterator[tuple[str, Path]]:
    """`bubblebot serve console` on a free loopback port over a seeded store and one CLI-ingested article."""
    data = fresh_data_dir(data_dir, tmp_path / "data")
    with StateStore.open(f"sqlite:///{data / 'bubblebot.db'}") as store:
        seed_store(store)
        store.subscribe(platform="slack", channel="C1", time="09:00", tz="Asia/Shanghai", language="zh-Hans")
        yesterday = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)
        failed = store.claim_delivery(platform="slack", channel="C1", local_date=yesterday)
        assert failed is not None
        store.mark_failed(
            failed.id, error="not_in_channel", retry_at=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
        )
    ingested = subprocess.run(
        [*BUBBLEBOT, "ingest", str(ENGLISH)], env=_env(data), capture_output=True, text=True, timeout=300
    )
    assert ingested.returncode == 0, ingested.stderr
    port = _free_port()
    log = tmp_path / "console.log"
    with open(log, "wb") as output:
        server = subprocess.Popen(
            [*BUBBLEBOT, "serve", "console", "--host", "127.0.0.1", "--port", str(port)],
            env=_env(data),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, f"the console exited: {log.read_text(errors='replace')}"
            try:
                if httpx.get(f"{url}/login", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the console did not start within 60 s"
            time.sleep(0.2)
        yield url, data
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(5)


def _shot(page: Page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"console-{name}.png"), full_page=True)


def test_console_in_chromium(console: tuple[str, Path]) -> None:
    url, data = console
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install -y chromium (scripts/check does)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(60_000)  # ingest in the server embeds the uploaded article

            # no session: every page leads to the login form; a wrong token is refused
            page.goto(f"{url}/conversations")
            expect(page).to_have_url(f"{url}/login")
            _shot(page, "login")
            page.fill("input[name=token]", "not-the-token")
            page.click("button[type=submit]")
            expect(page.locator("#error")).to_have_text("Wrong token.")
            page.goto(f"{url}/")
            expect(page).to_have_url(f"{url}/login")

            page.fill("input[name=token]", TOKEN)
            page.click("button[type=submit]")
            expect(page).to_have_url(f"{url}/")

            # the overview shows the seeded counts
            expect(page.locator("#questions")).to_have_text("8")
            expect(page.locator("#answered")).to_have_text("4")
            expect(page.locator("#abstained")).to_have_text("4")
            expect(page.locator("#users")).to_have_text("4")
            expect(page.locator("#up")).to_have_text("2")
            expect(page.locator("#down")).to_have_text("1")
            expect(page.locator("svg.chart g.bar")).to_have_count(30)
            expect(page.locator("#latency-p50")).to_have_text("400 ms")
            expect(page.locator("#latency-p95")).to_have_text("2.5 s")
            _shot(page, "overview")

            # conversations filtered to the abstained ones
            page.click("nav >> text=Conversations")
            expect(page.locator("#total")).to_have_text("8")
            page.select_option("select[name=status]", "abstained")
            page.click("form.filters button[type=submit]")
            expect(page.locator("#total")).to_have_text("4")
            expect(page.locator("table.conversations tbody tr.abstained")).to_have_count(4)
            expect(page.locator("table.conversations tbody tr.answered")).to_have_count(0)
            _shot(page, "conversations")

            # the unanswerable questions form the largest coverage gap
            page.click("nav >> text=Coverage gaps")
            first = page.locator("section.cluster").first
            for question in UNANSWERABLE:
                expect(first.locator("ul.examples")).to_contain_text(question)
            _shot(page, "gaps")

            # the same questions grouped by meaning in this week's top questions
            page.click("nav >> text=Top questions")
            asked = page.locator(
                "section.week", has_text=UNANSWERABLE[0]
            )  # (the seeded days may span two weeks)
            expect(asked).not_to_have_count(0)
            expect(page.locator("section.week").first.locator("h2")).to_contain_text("questions")
            _shot(page, "questions")

            # figures: a chart per measure; a bar leads to its quote; the sources that disagree side by side
            page.click("nav >> text=Figures")
            burn = page.locator("section#burn-usd")
            expect(burn.locator("svg.chart a")).not_to_have_count(0)
            expect(burn.locator(".disagreement")).to_contain_text("Sources disagree: OpenAI")
            expect(burn.locator(".side-by-side .card")).to_have_count(2)
            _shot(page, "figures")
            burn.locator("details summary").click()
            burn.locator("svg.chart a").first.click()
            expect(page).to_have_url(f"{url}/figures#burn-usd-0")
            expect(page.locator("tr#burn-usd-0")).to_be_visible()
            expect(page.locator("tr#burn-usd-0")).to_contain_text("OpenAI")

            # speakers with where they stand, backed by their own words
            page.click("nav >> text=Speakers")
            expect(page.locator("#speakers")).to_contain_text(
                "Priya Nandakumar"
            )  # quoted by the ingested article
            nandakumar = page.locator("#speakers tr", has_text="Priya Nandakumar")
            expect(nandakumar.locator("summary .stance")).to_have_text("rejects it")
            nandakumar.locator("summary").click()
            expect(nandakumar.locator(".stance-quotes")).to_contain_text("not what a bubble looks like")
            hassabis = page.locator("#speakers tr", has_text="Demis Hassabis")
            expect(hassabis.locator("summary .stance")).to_have_text("calls it a bubble")
            _shot(page, "speakers")

            # digests: the subscription, its next run and the failed delivery
            page.click("nav >> text=Digests")
            row = page.locator("#digests tr", has_text="Asia/Shanghai")
            expect(row).to_contain_text("not_in_channel")
            expect(row).to_contain_text("failed")
            expect(page.locator("#failing")).to_have_text("1")
            _shot(page, "digests")

            # a form post without the CSRF token is refused, even with the session cookie
            page.click("nav >> text=Sources")
            ingested = page.locator("#sources tr", has_text="Cloud landlords race to lock in power")
            expect(ingested).to_have_count(1)
            source_id = ingested.get_attribute("data-source")
            assert source_id
            refused = page.request.post(f"{url}/sources/remove", form={"id": source_id})
            assert refused.status == 403
            expect(ingested).to_have_count(1)

            # upload an article: it is listed, and the bot answers from it
            page.set_input_files("input[name=file]", str(CHINESE))
            page.click("form.ingest button[type=submit]")
            expect(page.locator(".flash.ok")).to_contain_text("Ingested")
            uploaded = page.locator("#sources tr", has_text="星海云")
            expect(uploaded).to_have_count(1)
            expect(uploaded).to_contain_text("ingested")
            _shot(page, "sources")

            # remove the article ingested with the CLI
            ingested.get_by_role("button", name=f"Remove {source_id}").click()
            expect(page.locator(".flash.ok")).to_contain_text(f"Removed '{source_id}'")
            expect(
                page.locator("#sources tr", has_text="Cloud landlords race to lock in power")
            ).to_have_count(0)
        finally:
            browser.close()

    listed = subprocess.run(
        [*BUBBLEBOT, "sources", "list", "--json"], env=_env(data), capture_output=True, text=True, timeout=120
    )
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert source_id not in {row["id"] for row in rows}
    assert [row["origin"] for row in rows if row["title"].startswith("算力租赁热潮降温")] == ["ingested"]
    answered = subprocess.run(
        [*BUBBLEBOT, "ask", "--json", "星海云计划把数据中心电力容量扩大到多少吉瓦?"],
        env=_env(data),
        capture_output=True,
        text=True,
        timeout=300,
    )
    answer = json.loads(answered.stdout)
    assert not answer["abstained"], answer
    assert any(c["source"]["title"].startswith("算力租赁热潮降温") for c in answer["citations"])
