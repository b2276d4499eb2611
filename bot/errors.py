"""Every error a user can meet, each with the message they see."""

from __future__ import annotations


class BubblebotError(Exception):
    """Base class; str(error) is the message shown to the user."""


class EmptyQuestion(BubblebotError):
    """The question is empty or only whitespace."""

    def __init__(self) -> None:
        super().__init__("Please ask a question, e.g. \"Does Sam Altman think AI is a bubble?\"")


class QuestionTooLong(BubblebotError):
    """A chat question over the length limit (the CLI cuts instead)."""

    def __init__(self, limit: int, length: int) -> None:
        super().__init__(f"That question is {length} characters long; please keep it under {limit} characters.")


class RateLimited(BubblebotError):
    """A user asked too often."""

    def __init__(self, retry_after: float) -> None:
        seconds = max(1, round(retry_after))
        super().__init__(f"You're asking faster than I can keep up. Please try again in {seconds} s.")


class NotAllowed(BubblebotError):
    """A command reserved for admins or channel managers."""

    def __init__(self, what: str, *, who: str = "workspace admins") -> None:
        super().__init__(f"Sorry, only {who} can {what}.")


class StoreUnavailable(BubblebotError):
    """The state database cannot be reached; answers still work."""

    def __init__(self, detail: str = "") -> None:
        super().__init__("I can't reach my database right now, so I can't save or look that up. Please try later.")
        self.detail = detail


class BadToken(BubblebotError):
    """A platform rejected the configured token at start-up."""

    def __init__(self, platform: str, variable: str) -> None:
        super().__init__(f"{platform} rejected the token in {variable}; check it and restart (the token is not shown).")


class ConfigurationError(BubblebotError):
    """A required setting is missing or malformed."""
