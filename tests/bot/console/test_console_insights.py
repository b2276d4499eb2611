"""The figures, top-questions and digests pages: what an operator sees, over the packaged library and a seeded store."""

from __future__ import annotations

import datetime as dt
from unittest import mock

from starlette.testclient import TestClient

from bot.models import Answer
from bot.store import StateStore
from tests.bot.console.conftest import log_in


def test_figures_chart_each_measure_with_bars_linked_to_their_quotes(client: TestClient) -> None:
    log_in(client)
    charts = {c["key"]: c for c in client.get("/api/figures").json()["charts"]}
    burn = charts["burn-usd"]
    assert burn["title"] == "Cash burn (USD)"
    values = [b["value"] for b in burn["bars"]]
    assert values == sorted(values, reverse=True)
    openai_2029 = {(b["entity"], b["period"], b["label"]) for b in burn["bars"] if b["entity"] == "OpenAI"}
    assert ("OpenAI", "2029", "$140 billion") in openai_2029
    assert all(b["quote"] and b["passage_id"].startswith(b["source_id"]) for b in burn["bars"])
    power = charts["power-gw"]["bars"][0]
    assert (power["entity"], power["label"], power["year"], power["text"]) == (
        "OpenAI",
        "250 GW",
        2033,
        "250吉瓦",
    )

    page = client.get("/figures").text
    first = burn["bars"][0]
    assert 'href="#burn-usd-0"' in page and 'id="burn-usd-0"' in page  # the bar links to its quote's row
    assert first["quote"][:20] in page


def test_disagreeing_sources_are_shown_side_by_side(client: TestClient) -> None:
    log_in(client)
    burn = next(c for c in client.get("/api/figures").json()["charts"] if c["key"] == "burn-usd")
    disagreement = next(d for d in burn["disagreements"] if d["entity"] == "OpenAI")
    assert disagreement["period"] == "2029"
    assert {(f["source_id"], f["text"]) for f in disagreement["figures"]} == {
        ("techreview-ai-bubble", "1400亿美元"),
        ("verge-bigtech-ai-spending", "1150億美元"),
    }
    page = client.get("/figures").text
    assert "Sources disagree: OpenAI" in page and page.count('class="side-by-side"') >= 1


def test_a_topic_keeps_the_charts_and_bars_it_names(client: TestClient) -> None:
    log_in(client)
    charts = client.get("/api/figures?topic=OpenAI cash burn").json()["charts"]
    assert [c["key"] for c in charts] == ["burn-usd"]
    assert {b["entity"] for b in charts[0]["bars"]} == {"OpenAI"}
    assert client.get("/api/figures?topic=" + "x" * 201).status_code == 400
    assert "No figures about" in client.get("/figures?topic=pizza toppings in Antarctica").text


def _ask(store: StateStore, question: str, when: dt.datetime, *, abstained: bool = False) -> None:
    answer = Answer(question=question, language="en", answer="…", abstained=abstained)
    with mock.patch("bot.store.state.utcnow", return_value=when):
        store.save_answer(
            platform="slack", channel="C1", thread=None, user="U1", question=question, answer=answer
        )


def test_top_questions_are_clustered_per_week(client: TestClient, store: StateStore) -> None:
    today = dt.datetime.now(dt.UTC).date()
    monday = dt.datetime.combine(today - dt.timedelta(days=today.weekday()), dt.time(9), tzinfo=dt.UTC)
    this_week = [
        "How much cash is OpenAI burning?",
        "How much money does OpenAI burn?",
        "How much cash is OpenAI burning?",
        "What is the best pizza topping?",
    ]
    last_week = ["Is Nvidia overvalued?", "Is Nvidia's stock overvalued?", "How much cash is OpenAI burning?"]
    for n, question in enumerate(this_week):
        _ask(store, question, monday + dt.timedelta(minutes=n), abstained="pizza" in question)
    for n, question in enumerate(last_week):
        _ask(store, question, monday - dt.timedelta(days=3, minutes=n))
    log_in(client)
    weeks = client.get("/api/questions?weeks=4").json()["weeks"]
    assert [w["week"] for w in weeks][:2] == [
        monday.date().isoformat(),
        (monday - dt.timedelta(days=7)).date().isoformat(),
    ]
    assert [w["questions"] for w in weeks] == [4, 3, 0, 0]
    burn, pizza = weeks[0]["clusters"]
    assert burn["size"] == 3 and {q["question"] for q in burn["questions"]} == set(this_week[:3])
    assert burn["questions"][0] == {"question": "How much cash is OpenAI burning?", "times": 2}
    assert pizza["size"] == 1 and pizza["abstained"] == 1
    nvidia = weeks[1]["clusters"][0]
    assert nvidia["size"] == 2 and {q["question"] for q in nvidia["questions"]} == set(last_week[:2])
    assert client.get("/api/questions?weeks=5").json() == {"error": "weeks must be one of 4, 8, 12"}
    page = client.get("/questions").text
    assert "Week of" in page and "Is Nvidia&#39;s stock overvalued?" in page


def test_digests_show_schedule_next_run_last_delivery_and_failures(
    client: TestClient, store: StateStore
) -> None:
    store.subscribe(platform="slack", channel="C1", time="09:00", tz="Asia/Shanghai", language="zh-Hans")
    store.subscribe(platform="discord", channel="D1", time="07:30", tz="UTC", language="en")
    yesterday = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)
    sent = store.claim_delivery(platform="discord", channel="D1", local_date=yesterday)
    assert sent is not None
    store.mark_delivered(sent.id, message_ref="m1")
    failing = store.claim_delivery(platform="slack", channel="C1", local_date=yesterday)
    assert failing is not None
    store.mark_failed(
        failing.id, error="channel_not_found", retry_at=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    )
    log_in(client)
    data = client.get("/api/digests").json()
    rows = {(s["platform"], s["channel"]): s for s in data["subscriptions"]}
    slack, discord = rows[("slack", "C1")], rows[("discord", "D1")]
    assert (slack["time"], slack["tz"], slack["language"]) == ("09:00", "Asia/Shanghai", "zh-Hans")
    assert slack["next_run_local"][11:16] == "09:00" and slack["next_run"].endswith("+00:00")
    assert slack["last"]["status"] == "failed" and slack["failures"] == 1
    assert slack["last_failure"]["error"] == "channel_not_found"
    assert discord["last"]["status"] == "sent" and discord["failures"] == 0 and discord["sent"] == 1
    assert data["failing"] == 1
    page = client.get("/digests").text
    assert "channel_not_found" in page and 'id="failing">1<' in page and "Asia/Shanghai" in page
