"""Keep secrets out of logs: a filter that masks token-shaped strings and the configured secret values.

Installed for every command by `bot.observability.logs.configure_logging` (and by `serve slack`) (a provider that echoes the
LLM key in an error message, a database URL in a driver error, a Slack or Discord token in a traceback).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

TOKEN = re.compile(r"\b(xox[abposre]|xapp)-[A-Za-z0-9-]+")
# OpenAI-style API keys (sk-…, sk-proj-…, sk-ant-…), as providers echo them in error messages.
API_KEY = re.compile(r"\bsk-[A-Za-z0-9_-]{16,}")
# A Discord bot token: base64 user id, a timestamp part and an HMAC, separated by dots.
DISCORD_TOKEN = re.compile(r"\b[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}\b")
# user:password@ in a URL (a database URL in a driver's error message)
URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/@\s]*:)[^@\s]+(@)", re.IGNORECASE)
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
        text = API_KEY.sub("sk-[redacted]", text)
        text = DISCORD_TOKEN.sub("[redacted]", text)
        text = URL_PASSWORD.sub(lambda m: f"{m.group(1)}[redacted]{m.group(2)}", text)
        return TOKEN_FIELD.sub(
            lambda m: f"{m.group(1)}[redacted]{m.group(2)}" if m.group(1) else f"{m.group(3)}[redacted]", text
        )

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
