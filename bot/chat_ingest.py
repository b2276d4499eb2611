"""`/bubble ingest URL` from chat: who may run it, running it, and the one reply (platform-neutral).

Only the user ids in BUBBLEBOT_ADMINS (Slack or Discord ids, both may be listed) may ingest; with none
listed nobody may from chat (`bubblebot ingest` on the server still works). Only http(s) URLs are
accepted: a chat command never reads the server's own files. The adapters acknowledge at once and call
`ChatIngest.run` in a worker thread (it fetches the page and embeds new passages: seconds); on success
the running bot reloads its knowledge base before the reply, so the admin can ask about it right away.
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import re
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from bot.errors import NotAllowed
from bot.glossing import ModelGlosser
from bot.settings import Settings
from knowledge.errors import IngestError, KnowledgeError
from knowledge.ingest import IndexTarget, IngestResult, ingest
from knowledge.library_store import shared_database

if TYPE_CHECKING:
    from bot.service import AnswerService

log = logging.getLogger(__name__)

USAGE = (
    "Usage: `/bubble ingest <URL>` with the http(s) link of one article, "
    "e.g. `/bubble ingest https://example.com/news/ai-data-centers`"
)
LANGUAGE_NAMES = {"en": "English", "zh-Hans": "Simplified Chinese", "zh-Hant": "Traditional Chinese"}
FETCH_TIMEOUT = 15.0
MAX_ERROR_CHARS = 600
_URL = re.compile(r"^https?://\S+$", re.I)


class IngestUsage(Exception):
    """The command's argument is not one http(s) URL; str() is the usage line."""

    def __init__(self) -> None:
        super().__init__(USAGE)


@dataclass(frozen=True)
class IngestReply:
    """What to tell the admin: success (and the result) or one short error."""

    ok: bool
    text: str
    result: IngestResult | None = None


def parse_url(text: str) -> str:
    """The one http(s) URL in the command's text (`<…>` around it is dropped); IngestUsage otherwise."""
    words = text.split()
    if len(words) != 1:
        raise IngestUsage()
    url = words[0]
    if url.startswith("<") and url.endswith(">"):  # Discord's no-embed form, Slack's link markup
        url = url[1:-1].split("|", 1)[0]
    if not _URL.match(url) or not urlparse(url).hostname:
        raise IngestUsage()
    return url


def refusal(*, any_admins: bool) -> str:
    """The polite no for a user who is not an admin (saying so when no admin is configured at all)."""
    message = str(NotAllowed("add articles to my library", who="bubblebot's admins"))
    if not any_admins:
        message += (
            " None are configured, so nobody can from chat; the operator can list admins' user ids "
            "in BUBBLEBOT_ADMINS or run `bubblebot ingest` on the server."
        )
    return message


def _one_line(message: str) -> str:
    line = " ".join((message.strip().splitlines() or [""])[0].split())
    return line if len(line) <= MAX_ERROR_CHARS else line[: MAX_ERROR_CHARS - 1] + "…"


def _no_escape(text: str) -> str:
    return text


