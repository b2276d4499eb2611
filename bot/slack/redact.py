"""Keep tokens out of logs: a filter that masks Slack tokens and the configured secrets."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

TOKEN = re.compile(r"\b(xox[abposre]|xapp)-[A-Za-z0-9-]+")
# Slack's legacy verification token inside logged request bodies (JSON or form encoded).
TOKEN_FIELD = re.compile(r"""(["']token["']\s*:\s*["'])[^"']*(["'])|(\btoken=)[^&\s]+""")


class RedactSecrets(logging.Filter):
    """Masks Slack-shaped tokens and the given secret values in every record it sees."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets = sorted({s for s in secrets if s and len(s) >= 6}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        """The text with every token and secret replaced by a marker."""
        for secret in self.secrets:
            text = text.replace(secret, "[redacted]")
        text = TOKEN.sub(lambda m: m.group(1) + "-[redacted]", text)
        return TOKEN_FIELD.sub(lambda m: f"{m.group(1)}[redacted]{m.group(2)}" if m.group(1)
                               else f"{m.group(3)}[redacted]", text)

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message (and traceback text) without secrets; never drops a record."""
        message = record.getMessage()
        clean = self.redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        return True


def install(secrets: Iterable[str]) -> RedactSecrets:
    """Attach the filter to every handler of the root logger (adding a stderr handler if none)."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    redactor = RedactSecrets(secrets)
    for handler in root.handlers:
        if not any(isinstance(f, RedactSecrets) for f in handler.filters):
            handler.addFilter(redactor)
    return redactor
