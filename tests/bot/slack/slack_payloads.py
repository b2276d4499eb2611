"""Slack payloads in their documented shapes, and request signing (what Slack sends to the app)."""

from __future__ import annotations

import itertools
import json
import time
import uuid
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from tests.bot.slack.fake_slack import BOT_ID, BOT_USER_ID, TEAM_ID

SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
USER = "U0ALICE"
CHANNEL = "C0GENERAL"
DM_CHANNEL = "D0ALICE"
_ts = itertools.count(1)


def new_ts() -> str:
    """A fresh message timestamp."""
    return f"{1_710_000_000 + next(_ts)}.{next(_ts):06d}"


def sign(body: str, *, secret: str = SIGNING_SECRET, timestamp: int | None = None) -> dict[str, str]:
    """The X-Slack-Signature and X-Slack-Request-Timestamp headers for a body."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
    assert signature is not None
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature}


def event_callback(event: dict[str, Any], *, event_id: str | None = None) -> dict[str, Any]:
    """The Events API envelope around an event."""
    return {
        "token": "legacy-verification-token",
        "team_id": TEAM_ID,
        "api_app_id": "A0FAKE",
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"Ev{uuid.uuid4().hex[:10].upper()}",
        "event_time": int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": "4-fake",
    }


def app_mention(
    question: str,
    *,
    channel: str = CHANNEL,
    user: str = USER,
    ts: str | None = None,
    thread_ts: str | None = None,
) -> dict[str, Any]:
    """An app_mention event: `<@bot> question` in a channel (optionally inside a thread)."""
    ts = ts or new_ts()
    event = {
        "type": "app_mention",
        "user": user,
        "text": f"<@{BOT_USER_ID}> {question}",
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        "team": TEAM_ID,
        "client_msg_id": str(uuid.uuid4()),
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def message(
    text: str,
    *,
    channel: str = CHANNEL,
    user: str = USER,
    ts: str | None = None,
    thread_ts: str | None = None,
    channel_type: str = "channel",
    **extra: Any,
) -> dict[str, Any]:
    """A message event (message.channels / message.im)."""
    ts = ts or new_ts()
    event = {
        "type": "message",
        "user": user,
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        "channel_type": channel_type,
        "team": TEAM_ID,
        "client_msg_id": str(uuid.uuid4()),
        **extra,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def bot_message(text: str, *, channel: str = CHANNEL, thread_ts: str | None = None) -> dict[str, Any]:
    """A message another bot posted (subtype bot_message)."""
    ts = new_ts()
    event = {
        "type": "message",
        "subtype": "bot_message",
        "bot_id": "B0OTHER",
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        "channel_type": "channel",
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def slash_command(
    text: str,
    *,
    channel: str = CHANNEL,
    user: str = USER,
    response_url: str = "https://hooks.slack.com/commands/T0/1/x",
) -> dict[str, str]:
    """The form fields of a `/bubble` slash command."""
    return {
        "token": "legacy-verification-token",
        "team_id": TEAM_ID,
        "team_domain": "fake",
        "channel_id": channel,
        "channel_name": "general",
        "user_id": user,
        "user_name": "alice",
        "command": "/bubble",
        "text": text,
        "api_app_id": "A0FAKE",
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": "1.2.3",
    }


def block_action(
    action_id: str,
    value: str,
    *,
    message_ts: str,
    thread_ts: str | None = None,
    channel: str = CHANNEL,
    user: str = USER,
    response_url: str | None = None,
) -> dict[str, Any]:
    """A block_actions payload: a user clicked a button on our message."""
    container: dict[str, Any] = {
        "type": "message",
        "message_ts": message_ts,
        "channel_id": channel,
        "is_ephemeral": False,
    }
    bot_message = {
        "type": "message",
        "bot_id": BOT_ID,
        "user": BOT_USER_ID,
        "ts": message_ts,
        "text": "answer",
    }
    if thread_ts:
        container["thread_ts"] = thread_ts
        bot_message["thread_ts"] = thread_ts
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": {"id": user, "username": "alice", "name": "alice", "team_id": TEAM_ID},
        "api_app_id": "A0FAKE",
        "token": "legacy-verification-token",
        "container": container,
        "trigger_id": "1.2.3",
        "team": {"id": TEAM_ID, "domain": "fake"},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": channel, "name": "general"},
        "message": bot_message,
        "state": {"values": {}},
        "actions": [
            {
                "action_id": action_id,
                "block_id": f"answer_{value}",
                "value": value,
                "type": "button",
                "text": {"type": "plain_text", "text": "x", "emoji": True},
                "action_ts": "1.2",
            }
        ],
    }
    if response_url:
        payload["response_url"] = response_url
    return payload


def message_shortcut(
    text: str,
    *,
    channel: str = CHANNEL,
    user: str = USER,
    ts: str | None = None,
    thread_ts: str | None = None,
    response_url: str | None = None,
) -> dict[str, Any]:
    """A message_action payload: "Ask bubblebot about this message" on someone's message."""
    ts = ts or new_ts()
    target = {"type": "message", "user": "U0BOB", "ts": ts, "text": text}
    if thread_ts:
        target["thread_ts"] = thread_ts
    payload = {
        "type": "message_action",
        "token": "legacy-verification-token",
        "action_ts": "1.2",
        "team": {"id": TEAM_ID, "domain": "fake"},
        "user": {"id": user, "name": "alice"},
        "channel": {"id": channel, "name": "general"},
        "is_enterprise_install": False,
        "enterprise": None,
        "callback_id": "ask_about_message",
        "trigger_id": "1.2.3",
        "message_ts": ts,
        "message": target,
    }
    if response_url:
        payload["response_url"] = response_url
    return payload


def json_body(payload: dict[str, Any]) -> tuple[str, str]:
    """(body, content type) of an Events API request."""
    return json.dumps(payload), "application/json"


def form_body(fields: dict[str, str]) -> tuple[str, str]:
    """(body, content type) of a slash command request."""
    return urlencode(fields), "application/x-www-form-urlencoded"


def interaction_body(payload: dict[str, Any]) -> tuple[str, str]:
    """(body, content type) of an interactivity request (payload=<json>)."""
    return urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"
