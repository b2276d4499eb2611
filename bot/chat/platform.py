"""The ChatPlatform protocol: what an adapter gives the core (transport and rendering), and delivering replies.

An adapter translates its platform's events into `Place`s and core calls, and the core's replies back into
its messages. Which replies are public is decided here, once: answers, charts and announcements go to the
channel; everything else (errors, sources, help, previews) to the asker only.
"""

from __future__ import annotations

from typing import Protocol

from bot.chat.conversation import Conversation
from bot.chat.place import Place
from bot.chat.replies import Announcement, AnswerReply, ChartReply, Reply


class ChatPlatform(Protocol):
    """Transport and rendering of one chat platform (Slack, Discord, a test platform)."""

    name: str

    def send(self, place: Place, reply: Reply) -> bool:
        """Post a reply where the place is (channel or thread) for everyone; whether it was posted."""
        ...

    def tell(self, place: Place, reply: Reply) -> bool:
        """Show a reply to the place's user only (in a DM, a normal message); whether it was shown."""
        ...

    def escape(self, text: str) -> str:
        """Text we did not write, made safe inside this platform's message markup."""
        ...

    def mention(self, user: str) -> str:
        """How a message names a user so the platform shows them (never pinging anyone else)."""
        ...


def is_public(reply: Reply) -> bool:
    """Whether a reply is for the whole channel (answers, charts, announcements) rather than the asker."""
    return isinstance(reply, AnswerReply | ChartReply | Announcement)


def deliver(platform: ChatPlatform, conversation: Conversation, place: Place, reply: Reply | None) -> bool:
    """Send a reply the way its kind is sent, and count the place's event answered once something was shown."""
    if reply is None:
        return False
    shown = platform.send(place, reply) if is_public(reply) else platform.tell(place, reply)
    if shown:
        conversation.answered(place)
    return shown
