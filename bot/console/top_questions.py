"""Top questions per week: every question asked, clustered by meaning as the coverage gaps are, week by week."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.console.catalog import Catalog
from bot.console.clustering import greedy_clusters
from bot.store import StateStore
from bot.store.analytics import WeeklyQuestion

WEEK_CHOICES = (4, 8, 12)
PER_WEEK = 300  # distinct questions clustered per week (most asked first): bounds the work per load
CLUSTERS_PER_WEEK = 10
EXAMPLES = 5


def week_count(value: str | None) -> int:
    """How many weeks to show (one of WEEK_CHOICES, default 4); ValueError for anything else."""
    if not value:
        return WEEK_CHOICES[0]
    if not value.isdigit() or int(value) not in WEEK_CHOICES:
        raise ValueError(f"weeks must be one of {', '.join(map(str, WEEK_CHOICES))}")
    return int(value)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def top_questions_data(store: StateStore, catalog: Catalog, weeks: int,
                       today: dt.date | None = None) -> dict[str, Any]:
    """The last `weeks` weeks (this one included), newest first, each with its question clusters, largest first."""
    today = today or dt.datetime.now(dt.UTC).date()
    first = _monday(today) - dt.timedelta(weeks=weeks - 1)
    rows = store.weekly_questions(since=dt.datetime.combine(first, dt.time(), tzinfo=dt.UTC))
    by_week: dict[str, list[WeeklyQuestion]] = {}
    for row in rows:
        group = by_week.setdefault(row.week, [])
        if len(group) < PER_WEEK:
            group.append(row)
    texts = list(dict.fromkeys(r.question for group in by_week.values() for r in group))
    vectors = catalog.embed(texts) if texts else None
    position = {text: i for i, text in enumerate(texts)}
    result = []
    for n in range(weeks):
        monday = (_monday(today) - dt.timedelta(weeks=n)).isoformat()
        group = by_week.get(monday, [])
        clusters = []
        if group and vectors is not None:
            rows_of = vectors[[position[r.question] for r in group]]
            for members in greedy_clusters(rows_of, [r.times for r in group])[:CLUSTERS_PER_WEEK]:
                asked = [group[i] for i in members]
                clusters.append({"size": sum(r.times for r in asked), "abstained": sum(r.abstained for r in asked),
                                 "questions": [{"question": r.question, "times": r.times} for r in asked[:EXAMPLES]],
                                 "more": max(0, len(asked) - EXAMPLES)})
        result.append({"week": monday, "questions": sum(r.times for r in group), "distinct": len(group),
                       "clusters": clusters})
    return {"weeks": result}
