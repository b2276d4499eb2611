"""`/bubble ingest <URL>` on Slack: admins only; acknowledged at once, ingested on its own thread.

The ack carries the refusal, the usage or "adding …" (all only to the user who typed it); the result
follows through the command's response_url (ephemeral), however long the fetch and embedding take.
"""

from __future__ import annotations

import logging
from concurrent.futures import Executor
from typing import TYPE_CHECKING

from slack_bolt import Ack

from bot.chat_ingest import ChatIngest, IngestUsage, parse_url
from bot.slack.render import render_notice
from bot.slack.text import unescape

if TYPE_CHECKING:
    from bot.slack.responder import Place, Responder

log = logging.getLogger(__name__)

SORRY = "Sorry, something went wrong while adding that article; the details are in bubblebot's log."


class SlackIngestCommand:
    """Checks who asked, acknowledges, and queues the ingest on `executor` (one at a time is plenty)."""

    def __init__(self, ingest: ChatIngest, executor: Executor) -> None:
        self.ingest = ingest
        self.executor = executor

    def handle(self, ack: Ack, text: str, place: Place, responder: Responder) -> None:
        """Answer `/bubble ingest …` within Slack's 3 seconds; the ingest itself runs later."""
        if not self.ingest.may_ingest(place.user):
            log.info("refused /bubble ingest from %s (not an admin)", place.user)
            ack(**render_notice(self.ingest.refusal()))
            return
        try:
            url = parse_url(unescape(text))
        except IngestUsage as usage:
            ack(**render_notice(str(usage)))
            return
        ack(**render_notice(f"Adding {url} to my library; I'll tell you here when it's done "
                            "(usually a few seconds)."))
        self.executor.submit(self._run, url, place, responder)

    def _run(self, url: str, place: Place, responder: Responder) -> None:
        try:
            reply = self.ingest.run(url, user=place.user)
        except Exception:  # run() never raises; this is the last guard of a worker thread
            log.exception("/bubble ingest of %s failed", url)
            responder.notify(place, SORRY)
            return
        responder.notify(place, reply.text)
