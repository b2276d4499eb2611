"""The digest commands every surface shares (Slack, Discord, CLI): subscribe, unsubscribe, status, preview."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.digest.content import DEFAULT_TIME, DEFAULT_TZ, ChannelSettings, build_digest, load_catalog
from bot.digest.model import Digest
from bot.digest.options import SubscribeRequest
from bot.digest.schedule import local_date, next_digest
from bot.digest.text import language_name, long_date
from bot.i18n import message, template
from bot.store import Delivery, StateStore, Subscription

DEFAULT_LANGUAGE = "en"


def when(subscription: Subscription, language: str = "en") -> str:
    """'every day at 09:00 (Asia/Shanghai) in English, with “Most asked this week”'."""
    most = template(
        "digest_cmd.with_most_asked" if subscription.show_most_asked else "digest_cmd.without_most_asked",
        language,
    )
    return message(
        "digest_cmd.when",
        language,
        time=subscription.time,
        tz=subscription.tz,
        language=language_name(subscription.language, language),
        most_asked=most,
    )


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def next_line(subscription: Subscription, last: Delivery | None, now: datetime, language: str = "en") -> str:
    """When the next digest is due, in the channel's zone and in UTC."""
    today = local_date(now, subscription.tz)
    sent_today = last is not None and last.local_date == today and last.status == "sent"
    moment = next_digest(subscription, now, sent_today=sent_today)
    local = moment.astimezone(ZoneInfo(subscription.tz))
    due = template("digest_cmd.due_now", language) if moment <= now else ""
    return message(
        "digest_cmd.next",
        language,
        date=long_date(local.date(), language),
        time=f"{local:%H:%M}",
        tz=subscription.tz,
        utc=_utc(moment),
        due=due,
    )


def delivery_line(delivery: Delivery | None, now: datetime, tz: str, language: str = "en") -> str:
    """The last delivery: sent, being posted, or failed with its error and next retry."""
    if delivery is None:
        return template("digest_cmd.no_delivery", language)
    day = delivery.local_date.isoformat()
    if delivery.status == "sent":
        posted = (
            message("digest_cmd.posted", language, utc=_utc(delivery.sent_at)) if delivery.sent_at else ""
        )
        return message("digest_cmd.last_sent", language, day=day, posted=posted)
    if delivery.status == "claimed":
        return message("digest_cmd.last_claimed", language, day=day, attempts=delivery.attempts)
    tries = message(
        "digest_cmd.attempt_one" if delivery.attempts == 1 else "digest_cmd.attempt_many",
        language,
        n=delivery.attempts,
    )
    if delivery.local_date < local_date(now, tz):
        return message("digest_cmd.last_missed", language, day=day, tries=tries, error=delivery.error)
    retry = message("digest_cmd.retry", language, utc=_utc(delivery.retry_at)) if delivery.retry_at else ""
    return message(
        "digest_cmd.last_failed", language, day=day, tries=tries, error=delivery.error, retry=retry
    )


@dataclass
class DigestDesk:
    """Subscription changes and views for one state store and data directory."""

    store: StateStore
    data_dir: Path

    def subscribe(
        self,
        platform: str,
        channel: str,
        request: SubscribeRequest,
        *,
        user: str | None = None,
        most_asked: bool | None = None,
    ) -> Subscription:
        """Create or change the channel's subscription; unspecified settings keep their current values."""
        current = self.store.subscription(platform=platform, channel=channel)
        return self.store.subscribe(
            platform=platform,
            channel=channel,
            time=request.time or (current.time if current else DEFAULT_TIME),
            tz=request.tz or (current.tz if current else DEFAULT_TZ),
            language=request.language or (current.language if current else DEFAULT_LANGUAGE),
            show_most_asked=most_asked
            if most_asked is not None
            else (current.show_most_asked if current else True),
            by_user=user,
        )

    def summary(self, subscription: Subscription, now: datetime | None = None, language: str = "en") -> str:
        """'every day at … in English, with …' and when the next digest is due (after a change)."""
        last = self.store.last_delivery(platform=subscription.platform, channel=subscription.channel)
        return (
            message("digest_cmd.sentence", language, text=when(subscription, language))
            + "\n"
            + next_line(subscription, last, now or datetime.now(UTC), language)
        )

    def unsubscribe(self, platform: str, channel: str) -> bool:
        """Stop the channel's digest; False if it had none."""
        return self.store.unsubscribe(platform=platform, channel=channel)

    def status(self, platform: str, channel: str, now: datetime | None = None, language: str = "en") -> str:
        """The channel's subscription, next digest and last delivery, as a few lines of text."""
        now = now or datetime.now(UTC)
        subscription = self.store.subscription(platform=platform, channel=channel)
        last = self.store.last_delivery(platform=platform, channel=channel)
        if subscription is None:
            lines = [template("digest_cmd.none", language)]
            if last is not None:
                lines.append(delivery_line(last, now, DEFAULT_TZ, language))
            return "\n".join(lines)
        return "\n".join(
            [
                message("digest_cmd.status", language, when=when(subscription, language)),
                next_line(subscription, last, now, language),
                delivery_line(last, now, subscription.tz, language),
            ]
        )

    def find(self, platform: str | None, channel: str | None) -> Subscription | None:
        """The channel's subscription (on any platform when platform is None)."""
        if channel is None:
            return None
        if platform is not None:
            return self.store.subscription(platform=platform, channel=channel)
        return next((s for s in self.store.subscriptions() if s.channel == channel), None)

    def preview(
        self,
        platform: str | None,
        channel: str | None,
        *,
        day: date | None = None,
        language: str | None = None,
        now: datetime | None = None,
    ) -> Digest:
        """The digest the channel gets on `day` (default: its local date now), without posting it."""
        subscription = self.find(platform, channel)
        settings = ChannelSettings.of(subscription) if subscription else ChannelSettings(platform, channel)
        if language:
            settings = replace(settings, language=language)
        day = day or local_date(now or datetime.now(UTC), settings.tz)
        return build_digest(load_catalog(self.data_dir), settings, day, self.store)
