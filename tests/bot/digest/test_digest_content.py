"""Digest content: the rotation of figure and quote cards, every item's attribution, languages, new sources."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from bot.digest.cards import channel_order, figure_cards, quote_cards
from bot.digest.content import Catalog, ChannelSettings, build_digest
from bot.digest.render import render_digest_text
from bot.i18n import convert
from bot.models import Answer
from bot.store import StateStore
from knowledge.library import Library, LibrarySource, content_hash
from knowledge.sources import Source
from tests.bot.digest.conftest import deliver, utc

START = date(2026, 11, 23)
ARTICLE = Path(__file__).resolve().parents[2] / "data" / "articles" / "corvane-power.en.md"


def figure_key(store: StateStore | None, catalog: Catalog, channel: ChannelSettings, day: date) -> str:
    return build_digest(catalog, channel, day, store).of("figure")[0].key or ""


def test_cards_cover_the_corpus_and_never_overlap(catalog: Catalog) -> None:
    figures, quotes = figure_cards(catalog.corpus), quote_cards(catalog.corpus)
    assert len(figures) >= 14 and len(quotes) >= 14
    assert all(card.passage.figures for card in figures)
    assert all(card.passage.speaker and not card.passage.figures for card in quotes)
    assert not {c.passage.id for c in figures} & {c.passage.id for c in quotes}


def test_delivered_digests_rotate_through_every_card_before_any_repeats(
    store: StateStore, catalog: Catalog
) -> None:
    channel = ChannelSettings("slack", "C0ROTATE")
    figures, quotes = figure_cards(catalog.corpus), quote_cards(catalog.corpus)
    days = max(len(figures), len(quotes))
    shown = [deliver(store, catalog, channel, START + timedelta(days=n)) for n in range(days + 1)]
    figure_keys = [d.of("figure")[0].key for d in shown]
    quote_keys = [d.of("quote")[0].key for d in shown]
    assert set(figure_keys[: len(figures)]) == {c.key for c in figures}  # each exactly once
    assert figure_keys[len(figures)] == figure_keys[0]  # and only then the cycle starts again
    assert set(quote_keys[: len(quotes)]) == {c.key for c in quotes}
    # Attributed figure cards come first in each channel's order.
    attributed = sum(1 for c in figures if c.passage.speaker)
    order = channel_order(figures, channel.seed)
    assert all(c.passage.speaker for c in order[:attributed]) and not any(
        c.passage.speaker for c in order[attributed:]
    )


def test_each_channel_has_its_own_order_and_every_date_is_deterministic(catalog: Catalog) -> None:
    one, two = ChannelSettings("slack", "C1"), ChannelSettings("discord", "1300000000000000001")
    days = [START + timedelta(days=n) for n in range(14)]
    assert [figure_key(None, catalog, one, d) for d in days] != [
        figure_key(None, catalog, two, d) for d in days
    ]
    first = build_digest(catalog, one, START, None)
    assert build_digest(catalog, one, START, None) == first
    assert len({figure_key(None, catalog, one, d) for d in days}) == 14


def test_a_preview_shows_what_will_be_posted_even_after_a_missed_day(
    sqlite_store: StateStore, catalog: Catalog
) -> None:
    channel = ChannelSettings("slack", "C0PREVIEW")
    deliver(sqlite_store, catalog, channel, START)
    previews = {n: build_digest(catalog, channel, START + timedelta(days=n), sqlite_store) for n in (1, 2, 3)}
    deliver(sqlite_store, catalog, channel, START + timedelta(days=1))
    # Day 2 is missed (the bot was down all day); day 3 still gets the card its preview showed.
    posted = deliver(sqlite_store, catalog, channel, START + timedelta(days=3))
    assert posted.featured() == previews[3].featured()
    assert previews[1].featured() != previews[2].featured() != previews[3].featured()


def test_every_card_names_its_speaker_and_figure_in_each_language(catalog: Catalog) -> None:
    corpus = catalog.corpus
    for language in ("en", "zh-Hans", "zh-Hant"):
        channel = ChannelSettings("slack", "C0LANG", language=language)
        for n in range(len(figure_cards(corpus))):
            digest = build_digest(catalog, channel, START + timedelta(days=n), None)
            figure, quote = digest.of("figure")[0], digest.of("quote")[0]
            assert figure.figures and figure.source and figure.quote
            for item in (figure, quote):
                speaker = corpus.speaker(item.speaker)
                assert item.source is not None and item.quote in {p.text for p in corpus.passages}
                if speaker is None:  # the article's own reporting: the publisher is named instead
                    assert item.kind == "figure"
                    publisher = corpus.source(item.source.id).translation_of or ""
                    assert convert(publisher, language) in item.text
                elif language == "en":
                    assert speaker.name in item.text
                else:
                    assert convert(speaker.name_zh or speaker.name, language) in item.text
            shown = [f.text for f in figure.figures]
            if language == "en":
                assert all(text in figure.text for text in shown)  # '$250 GW (250吉瓦)' keeps the original
                gloss = corpus.by_id[(figure.key or "").split(":", 1)[1]].gloss_en
                assert figure.speaker is not None or gloss is None or gloss in figure.text
            else:
                assert all(convert(text, language) in figure.text for text in shown)
                assert (
                    convert(figure.quote or "", language) in figure.text
                )  # the quote in the channel's script
                if language == "zh-Hans":
                    assert convert(figure.text, language) == figure.text  # no Traditional left


def test_english_channels_get_the_english_gloss(catalog: Catalog) -> None:
    digest = build_digest(catalog, ChannelSettings("slack", "C0EN"), date(2026, 12, 3), None)
    figure = digest.of("figure")[0]
    passage = catalog.corpus.by_id[(figure.key or "").split(":", 1)[1]]
    assert passage.gloss_en and passage.gloss_en.split(",")[-1].strip()[:20] in figure.text
    assert "Figure of the day" in render_digest_text(digest)
    zh = build_digest(catalog, ChannelSettings("slack", "C0EN", language="zh-Hant"), date(2026, 12, 3), None)
    assert "今日數字" in render_digest_text(zh) and "本週熱門問題" in render_digest_text(zh)


def test_preview_json_contract(catalog: Catalog) -> None:
    digest = build_digest(catalog, ChannelSettings(None, None), START, None)
    data = json.loads(json.dumps(digest.contract(render_digest_text(digest))))
    assert set(data) == {"channel", "date", "language", "items", "text"}
    assert data["date"] == "2026-11-23" and data["language"] == "en" and data["channel"] is None
    for item in data["items"]:
        assert set(item) == {"kind", "speaker", "figures", "quote", "source", "text"}
    assert [i["kind"] for i in data["items"]] == ["figure", "quote"]


def _ingest(data_dir: Path, source_id: str, added: str) -> None:
    """Add an article to the data directory's library with a chosen ingestion time."""
    library = Library.load(data_dir)
    text = ARTICLE.read_text(encoding="utf-8")
    source = Source(
        id=source_id,
        file=f"{source_id}.md",
        title="Cloud landlords race to lock in power",
        publisher="Northbridge Ledger",
        language="en",
        text=text,
    )
    library = library.with_source(source, content_hash(text + source_id), [], [])
    entries = [
        e
        if e.source.id != source_id
        else LibrarySource(source=e.source, content_hash=e.content_hash, added=utc(added))
        for e in library.manifest.sources
    ]
    library = Library(library.root, library.manifest.model_copy(update={"sources": entries}))
    library.write_text(source)
    library.save()


