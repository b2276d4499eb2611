"""The console's figures, top-questions and digests pages, with their /api routes."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from bot.console import digest_status, queries, top_questions
from bot.console.charts import Bar, horizontal_bars
from bot.console.pages import BadRequest, Console, guarded, render


def figure_svg(chart: dict[str, Any]) -> Markup:
    """A figure chart as horizontal bars, each linking to its quote below the chart."""
    bars = [
        Bar(
            label=" · ".join(x for x in (b["entity"], b["period"]) if x),
            value=b["value"],
            text=("~" if b["approx"] else "") + b["label"],
            href=f"#{chart['key']}-{i}",
        )
        for i, b in enumerate(chart["bars"])
    ]
    return horizontal_bars(bars, title=chart["title"])


def insight_routes(console: Console) -> list[BaseRoute]:
    """Routes of the figures, top-questions and digests pages (the session requirement applies around them)."""
    store, catalog = console.store, console.catalog

    def topic(request: Request) -> str | None:
        value = (request.query_params.get("topic") or "").strip()
        if len(value) > 200:
            raise BadRequest("the topic is too long (200 characters at most)")
        return value or None

    async def figures(request: Request) -> Response:
        data = await run_in_threadpool(queries.figures_data, catalog, topic(request))
        charts = [(chart, figure_svg(chart)) for chart in data["charts"]]
        return render(request, "figures.html", data=data, charts=charts)

    async def api_figures(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(queries.figures_data, catalog, topic(request)))

    def weeks(request: Request) -> int:
        try:
            return top_questions.week_count(request.query_params.get("weeks"))
        except ValueError as exc:
            raise BadRequest(str(exc)) from None

    async def questions(request: Request) -> Response:
        data = await run_in_threadpool(top_questions.top_questions_data, console.log, catalog, weeks(request))
        return render(request, "questions.html", data=data, choices=top_questions.WEEK_CHOICES)

    async def api_questions(request: Request) -> Response:
        return JSONResponse(
            await run_in_threadpool(top_questions.top_questions_data, console.log, catalog, weeks(request))
        )

    async def digests(request: Request) -> Response:
        data = await run_in_threadpool(digest_status.digests_data, store)
        return render(request, "digests.html", data=data)

    async def api_digests(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(digest_status.digests_data, store))

    return [
        Route(path, guarded(handler), methods=["GET"])
        for path, handler in (
            ("/figures", figures),
            ("/api/figures", api_figures),
            ("/questions", questions),
            ("/api/questions", api_questions),
            ("/digests", digests),
            ("/api/digests", api_digests),
        )
    ]
