"""`bubblebot digest …`: subscribe, unsubscribe, list, preview, run-due (one scheduler tick, for cron)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from bot.chat.registry import platform_names
from bot.digest.options import DigestUsageError, SubscribeRequest, parse_language, parse_time, parse_zone
from bot.settings import Settings

if TYPE_CHECKING:  # the rest is imported when a command runs, so building the parser stays cheap
    from bot.digest.manage import DigestDesk
    from bot.digest.runner import Outcome

PLATFORMS = platform_names()  # the chat platforms of bot.chat.registry


def _desk(settings: Settings) -> DigestDesk:
    from bot.digest.manage import DigestDesk
    from bot.store import StateStore

    return DigestDesk(StateStore.open(settings.resolved_database_url()), settings.data_dir)


def _checked(parse: Any) -> Any:
    """An argparse type from one of our parsers (its message names the valid forms)."""

    def check(text: str) -> Any:
        try:
            return parse(text)
        except DigestUsageError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    check.__name__ = parse.__name__.removeprefix("parse_")
    return check


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not an ISO-8601 time like 2026-11-23T01:05:00Z: {text!r}"
        ) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2026-11-23: {text!r}") from None


def cmd_subscribe(args: argparse.Namespace, settings: Settings) -> int:
    """Subscribe a channel (or change its subscription)."""
    most_asked = None if args.most_asked is None else args.most_asked == "on"
    desk = _desk(settings)
    with desk.store:
        subscription = desk.subscribe(
            args.platform,
            args.channel,
            SubscribeRequest(time=args.time, tz=args.tz, language=args.lang),
            user="cli",
            most_asked=most_asked,
        )
        print(f"{args.platform} {args.channel}: {desk.summary(subscription)}")
    return 0


def cmd_unsubscribe(args: argparse.Namespace, settings: Settings) -> int:
    """Remove a channel's subscription (exit 1 if it had none)."""
    desk = _desk(settings)
    with desk.store:
        removed = desk.unsubscribe(args.platform, args.channel)
    print(f"{args.platform} {args.channel}: " + ("unsubscribed." if removed else "was not subscribed."))
    return 0 if removed else 1


def cmd_list(args: argparse.Namespace, settings: Settings) -> int:
    """Every subscription with its next digest and last delivery (failures included)."""
    from bot.digest.manage import delivery_line, next_line, when

    desk = _desk(settings)
    now = datetime.now(UTC)
    with desk.store:
        for sub in desk.store.subscriptions():
            last = desk.store.last_delivery(platform=sub.platform, channel=sub.channel)
            if args.json:
                row = sub.model_dump(mode="json") | {
                    "last_delivery": last.model_dump(mode="json") if last else None
                }
                print(json.dumps(row, ensure_ascii=False))
                continue
            print(
                f"{sub.platform} {sub.channel}: {when(sub)}.\n    {next_line(sub, last, now)}\n"
                f"    {delivery_line(last, now, sub.tz)}"
            )
    return 0


def cmd_preview(args: argparse.Namespace, settings: Settings) -> int:
    """Print a channel's digest for a date (today in its time zone by default) without posting it."""
    from bot.digest.render import render_digest_text

    desk = _desk(settings)
    with desk.store:
        digest = desk.preview(args.platform, args.channel, day=args.date, language=args.lang)
    text = render_digest_text(digest)
    if args.json:
        print(json.dumps(digest.contract(text), ensure_ascii=False))
    else:
        print(text)
    return 0


def _report(outcome: Outcome) -> str:
    where = f"{outcome.platform} {outcome.channel} {outcome.local_date}"
    if outcome.status == "sent":
        return f"sent {where} (attempt {outcome.attempts}, message {outcome.message_ref})"
    retry = outcome.retry_at.isoformat(timespec="seconds") if outcome.retry_at else "?"
    return f"FAILED {where} (attempt {outcome.attempts}): {outcome.error}; retry after {retry}"