def test_new_since_the_last_digest_lists_sources_ingested_after_it(
    sqlite_store: StateStore, tmp_path: Path
) -> None:
    channel = ChannelSettings("slack", "C0NEW", time="09:00", tz="Asia/Shanghai")
    _ingest(tmp_path, "corvane-early", "2026-11-22T00:30:00")  # before the first digest (Nov 22, 01:00 UTC)
    # With no digest before it, the first one lists what arrived during the day before it.
    [first] = deliver(sqlite_store, Catalog.load(tmp_path), channel, date(2026, 11, 22)).of("new_source")
    assert first.source is not None and first.source.id == "corvane-early"
    _ingest(tmp_path, "corvane-late", "2026-11-22T12:00:00")
    catalog = Catalog.load(tmp_path)
    [new] = build_digest(catalog, channel, date(2026, 11, 23), sqlite_store).of("new_source")
    assert new.source is not None and new.source.id == "corvane-late"
    assert "Northbridge Ledger" in new.text
    deliver(sqlite_store, catalog, channel, date(2026, 11, 23))
    assert not build_digest(catalog, channel, date(2026, 11, 24), sqlite_store).of("new_source")
    # The ingested article's figures join the rotation.
    assert len(figure_cards(catalog.corpus)) > len(figure_cards(Catalog.load(tmp_path / "none").corpus))


def test_most_asked_this_week_shows_question_texts_only_and_can_be_turned_off(
    sqlite_store: StateStore, catalog: Catalog
) -> None:
    for question, times in (("Is AI a bubble?", 3), ("What did Altman say?", 1)):
        for _ in range(times):
            sqlite_store.save_answer(
                platform="slack",
                channel="C0ASK",
                thread=None,
                user="U0SECRETUSER",
                question=question,
                answer=Answer(question=question, language="en", answer="…", abstained=False),
            )
    channel = ChannelSettings("slack", "C0ASK")
    digest = build_digest(catalog, channel, date.today() + timedelta(days=1), sqlite_store)
    asked = digest.of("most_asked")
    assert [item.text for item in asked] == ["“Is AI a bubble?” (3×)", "“What did Altman say?” (1×)"]
    everything = json.dumps(digest.contract(render_digest_text(digest)), ensure_ascii=False)
    assert "U0SECRETUSER" not in everything
    off = ChannelSettings("slack", "C0ASK", show_most_asked=False)
    quiet = build_digest(catalog, off, date.today() + timedelta(days=1), sqlite_store)
    assert not quiet.of("most_asked") and "Most asked" not in render_digest_text(quiet)
