"""Top questions per week: every question asked, clustered by meaning as the coverage gaps are, week by week."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from bot.console.catalog import Catalog
from bot.console.clustering import greedy_clusters
from bot.console.log_cache import LogCache
from bot.store.log_stats import AskedQuestion

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


def top_questions_data(
    log: LogCache, catalog: Catalog, weeks: int, today: dt.date | None = None
) -> dict[str, Any]:
    """The last `weeks` weeks (this one included), newest first, each with its question clusters, largest first."""
    today = today or dt.datetime.now(dt.UTC).date()
    mondays = [_monday(today) - dt.timedelta(weeks=n) for n in range(weeks)]
    every = {monday: log.week(monday) for monday in mondays}
    by_week = {monday: asked[:PER_WEEK] for monday, asked in every.items()}
    result = []
    for monday, group in by_week.items():
        clusters = log.week_view("clusters", monday, partial(_clusters, catalog, group))
        result.append(
            {
                "week": monday.isoformat(),
                "questions": sum(r.times for r in every[monday]),
                "distinct": len(every[monday]),
                "clusters": clusters,
            }
        )
    return {"weeks": result}


def _clusters(catalog: Catalog, group: list[AskedQuestion]) -> list[dict[str, Any]]:
    """A week's questions grouped by meaning, largest group first (the 10 largest)."""
    if not group:
        return []
    vectors = catalog.embed([r.question for r in group])
    clusters = []
    for members in greedy_clusters(vectors, [r.times for r in group])[:CLUSTERS_PER_WEEK]:
        asked = [group[i] for i in members]
        clusters.append(
            {
                "size": sum(r.times for r in asked),
                "abstained": sum(r.abstained for r in asked),
                "questions": [{"question": r.question, "times": r.times} for r in asked[:EXAMPLES]],
                "more": max(0, len(asked) - EXAMPLES),
            }
        )
    return clusters
