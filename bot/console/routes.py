"""The console's pages, forms and /api routes."""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from bot.console import queries
from bot.console.auth import client_of, log_in
from bot.console.catalog import MAX_UPLOAD_BYTES
from bot.console.charts import Series, stacked_bars
from bot.console.insight_routes import insight_routes
from bot.console.pages import BadRequest, Console, FormHandler, Handler, flash, form_post, guarded, render
from bot.store import StateStore
from knowledge.errors import KnowledgeError

log = logging.getLogger(__name__)


def _params(request: Request) -> Any:
    return request.query_params


def build_routes(console: Console) -> list[BaseRoute]:
    """Every route of the console (the session requirement is applied around them by the app)."""
    store, catalog = console.store, console.catalog

    async def login_page(request: Request) -> Response:
        return render(request, "login.html")

    async def login(request: Request, form: FormData) -> Response:
        client = client_of(request)
        wait = console.throttle.retry_after(client)
        if wait > 0:
            return render(
                request,
                "login.html",
                status=429,
                error=f"Too many failed logins; try again in {max(1, round(wait))} s.",
            )
        token = form.get("token")
        if not isinstance(token, str) or not console.keys.check(token):
            console.throttle.failed(client)
            return render(request, "login.html", status=401, error="Wrong token.")
        console.throttle.succeeded(client)
        log_in(request.session, console.keys)
        log.info("console: operator logged in from %s", client)
        return RedirectResponse("/", status_code=303)

    async def logout(request: Request, form: FormData) -> Response:
        request.session.clear()
        return RedirectResponse("/login", status_code=303)

    def _days(request: Request) -> int:
        try:
            return queries.period_days(_params(request).get("days"))
        except ValueError as exc:
            raise BadRequest(str(exc)) from None

    async def overview(request: Request) -> Response:
        data = await run_in_threadpool(queries.overview_data, console.log, _days(request))
        per_day = data["per_day"]
        chart = stacked_bars(
            [d["day"][5:] for d in per_day],
            [
                Series("answered", [d["answered"] for d in per_day], "answered"),
                Series("abstained", [d["abstained"] for d in per_day], "abstained"),
            ],
            title=f"Questions per day, last {data['days']} days",
        )
        return render(request, "overview.html", data=data, chart=chart, periods=queries.PERIODS)

    async def api_overview(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(queries.overview_data, console.log, _days(request)))

    def _filters(request: Request) -> Any:
        try:
            return queries.parse_filters(_params(request))
        except ValueError as exc:
            raise BadRequest(str(exc)) from None

    async def conversations(request: Request) -> Response:
        filters = _filters(request)
        page = queries.page_number(_params(request).get("page"))
        data = await run_in_threadpool(queries.conversations_data, store, filters, page)
        facets = await run_in_threadpool(console.facets)
        return render(
            request,
            "conversations.html",
            data=data,
            facets=facets,
            params=_params(request),
            query=_without_page(request),
        )

    async def api_conversations(request: Request) -> Response:
        filters = _filters(request)
        fmt = _params(request).get("format", "")
        if fmt == "csv":
            return StreamingResponse(
                _csv(store, filters),
                media_type="text/csv; charset=utf-8",
                headers={"Content-Disposition": 'attachment; filename="conversations.csv"'},
            )
        if fmt == "json":
            return StreamingResponse(
                _json_lines(store, filters),
                media_type="application/json",
                headers={"Content-Disposition": 'attachment; filename="conversations.json"'},
            )
        if fmt:
            raise BadRequest("format must be csv or json")
        page = queries.page_number(_params(request).get("page"))
        return JSONResponse(await run_in_threadpool(queries.conversations_data, store, filters, page))

    def gaps_data() -> dict[str, Any]:
        return console.gaps(lambda: queries.gaps_data(store, catalog))

    async def gaps(request: Request) -> Response:
        data = await run_in_threadpool(gaps_data)
        return render(request, "gaps.html", data=data)

    async def api_gaps(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(gaps_data))

    async def sources(request: Request) -> Response:
        data = await run_in_threadpool(queries.sources_data, catalog)
        return render(request, "sources.html", data=data)

    async def api_sources(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(queries.sources_data, catalog))

    async def speakers(request: Request) -> Response:
        data = await run_in_threadpool(queries.speakers_data, catalog)
        return render(request, "speakers.html", data=data)

    async def api_speakers(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(queries.speakers_data, catalog))

    async def ingest(request: Request, form: FormData) -> Response:
        url, upload = form.get("url"), form.get("file")
        try:
            if isinstance(upload, UploadFile) and upload.filename:
                data = await upload.read(MAX_UPLOAD_BYTES + 1)
                result = await run_in_threadpool(catalog.ingest_upload, upload.filename, data)
            elif isinstance(url, str) and url.strip():
                result = await run_in_threadpool(catalog.ingest_url, url)
            else:
                raise BadRequest("give a URL or choose a file to ingest")
        except KnowledgeError as exc:
            flash(request, "error", str(exc))
            return RedirectResponse("/sources", status_code=303)
        log.info("console: ingested %s", result.source.id)
        flash(
            request,
            "ok",
            f"Ingested '{result.source.id}': {result.passages} passages, "
            f"{result.attributed} attributed, {result.figures} figures ({result.seconds:.1f} s).",
        )
        return RedirectResponse("/sources", status_code=303)

    async def remove(request: Request, form: FormData) -> Response:
        source_id = form.get("id")
        if not isinstance(source_id, str) or not source_id:
            raise BadRequest("which source? (no id given)")
        try:
            source = await run_in_threadpool(catalog.remove, source_id)
        except KnowledgeError as exc:
            flash(request, "error", str(exc))
            return RedirectResponse("/sources", status_code=303)
        log.info("console: removed %s", source.id)
        flash(request, "ok", f"Removed '{source.id}': {source.title}")
        return RedirectResponse("/sources", status_code=303)

    def get(path: str, handler: Handler) -> Route:
        return Route(path, guarded(handler), methods=["GET"])

    def post(path: str, handler: FormHandler) -> Route:
        return Route(path, form_post(handler), methods=["POST"])

    return [
        get("/login", login_page),
        post("/login", login),
        post("/logout", logout),
        get("/", overview),
        get("/conversations", conversations),
        get("/gaps", gaps),
        get("/sources", sources),
        get("/speakers", speakers),
        post("/sources/ingest", ingest),
        post("/sources/remove", remove),
        get("/api/overview", api_overview),
        get("/api/conversations", api_conversations),
        get("/api/gaps", api_gaps),
        get("/api/sources", api_sources),
        get("/api/speakers", api_speakers),
        *insight_routes(console),
    ]


def _without_page(request: Request) -> str:
    """The query string without its page number (for pagination and export links)."""
    return urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "page" and v])


def _csv(store: StateStore, filters: Any) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(queries.CSV_FIELDS)
    for conversation in store.iter_conversations(filters):
        writer.writerow(queries.csv_row(conversation))
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _json_lines(store: StateStore, filters: Any) -> Iterator[str]:
    """A JSON array written item by item, so a large export never sits in memory whole."""
    yield "["
    for n, conversation in enumerate(store.iter_conversations(filters)):
        yield (
            ("," if n else "")
            + "\n"
            + json.dumps(queries.conversation_json(conversation), ensure_ascii=False)
        )
    yield "\n]\n"
