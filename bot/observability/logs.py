"""Logging set-up: plain text or one JSON object per line (BUBBLEBOT_LOG_FORMAT=json), with a request id.

The request id lives in a context variable: `request_scope()` binds one (a new random id unless one
is given or already bound), and every record logged inside it carries it. Messages at INFO and
above never contain tokens or what users wrote; the adapters and the answer service log ids,
languages, counts and timings only.
"""

from __future__ import annotations

import json
import logging
import sys
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.observability.redact import RedactSecrets

if TYPE_CHECKING:
    from bot.settings import Settings

REQUEST_ID: ContextVar[str | None] = ContextVar("bubblebot_request_id", default=None)
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Libraries that log every HTTP request at INFO (URLs, not secrets, but noise at scale).
CHATTY = ("httpx", "httpcore", "chromadb", "urllib3")


def request_id() -> str | None:
    """The request id bound in this context, if any."""
    return REQUEST_ID.get()


@contextmanager
def request_scope(rid: str | None = None) -> Iterator[str]:
    """Bind a request id for the block: rid if given, else the one already bound, else a new one."""
    current = REQUEST_ID.get()
    chosen = rid or current or uuid.uuid4().hex[:16]
    token = REQUEST_ID.set(chosen)
    try:
        yield chosen
    finally:
        REQUEST_ID.reset(token)


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, request_id, and exc_info if any."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": REQUEST_ID.get(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            data["exc_info"] = record.exc_text
        return json.dumps(data, ensure_ascii=False)


def secret_values(settings: Settings) -> list[str]:
    """Every secret a setting holds: platform tokens, the signing secret, the LLM key, the database password."""
    values = [
        settings.slack_bot_token,
        settings.slack_app_token,
        settings.slack_signing_secret,
        settings.discord_token,
        settings.llm_api_key,
    ]
    secrets = [v.get_secret_value().strip() for v in values if v is not None]
    if settings.database_url:
        # imported here: SQLAlchemy takes a fifth of a second to import, and `bubblebot --help` needs none of it
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            password = make_url(settings.database_url).password
        except ArgumentError:
            password = None
        if password:
            secrets.append(str(password))
    return [s for s in secrets if s]


def configure_logging(
    log_format: str = "text", *, verbose: bool = False, secrets: Iterable[str] = ()
) -> None:
    """Log to stderr as text or JSON; INFO with verbose, else WARNING (no-op if logging is set up).

    Every handler of the root logger masks the given secrets and anything shaped like a token.
    """
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        JsonFormatter() if log_format.strip().lower() == "json" else logging.Formatter(TEXT_FORMAT)
    )
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler])
    for name in CHATTY:
        logging.getLogger(name).setLevel(logging.WARNING)
    redactor = RedactSecrets(secrets)
    for each in logging.getLogger().handlers:
        each.filters = [f for f in each.filters if not isinstance(f, RedactSecrets)]  # the newest secrets win
        each.addFilter(redactor)
