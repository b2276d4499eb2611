"""Block Kit rendering and Slack text handling: limits, escaping, fallbacks, question extraction."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import jsonschema
import pytest
import yaml

import bot.slack
from bot.models import Answer, Citation, CitedFigure, SourceRef
from bot.observability.redact import RedactSecrets
from bot.service import AnswerService
from bot.slack.http import EVENTS_PATH
from bot.slack.render import ASK_SHORTCUT, render_help, render_slack_answer, render_slack_sources
from bot.slack.text import escape, neutralize, question_from_text, sanitize, split, trim
from tests.bot.slack.slack_rig import QUESTION


def citation(n: int, quote: str = "阿尔特曼说：250吉瓦。") -> Citation:
    return Citation(
        speaker="Sam Altman",
        speaker_role="CEO, OpenAI",
        quote=quote,
        figures=[CitedFigure(text="250吉瓦", value=250, unit="GW")],
        source=SourceRef(id="s", title="<Title> & co", publisher="Pub"),
        passage_id=f"s:{n}",
        paragraph=n,
        sentence=1,
    )


def check_limits(payload: dict[str, object]) -> None:
    blocks = payload["blocks"]
    assert isinstance(blocks, list) and 0 < len(blocks) <= 50
    for block in blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000
        if block["type"] == "context":
            assert all(len(e["text"]) <= 3000 for e in block["elements"])
        if block["type"] == "actions":
            assert all(len(e["text"]["text"]) <= 75 and len(e["value"]) <= 2000 for e in block["elements"])
    assert 0 < len(str(payload["text"])) <= 3000


def test_real_answer_renders_text_citation_lines_and_buttons(service: AnswerService) -> None:
    answer = service.ask(QUESTION)
    payload = render_slack_answer(answer, 7)
    check_limits(payload)
    kinds = [b["type"] for b in payload["blocks"]]
    assert kinds[0] == "section" and kinds[-1] == "actions"
    contexts = [b["elements"][0]["text"] for b in payload["blocks"] if b["type"] == "context"]
    assert contexts[0].startswith("[1] *Sam Altman* · CEO, OpenAI · 250 GW · MIT Technology Review")
    assert "Sam Altman" in payload["text"] and "250" in payload["text"]  # the notification fallback
    assert {e["value"] for e in payload["blocks"][-1]["elements"]} == {"7"}


def test_chinese_answers_get_chinese_buttons(service: AnswerService) -> None:
    answer = service.ask("OpenAI的目标是到2033年建成多少吉瓦的算力?")
    labels = [e["text"]["text"] for e in render_slack_answer(answer, 1)["blocks"][-1]["elements"]]
    assert labels[0] == "显示来源"


def test_long_answers_are_split_cleanly_and_many_citations_fit_in_50_blocks() -> None:
    paragraph = "Sam Altman said compute matters. " * 40
    answer = Answer(
        question="q",
        language="en",
        answer="\n\n".join([paragraph] * 30),
        abstained=False,
        citations=[citation(n) for n in range(1, 81)],
    )
    payload = render_slack_answer(answer, 3)
    check_limits(payload)
    sections = [b["text"]["text"] for b in payload["blocks"] if b["type"] == "section"]
    assert len(sections) == 10 and sections[-1].endswith("…")
    assert all(not s.endswith("Sam Alt") for s in sections[:-1])  # split at boundaries, not mid-word
    assert "more" in payload["blocks"][-2]["elements"][0]["text"]
    sources = render_slack_sources(answer)
    check_limits(sources)


def test_one_huge_unbroken_answer_is_still_within_limits() -> None:
    answer = Answer(question="q", language="zh-Hans", answer="泡" * 50_000 + "&" * 10, abstained=False)
    payload = render_slack_answer(answer, None)
    check_limits(payload)
    assert not any(b["type"] == "actions" for b in payload["blocks"])  # no id, no buttons


def test_sources_show_verbatim_quote_place_and_english_gloss(service: AnswerService) -> None:
    answer = service.ask(QUESTION)
    shown = json.dumps(render_slack_sources(answer), ensure_ascii=False)
    assert answer.citations[0].quote in shown
    assert "paragraph 14" in shown
    assert "In English:" in shown


def test_everything_we_did_not_write_is_escaped() -> None:
    answer = Answer(
        question="q",
        language="en",
        answer="<!channel> AT&T <b>bold</b> @here",
        abstained=False,
        citations=[citation(1, quote="<!everyone> & <@U123>")],
    )
    for payload in (
        render_slack_answer(answer, 1, asker="U9", question="<!here> why?"),
        render_slack_sources(answer),
    ):
        raw = json.dumps(payload, ensure_ascii=False)
        for leak in ("<!channel>", "<!everyone>", "<!here>", "<b>", "<@U123>", "@here", "<Title>"):
            assert leak not in raw
    assert "AT&amp;T &lt;b&gt;" in json.dumps(render_slack_answer(answer, 1))
    assert "<@U9>" in json.dumps(
        render_slack_answer(answer, 1, asker="U9", question="why?")
    )  # ours, on purpose


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("<@UBOT> What did Altman say?", "What did Altman say?"),
        ("<@UBOT|bubblebot>   How  much? <!here>", "How much?"),
        (
            "AT&amp;T &lt;3 <https://example.com|this article> in <#C123|general>",
            "AT&T <3 this article in #general",
        ),
        ("<!subteam^S123|@team> <mailto:a@b.c> ok", "mailto:a@b.c ok"),
    ],
)
def test_question_from_slack_markup(text: str, question: str) -> None:
    assert question_from_text(text) == question


def test_neutralize_and_sanitize() -> None:
    assert "<!" not in neutralize("<!channel> <!here|here> <!everyone> <!subteam^S1|@devs>")
    assert "@here" not in neutralize("hi @here and @channel") and "a@here.com" in neutralize("a@here.com")
    payload = sanitize({"text": "<!here>", "blocks": [{"x": ["@everyone"]}], "n": 1})
    assert "<!here>" not in json.dumps(payload) and payload["n"] == 1
    assert escape("&amp; <x>") == "&amp;amp; &lt;x&gt;"


def test_trim_and_split_never_cut_an_entity_in_half() -> None:
    text = escape("a" * 2996 + "&&&&")
    assert not trim(text, 3000).rstrip("…").endswith(("&", "&a", "&am", "&amp"))
    chunks = split(escape("x" * 2998 + "<<<<"), 3000)
    assert all(len(c) <= 3000 for c in chunks) and "".join(chunks) == escape("x" * 2998 + "<<<<")


def test_help_lists_every_command() -> None:
    text = render_help()["text"]
    for needle in ("/bubble ask", "/bubble sources", "/bubble help", "Ask bubblebot about this"):
        assert needle in text


def test_help_writes_placeholders_as_entities_so_slack_shows_them() -> None:
    help_ = render_help()
    shown = help_["blocks"][0]["text"]["text"]
    assert "`/bubble ask &lt;question&gt;`" in shown and "`/bubble ingest &lt;URL&gt;`" in shown
    assert "<" not in shown and "<" not in help_["text"]


def test_sources_view_bolds_the_speaker_without_nesting_bold() -> None:
    answer = Answer(question="q", language="en", answer="a", abstained=False, citations=[citation(1)])
    [_, section] = render_slack_sources(answer)["blocks"]
    first_line = section["text"]["text"].splitlines()[0]
    assert first_line.startswith("[1] *Sam Altman* · CEO, OpenAI")
    assert first_line.count("*") == 2


def test_the_speaker_is_shown_as_the_reader_reads_the_name() -> None:
    labelled = citation(1).model_copy(
        update={"speaker_label": "山姆·阿尔特曼", "role_label": "OpenAI首席执行官"}
    )
    answer = Answer(question="q", language="zh-Hans", answer="a", abstained=False, citations=[labelled])
    context = render_slack_answer(answer, 1)["blocks"][1]["elements"][0]["text"]
    assert context.startswith("[1] *山姆·阿尔特曼* · OpenAI首席执行官")


def test_tokens_are_redacted_from_log_records() -> None:
    redactor = RedactSecrets(["my-signing-secret-123"])
    record = logging.LogRecord(
        "x",
        logging.INFO,
        __file__,
        1,
        "token %s secret %s",
        ("xoxb-123-456-abcdef", "my-signing-secret-123"),
        None,
    )
    redactor.filter(record)
    assert record.getMessage() == "token xoxb-[redacted] secret [redacted]"
    body = RedactSecrets().redact(
        'body: {"token": "Jhj5dZrVaK7ZwHHjRyZWjbDl", "team_id": "T1"} token=abc&x=1'
    )
    assert body == 'body: {"token": "[redacted]", "team_id": "T1"} token=[redacted]&x=1'


def test_manifest_matches_what_the_app_listens_to() -> None:
    manifest = yaml.safe_load((Path(bot.slack.__file__).parent / "manifest.yaml").read_text())
    features, settings = manifest["features"], manifest["settings"]
    assert [c["command"] for c in features["slash_commands"]] == ["/bubble"]
    [shortcut] = features["shortcuts"]
    assert shortcut == {
        "name": "Ask bubblebot about this",
        "type": "message",
        "callback_id": ASK_SHORTCUT,
        "description": shortcut["description"],
    }
    assert {"app_mention", "message.im", "message.channels"} <= set(
        settings["event_subscriptions"]["bot_events"]
    )
    assert settings["interactivity"]["is_enabled"] is True
    for url in (
        settings["event_subscriptions"]["request_url"],
        settings["interactivity"]["request_url"],
        features["slash_commands"][0]["url"],
    ):
        assert url.endswith(EVENTS_PATH)
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"app_mentions:read", "chat:write", "commands", "im:history", "reactions:write"} <= scopes
    assert len(manifest["display_information"]["description"]) <= 140


def test_manifest_is_valid_against_slacks_manifest_limits() -> None:
    folder = Path(bot.slack.__file__).parent
    manifest = yaml.safe_load((folder / "manifest.yaml").read_text())
    schema = json.loads((folder / "manifest.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in jsonschema.Draft202012Validator(schema).iter_errors(manifest)
    ]
    assert errors == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("features", "shortcuts", 0, "name"), "Ask bubblebot about this message"),  # 32 > 24 characters
        (("display_information", "description"), "x" * 141),
        (("oauth_config", "scopes", "bot", 0), "Chat Write"),
        (("display_information", "name"), ""),
    ],
)
def test_the_manifest_schema_refuses_what_slack_refuses(path: tuple[str | int, ...], value: str) -> None:
    folder = Path(bot.slack.__file__).parent
    manifest = yaml.safe_load((folder / "manifest.yaml").read_text())
    schema = json.loads((folder / "manifest.schema.json").read_text())
    target = manifest
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert not jsonschema.Draft202012Validator(schema).is_valid(manifest)
