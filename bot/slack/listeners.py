"""Bolt listeners: Slack payloads (events, /bubble, buttons, the message shortcut) → Responder calls.

Each listener acknowledges first (events are acknowledged by bolt before the listener runs, since
the app does not use process_before_response), does the quick checks (de-duplication, bots,
whether a thread is ours), and queues the question for the responder's answer threads.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack, App, BoltRequest

from bot.errors import StoreUnavailable
from bot.slack.render import (
    ASK_SHORTCUT,
    SHOW_SOURCES,
    VOTE_DOWN,
    VOTE_UP,
    render_help,
    render_notice,
    render_slack_sources,
)
from bot.slack.responder import Place, Responder
from bot.slack.text import mentions, question_from_text

if TYPE_CHECKING:
    from bot.slack.digest import SlackDigestCommands
    from bot.slack.ingest import SlackIngestCommand

log = logging.getLogger(__name__)

ANSWERED_SUBTYPES = frozenset({None, "thread_broadcast", "file_share"})
NO_ANSWER_YET = "I haven't answered anything in this channel yet. Ask me with `/bubble ask <question>`."
GONE = "I no longer have that answer's sources."
BAD_BUTTON = "That button is not valid any more; ask me again to get a fresh answer."
ELSEWHERE = "That answer was given in another conversation, so I can't show or rate it here."
MAX_ID_DIGITS = 19  # a database integer; longer button values are forged and never parsed


def retry_header(request: BoltRequest) -> str | None:
    """The X-Slack-Retry-Num of a redelivered event (HTTP header, or Socket Mode's retry_attempt)."""
    values = request.headers.get("x-slack-retry-num")
    return values[0] if values and values[0] != "0" else None  # Socket Mode sends 0 on first delivery


def from_bot(event: dict[str, Any], responder: Responder) -> bool:
    """Whether an event was sent by a bot (ours or another): never answered."""
    return bool(event.get("bot_id") or event.get("bot_profile") or event.get("subtype") == "bot_message"
                or (responder.bot_user_id and event.get("user") == responder.bot_user_id))


def is_dm(event: dict[str, Any]) -> bool:
    """A direct message with the bot."""
    return event.get("channel_type") == "im" or str(event.get("channel", "")).startswith("D")


def answer_id_of(value: Any) -> int | None:
    """The answer id a button carries: 1 to 19 digits (anything else, however long, is not parsed)."""
    if not isinstance(value, str) or not 0 < len(value) <= MAX_ID_DIGITS or not value.isascii() \
            or not value.isdigit():
        return None
    return int(value)


def register(app: App, responder: Responder, digest: SlackDigestCommands | None = None,
             ingest: SlackIngestCommand | None = None) -> None:
    """Attach every listener of the Slack adapter to the bolt app (`/bubble digest` and `/bubble ingest`
    when they are given)."""

    @app.event("app_mention")
    def on_mention(body: dict[str, Any], event: dict[str, Any], request: BoltRequest) -> None:
        if from_bot(event, responder) or not responder.claim(body.get("event_id"), retry=retry_header(request)):
            return
        place = Place(channel=event["channel"], user=event.get("user", ""), team=body.get("team_id", ""),
                      thread_ts=event.get("thread_ts") or event["ts"], is_dm=is_dm(event),
                      event_id=body.get("event_id"), message_ts=event.get("ts"))
        responder.answer_later(question_from_text(event.get("text", "")), place)

    @app.event("message")
    def on_message(body: dict[str, Any], event: dict[str, Any], request: BoltRequest) -> None:
        if event.get("subtype") not in ANSWERED_SUBTYPES or from_bot(event, responder):
            return
        text = event.get("text", "")
        channel = event.get("channel", "")
        thread: str | None = event.get("thread_ts") or None
        if thread == event.get("ts"):
            thread = None  # the thread's parent message itself
        if not is_dm(event):
            # Channels: only follow-ups in a thread the bot answered; a mention comes as app_mention.
            if thread is None or mentions(text, responder.bot_user_id):
                return
            if not responder.bot_answered_in(channel, thread):
                return
        if not responder.claim(body.get("event_id"), retry=retry_header(request)):
            return
        place = Place(channel=channel, user=event.get("user", ""), team=body.get("team_id", ""),
                      thread_ts=thread, is_dm=is_dm(event), event_id=body.get("event_id"),
                      message_ts=event.get("ts"))
        responder.answer_later(question_from_text(text), place)

    @app.command("/bubble")
    def on_command(ack: Ack, command: dict[str, Any]) -> None:
        subcommand, _, rest = (command.get("text") or "").strip().partition(" ")
        subcommand = subcommand.lower()
        channel = command.get("channel_id", "")
        place = Place(channel=channel, user=command.get("user_id", ""), team=command.get("team_id", ""),
                      is_dm=channel.startswith("D"), response_url=command.get("response_url"))
        if subcommand in ("", "help"):
            ack(**render_help())
        elif subcommand == "sources":
            ack(**_sources_of_last(responder, channel))
        elif subcommand == "ask":
            ack()
            responder.answer_later(question_from_text(rest), place, echo=True)
        elif subcommand == "digest" and digest is not None:
            ack()
            digest.handle(rest, place, responder)
        elif subcommand == "ingest" and ingest is not None:
            ingest.handle(ack, rest, place, responder)
        else:
            ack(**render_help(note=f"I don't know “/bubble {subcommand}”. Here is what I can do:"))

    @app.action(SHOW_SOURCES)
    def on_show_sources(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        ack()
        place = _action_place(body)
        answer_id = answer_id_of(action.get("value"))
        if answer_id is None:
            responder.notify(place, BAD_BUTTON)
            return
        try:
            stored = responder.stored_answer(answer_id)
        except StoreUnavailable as error:
            responder.notify(place, str(error))
            return
        if stored is None:
            responder.notify(place, GONE)
        elif stored.channel != place.channel:
            responder.notify(place, ELSEWHERE)
        else:
            responder.tell(place, render_slack_sources(stored.answer))

    def vote(ack: Ack, body: dict[str, Any], action: dict[str, Any], value: int) -> None:
        ack()
        place = _action_place(body)
        answer_id = answer_id_of(action.get("value"))
        if answer_id is None:
            responder.notify(place, BAD_BUTTON)
            return
        responder.notify(place, responder.vote(answer_id, place.user, value, channel=place.channel,
                                               elsewhere=ELSEWHERE))

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
        channel = (shortcut.get("channel") or {}).get("id", "")
        place = Place(channel=channel, user=(shortcut.get("user") or {}).get("id", ""),
                      team=(shortcut.get("team") or {}).get("id", ""),
                      thread_ts=message.get("thread_ts") or message.get("ts") or shortcut.get("message_ts"),
                      is_dm=channel.startswith("D"), response_url=shortcut.get("response_url"))
        responder.answer_later(question_from_text(message.get("text", "")), place, echo=True)


def _action_place(body: dict[str, Any]) -> Place:
    """Where a button was clicked, and by whom (replies go to the clicker only, in the same thread)."""
    channel = (body.get("channel") or {}).get("id", "")
    message = body.get("message") or {}
    container = body.get("container") or {}
    return Place(channel=channel, user=(body.get("user") or {}).get("id", ""),
                 team=(body.get("team") or {}).get("id", ""),
                 thread_ts=message.get("thread_ts") or container.get("thread_ts"),
                 is_dm=channel.startswith("D"), response_url=body.get("response_url"))


def _sources_of_last(responder: Responder, channel: str) -> dict[str, Any]:
    """The payload for `/bubble sources`: the last answer's sources in this channel."""
    try:
        stored = responder.last_answer_in(channel)
    except StoreUnavailable as error:
        return render_notice(str(error))
    if stored is None:
        return render_notice(NO_ANSWER_YET)
    return render_slack_sources(stored.answer)
