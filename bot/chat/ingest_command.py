"""`/bubble ingest <URL>` on every platform: admins only, checked at once, ingested later, told in their language."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.chat.place import Place
from bot.chat.replies import Notice
from bot.chat_ingest import IngestUsage, parse_url
from bot.i18n import full_language_name, message

if TYPE_CHECKING:
    from bot.chat_ingest import ChatIngest, IngestReply

log = logging.getLogger(__name__)


class IngestCommand:
    """Refuses non-admins and bad URLs at once; `run` does the fetch and indexing (seconds: a worker thread)."""

    def __init__(self, ingest: ChatIngest | None, *, escape: Callable[[str], str]) -> None:
        self.ingest = ingest
        self.escape = escape

    def check(self, place: Place, text: str, language: str) -> tuple[str | None, Notice]:
        """(the URL to ingest, "adding…") or (None, why not), within the platform's acknowledgement time."""
        if self.ingest is None or not self.ingest.may_ingest(place.user):
            log.info("refused /bubble ingest from %s on %s (not an admin)", place.user, place.platform)
            refusal = message(
                "error.not_allowed",
                language,
                who=message("error.who_admins", language),
                what=message("error.what_ingest", language),
            )
            if self.ingest is None or not self.ingest.admins:
                refusal += message("ingest.none_configured", language)
            return None, Notice(refusal, language)
        try:
            url = parse_url(text)
        except IngestUsage:
            return None, Notice(message("ingest.usage", language), language)
        return url, Notice(message("ingest.adding", language, url=url), language)

    def run(self, place: Place, url: str, language: str) -> Notice:
        """Fetch, check, attribute and index the article; what to tell the admin (never raises)."""
        assert self.ingest is not None
        try:
            reply = self.ingest.run(url, user=place.user, escape=self.escape)
        except Exception:  # run() never raises; the last guard of a worker thread
            log.exception("/bubble ingest of %s failed", url)
            return Notice(message("ingest.sorry", language), language)
        return Notice(self._told(reply, language), language)

    def _told(self, reply: IngestReply, language: str) -> str:
        """The result in the admin's language (a failure's detail is the library's own words)."""
        result = reply.result
        if not reply.ok or result is None:
            return reply.text
        source = result.source
        speakers = ", ".join(self.escape(name) for name in result.speakers) or message(
            "ingest.no_speakers", language
        )
        live = "I'm answering from it now." in reply.text
        return "\n".join(
            [
                message(
                    "ingest.added",
                    language,
                    title=self.escape(source.title),
                    publisher=self.escape(source.publisher),
                ),
                message(
                    "ingest.facts",
                    language,
                    id=source.id,
                    language=full_language_name(source.language, language),
                    passages=result.passages,
                    figures=result.figures,
                ),
                message("ingest.speakers", language, speakers=speakers),
                message("ingest.live" if live else "ingest.soon", language),
                message("ingest.remove", language, id=source.id),
            ]
        )
