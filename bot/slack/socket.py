"""Socket Mode: the bot connects out to Slack over a websocket (no public URL needed).

Uses bolt's built-in Socket Mode handler (no extra dependency). `apps.connections.open` goes through
the same WebClient as everything else, so BUBBLEBOT_SLACK_API_URL applies; an app token Slack
rejects fails fast with BadToken. Retried envelopes carry `retry_attempt`, which bolt turns into the
same `x-slack-retry-num` header HTTP mode sees.
"""

from __future__ import annotations

import logging

from slack_bolt.adapter.socket_mode.builtin import SocketModeHandler
from slack_sdk.errors import SlackApiError

from bot.errors import BadToken
from bot.slack.app import SlackBot
from bot.slack.web import error_code

log = logging.getLogger(__name__)

CONCURRENCY = 16


def connect_socket_mode(bot: SlackBot, app_token: str, *, ping_interval: float = 10.0) -> SocketModeHandler:
    """Open the Socket Mode connection (returns once connected; close() the handler when done)."""
    handler = SocketModeHandler(
        bot.app,
        app_token=app_token,
        web_client=bot.app.client,
        concurrency=CONCURRENCY,
        ping_interval=ping_interval,
    )
    try:
        handler.connect()  # type: ignore[no-untyped-call]
    except SlackApiError as error:
        handler.close()  # type: ignore[no-untyped-call]
        log.error("Slack apps.connections.open failed: %s", error_code(error))
        raise BadToken("Slack", "SLACK_APP_TOKEN") from None
    except BaseException:
        handler.close()  # type: ignore[no-untyped-call]
        raise
    log.info("connected to Slack in Socket Mode")
    return handler
