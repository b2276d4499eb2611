"""Answers as Discord embeds and messages, always inside Discord's size limits."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord

from bot.i18n import examples, message, phrase, template
from bot.models import Answer, Citation
from bot.render_text import citation_line, source_place

if TYPE_CHECKING:
    from bot.charts.chat import ChatChart

MESSAGE_CHARS = 2000
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
EMBED_FOOTER = 2048
EMBED_TOTAL = 6000
DESCRIPTION_FLOOR = 1500  # a long answer is cut to this before citations are dropped

ANSWER_COLOUR = discord.Colour(0x5865F2)
ABSTAIN_COLOUR = discord.Colour(0x99AAB5)
NO_MENTIONS = discord.AllowedMentions.none()


def clip(value: str, limit: int) -> str:
    """value cut to at most limit characters, marked with an ellipsis when cut."""
    if len(value) <= limit:
        return value
    return value[: max(0, limit - 1)].rstrip() + "…"


def _speaker(citation: Citation, language: str) -> str:
    return citation.speaker_label or citation.speaker or phrase("reporting", language)


def _footer(answer: Answer) -> str:
    if not answer.citations:
        return template("discord.abstained_footer", answer.language) if answer.abstained else ""
    names: list[str] = []
    for citation in answer.citations:
        title = citation.title_label or citation.source.title  # the title as the reader reads it
        name = f"{title} ({citation.source.publisher})"
        if name not in names:
            names.append(name)
    return clip(message("discord.sources_footer", answer.language, sources="; ".join(names)), EMBED_FOOTER)


def render_discord_answer(answer: Answer) -> discord.Embed:
    """The answer as an embed: question as title, the answer, a field per citation, sources in the footer."""
    description = answer.answer
    if answer.notice:
        description = f"{description}\n\n*{answer.notice}*"
    embed = discord.Embed(
        title=clip(answer.question, EMBED_TITLE) or None,
        description=clip(description, EMBED_DESCRIPTION),
        colour=ABSTAIN_COLOUR if answer.abstained else ANSWER_COLOUR,
    )
    for number, citation in enumerate(answer.citations[:EMBED_FIELDS], start=1):
        embed.add_field(
            name=clip(f"[{number}] {_speaker(citation, answer.language)}", FIELD_NAME),
            value=clip(citation_line(citation, answer.language), FIELD_VALUE),
            inline=False,
        )
    footer = _footer(answer)
    if footer:
        embed.set_footer(text=footer)
    _fit(embed)
    return embed


def _fit(embed: discord.Embed) -> None:
    """Bring the embed within 6000 characters: shorten a long answer first, then drop trailing citations."""
    excess = len(embed) - EMBED_TOTAL
    description = embed.description or ""
    if excess > 0 and len(description) > DESCRIPTION_FLOOR:
        embed.description = clip(description, max(DESCRIPTION_FLOOR, len(description) - excess))
    while len(embed) > EMBED_TOTAL and len(embed.fields) > 1:
        embed.remove_field(len(embed.fields) - 1)
    excess = len(embed) - EMBED_TOTAL
    if excess > 0 and embed.description:
        embed.description = clip(embed.description, max(1, len(embed.description) - excess))
    if len(embed) > EMBED_TOTAL:
        embed.clear_fields()


def split_message(body: str, limit: int = MESSAGE_CHARS) -> list[str]:
    """body split into messages of at most limit characters, at line breaks where possible."""
    chunks: list[str] = []
    current = ""
    for line in body.split("\n"):
        while len(line) > limit:
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current:
        chunks.append(current)
    return chunks or [""]


def render_discord_sources(answer: Answer) -> list[str]:
    """The verbatim quotes with article and paragraph, as one or more messages of at most 2000 characters."""
    language = answer.language
    if not answer.citations:
        return [phrase("no_sources", language)]
    question = discord.utils.escape_markdown(clip(answer.question, 200))
    blocks = [f"**{phrase('sources_heading', language)}** {question}"]
    for number, citation in enumerate(answer.citations, start=1):
        quote = discord.utils.escape_markdown(clip(citation.quote, 1500))
        line = discord.utils.escape_markdown(citation_line(citation, language))
        place = discord.utils.escape_markdown(source_place(citation, language))
        block = f"**[{number}]** {line}\n> {quote}\n— {place}"
        if language == "en" and citation.gloss_en:  # the same English gloss Slack shows under a Chinese quote
            gloss = discord.utils.escape_markdown(clip(citation.gloss_en, 600))
            block += f"\n{template('chat.in_english', language)}: {gloss}"
        if citation.source.url:
            block += f"\n<{citation.source.url}>"
        blocks.append(block)
    return split_message("\n\n".join(blocks))


def render_discord_help(language: str) -> str:
    """What bubblebot does, how to ask on Discord, and example questions."""
    lines = [
        phrase("help", language),
        "",
        template("discord.help_usage", language),
        "",
        phrase("try", language),
    ]
    lines.extend(f"• {example}" for example in examples(language))
    return clip("\n".join(lines), MESSAGE_CHARS)


def render_discord_chart(chart: ChatChart, language: str) -> discord.Embed:
    """A chart as an embed around its image: the title, then one cited line per bar (sources linked)."""
    lines = []
    for line in chart.lines:
        source = discord.utils.escape_markdown(clip(line.source_title, 120))
        if line.source_url:
            source = f"[{source}]({line.source_url})"
        if line.speaker:
            source = f"{discord.utils.escape_markdown(line.speaker)}, {source}"
        period = f" ({line.period})" if line.period else ""
        lines.append(
            message(
                "chart.cited",
                language,
                number=line.number,
                entity=discord.utils.escape_markdown(line.entity),
                figure=line.figure,
                period=period,
                source=source,
            )
        )
    if chart.more:
        lines.append(message("chart.more", language, n=chart.more))
    embed = discord.Embed(
        title=clip(chart.title, EMBED_TITLE),
        description=clip("\n".join(lines), EMBED_DESCRIPTION),
        colour=ANSWER_COLOUR,
    )
    embed.set_image(url=f"attachment://{chart.filename}")
    return embed
