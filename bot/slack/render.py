"""Block Kit rendering: answers, their sources, help. Every payload is `{"text": ..., "blocks": [...]}`.

Limits kept (and checked by tests): section text ≤ 3000 characters, ≤ 50 blocks per message, button
text ≤ 75 characters. Text we did not write is escaped; `text` is the plain fallback for notifications.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.chat.replies import (
    Announcement,
    AnswerReply,
    DigestHelpReply,
    DigestReply,
    HelpReply,
    Notice,
    Reply,
    SourcesReply,
)
from bot.i18n import examples, message, phrase, template
from bot.models import Answer, Citation
from bot.render_text import citation_line, source_place
from bot.slack.digest_render import render_slack_digest
from bot.slack.text import (
    CONTEXT_ELEMENT_LIMIT,
    FALLBACK_LIMIT,
    MAX_BLOCKS,
    SECTION_LIMIT,
    escape,
    split,
    trim,
)

if TYPE_CHECKING:
    from bot.charts.chat import ChatChart

SHOW_SOURCES = "show_sources"
VOTE_UP = "vote_up"
VOTE_DOWN = "vote_down"
ASK_SHORTCUT = "ask_about_message"
MAX_ANSWER_SECTIONS = 10


def text_for(key: str, language: str) -> str:
    """A Slack button label or line (`slack.<key>` in the message catalogue) in the answer's language."""
    return template(f"slack.{key}", language)


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": trim(text, CONTEXT_ELEMENT_LIMIT)}]}


def _button(label: str, action_id: str, value: str) -> dict[str, Any]:
    return {
        "type": "button",
        "action_id": action_id,
        "value": value,
        "text": {"type": "plain_text", "text": trim(label, 75), "emoji": True},
    }


def citation_context(number: int, citation: Citation, language: str) -> str:
    """The context line of one citation: speaker · role · figures · publisher, speaker in bold."""
    line = escape(citation_line(citation, language))
    shown = citation.speaker_label or citation.speaker  # the name as the reader reads it
    speaker = escape(shown) if shown else ""
    if speaker and line.startswith(speaker):
        line = f"*{speaker}*{line[len(speaker) :]}"
    return f"[{number}] {line}"


def fallback_text(answer: Answer, *, prefix: str = "") -> str:
    """The plain-text fallback: the answer and who and what it cites, within the limit."""
    lines = [prefix] if prefix else []
    lines.append(escape(answer.answer))
    lines.extend(
        f"[{n}] {escape(citation_line(c, answer.language))}" for n, c in enumerate(answer.citations, start=1)
    )
    return trim("\n".join(lines), FALLBACK_LIMIT)


def render_slack_answer(
    answer: Answer, answer_id: int | None, *, asker: str | None = None, question: str | None = None
) -> dict[str, Any]:
    """The answer as a Block Kit message; buttons only when the answer was saved (they need its id)."""
    language = answer.language
    blocks: list[dict[str, Any]] = []
    prefix = ""
    if asker and question:
        prefix = text_for("asked", language).format(user=f"<@{asker}>", question=escape(trim(question, 500)))
        blocks.append(_context(prefix))
    sections = split(escape(answer.answer), SECTION_LIMIT) or [escape(phrase("abstain", language))]
    if len(sections) > MAX_ANSWER_SECTIONS:
        sections = sections[:MAX_ANSWER_SECTIONS]
        sections[-1] = trim(sections[-1], SECTION_LIMIT - 2) + " …"
    blocks.extend(_section(chunk) for chunk in sections)
    if answer.notice:
        blocks.append(_context(escape(answer.notice)))
    actions = _actions(answer, answer_id)
    room = MAX_BLOCKS - len(blocks) - (1 if actions else 0)
    citations = answer.citations
    if len(citations) > room:
        shown = citations[: room - 1]
        blocks.extend(_context(citation_context(n, c, language)) for n, c in enumerate(shown, start=1))
        key = "more_sources" if actions else "more_hidden"
        blocks.append(_context(text_for(key, language).format(n=len(citations) - len(shown))))
    else:
        blocks.extend(_context(citation_context(n, c, language)) for n, c in enumerate(citations, start=1))
    if actions:
        blocks.append(actions)
    return {"text": fallback_text(answer, prefix=prefix), "blocks": blocks}


def _actions(answer: Answer, answer_id: int | None) -> dict[str, Any] | None:
    if answer_id is None:
        return None
    value = str(answer_id)
    buttons = []
    if answer.citations:
        buttons.append(_button(text_for("show_sources", answer.language), SHOW_SOURCES, value))
    buttons.append(_button(text_for("helpful", answer.language), VOTE_UP, value))
    buttons.append(_button(text_for("not_helpful", answer.language), VOTE_DOWN, value))
    return {"type": "actions", "block_id": f"answer_{value}", "elements": buttons}