def cmd_run_due(args: argparse.Namespace, settings: Settings) -> int:
    """Post every digest due at --now (default: now) that no one has posted; exit 1 if any failed."""
    from bot.errors import StoreUnavailable

    now = args.now or datetime.now(UTC)
    try:
        outcomes, problems = _run_due(args, settings, now)
    except StoreUnavailable as error:
        print(
            f"error: the state database is unusable ({error.detail or error}); digests may not have been "
            "posted or recorded",
            file=sys.stderr,
        )
        return 1
    for outcome in outcomes:
        print(_report(outcome))
    if not outcomes and not problems:
        print(f"nothing due at {now.isoformat(timespec='seconds')}")
    return 1 if problems or any(o.status == "failed" for o in outcomes) else 0


def _run_due(args: argparse.Namespace, settings: Settings, now: datetime) -> tuple[list[Outcome], int]:
    """Deliver what is due on each platform; (outcomes, problems). StoreUnavailable if the database fails."""
    from bot.chat.registry import platform
    from bot.digest.content import Catalog
    from bot.digest.runner import due_subscriptions
    from bot.store import StateStore

    catalog = lambda: Catalog.load(settings.data_dir)  # noqa: E731
    outcomes: list[Outcome] = []
    problems = 0
    with StateStore.open(settings.resolved_database_url()) as store:
        for name in [args.platform] if args.platform else platform_names():
            due = due_subscriptions(store, name, now)
            if not due:
                continue
            entry = platform(name)
            if not entry.configured(settings):
                print(
                    f"error: {entry.token_variable} is not set; {len(due)} {name.capitalize()} digest(s) not "
                    "posted.",
                    file=sys.stderr,
                )
                problems += 1
                continue
            outcomes += entry.deliver_due(settings, store, catalog, now)
        store.check()  # a database deleted or broken mid-run lost what this run recorded: say so
    return outcomes, problems


def add_digest_commands(sub: Any) -> None:
    """Add `digest` and its subcommands to the CLI's subparsers."""
    digest = sub.add_parser("digest", help="daily digest subscriptions, previews and delivery")
    commands = digest.add_subparsers(dest="digest_command", required=True)
    subscribe = commands.add_parser("subscribe", help="subscribe a channel (or change its settings)")
    subscribe.add_argument("--platform", choices=PLATFORMS, required=True, help="slack or discord")
    subscribe.add_argument("--channel", required=True, help="Slack channel id (C…) or Discord channel id")
    subscribe.add_argument("--time", type=_checked(parse_time), help="HH:MM, 24-hour (default 09:00)")
    subscribe.add_argument(
        "--tz", type=_checked(parse_zone), help="IANA time zone, e.g. Asia/Shanghai (default UTC)"
    )
    subscribe.add_argument(
        "--lang", type=_checked(parse_language), help="en, zh-Hans or zh-Hant (default en)"
    )
    subscribe.add_argument(
        "--most-asked", choices=["on", "off"], help="include “Most asked this week” (default on)"
    )
    subscribe.set_defaults(handler=cmd_subscribe)
    unsubscribe = commands.add_parser("unsubscribe", help="stop a channel's digest")
    unsubscribe.add_argument("--platform", choices=PLATFORMS, required=True, help="slack or discord")
    unsubscribe.add_argument("--channel", required=True, help="Slack channel id (C…) or Discord channel id")
    unsubscribe.set_defaults(handler=cmd_unsubscribe)
    listing = commands.add_parser("list", help="subscriptions, next digests and last deliveries")
    listing.add_argument("--json", action="store_true", help="one JSON object per subscription")
    listing.set_defaults(handler=cmd_list)
    preview = commands.add_parser("preview", help="show a digest without posting it")
    preview.add_argument("--channel", help="a subscribed channel (its language, time zone and rotation)")
    preview.add_argument("--platform", choices=PLATFORMS, help="the channel's platform (if ambiguous)")
    preview.add_argument("--date", type=_day, help="YYYY-MM-DD (default: today in the channel's time zone)")
    preview.add_argument("--lang", type=_checked(parse_language), help="override the language")
    preview.add_argument("--json", action="store_true", help="the digest as JSON")
    preview.set_defaults(handler=cmd_preview)
    run_due = commands.add_parser("run-due", help="post every due digest not yet posted (one scheduler tick)")
    run_due.add_argument("--now", type=_moment, help="ISO-8601 time to run at (default: now)")
    run_due.add_argument("--platform", choices=PLATFORMS, help="only this platform")
    run_due.set_defaults(handler=cmd_run_due)
