"""Embeds and messages stay within Discord's limits, whatever the answer."""

from __future__ import annotations

from typing import Any, cast

from bot.discord.render import (
    EMBED_DESCRIPTION,
    EMBED_FIELDS,
    EMBED_FOOTER,
    EMBED_TOTAL,
    FIELD_NAME,
    FIELD_VALUE,
    MESSAGE_CHARS,
    render_discord_answer,
    render_discord_help,
    render_discord_sources,
    split_message,
)
from bot.discord.views import answer_view
from bot.models import Answer, Citation, CitedFigure, SourceRef
from bot.service import AnswerService


def huge_answer(citations: int = 40) -> Answer:
    source = SourceRef(id="s", title="T" * 300, publisher="P" * 200)
    return Answer(
        question="Q" * 3000,
        language="en",
        answer="A" * 9000,
        abstained=False,
        notice="N" * 500,
        citations=[
            Citation(
                speaker=f"Speaker {n} " + "S" * 300,
                speaker_role="R" * 900,
                quote="“" + "q" * 2500,
                figures=[CitedFigure(text="250吉瓦", value=250, unit="GW")] * 30,
                source=source,
                passage_id=f"s:{n}.1",
                paragraph=n,
                sentence=1,
            )
            for n in range(citations)
        ],
    )


def test_a_huge_answer_fits_every_embed_limit() -> None:
    embed = render_discord_answer(huge_answer())
    data = cast(dict[str, Any], embed.to_dict())
    assert len(data["title"]) <= 256
    assert len(data["description"]) <= EMBED_DESCRIPTION
    assert len(data["fields"]) <= EMBED_FIELDS
    assert all(len(f["name"]) <= FIELD_NAME and len(f["value"]) <= FIELD_VALUE for f in data["fields"])
    assert len(data["footer"]["text"]) <= EMBED_FOOTER
    assert len(embed) <= EMBED_TOTAL
    assert data["fields"], "trims fields to fit, but keeps the first citations"


def test_huge_sources_split_into_messages_within_2000_characters() -> None:
    answer = huge_answer(citations=12)
    chunks = render_discord_sources(answer)
    assert len(chunks) > 1 and all(0 < len(chunk) <= MESSAGE_CHARS for chunk in chunks)
    joined = "\n".join(chunks)
    assert all(f"**[{n}]**" in joined for n in range(1, 13))
    assert split_message("x" * 4500) == ["x" * 2000, "x" * 2000, "x" * 500]


def test_a_real_answer_has_a_field_per_citation_and_names_its_sources(service: AnswerService) -> None:
    answer = service.ask("What compute target did Altman set for OpenAI by 2033?")
    data = cast(dict[str, Any], render_discord_answer(answer).to_dict())
    assert data["description"] == answer.answer
    assert len(data["fields"]) == len(answer.citations)
    first = data["fields"][0]
    assert first["name"] == "[1] Sam Altman"
    assert first["value"].startswith("Sam Altman · CEO, OpenAI · 250 GW")
    shown_title = (
        answer.citations[0].title_label or answer.citations[0].source.title
    )  # as the reader reads it
    assert data["footer"]["text"].startswith(f"Sources: {shown_title}")
    sources = "\n".join(render_discord_sources(answer))
    assert answer.citations[0].quote in sources and "paragraph 14" in sources


def test_an_abstention_says_so_without_fields(service: AnswerService) -> None:
    answer = service.ask("What is Nvidia's share price today?")
    data = cast(dict[str, Any], render_discord_answer(answer).to_dict())
    assert answer.abstained and "fields" not in data
    assert data["footer"]["text"] == "No source in my articles answers this."


def test_chinese_answers_get_chinese_labels_in_their_script(service: AnswerService) -> None:
    answer = service.ask("奧特曼為OpenAI設定了怎樣的算力目標？")
    assert answer.language == "zh-Hant"
    assert render_discord_answer(answer).to_dict()["footer"]["text"].startswith("來源：")
    [row] = answer_view(7, answer.language).to_components()
    assert [(b.get("label"), b["custom_id"]) for b in row["components"]] == [
        ("來源", "bubble:sources:7"),
        ("有幫助", "bubble:vote:up:7"),
        ("沒幫助", "bubble:vote:down:7"),
    ]
    assert "幫助" not in render_discord_help("zh-Hant") and "如何提問" in render_discord_help("zh-Hant")
