"""The one /bubble router through the toy platform: help, unknown commands, digest, chart, ingest refusals."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.chat.replies import Announcement, ChartReply, DigestHelpReply, HelpReply, Notice
from bot.digest.content import Catalog
from bot.digest.runner import deliver_due
from bot.store import StateStore
from tests.bot.chat.toy_platform import NAME, ToyBot, ToyDigestPoster


def test_help_follows_the_users_locale_and_an_unknown_command_gets_help_with_a_note(toy: ToyBot) -> None:
    toy.command("help", locale="zh-TW")
    toy.command("dance")
    [(_, chinese), (_, unknown)] = toy.platform.told
    assert isinstance(chinese, HelpReply) and chinese.language == "zh-Hant"
    assert isinstance(unknown, HelpReply) and unknown.note is not None and "/bubble dance" in unknown.note


def test_ask_answers_with_who_asked(toy: ToyBot) -> None:
    toy.command("ask How much will OpenAI spend?")
    [(_, reply)] = toy.platform.posted
    assert getattr(reply, "echo", False) and getattr(reply, "asker", "") == "ann"


def test_a_digest_is_subscribed_announced_and_posted_once_through_the_same_core(
    toy: ToyBot, store: StateStore, tmp_path: object
) -> None:
    toy.command("digest subscribe 09:00 Shanghai zh-Hans")
    [(_, announced)] = toy.platform.posted
    assert isinstance(announced, Announcement) and announced.text.startswith(
        "@ann turned on the daily digest"
    )
    assert "Asia/Shanghai" in announced.text
    poster = ToyDigestPoster()
    now = datetime(2026, 12, 1, 1, 30, tzinfo=UTC)  # 09:30 in Shanghai
    catalog = lambda: Catalog.load(tmp_path)  # type: ignore[arg-type]  # noqa: E731
    assert [o.status for o in deliver_due(store, poster, catalog, now)] == ["sent"]
    assert deliver_due(store, poster, catalog, now) == []
    [(channel, digest)] = poster.posted
    assert channel == "general" and digest.language == "zh-Hans"
    toy.command("digest status")
    toy.command("digest")
    status, usage = (reply for _, reply in toy.platform.told)
    assert isinstance(status, Notice) and "Asia/Shanghai" in status.text
    assert isinstance(usage, DigestHelpReply)


def test_digest_errors_speak_the_language_they_were_typed_in(toy: ToyBot, store: StateStore) -> None:
    toy.command("digest subscribe 9 北京")
    [(_, reply)] = toy.platform.told
    assert isinstance(reply, Notice) and "你是不是指 09:00" in reply.text
    assert store.subscription(platform=NAME, channel="general") is None


def test_a_chart_is_drawn_from_the_librarys_figures_in_the_askers_language(toy: ToyBot) -> None:
    toy.command("chart 電力", locale="zh-TW")
    [(_, reply)] = toy.platform.posted
    assert isinstance(reply, ChartReply) and reply.chart.png.startswith(b"\x89PNG\r\n\x1a\n")
    assert reply.chart.title.startswith("電力") and any("吉瓦" in line.figure for line in reply.chart.lines)
    assert all(line.source_title.startswith(("對於大型科技公司", "AI泡沫已現")) for line in reply.chart.lines)
    toy.command("chart basket weaving")
    toy.command("chart")
    nothing, usage = (r for _, r in toy.platform.told)
    assert isinstance(nothing, Notice) and "no figures" in nothing.text
    assert isinstance(usage, Notice) and usage.text.startswith("Usage: `/bubble chart")


def test_ingest_is_refused_to_everyone_when_no_admin_is_configured(toy: ToyBot) -> None:
    toy.command("ingest https://example.com/a")
    [(_, reply)] = toy.platform.told
    assert (
        isinstance(reply, Notice)
        and "only bubblebot's admins" in reply.text
        and "None are configured" in reply.text
    )
