"""Build a channel's digest for a local date: figure and quote of the day, new sources, most asked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from bot.digest.cards import Card, CardKind, figure_cards, pick, quote_cards
from bot.digest.model import Digest, DigestItem
from bot.digest.schedule import scheduled_at
from bot.digest.text import digest_text, language_name
from bot.i18n import convert, phrase
from bot.models import CitedFigure, SourceRef
from bot.store import Delivery, StateStore, Subscription
from knowledge.corpus import Corpus, packaged_corpus
from knowledge.figures import format_figure
from knowledge.library import Library
from knowledge.library_store import MANIFEST
from knowledge.sources import Source

MOST_ASKED = 5
MOST_ASKED_WINDOW = timedelta(days=7)
DEFAULT_TIME = "09:00"
DEFAULT_TZ = "UTC"


@dataclass(frozen=True)
class ChannelSettings:
    """What a digest depends on besides the date: the channel (None for an anonymous preview) and its settings."""

    platform: str | None
    channel: str | None
    language: str = "en"
    time: str = DEFAULT_TIME
    tz: str = DEFAULT_TZ
    show_most_asked: bool = True

    @classmethod
    def of(cls, subscription: Subscription) -> ChannelSettings:
        """The settings of a subscribed channel."""
        return cls(
            platform=subscription.platform,
            channel=subscription.channel,
            language=subscription.language,
            time=subscription.time,
            tz=subscription.tz,
            show_most_asked=subscription.show_most_asked,
        )

    @property
    def seed(self) -> str:
        """What makes this channel's card order its own."""
        return f"{self.platform or ''}:{self.channel or ''}"


@dataclass(frozen=True)
class Catalog:
    """The corpus (packaged and ingested articles) and when each ingested source was added."""

    corpus: Corpus
    added: dict[str, datetime]

    @classmethod
    def load(cls, data_dir: Path) -> Catalog:
        """The corpus as the knowledge base serves it; packaged sources have no ingestion time (never new)."""
        library = Library.load(data_dir)
        corpus = library.corpus() if library.manifest.sources else packaged_corpus()
        return cls(corpus, {entry.source.id: entry.added for entry in library.manifest.sources})


_loaded: dict[Path, tuple[int, Catalog]] = {}


def load_catalog(data_dir: Path) -> Catalog:
    """Catalog.load, reused until the library's manifest changes (an ingest or a removal)."""
    manifest = data_dir / "library" / MANIFEST
    stamp = manifest.stat().st_mtime_ns if manifest.exists() else 0
    cached = _loaded.get(data_dir)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    catalog = Catalog.load(data_dir)
    _loaded[data_dir] = (stamp, catalog)
    return catalog


def _source_ref(source: Source) -> SourceRef:
    return SourceRef(id=source.id, title=source.title, publisher=source.publisher, url=source.url)


def _title(source: Source, language: str) -> str:
    return (source.title_en or source.title) if language == "en" else convert(source.title, language)


def _figures_shown(card: Card, source: Source, language: str) -> str:
    if language != "en":
        return "、".join(convert(f.text, language) for f in card.passage.figures)
    shown = []
    for figure in card.passage.figures:
        english = format_figure(figure.value, figure.unit)
        shown.append(english if figure.text.isascii() else f"{english} ({figure.text})")
    return ", ".join(shown)


def card_item(card: Card, corpus: Corpus, language: str) -> DigestItem:
    """A figure or quote card as a digest item: speaker (with role), figures, quote, source."""
    # imported here: bot.compose pulls in the query tokenizer (jieba), which `digest list` does not need
    from bot.compose import describe, passage_body

    passage = card.passage
    source = corpus.source(passage.source_id)
    speaker = corpus.speaker(passage.speaker)
    publisher = source.translation_of or source.publisher
    if speaker is not None:
        who = describe(speaker, language)
    else:
        who = phrase("according_to", language).format(publisher=convert(publisher, language))
    body = passage_body(passage, corpus, language)
    shown_publisher = source.publisher if language == "en" else convert(publisher, language)
    place = digest_text("place", language).format(
        title=_title(source, language), publisher=shown_publisher, paragraph=passage.paragraph
    )
    figures = _figures_shown(card, source, language) if passage.figures else None
    text = f"{figures} · {body} — {place}" if figures else f"{body} — {place}"
    return DigestItem(
        kind=card.kind,
        speaker=speaker.name if speaker else None,
        figures=[CitedFigure(text=f.text, value=f.value, unit=f.unit) for f in passage.figures],
        quote=passage.text,
        source=_source_ref(source),
        text=text,
        key=card.key,
        who=who,
        shown_figures=figures,
        body=body,
        place=place,
    )


def _last_featured(sent: list[Delivery], kind: CardKind) -> tuple[date, str] | None:
    for delivery in reversed(sent):
        keys = [key for key in delivery.featured if key.startswith(f"{kind}:")]
        if keys:
            return delivery.local_date, keys[-1]
    return None


def build_digest(catalog: Catalog, channel: ChannelSettings, day: date, store: StateStore | None) -> Digest:
    """The channel's digest for its local date `day` (deterministic for the channel, date and store)."""
    corpus, language = catalog.corpus, channel.language
    deliveries: list[Delivery] = []
    if store is not None and channel.platform and channel.channel:
        deliveries = store.deliveries(platform=channel.platform, channel=channel.channel)
    sent = [d for d in deliveries if d.status == "sent" and d.local_date < day]
    items: list[DigestItem] = []
    kinds: tuple[tuple[CardKind, list[Card]], ...] = (
        ("figure", figure_cards(corpus)),
        ("quote", quote_cards(corpus)),
    )
    for kind, cards in kinds:
        card = pick(cards, channel.seed, day, _last_featured(sent, kind))
        if card is not None:
            items.append(card_item(card, corpus, language))
    until = scheduled_at(day, channel.time, channel.tz)
    since = scheduled_at(sent[-1].local_date, channel.time, channel.tz) if sent else until - timedelta(days=1)
    for source_id, _ in sorted(
        ((s, t) for s, t in catalog.added.items() if since < t <= until), key=lambda pair: (pair[1], pair[0])
    ):
        source = corpus.source(source_id)
        text = digest_text("added", language).format(
            title=_title(source, language),
            publisher=convert(source.publisher, language),
            language=language_name(source.language, language),
        )
        items.append(DigestItem(kind="new_source", source=_source_ref(source), text=text))
    if channel.show_most_asked and store is not None and channel.platform and channel.channel:
        asked = store.asked_questions(
            platform=channel.platform,
            channel=channel.channel,
            since=until - MOST_ASKED_WINDOW,
            limit=MOST_ASKED,
        )
        for question, times in asked:
            count = digest_text("times", language).format(n=times)
            items.append(DigestItem(kind="most_asked", text=f"“{question}” ({count})"))
    return Digest(
        platform=channel.platform,
        channel=channel.channel,
        date=day,
        language=language,
        items=items,
        show_most_asked=channel.show_most_asked,
    )
