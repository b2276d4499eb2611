"""Every error a user can meet, each with the message they see (from the message catalogue, `error.*`).

str(error) is the English message; `error.localized(language)` is the same message in the reader's language.
"""

from __future__ import annotations

from typing import Any


def _english(key: str, **params: Any) -> str:
    from bot.i18n import message

    return message(key, "en", **params)


class BubblebotError(Exception):
    """Base class; str(error) is the message shown to the user."""

    key: str | None = None  # the catalogue key of the message, when it has one
    params: dict[str, Any] = {}  # noqa: RUF012 — replaced per instance, never mutated

    def localized(self, language: str) -> str:
        """The message in the reader's language (English when it has no catalogue key)."""
        if self.key is None:
            return str(self)
        from bot.i18n import message

        return message(self.key, language, **self.params)

    def _keyed(self, key: str, **params: Any) -> None:
        """Set the message from the catalogue (English in str(); other languages through localized())."""
        self.key, self.params = key, params
        Exception.__init__(self, _english(key, **params))


class EmptyQuestion(BubblebotError):
    """The question is empty or only whitespace."""

    def __init__(self) -> None:
        self._keyed("error.empty_question")


class QuestionTooLong(BubblebotError):
    """A chat question over the length limit (the CLI cuts instead)."""

    def __init__(self, limit: int, length: int) -> None:
        self._keyed("error.too_long", limit=limit, length=length)


class RateLimited(BubblebotError):
    """A user asked too often."""

    def __init__(self, retry_after: float) -> None:
        self.retry_after = retry_after
        self._keyed("error.rate_limited", seconds=max(1, round(retry_after)))


class NotAllowed(BubblebotError):
    """A command reserved for admins or channel managers."""

    def __init__(self, what: str, *, who: str = "workspace admins") -> None:
        super().__init__(f"Sorry, only {who} can {what}.")


class StoreUnavailable(BubblebotError):
    """The state database cannot be reached; answers still work."""

    def __init__(self, detail: str = "") -> None:
        self._keyed("error.store_unavailable")
        self.detail = detail


class BadToken(BubblebotError):
    """A platform rejected the configured token at start-up."""

    def __init__(self, platform: str, variable: str) -> None:
        super().__init__(
            f"{platform} rejected the token in {variable}; check it and restart (the token is not shown)."
        )


class ConfigurationError(BubblebotError):
    """A required setting is missing or malformed."""