class ChatIngest:
    """Runs `/bubble ingest` for the admins of one bot (thread-safe; ingests queue on the library lock)."""

    def __init__(
        self,
        target: IndexTarget,
        admins: Iterable[str],
        *,
        service: AnswerService | None = None,
        timeout: float = FETCH_TIMEOUT,
        allow: Iterable[str] = (),
        isolated: bool = False,
    ) -> None:
        self.target = target
        self.admins = frozenset(a.strip() for a in admins if a.strip())
        self.service = service
        self.timeout = timeout
        self.allow = tuple(allow)  # non-public hosts or ranges a URL may reach (BUBBLEBOT_INGEST_ALLOW)
        self.isolated = isolated  # ingest in a child process (a running bot), not in this one

    @classmethod
    def from_settings(cls, settings: Settings, service: AnswerService | None) -> ChatIngest:
        """The command for a bot configured by settings, reloading `service` after each ingest."""
        target = IndexTarget(
            data_dir=settings.data_dir,
            chroma_url=settings.chroma_url,
            embedding=settings.embedding,
            embedding_base_url=settings.embedding_base_url,
            shared_database=shared_database(settings.database_url, settings.chroma_url),
            glosser=ModelGlosser.from_settings(settings),
        )
        # A child process keeps the work off this one's GIL, but two processes writing one embedded Chroma store
        # can break its compaction under load: isolate only when the index lives on a Chroma server.
        return cls(
            target,
            settings.admins,
            service=service,
            allow=settings.ingest_allow,
            isolated=settings.chroma_url is not None,
        )

    def may_ingest(self, user: str) -> bool:
        """Whether this platform user id is one of the admins."""
        return user in self.admins

    def refusal(self) -> str:
        """The polite no for everyone else (it says so when no admin is configured at all)."""
        return refusal(any_admins=bool(self.admins))

    def run(self, url: str, *, user: str = "", escape: Callable[[str], str] = _no_escape) -> IngestReply:
        """Fetch, check, attribute and index the article; reload the bot's knowledge base; never raises.

        `escape` makes text from the page (title, speakers, error details) safe for the platform's markup.
        """
        log.info("chat ingest of %s requested by %s", url, user or "?")
        try:
            result = self._ingest(url)
        except KnowledgeError as error:
            detail = _one_line(str(error)).rstrip(".")
            log.warning("chat ingest of %s failed: %s", url, detail)
            # An IngestError leaves the library and index as they were (see knowledge.ingest).
            unchanged = " Nothing was changed." if isinstance(error, IngestError) else ""
            return IngestReply(False, f"Couldn't add that article: {escape(detail)}.{unchanged}")
        except Exception:
            log.exception("chat ingest of %s failed", url)
            return IngestReply(
                False,
                "Sorry, something went wrong while adding that article; the details are in bubblebot's log.",
            )
        log.info(
            "chat ingest added %s (%d passages, %.1f s)", result.source.id, result.passages, result.seconds
        )
        live = self._reload(result.source.id)
        return IngestReply(True, self._success(result, live, escape), result)

    def _ingest(self, url: str) -> IngestResult:
        """Run the ingest here, or (isolated) in a fresh child process.

        Fetching, extracting, attributing and embedding are pure Python for seconds at a time: in the bot's
        own process they would hold the GIL and delay the acks of chat events and /healthz. A spawned child
        also gives its memory back when it exits. Its errors (IngestError…) come back as themselves.
        """
        if not self.isolated:
            return ingest(url, self.target, timeout=self.timeout, allow=self.allow)
        plain = dataclasses.replace(self.target, embedder=None)  # the child loads its own
        context = multiprocessing.get_context("spawn")  # never fork a process with threads running
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as child:
            return child.submit(ingest, url, plain, timeout=self.timeout, allow=self.allow).result()

    def _reload(self, source_id: str) -> bool:
        """Reload the running bot's knowledge base now (this is a worker thread); whether it answers from it."""
        if self.service is None:
            return False
        try:
            self.service.refresh(wait=True)
            return any(s.id == source_id for s in self.service.kb.corpus.sources)
        except Exception:
            log.exception("could not reload the knowledge base after an ingest")
            return False

    @staticmethod
    def _success(result: IngestResult, live: bool, escape: Callable[[str], str]) -> str:
        source = result.source
        speakers = ", ".join(escape(name) for name in result.speakers) or "none attributed"
        language = LANGUAGE_NAMES.get(source.language, source.language)
        lines = [
            f"Added “{escape(source.title)}” ({escape(source.publisher)}) to my library.",
            f"• id `{source.id}` · {language} · {result.passages} passages, {result.figures} figures",
            f"• speakers found: {speakers}",
        ]
        lines.append("I'm answering from it now." if live else "I'll answer from it within a few seconds.")
        lines.append(f"To take it out again: `bubblebot sources remove {source.id}` on the server.")
        return "\n".join(lines)
