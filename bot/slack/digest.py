"""The digest on Slack: posting it (Web API), the scheduler inside `serve slack`, `/bubble digest …`.

Who may change a channel's digest: anyone in the channel, like Slack's own RSS and GitHub apps'
channel subscriptions, unless BUBBLEBOT_ADMINS lists Slack user ids (then only they may); every change
is announced in the channel, naming who made it. Status and preview are open to everyone.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.digest.manage import DigestDesk
from bot.digest.model import Digest
from bot.digest.options import DigestUsageError, parse_subscribe
from bot.digest.runner import PostFailed
from bot.digest.scheduler import DigestScheduler, scheduler_enabled
from bot.errors import StoreUnavailable
from bot.observability.metrics import platform_api_error
from bot.settings import Settings
from bot.slack.digest_render import render_slack_digest
from bot.slack.text import escape, sanitize
from bot.slack.web import error_code
from bot.store import StateStore

if TYPE_CHECKING:
    from bot.slack.responder import Place, Responder

log = logging.getLogger(__name__)

PLATFORM = "slack"
USAGE = "`/bubble digest subscribe [HH:MM] [time zone] [language]`"
HELP = ("*Daily digest* — a figure and a quote of the day, new articles and this channel's most asked "
        "questions, posted once a day.\n"
        f"• {USAGE} — turn it on or change it (defaults 09:00, UTC, en), e.g. "
        "`/bubble digest subscribe 09:00 Asia/Shanghai zh-Hans`\n"
        "• `/bubble digest most-asked on|off` — show or hide “Most asked this week”\n"
        "• `/bubble digest unsubscribe` — turn it off\n"
        "• `/bubble digest status` — settings, next digest, last delivery\n"
        "• `/bubble digest preview` — today's digest, only to you")


class SlackDigestPoster:
    """Posts digests with chat.postMessage; a Slack error becomes PostFailed(error code)."""

    platform = PLATFORM

    def __init__(self, client: WebClient) -> None:
        self.client = client

    def post(self, channel: str, digest: Digest) -> str | None:
        """Post the digest to the channel; the message ts."""
        payload = sanitize(render_slack_digest(digest))
        try:
            response = self.client.chat_postMessage(channel=channel, unfurl_links=False, unfurl_media=False,
                                                    **payload)
        except SlackApiError as error:
            code = error_code(error)
            platform_api_error(PLATFORM, "chat_postMessage", code)
            raise PostFailed(code) from None
        except (SlackClientError, OSError) as error:
            platform_api_error(PLATFORM, "chat_postMessage", type(error).__name__)
            raise PostFailed(type(error).__name__, str(error)) from None
        return str(response.get("ts") or "") or None


def start_slack_scheduler(settings: Settings, client: WebClient) -> DigestScheduler | None:
    """Start posting due digests from `serve slack` (None when BUBBLEBOT_SCHEDULER is off)."""
    if not scheduler_enabled(settings):
        log.info("digest scheduler off (BUBBLEBOT_SCHEDULER=%s)", settings.scheduler)
        return None
    return DigestScheduler(database_url=settings.resolved_database_url(), data_dir=settings.data_dir,
                           poster=SlackDigestPoster(client)).start()


class SlackDigestCommands:
    """`/bubble digest <subscribe|unsubscribe|most-asked|status|preview>` (called after the ack)."""

    def __init__(self, settings: Settings, store: StateStore | None) -> None:
        self.admins = {admin.strip() for admin in settings.admins if admin.strip()}
        self.desk = DigestDesk(store, settings.data_dir) if store is not None else None

    def may_change(self, user: str) -> bool:
        """Whether the user may change a channel's digest (everyone, unless BUBBLEBOT_ADMINS is set)."""
        return not self.admins or user in self.admins

    def handle(self, text: str, place: Place, responder: Responder) -> None:
        """Run one digest command and answer it (errors only to the user who typed it)."""
        words = text.split()
        action = words[0].lower() if words else "help"
        try:
            if self.desk is None:
                raise StoreUnavailable("no state store")
            self._run(self.desk, action, words[1:], place, responder)
        except (DigestUsageError, StoreUnavailable) as error:
            responder.notify(place, str(error))
        except Exception:
            log.exception("the digest command %r failed", action)
            responder.notify(place, "Sorry, something went wrong with that digest command. Please try again.")

    def _run(self, desk: DigestDesk, action: str, args: list[str], place: Place, responder: Responder) -> None:
        if action in ("subscribe", "unsubscribe", "most-asked") and not self.may_change(place.user):
            admins = ", ".join(f"<@{admin}>" for admin in sorted(self.admins))
            responder.tell(place, _message(f"Sorry, only bubblebot's admins can change this channel's digest: "
                                           f"{admins}."))
            return
        if action == "subscribe":
            subscription = desk.subscribe(PLATFORM, place.channel, parse_subscribe(args), user=place.user)
            self._announce(place, responder, f"<@{place.user}> turned on the daily digest here: "
                                             f"{escape(desk.summary(subscription))}")
        elif action == "unsubscribe":
            stopped = desk.unsubscribe(PLATFORM, place.channel)
            if stopped:
                self._announce(place, responder, f"<@{place.user}> turned off the daily digest here.")
            else:
                responder.notify(place, "This channel has no daily digest.")
        elif action == "most-asked" and args and args[0].lower() in ("on", "off"):
            current = desk.store.subscription(platform=PLATFORM, channel=place.channel)
            if current is None:
                raise DigestUsageError(f"This channel has no daily digest yet. Turn it on with {USAGE}.")
            show = args[0].lower() == "on"
            desk.subscribe(PLATFORM, place.channel, parse_subscribe([]), user=place.user, most_asked=show)
            self._announce(place, responder, f"<@{place.user}> turned {'on' if show else 'off'} “Most asked "
                                             "this week” in this channel's digest.")
        elif action == "status":
            responder.notify(place, desk.status(PLATFORM, place.channel))
        elif action == "preview":
            responder.tell(place, render_slack_digest(desk.preview(PLATFORM, place.channel)))
        else:
            responder.tell(place, _message(HELP))

    @staticmethod
    def _announce(place: Place, responder: Responder, message: str) -> None:
        """Tell the whole channel; if the bot cannot post there, say so (the digest would fail too)."""
        if responder.poster.post_message(place.channel, _message(message)):
            return
        hint = ("\n:warning: I can't post in this channel, so the digest can't be posted either: invite me with "
                "`/invite @bubblebot`.")
        if not responder.poster.respond(place.response_url, _message(message + hint), ephemeral=False):
            responder.tell(place, _message(message + hint))


def _message(mrkdwn: str) -> dict[str, Any]:
    """A one-section message of text we composed (user-supplied parts already escaped)."""
    return {"text": mrkdwn, "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn}}]}
