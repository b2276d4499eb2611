"""Posting to Slack: every Web API call goes through here, so errors never crash a listener.

`ratelimited` (HTTP 429 with Retry-After) is waited out and retried once; `channel_not_found`,
`not_in_channel`, `invalid_auth` and the rest are logged by error code (never with a token) and the
call returns None. Every payload is sanitized (no broadcast mentions) before it leaves.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web import SlackResponse
from slack_sdk.webhook import WebhookClient

from bot.observability.metrics import platform_api_error
from bot.slack.text import sanitize

log = logging.getLogger(__name__)

NOT_REACHABLE = frozenset(
    {
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "user_not_in_channel",
        "restricted_action",
        "cannot_dm_bot",
    }
)


def error_code(error: SlackApiError) -> str:
    """Slack's error code from an API error (e.g. `channel_not_found`)."""
    data = error.response.data if isinstance(error.response.data, dict) else {}
    return str(data.get("error") or f"http_{error.response.status_code}")


def retry_after(error: SlackApiError, default: float = 1.0) -> float:
    """Seconds Slack asked us to wait (the Retry-After header), or the default."""
    headers = error.response.headers or {}
    value = headers.get("Retry-After", headers.get("retry-after"))
    if isinstance(value, list):
        value = value[0] if value else None
    try:
        return max(0.0, float(value)) if value is not None else default
    except ValueError:
        return default


class SlackPoster:
    """The Web API calls the adapter makes, each wrapped in the error policy above."""

    def __init__(
        self, client: WebClient, *, max_wait: float = 30.0, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        self.client = client
        self.max_wait = max_wait
        self.sleep = sleep
        self.reactions_allowed = True

    def call(self, method: str, **kwargs: Any) -> SlackResponse | None:
        """Call one Web API method (`chat_postMessage` style name); None when Slack said no."""
        function = getattr(self.client, method)
        kwargs = sanitize(kwargs)
        for attempt in (1, 2):
            try:
                response: SlackResponse = function(**kwargs)
                return response
            except SlackApiError as error:
                code = error_code(error)
                platform_api_error("slack", method, code)
                if (code == "ratelimited" or error.response.status_code == 429) and attempt == 1:
                    wait = min(retry_after(error), self.max_wait)
                    log.warning("Slack %s rate limited; retrying once in %.1f s", method, wait)
                    self.sleep(wait)
                    continue
                if code in NOT_REACHABLE:
                    log.warning("Slack %s failed: %s (channel %s)", method, code, kwargs.get("channel"))
                elif code in {"invalid_auth", "not_authed", "token_revoked", "account_inactive"}:
                    log.error("Slack %s failed: %s; check SLACK_BOT_TOKEN (not shown)", method, code)
                else:
                    log.warning("Slack %s failed: %s", method, code)
                return None
            except (SlackClientError, OSError) as error:
                platform_api_error("slack", method, type(error).__name__)
                log.warning("Slack %s failed: %s", method, type(error).__name__)
                return None
        return None

    def post_message(
        self, channel: str, payload: dict[str, Any], *, thread_ts: str | None = None
    ) -> str | None:
        """Post a message (in a thread when thread_ts is given); the new message's ts, or None."""
        extra = {"thread_ts": thread_ts} if thread_ts else {}
        response = self.call(
            "chat_postMessage", channel=channel, unfurl_links=False, unfurl_media=False, **extra, **payload
        )
        return str(response.get("ts")) if response is not None else None

    def react(self, channel: str, ts: str, name: str, *, add: bool = True) -> bool:
        """Add (or remove) a reaction on a message; False, and no further tries, without `reactions:write`."""
        if not self.reactions_allowed:
            return False
        method = "reactions_add" if add else "reactions_remove"
        try:
            getattr(self.client, method)(channel=channel, timestamp=ts, name=name)
        except SlackApiError as error:
            code = error_code(error)
            if code in {"missing_scope", "not_allowed_token_type", "no_permission"}:
                # an app installed before the scope was added: answer without the sign, say so once
                self.reactions_allowed = False
                log.warning("Slack %s failed: %s; add reactions:write for the 👀 sign", method, code)
            elif code not in {"already_reacted", "no_reaction", "message_not_found"}:
                log.info("Slack %s failed: %s", method, code)
            return False
        except (SlackClientError, OSError) as error:
            log.info("Slack %s failed: %s", method, type(error).__name__)
            return False
        return True

    def post_ephemeral(
        self, channel: str, user: str, payload: dict[str, Any], *, thread_ts: str | None = None
    ) -> bool:
        """Show a message to one user only; whether Slack accepted it."""
        extra = {"thread_ts": thread_ts} if thread_ts else {}
        return self.call("chat_postEphemeral", channel=channel, user=user, **extra, **payload) is not None

    def respond(self, response_url: str | None, payload: dict[str, Any], *, ephemeral: bool = True) -> bool:
        """Answer through an interaction's response_url (works where the bot is not a member)."""
        if not response_url:
            return False
        body = {
            **sanitize(payload),
            "response_type": "ephemeral" if ephemeral else "in_channel",
            "replace_original": False,
        }
        try:
            result = WebhookClient(response_url, timeout=10).send_dict(body)
        except OSError as error:
            log.warning("Slack response_url failed: %s", type(error).__name__)
            return False
        if result.status_code != 200:
            log.warning("Slack response_url failed: HTTP %s", result.status_code)
            return False
        return True
