"""What each page and /api route shows, as JSON-able dicts: the pages render exactly what the API returns."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from typing import Any

from bot.console.catalog import Catalog
from bot.console.clustering import greedy_clusters
from bot.console.figure_charts import chart_json, figure_charts
from bot.console.log_cache import LogCache
from bot.console.stance import Stance, speaker_stances
from bot.store import StateStore
from bot.store.analytics import Conversation, ConversationFilter, Overview

PAGE_SIZE = 50
PERIODS = (7, 30, 90, 365)
GAP_QUESTIONS = 500  # distinct questions clustered (most asked first): bounds the embedding work per load
GAP_CLUSTERS = 30
GAP_EXAMPLES = 5
GAP_PASSAGES = 3


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def period_days(value: str | None) -> int:
    """The overview's period in days (one of PERIODS, default 30); ValueError for anything else."""
    if not value:
        return 30
    if not value.isdigit() or int(value) not in PERIODS:
        raise ValueError(f"days must be one of {', '.join(map(str, PERIODS))}")
    return int(value)


def overview_data(log: LogCache, days: int) -> dict[str, Any]:
    """Totals and per-day counts for the last `days` days (today included, UTC)."""
    first = _today() - dt.timedelta(days=days - 1)
    since, until = _midnight(first), _midnight(_today() + dt.timedelta(days=1))
    store = log.store
    data = Overview.combine(
        log.days(first, _today()),
        store.vote_counts(since=since, until=until),
        store.delivery_counts(since=since, until=until),
    )
    by_day = {day: (answered, abstained) for day, answered, abstained in data.per_day}
    per_day = []
    for n in range(days):
        day = (first + dt.timedelta(days=n)).isoformat()
        answered, abstained = by_day.get(day, (0, 0))
        per_day.append({"day": day, "answered": answered, "abstained": abstained})
    return {
        "days": days,
        "since": since.isoformat(),
        "until": until.isoformat(),
        "questions": data.questions,
        "answered": data.answered,
        "abstained": data.abstained,
        "abstained_share": round(data.abstained / data.questions, 3) if data.questions else 0.0,
        "up": data.up,
        "down": data.down,
        "users": data.users,
        "channels": data.channels,
        "platforms": data.platforms,
        "languages": data.languages,
        "digests": data.digests,
        # answers given before the store kept timings (schema version 4) have none and are left out
        "latency_ms": {"p50": data.latency_p50, "p95": data.latency_p95, "timed": data.timed},
        "per_day": per_day,
    }


