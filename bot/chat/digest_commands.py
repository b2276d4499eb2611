"""`/bubble digest …` on every platform: subscribe, unsubscribe, most-asked, status, preview, help.

Who may change a channel's digest is the platform's rule (Slack: everyone unless BUBBLEBOT_ADMINS lists
user ids; Discord: Manage Channels), given as `may_change`/`refusal`. Every change is announced in the
channel, naming who made it; status and preview go to the asker only. Replies follow the asker's language.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bot.chat.place import Place
from bot.chat.replies import Announcement, DigestHelpReply, DigestReply, Notice, Reply
from bot.digest.manage import DigestDesk
from bot.digest.options import DigestUsageError, SubscribeRequest, parse_subscribe
from bot.errors import StoreUnavailable
from bot.i18n import message

if TYPE_CHECKING:
    from bot.store import StateStore

log = logging.getLogger(__name__)

CHANGES = frozenset({"subscribe", "unsubscribe", "most-asked"})


def _anyone(place: Place) -> bool:
    return True


class DigestCommands:
    """The digest commands for one store and library, with the platform's permission rule and markup."""

    def __init__(
        self,
        store: StateStore | None,
        data_dir: Path,
        *,
        mention: Callable[[str], str],
        escape: Callable[[str], str],
        may_change: Callable[[Place], bool] = _anyone,
        refusal: Callable[[Place, str], str] | None = None,
    ) -> None:
        self.desk = DigestDesk(store, data_dir) if store is not None else None
        self.mention = mention
        self.escape = escape
        self.may_change = may_change
        self.refusal = refusal or (
            lambda place, language: message("digest_cmd.needs_manage_channels", language)
        )

    def run(self, place: Place, words: list[str], language: str) -> Reply:
        """A text command (`subscribe 9am Shanghai zh-Hans`, `status`…); errors go to the asker only."""
        action = words[0].lower() if words else "help"
        args = words[1:]
        if action == "subscribe":
            return self.guarded(
                place,
                language,
                lambda desk: self._subscribe(desk, place, parse_subscribe(args), None, language),
                change=True,
            )
        if action == "unsubscribe":
            return self.unsubscribe(place, language)
        if action == "most-asked" and args and args[0].lower() in ("on", "off"):
            return self.most_asked(place, args[0].lower() == "on", language)
        if action == "status":
            return self.status(place, language)
        if action == "preview":
            return self.preview(place, language)
        return DigestHelpReply(language)

    def guarded(
        self, place: Place, language: str, action: Callable[[DigestDesk], Reply], *, change: bool = False
    ) -> Reply:
        """Run one action: permission first (for changes), then the store; every failure as a Notice."""
        if change and not self.may_change(place):
            return Notice(self.refusal(place, language), language, markup=True)
        try:
            if self.desk is None:
                raise StoreUnavailable("no state store")
            return action(self.desk)
        except (DigestUsageError, StoreUnavailable) as error:
            return Notice(error.localized(language), language)
        except Exception:
            log.exception("a digest command failed")
            return Notice(message("digest_cmd.failed", language), language)

    def subscribe(
        self, place: Place, request: SubscribeRequest, language: str, *, most_asked: bool | None = None
    ) -> Reply:
        """Turn the channel's digest on or change it (settings not given are kept)."""
        return self.guarded(
            place,
            language,
            lambda desk: self._subscribe(desk, place, request, most_asked, language),
            change=True,
        )

    def _subscribe(
        self,
        desk: DigestDesk,
        place: Place,
        request: SubscribeRequest,
        most_asked: bool | None,
        language: str,
    ) -> Reply:
        subscription = desk.subscribe(
            place.platform, place.channel, request, user=place.user, most_asked=most_asked
        )
        summary = desk.summary(subscription, language=language)
        return Announcement(
            message(
                "digest_cmd.turned_on", language, user=self.mention(place.user), summary=self.escape(summary)
            ),
            language,
        )

    def unsubscribe(self, place: Place, language: str) -> Reply:
        """Turn the channel's digest off."""

        def stop(desk: DigestDesk) -> Reply:
            if not desk.unsubscribe(place.platform, place.channel):
                return Notice(message("digest_cmd.none", language), language)
            return Announcement(
                message("digest_cmd.turned_off", language, user=self.mention(place.user)), language
            )

        return self.guarded(place, language, stop, change=True)

    def most_asked(self, place: Place, show: bool, language: str) -> Reply:
        """Show or hide “Most asked this week” in the channel's digest."""

        def switch(desk: DigestDesk) -> Reply:
            if desk.store.subscription(platform=place.platform, channel=place.channel) is None:
                return Notice(
                    message("digest_cmd.none_yet", language, usage=message("digest_cmd.usage", language)),
                    language,
                )
            desk.subscribe(
                place.platform, place.channel, SubscribeRequest(), user=place.user, most_asked=show
            )
            key = "digest_cmd.most_asked_on" if show else "digest_cmd.most_asked_off"
            return Announcement(message(key, language, user=self.mention(place.user)), language)

        return self.guarded(place, language, switch, change=True)

    def status(self, place: Place, language: str) -> Reply:
        """Settings, next digest and last delivery, to the asker."""
        return self.guarded(
            place,
            language,
            lambda desk: Notice(desk.status(place.platform, place.channel, language=language), language),
        )

    def preview(self, place: Place, language: str) -> Reply:
        """Today's digest for the channel, to the asker."""
        return self.guarded(
            place, language, lambda desk: DigestReply(desk.preview(place.platform, place.channel))
        )
