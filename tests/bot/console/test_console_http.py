"""The console over HTTP (Starlette's TestClient): login, sessions, CSRF, throttling, and what each page shows."""

from __future__ import annotations

import csv
import io
import json

import pytest
from starlette.testclient import TestClient

from bot.console.auth import ConsoleKeys
from bot.errors import ConfigurationError
from tests.bot.console.conftest import TOKEN, csrf_of, log_in
from tests.bot.console.seed import OTHER_ABSTAINED, UNANSWERABLE, Seeded

PAGES = ("/", "/conversations", "/gaps", "/questions", "/figures", "/sources", "/speakers", "/digests")
APIS = (
    "/api/overview",
    "/api/conversations",
    "/api/gaps",
    "/api/questions",
    "/api/figures",
    "/api/sources",
    "/api/speakers",
    "/api/digests",
)


def test_no_token_means_no_console() -> None:
    with pytest.raises(ConfigurationError, match="BUBBLEBOT_CONSOLE_TOKEN"):
        ConsoleKeys("  ")


@pytest.mark.parametrize("path", PAGES)
def test_pages_redirect_to_login_without_a_session(client: TestClient, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login"


@pytest.mark.parametrize("path", APIS)
def test_api_refuses_without_a_session(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 401
    assert response.json() == {"error": "log in first"}


def test_unknown_paths_need_a_session_too(client: TestClient) -> None:
    assert client.get("/nothing-here", follow_redirects=False).status_code == 303


def test_wrong_token_is_refused(client: TestClient) -> None:
    response = client.post("/login", data={"token": "wrong", "csrf": csrf_of(client)}, follow_redirects=False)
    assert response.status_code == 401
    assert "Wrong token." in response.text
    assert client.get("/", follow_redirects=False).status_code == 303  # still no session


def test_right_token_opens_every_page(client: TestClient, seeded: Seeded) -> None:
    log_in(client)
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        assert "<script" not in response.text  # no JavaScript on any page
        assert response.headers["content-security-policy"].startswith("default-src 'none'")
    for path in APIS:
        assert client.get(path).status_code == 200, path


def test_session_cookie_is_signed_httponly_and_strict(client: TestClient) -> None:
    response = client.post("/login", data={"token": TOKEN, "csrf": csrf_of(client)}, follow_redirects=False)
    header = response.headers["set-cookie"].lower()
    assert "httponly" in header and "samesite=strict" in header
    cookie = client.cookies.get("bubblebot_console")
    assert cookie and TOKEN not in cookie
    assert client.get("/", follow_redirects=False).status_code == 200
    client.cookies.clear()
    client.cookies.set("bubblebot_console", cookie[:-4] + ("AAAA" if not cookie.endswith("AAAA") else "BBBB"))
    assert client.get("/", follow_redirects=False).status_code == 303  # a tampered signature is no session


def test_a_post_without_csrf_is_refused(client: TestClient, seeded: Seeded) -> None:
    client.get("/login")  # the session exists (it holds a CSRF token) but the form omits it
    assert client.post("/login", data={"token": TOKEN}, follow_redirects=False).status_code == 403
    assert (
        client.post("/login", data={"token": TOKEN, "csrf": "forged"}, follow_redirects=False).status_code
        == 403
    )
    log_in(client)
    for path, data in (
        ("/sources/remove", {"id": "anything"}),
        ("/sources/ingest", {"url": "https://e.com/a"}),
        ("/logout", {}),
    ):
        response = client.post(path, data=data, follow_redirects=False)
        assert response.status_code == 403, path
        assert "CSRF" in response.text
    assert client.get("/", follow_redirects=False).status_code == 200  # the refused logout did nothing


def test_logins_are_throttled(client: TestClient) -> None:
    csrf = csrf_of(client)
    for _ in range(5):
        assert client.post("/login", data={"token": "guess", "csrf": csrf}).status_code == 401
    refused = client.post("/login", data={"token": TOKEN, "csrf": csrf}, follow_redirects=False)
    assert refused.status_code == 429  # even the right token waits out the window
    assert "Too many failed logins" in refused.text


def test_logout_ends_the_session(client: TestClient) -> None:
    log_in(client)
    csrf = csrf_of(client, "/")
    assert client.post("/logout", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    assert client.get("/", follow_redirects=False).status_code == 303


def test_overview_numbers_match_the_seeded_store(client: TestClient, seeded: Seeded) -> None:
    log_in(client)
    data = client.get("/api/overview?days=7").json()
    assert (data["questions"], data["answered"], data["abstained"]) == (8, 4, 4)
    assert (data["up"], data["down"], data["users"]) == (seeded.up, seeded.down, seeded.users)
    assert data["platforms"] == {"slack": 5, "discord": 3}
    assert data["languages"] == {"en": 7, "zh-Hans": 1}
    assert data["latency_ms"] == {"p50": seeded.latency_p50, "p95": seeded.latency_p95, "timed": 8}
    days = {d["day"]: (d["answered"], d["abstained"]) for d in data["per_day"]}
    assert len(days) == 7
    assert {day: counts for day, counts in days.items() if counts != (0, 0)} == seeded.per_day
    page = client.get("/?days=7").text
    assert 'id="questions">8<' in page and 'id="abstained">4<' in page and 'id="users">4<' in page
    assert 'id="latency-p50">400 ms<' in page and 'id="latency-p95">2.5 s<' in page
    assert page.count('<g class="bar">') == 7  # one bar per day of the chart


def test_bad_parameters_are_one_line_400s(client: TestClient) -> None:
    log_in(client)
    assert client.get("/api/overview?days=12").json() == {"error": "days must be one of 7, 30, 90, 365"}
    response = client.get("/conversations?from=yesterday")
    assert response.status_code == 400
    assert "from must be a date like 2025-11-12" in response.text


def test_conversations_filtered_to_abstained(client: TestClient, seeded: Seeded) -> None:
    log_in(client)
    data = client.get("/api/conversations?status=abstained").json()
    assert data["total"] == 4
    assert {c["question"] for c in data["items"]} == {*UNANSWERABLE, *OTHER_ABSTAINED}
    assert all(c["abstained"] and not c["citations"] for c in data["items"])
    page = client.get("/conversations?status=abstained").text
    assert 'id="total">4<' in page
    assert UNANSWERABLE[0].replace("'", "&#39;") in page


def test_conversation_filters_combine(client: TestClient, seeded: Seeded) -> None:
    log_in(client)
    down = client.get("/api/conversations?status=downvoted").json()
    assert [c["question"] for c in down["items"]] == [seeded.downvoted_question]
    assert down["items"][0]["down"] == 1
    assert client.get("/api/conversations?platform=discord&language=zh-Hans").json()["total"] == 1
    assert client.get("/api/conversations?channel=C1").json()["total"] == 4
    today = max(seeded.per_day)
    assert client.get(f"/api/conversations?from={today}&to={today}").json()["total"] == sum(
        seeded.per_day[today]
    )
    answered = client.get("/api/conversations?status=answered").json()["items"]
    assert answered[0]["citations"][0]["source"]["id"] == "verge-altman"
    assert answered[0]["user"].startswith(("U", "u-"))  # user ids, nothing else about the user


def test_exports_csv_and_json(client: TestClient, seeded: Seeded) -> None:
    log_in(client)
    response = client.get("/api/conversations?format=csv&status=abstained")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 4 and {r["abstained"] for r in rows} == {"True"}
    exported = json.loads(client.get("/api/conversations?format=json").text)
    assert len(exported) == 8 and exported[0]["id"] > exported[-1]["id"]


def test_csv_cells_cannot_be_formulas(client: TestClient, store: object) -> None:
    from bot.console.queries import _cell

    assert _cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert _cell("What is AI?") == "What is AI?"


def test_gap_cluster_holds_the_unanswerable_questions(client: TestClient, seeded: Seeded) -> None:
    log_in(client)
    clusters = client.get("/api/gaps").json()["clusters"]
    largest = clusters[0]
    assert {q["question"] for q in largest["questions"]} == set(UNANSWERABLE)
    assert largest["size"] == 3 and largest["abstained"] == 3
    assert largest["reason"] == "The library has nothing on that."
    assert largest["passages"], "the closest passages of the library are shown"
    others = [q["question"] for c in clusters[1:] for q in c["questions"]]
    assert OTHER_ABSTAINED[0] in others and seeded.downvoted_question in others
    assert "Tim Cook" in client.get("/gaps").text


def test_sources_and_speakers_list_the_packaged_library(client: TestClient) -> None:
    log_in(client)
    sources = client.get("/api/sources").json()["sources"]
    assert sources and all(s["origin"] == "packaged" and s["passages"] > 0 for s in sources)
    speakers = client.get("/api/speakers").json()["speakers"]
    assert speakers and speakers[0]["quotes"] >= speakers[-1]["quotes"] > 0
    assert "Sam Altman" in {s["name"] for s in speakers}


def test_packaged_sources_cannot_be_removed(client: TestClient) -> None:
    log_in(client)
    packaged = client.get("/api/sources").json()["sources"][0]["id"]
    response = client.post("/sources/remove", data={"id": packaged, "csrf": csrf_of(client, "/sources")})
    assert response.status_code == 200
    assert "part of the packaged corpus and cannot be removed" in response.text


def test_ingest_refuses_local_paths(client: TestClient) -> None:
    log_in(client)
    response = client.post(
        "/sources/ingest", data={"url": "/etc/passwd", "csrf": csrf_of(client, "/sources")}
    )
    assert "give an http:// or https:// URL" in response.text