def _day(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{name} must be a date like 2025-11-12, not {value[:40]!r}") from None


def parse_filters(params: Mapping[str, str]) -> ConversationFilter:
    """Filters from query parameters: status=abstained|answered|downvoted, language, platform, channel, from, to."""
    status = params.get("status", "")
    if status not in ("", "abstained", "answered", "downvoted"):
        raise ValueError("status must be abstained, answered or downvoted")
    first, last = _day(params.get("from"), "from"), _day(params.get("to"), "to")
    return ConversationFilter(
        abstained={"abstained": True, "answered": False}.get(status),
        downvoted=status == "downvoted",
        language=params.get("language") or None,
        platform=params.get("platform") or None,
        channel=params.get("channel") or None,
        since=_midnight(first) if first else None,
        until=_midnight(last + dt.timedelta(days=1)) if last else None,  # "to" is inclusive
    )


def page_number(value: str | None) -> int:
    """A 1-based page number from a query parameter (1 when missing or not a positive number)."""
    return int(value) if value and value.isdigit() and 0 < int(value) < 1_000_000 else 1


def conversation_json(c: Conversation) -> dict[str, Any]:
    """One conversation as the API and exports give it (user ids only; no tokens are ever stored)."""
    return {
        "id": c.id,
        "created_at": c.created_at.isoformat(),
        "platform": c.platform,
        "channel": c.channel,
        "thread": c.thread,
        "user": c.user,
        "question": c.question,
        "language": c.language,
        "abstained": c.abstained,
        "answer": c.answer.answer,
        "up": c.up,
        "down": c.down,
        "citations": [
            {
                "speaker": x.speaker,
                "speaker_role": x.speaker_role,
                "quote": x.quote,
                "passage_id": x.passage_id,
                "source": {"id": x.source.id, "title": x.source.title, "url": x.source.url},
            }
            for x in c.answer.citations
        ],
    }


def conversations_data(store: StateStore, filters: ConversationFilter, page: int) -> dict[str, Any]:
    """One page of conversations matching the filters, newest first."""
    total = store.count_conversations(filters)
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(page, pages)
    items = store.conversations(filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return {"total": total, "page": page, "pages": pages, "items": [conversation_json(c) for c in items]}


CSV_FIELDS = (
    "id",
    "created_at",
    "platform",
    "channel",
    "thread",
    "user",
    "language",
    "abstained",
    "up",
    "down",
    "question",
    "answer",
    "citations",
)


def csv_row(c: Conversation) -> list[str]:
    """A conversation as a CSV row (citations as "speaker: quote (source id)" joined by " | ")."""
    data = conversation_json(c)
    data["citations"] = " | ".join(
        f"{x['speaker'] or 'reporting'}: {x['quote']} ({x['source']['id']})" for x in data["citations"]
    )
    return [_cell(data[name]) for name in CSV_FIELDS]


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # A cell starting with = + - @ is a formula to spreadsheets: a question must not run in the operator's Excel.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def gaps_data(store: StateStore, catalog: Catalog) -> dict[str, Any]:
    """Abstained and downvoted questions clustered by meaning, largest cluster first, with the closest passages."""
    questions = store.gap_questions(limit=GAP_QUESTIONS)
    if not questions:
        return {"questions": 0, "clusters": []}
    vectors = catalog.embed([q.question for q in questions])
    clusters = []
    for members in greedy_clusters(vectors, [q.times for q in questions])[:GAP_CLUSTERS]:
        group = [questions[i] for i in members]
        centroid = vectors[members].mean(axis=0)
        centroid /= float((centroid @ centroid) ** 0.5) or 1.0
        lead = group[0]
        stored = store.get_answer(lead.last_answer_id)
        clusters.append(
            {
                "size": sum(q.times for q in group),
                "abstained": sum(q.abstained for q in group),
                "downvoted": sum(q.downvoted for q in group),
                "questions": [
                    {
                        "question": q.question,
                        "times": q.times,
                        "abstained": q.abstained,
                        "downvoted": q.downvoted,
                    }
                    for q in group[:GAP_EXAMPLES]
                ],
                "more": max(0, len(group) - GAP_EXAMPLES),
                "reason": stored.answer.answer
                if stored and stored.answer.abstained
                else "answered, then voted down",
                "passages": [
                    {
                        "id": n.passage.id,
                        "text": n.passage.text,
                        "speaker": n.passage.speaker,
                        "score": round(n.score, 3),
                        "source": {"id": n.source.id, "title": n.source.title, "url": n.source.url},
                    }
                    for n in catalog.nearest(centroid, GAP_PASSAGES)
                ],
            }
        )
    return {"questions": len(questions), "clusters": clusters}


def sources_data(catalog: Catalog) -> dict[str, Any]:
    """Every article: passages, quoted speakers, figures, language, origin and link."""
    corpus = catalog.corpus()
    added = catalog.added()
    passages: Counter[str] = Counter()
    figures: Counter[str] = Counter()
    speakers: dict[str, dict[str, None]] = {}
    for p in corpus.passages:
        passages[p.source_id] += 1
        figures[p.source_id] += len(p.figures)
        if p.speaker:
            speakers.setdefault(p.source_id, {})[p.speaker] = None
    rows = [
        {
            "id": s.id,
            "title": s.title,
            "title_en": s.title_en,
            "publisher": s.publisher,
            "language": s.language,
            "url": s.url,
            "published": s.published.isoformat() if s.published else None,
            "origin": "packaged" if catalog.is_packaged(s.id) else "ingested",
            "file": s.origin or s.file,
            "added": added.get(s.id),
            "passages": passages[s.id],
            "figures": figures[s.id],
            "speakers": list(speakers.get(s.id, {})),
        }
        for s in corpus.sources
    ]
    return {"sources": rows}


def stance_json(stance: Stance | None, catalog: Catalog) -> dict[str, Any] | None:
    """A speaker's stance on "is it a bubble?" with every quote behind it (None when their words take none)."""
    if stance is None:
        return None
    corpus = catalog.corpus()
    return {
        "leaning": stance.leaning,
        "title": stance.title,
        "quotes": [
            {
                "quote": q.passage.text,
                "leaning": q.reading.leaning,
                "cues": q.reading.cues,
                "passage_id": q.passage.id,
                "source": {
                    "id": q.passage.source_id,
                    "title": corpus.source(q.passage.source_id).title,
                    "url": corpus.source(q.passage.source_id).url,
                },
            }
            for q in stance.quotes
        ],
    }


def speakers_data(catalog: Catalog) -> dict[str, Any]:
    """Every quoted person or organization with role, quote and figure counts and their stance, most quoted first."""
    corpus = catalog.corpus()
    stances = catalog.derived("speaker_stances", speaker_stances)
    quotes: Counter[str] = Counter()
    figures: Counter[str] = Counter()
    sources: dict[str, dict[str, None]] = {}
    for p in corpus.passages:
        if p.speaker:
            quotes[p.speaker] += 1
            figures[p.speaker] += len(p.figures)
            sources.setdefault(p.speaker, {})[p.source_id] = None
    rows: list[dict[str, Any]] = [
        {
            "name": s.name,
            "name_zh": s.name_zh,
            "kind": s.kind,
            "role": s.role,
            "quotes": quotes[s.name],
            "figures": figures[s.name],
            "sources": list(sources.get(s.name, {})),
            "stance": stance_json(stances.get(s.name), catalog),
        }
        for s in corpus.speakers.speakers
        if quotes[s.name]
    ]
    rows.sort(key=lambda r: (-r["quotes"], r["name"]))
    leanings = Counter(r["stance"]["leaning"] for r in rows if r["stance"])
    return {"speakers": rows, "stances": {k: leanings.get(k, 0) for k in ("bubble", "not_bubble", "mixed")}}


def figures_data(catalog: Catalog, topic: str | None = None) -> dict[str, Any]:
    """The figure charts (one per measure and unit), each bar with its quote, and disagreeing sources."""
    if topic:
        charts = figure_charts(catalog.corpus(), topic=topic)
    else:
        charts = catalog.derived("figure_charts", figure_charts)
    return {"topic": topic or "", "charts": [chart_json(c) for c in charts]}