def source_text(number: int, citation: Citation, language: str) -> str:
    """One source in full: the citation line, the verbatim quote, the article and paragraph."""
    # the context line already bolds the speaker; bold around it would nest, which mrkdwn cannot show
    parts = [
        citation_context(number, citation, language),
        "> " + escape(" ".join(citation.quote.split())),
        "_" + escape(source_place(citation, language)) + "_",
    ]
    if language == "en" and citation.gloss_en:
        parts.insert(2, f"{template('chat.in_english', language)}: {escape(citation.gloss_en)}")
    if citation.source.url:
        parts.append(escape(citation.source.url))
    return trim("\n".join(parts), SECTION_LIMIT)


def render_slack_sources(answer: Answer) -> dict[str, Any]:
    """The verbatim sources of an answer (shown only to the person who asked for them)."""
    language = answer.language
    if not answer.citations:
        message = escape(phrase("no_sources", language))
        return {"text": message, "blocks": [_section(message)]}
    blocks = [_section(f"*{text_for('sources', language)}*")]
    room = MAX_BLOCKS - 1
    citations = answer.citations
    shown = citations if len(citations) <= room else citations[: room - 1]
    blocks.extend(_section(source_text(n, c, language)) for n, c in enumerate(shown, start=1))
    if len(shown) < len(citations):
        blocks.append(_context(text_for("more_hidden", language).format(n=len(citations) - len(shown))))
    fallback = "\n\n".join(source_text(n, c, language) for n, c in enumerate(citations, start=1))
    return {"text": trim(fallback, FALLBACK_LIMIT), "blocks": blocks}


def render_help(note: str | None = None, language: str = "en") -> dict[str, Any]:
    """How to use the bot (also the reply to an unknown /bubble subcommand), in the asker's language.

    The catalogue's help is our own mrkdwn; escaping it writes `<question>` as entities Slack shows."""
    body = "\n\n".join(
        [
            escape(phrase("help", language)),
            escape(template("help.slack", language)),
            escape(phrase("try", language)) + "\n" + "\n".join(f"• {escape(q)}" for q in examples(language)),
        ]
    )
    blocks = [_section(chunk) for chunk in split(body, SECTION_LIMIT)]
    if note:
        blocks.insert(0, _section(escape(note)))
    text = (escape(note) + "\n\n" if note else "") + body
    return {"text": trim(text, FALLBACK_LIMIT), "blocks": blocks}


def render_digest_help(language: str) -> dict[str, Any]:
    """How the digest commands work."""
    return render_notice(message("digest_cmd.help", language, usage=template("digest_cmd.usage", language)))


def render_announcement(mrkdwn: str) -> dict[str, Any]:
    """A message for the channel that is already mrkdwn (user parts escaped, mentions ours)."""
    return {"text": trim(mrkdwn, FALLBACK_LIMIT), "blocks": [_section(trim(mrkdwn, SECTION_LIMIT))]}


def render_chart_comment(chart: ChatChart, language: str) -> str:
    """The text posted with a chart image: its title, then one cited line per bar (sources linked)."""
    lines = [f"*{escape(chart.title)}*"]
    for line in chart.lines:
        source = escape(line.source_title)
        if line.source_url:
            source = f"<{line.source_url}|{source}>"
        if line.speaker:
            source = f"{escape(line.speaker)}, {source}"
        period = f" ({escape(line.period)})" if line.period else ""
        lines.append(
            message(
                "chart.cited",
                language,
                number=line.number,
                entity=escape(line.entity),
                figure=escape(line.figure),
                period=period,
                source=source,
            )
        )
    if chart.more:
        lines.append(escape(message("chart.more", language, n=chart.more)))
    return trim("\n".join(lines), FALLBACK_LIMIT)


def render_reply(reply: Reply) -> dict[str, Any]:
    """Any reply of the core as a message payload (a chart's image is uploaded separately: this is its text)."""
    if isinstance(reply, Notice):
        return render_announcement(reply.text) if reply.markup else render_notice(reply.text)
    if isinstance(reply, Announcement):
        return render_announcement(reply.text)
    if isinstance(reply, AnswerReply):
        return render_slack_answer(
            reply.answer,
            reply.answer_id,
            asker=reply.asker if reply.echo else None,
            question=reply.question if reply.echo else None,
        )
    if isinstance(reply, SourcesReply):
        return render_slack_sources(reply.answer)
    if isinstance(reply, HelpReply):
        return render_help(reply.note, reply.language)
    if isinstance(reply, DigestHelpReply):
        return render_digest_help(reply.language)
    if isinstance(reply, DigestReply):
        return render_slack_digest(reply.digest)
    return render_announcement(render_chart_comment(reply.chart, reply.language))


def render_notice(message: str) -> dict[str, Any]:
    """A short message of ours (errors, thanks), escaped."""
    text = trim(escape(message), SECTION_LIMIT)
    return {"text": text, "blocks": [_section(text)]}
