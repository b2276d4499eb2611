"""Slack as a ChatPlatform: where replies go (thread, ephemeral, response_url, DM) and how a chart is uploaded."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from slack_sdk.errors import SlackApiError, SlackClientError

from bot.chat.place import Place
from bot.chat.replies import Announcement, ChartReply, Reply
from bot.i18n import message
from bot.observability.metrics import platform_api_error
from bot.slack.render import render_announcement, render_chart_comment, render_reply
from bot.slack.text import escape, sanitize
from bot.slack.web import SlackPoster, error_code

log = logging.getLogger(__name__)

NAME = "slack"


@dataclass(frozen=True)
class SlackVia:
    """How to reach a Slack asker besides the channel: a command's response_url, the message to react to."""

    response_url: str | None = None
    message_ts: str | None = None  # the asker's message, which gets the 👀 "thinking" reaction


def via(place: Place) -> SlackVia:
    """The place's Slack handles (empty when it has none)."""
    return place.via if isinstance(place.via, SlackVia) else SlackVia()


class SlackPlatform:
    """Sends the core's replies through the Web API (every call wrapped by SlackPoster's error policy)."""

    name = NAME

    def __init__(self, poster: SlackPoster) -> None:
        self.poster = poster

    def escape(self, text: str) -> str:
        """mrkdwn-safe text."""
        return escape(text)

    def mention(self, user: str) -> str:
        """<@U…>."""
        return f"<@{user}>"

    def send(self, place: Place, reply: Reply) -> bool:
        """Post for the channel: in the place's thread; a command answers through response_url if the bot is
        not in the channel. An announcement the channel cannot get goes to the asker with how to fix it."""
        if isinstance(reply, ChartReply):
            return self._upload(place, reply)
        payload = render_reply(reply)
        thread = None if isinstance(reply, Announcement) else place.thread
        if self.poster.post_message(place.channel, payload, thread_ts=thread) is not None:
            return True
        if isinstance(reply, Announcement):
            hinted = render_announcement(reply.text + message("digest_cmd.cannot_post", reply.language))
            return self.poster.respond(via(place).response_url, hinted, ephemeral=False) or self._tell(
                place, hinted
            )
        return self.poster.respond(via(place).response_url, payload, ephemeral=False)

    def tell(self, place: Place, reply: Reply) -> bool:
        """Show the asker only: response_url, else (DM) a message, else an ephemeral message."""
        return self._tell(place, render_reply(reply))

    def _tell(self, place: Place, payload: dict[str, Any]) -> bool:
        if self.poster.respond(via(place).response_url, payload):
            return True
        if place.is_dm:
            return self.poster.post_message(place.channel, payload, thread_ts=place.thread) is not None
        return self.poster.post_ephemeral(place.channel, place.user, payload, thread_ts=place.thread)

    def thinking(self, place: Place, *, add: bool) -> bool:
        """Show (or take back) the 👀 sign on the asker's message; whether it was changed."""
        ts = via(place).message_ts
        return ts is not None and self.poster.react(place.channel, ts, "eyes", add=add)

    def _upload(self, place: Place, reply: ChartReply) -> bool:
        """Upload the chart image with its cited lines; if Slack refuses the file, post the text alone."""
        comment = render_chart_comment(reply.chart, reply.language)
        try:
            self.poster.client.files_upload_v2(
                channel=place.channel,
                content=reply.chart.png,
                filename=reply.chart.filename,
                title=reply.chart.title,
                alt_txt=reply.chart.alt,
                initial_comment=sanitize(comment),
                request_file_info=False,
                thread_ts=place.thread,
            )
            return True
        except SlackApiError as error:
            code = error_code(error)
            platform_api_error(NAME, "files_upload_v2", code)
            log.warning("Slack files_upload_v2 failed: %s; posting the chart as text", code)
        except (SlackClientError, OSError) as error:
            platform_api_error(NAME, "files_upload_v2", type(error).__name__)
            log.warning("Slack files_upload_v2 failed: %s; posting the chart as text", type(error).__name__)
        fallback = render_announcement(comment + "\n" + escape(reply.chart.fallback()))
        return self.poster.post_message(
            place.channel, fallback, thread_ts=place.thread
        ) is not None or self.poster.respond(via(place).response_url, fallback, ephemeral=False)
