"""Speaker stance on "is it a bubble?": the cue lexicon in English, 简体 and 繁體, and the speakers page."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from bot.console.stance import Reading, overall, read_stance
from tests.bot.console.conftest import log_in


@pytest.mark.parametrize(
    ("text", "leaning"),
    [
        ("I think we're in a bubble, and a lot of people will lose a lot of money.", "bubble"),
        ("He likened the AI boom to the dot-com era.", "bubble"),
        ("Valuations look frothy to me.", "bubble"),
        ('"That is not what a bubble looks like from the inside," she said.', "not_bubble"),
        ("I don't think this is a bubble at all.", "not_bubble"),
        ("Some call it a bubble, but the order book keeps getting longer.", "not_bubble"),
        ("The bubble won't burst.", "not_bubble"),
        ("AI will change the economy, and we are also in a bubble; the demand is real.", "mixed"),
        ("“感觉私人市场显然存在泡沫，”他说，“这似乎有点不可持续。”", "bubble"),
        ("他将当下比作互联网泡沫时期。", "bubble"),
        ("“有人说这是泡沫，但我看到的是一张排到2027年的订单表，”他说。", "not_bubble"),
        ("我不认为现在是泡沫。", "not_bubble"),
        ("“我認為人工智能的很多部分目前都存在泡沫。”", "bubble"),
        ("「我認為人工智慧並非泡沫，需求是真實的。」", "not_bubble"),
        ("這波AI熱潮的本夢比太高，泡沫化風險不小。", "bubble"),
        ("「AI會改變經濟是真實的，同時我們也正處於泡沫之中。」", "mixed"),
    ],
)
def test_each_language_leans_by_its_own_cue_words(text: str, leaning: str) -> None:
    reading = read_stance(text)
    assert reading is not None and reading.leaning == leaning, reading
    assert reading.cues  # the words that decided it are kept to show


@pytest.mark.parametrize(
    "text",
    [
        "The company reported record revenue of $12 billion.",
        "我们计划在未来两年内把数据中心的电力容量扩大到5吉瓦。",
        "The bubble tea chain opened a store.",  # "bubble" but no position taken
    ],
)
def test_passages_taking_no_position_have_no_stance(text: str) -> None:
    assert read_stance(text) is None


def test_a_speaker_who_leans_both_ways_is_mixed() -> None:
    assert overall([Reading("bubble", ["x"]), Reading("bubble", ["y"])]) == "bubble"
    assert overall([Reading("bubble", ["x"]), Reading("not_bubble", ["y"])]) == "mixed"


def test_speakers_page_shows_each_stance_with_its_quotes(client: TestClient) -> None:
    log_in(client)
    data = client.get("/api/speakers").json()
    by_name = {s["name"]: s for s in data["speakers"]}
    hassabis = by_name["Demis Hassabis"]["stance"]
    assert hassabis["leaning"] == "bubble" and hassabis["title"] == "calls it a bubble"
    assert any(
        "存在泡沫" in q["quote"] and q["source"]["id"] == "techreview-ai-bubble" for q in hassabis["quotes"]
    )
    taylor = by_name["Bret Taylor"]["stance"]
    assert taylor["leaning"] == "mixed" and {q["leaning"] for q in taylor["quotes"]} >= {"mixed"}
    assert data["stances"]["bubble"] >= 3 and data["stances"]["mixed"] >= 1
    page = client.get("/speakers").text
    assert '<span class="stance mixed">mixed</span>' in page and "存在泡沫" in page
