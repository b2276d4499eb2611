"""Bolt listeners: Slack payloads (events, /bubble, buttons, the message shortcut) → Places and core calls.

Each listener acknowledges first (events are acknowledged by bolt before the listener runs, since the app
does not use process_before_response), does the quick checks (bots, whether a thread is ours, the claim),
and hands the question to the core on the answer threads.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltRequest

from bot.chat.place import Place
from bot.slack.chat import SlackChat
from bot.slack.platform import NAME, SlackVia
from bot.slack.render import ASK_SHORTCUT, SHOW_SOURCES, VOTE_DOWN, VOTE_UP
from bot.slack.text import mentions, question_from_text, unescape

log = logging.getLogger(__name__)

ANSWERED_SUBTYPES = frozenset({None, "thread_broadcast", "file_share"})
MAX_ID_DIGITS = 19  # a database integer; longer button values are forged and never parsed


def retry_header(request: BoltRequest) -> str | None:
    """The X-Slack-Retry-Num of a redelivered event (HTTP header, or Socket Mode's retry_attempt)."""
    values = request.headers.get("x-slack-retry-num")
    return values[0] if values and values[0] != "0" else None  # Socket Mode sends 0 on first delivery


def from_bot(event: dict[str, Any], bot_user_id: str | None) -> bool:
    """Whether an event was sent by a bot (ours or another): never answered."""
    return bool(
        event.get("bot_id")
        or event.get("bot_profile")
        or event.get("subtype") == "bot_message"
        or (bot_user_id and event.get("user") == bot_user_id)
    )


def is_dm(event: dict[str, Any]) -> bool:
    """A direct message with the bot."""
    return event.get("channel_type") == "im" or str(event.get("channel", "")).startswith("D")


def answer_id_of(value: Any) -> int | None:
    """The answer id a button carries: 1 to 19 digits (anything else, however long, is not parsed)."""
    if (
        not isinstance(value, str)
        or not 0 < len(value) <= MAX_ID_DIGITS
        or not value.isascii()
        or not value.isdigit()
    ):
        return None
    return int(value)


def _place(
    channel: str,
    user: str,
    team: str,
    *,
    thread: str | None = None,
    dm: bool | None = None,
    event_id: str | None = None,
    response_url: str | None = None,
    message_ts: str | None = None,
) -> Place:
    return Place(
        NAME,
        channel,
        user,
        thread=thread,
        is_dm=channel.startswith("D") if dm is None else dm,
        team=team,
        event_id=event_id,
        via=SlackVia(response_url=response_url, message_ts=message_ts),
    )


def register(app: App, chat: SlackChat) -> None:
    """Attach every listener of the Slack adapter to the bolt app."""
    conversation = chat.conversation

    @app.event("app_mention")
    def on_mention(body: dict[str, Any], event: dict[str, Any], request: BoltRequest) -> None:
        place = _place(
            event["channel"],
            event.get("user", ""),
            body.get("team_id", ""),
            thread=event.get("thread_ts") or event["ts"],
            dm=is_dm(event),
            event_id=body.get("event_id"),
            message_ts=event.get("ts"),
        )
        if from_bot(event, chat.bot_user_id) or not conversation.claim(place, retry=retry_header(request)):
            return
        chat.answer_later(question_from_text(event.get("text", "")), place)

    @app.event("message")
    def on_message(body: dict[str, Any], event: dict[str, Any], request: BoltRequest) -> None:
        if event.get("subtype") not in ANSWERED_SUBTYPES or from_bot(event, chat.bot_user_id):
            return
        text = event.get("text", "")
        channel = event.get("channel", "")
        thread: str | None = event.get("thread_ts") or None
        if thread == event.get("ts"):
            thread = None  # the thread's parent message itself
        if not is_dm(event):
            # Channels: only follow-ups in a thread the bot answered; a mention comes as app_mention.
            if thread is None or mentions(text, chat.bot_user_id):
                return
            if not conversation.answered_in(NAME, channel, thread):
                return
        place = _place(
            channel,
            event.get("user", ""),
            body.get("team_id", ""),
            thread=thread,
            dm=is_dm(event),
            event_id=body.get("event_id"),
            message_ts=event.get("ts"),
        )
        if not conversation.claim(place, retry=retry_header(request)):
            return
        chat.answer_later(question_from_text(text), place)

    @app.command("/bubble")
    def on_command(ack: Ack, command: dict[str, Any]) -> None:
        text = (command.get("text") or "").strip()
        name = text.split(" ", 1)[0].lower()
        # a URL keeps its markup for the ingest command (which reads `<…>` links); any other text is plain words
        line = unescape(text) if name == "ingest" else f"{name} {question_from_text(text[len(name) :])}"
        place = _place(
            command.get("channel_id", ""),
            command.get("user_id", ""),
            command.get("team_id", ""),
            response_url=command.get("response_url"),
        )
        chat.command(place, line, ack)

    @app.action(SHOW_SOURCES)
    def on_show_sources(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        place = _action_place(body)
        chat.deliver(place, conversation.sources_of(place, answer_id_of(action.get("value"))))

    def vote(ack: Ack, body: dict[str, Any], action: dict[str, Any], value: int) -> None:
        ack()
        place = _action_place(body)
        chat.deliver(place, conversation.vote(place, answer_id_of(action.get("value")), value))

    @app.action(VOTE_UP)
    def on_vote_up(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        vote(ack, body, action, 1)

    @app.action(VOTE_DOWN)
    def on_vote_down(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        vote(ack, body, action, -1)

    @app.shortcut(ASK_SHORTCUT)
    def on_ask_shortcut(ack: Ack, shortcut: dict[str, Any]) -> None:
        ack()
        message = shortcut.get("message") or {}
        place = _place(
            (shortcut.get("channel") or {}).get("id", ""),
            (shortcut.get("user") or {}).get("id", ""),
            (shortcut.get("team") or {}).get("id", ""),
            thread=message.get("thread_ts") or message.get("ts") or shortcut.get("message_ts"),
            response_url=shortcut.get("response_url"),
        )
        chat.answer_later(question_from_text(message.get("text", "")), place, echo=True)


def _action_place(body: dict[str, Any]) -> Place:
    """Where a button was clicked, and by whom (replies go to the clicker only, in the same thread)."""
    message = body.get("message") or {}
    container = body.get("container") or {}
    return _place(
        (body.get("channel") or {}).get("id", ""),
        (body.get("user") or {}).get("id", ""),
        (body.get("team") or {}).get("id", ""),
        thread=message.get("thread_ts") or container.get("thread_ts"),
        response_url=body.get("response_url"),
    )
