"""Where a message came from and where its reply goes, the same on every platform."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Place:
    """A platform, a channel (a thread is kept under its parent channel), a user, and how to reach them.

    `via` is the platform's own handle for replying (Slack's response_url, a Discord interaction); the core
    never looks inside it.
    """

    platform: str
    channel: str
    user: str
    thread: str | None = None
    is_dm: bool = False
    locale: str | None = None  # the user's locale when the platform gives it ("zh-TW")
    team: str = ""
    event_id: str | None = None  # the platform event being answered (claimed, then marked answered)
    via: Any = field(default=None, compare=False, repr=False)

    @property
    def user_key(self) -> str:
        """One user on one platform (and workspace): the rate limit's key."""
        return f"{self.platform}:{self.team}:{self.user}"
