"""The console in a real headless Chromium (Debian's, driven by Playwright) against a real `bubblebot serve console`.

Set BUBBLEBOT_CONSOLE_SCREENSHOTS=DIR to also save a screenshot of each page there (docs/img is made so).
"""

from __future__ import annotations

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
    ingested = subprocess.run([*BUBBLEBOT, "ingest", str(ENGLISH)], env=_env(data), capture_output=True, text=True,
                              timeout=300)
    assert ingested.returncode == 0, ingested.stderr
    port = _free_port()
    log = tmp_path / "console.log"
    with open(log, "wb") as output:
        server = subprocess.Popen([*BUBBLEBOT, "serve", "console", "--host", "127.0.0.1", "--port", str(port)],
                                  env=_env(data), stdout=output, stderr=subprocess.STDOUT)
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

            page.click("nav >> text=Speakers")
            expect(page.locator("#speakers")).to_contain_text("Priya Nandakumar")  # quoted by the ingested article
            _shot(page, "speakers")

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
            expect(page.locator("#sources tr", has_text="Cloud landlords race to lock in power")).to_have_count(0)
        finally:
            browser.close()

    listed = subprocess.run([*BUBBLEBOT, "sources", "list", "--json"], env=_env(data), capture_output=True, text=True,
                            timeout=120)
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert source_id not in {row["id"] for row in rows}
    assert [row["origin"] for row in rows if row["title"].startswith("算力租赁热潮降温")] == ["ingested"]
    answered = subprocess.run([*BUBBLEBOT, "ask", "--json", "星海云计划把数据中心电力容量扩大到多少吉瓦?"], env=_env(data),
                              capture_output=True, text=True, timeout=300)
    answer = json.loads(answered.stdout)
    assert not answer["abstained"], answer
    assert any(c["source"]["title"].startswith("算力租赁热潮降温") for c in answer["citations"])
