"""A loopback fake of Slack: the Web API (/api/<method>), response_url sinks and the Socket Mode websocket.

Runs an aiohttp server on 127.0.0.1 in its own thread and event loop. It records every Web API
call (including the failed ones), can be told to fail a method (`fail`) or a channel
(`channel_errors`), answers `auth.test` only for the right bot token and `apps.connections.open`
only for the right app token, and pushes Socket Mode envelopes to the connected client.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

BOT_TOKEN = "xoxb-1111-2222-fakebottoken"
APP_TOKEN = "xapp-1-A111-2222-fakeapptoken"
BOT_USER_ID = "UBUBBLEBOT"
BOT_ID = "BBUBBLEBOT"
TEAM_ID = "T0TEAM"


@dataclass
class Call:
    """One Web API call as the fake saw it."""

    method: str
    args: dict[str, Any]
    token: str | None
    ok: bool
    error: str | None = None
    response: dict[str, Any] = field(default_factory=dict)
    at: float = field(default_factory=time.monotonic)


@dataclass
class Failure:
    """A scripted failure for the next call(s) of a method."""

    error: str
    status: int = 200
    retry_after: float | None = None
    times: int = 1


class FakeSlack:
    """The fake; use as a context manager or start()/stop()."""

    def __init__(self, *, bot_token: str = BOT_TOKEN, app_token: str = APP_TOKEN) -> None:
        self.bot_token = bot_token
        self.app_token = app_token
        self.calls: list[Call] = []
        self.responses: list[tuple[str, dict[str, Any]]] = []
        self.socket_acks: dict[str, dict[str, Any]] = {}
        self.channel_errors: dict[str, str] = {}
        self.uploads: dict[str, bytes] = {}  # file id → the bytes uploaded to its upload URL
        self.port = 0
        self._failures: dict[str, list[Failure]] = {}
        self._holds: dict[str, threading.Event] = {}
        self._ts = itertools.count(1)
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self._sockets: list[web.WebSocketResponse] = []
        self._thread = threading.Thread(target=self._loop.run_forever, name="fake-slack", daemon=True)

    # --- lifecycle ------------------------------------------------------------------------------

    def start(self) -> FakeSlack:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_post("/respond/{name}", self._respond)
        app.router.add_get("/link/", self._socket)
        app.router.add_post("/upload/{file_id}", self._upload)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets  # type: ignore[attr-defined]
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]

    def stop(self) -> None:
        async def shutdown() -> None:
            for ws in list(self._sockets):
                await ws.close()
            if self._runner is not None:
                await self._runner.cleanup()

        if self._thread.is_alive():
            asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(10)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
        self._loop.close()

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str = "r") -> str:
        return f"http://127.0.0.1:{self.port}/respond/{name}"

    # --- scripting and inspection ---------------------------------------------------------------

    def fail(
        self, method: str, error: str, *, status: int = 200, retry_after: float | None = None, times: int = 1
    ) -> None:
        """Make the next `times` calls of method fail with Slack error `error`."""
        with self._lock:
            self._failures.setdefault(method, []).append(Failure(error, status, retry_after, times))

    def hold(self, method: str) -> threading.Event:
        """Record method's calls at once but answer them only once the returned event is set (a call in flight)."""
        gate = threading.Event()
        with self._lock:
            self._holds[method] = gate
        return gate

    def calls_to(self, method: str, *, ok: bool | None = True) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method and (ok is None or c.ok == ok)]

    def wait_for(
        self, method: str, count: int = 1, *, timeout: float = 20.0, ok: bool | None = True
    ) -> list[Call]:
        """Block until at least `count` calls of method were made (AssertionError on timeout)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [c for c in self.calls if c.method == method and (ok is None or c.ok == ok)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"expected {count} {method} call(s), got {len(found)}: {self.calls}")
                self._changed.wait(left)

    def wait_for_response(self, count: int = 1, *, timeout: float = 20.0) -> list[tuple[str, dict[str, Any]]]:
        """Block until at least `count` response_url posts arrived."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self.responses) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"expected {count} response_url post(s), got {self.responses}")
                self._changed.wait(left)
            return list(self.responses)

    def quiet(self, seconds: float = 0.5) -> None:
        """Let in-flight work finish (used before asserting that nothing more was posted)."""
        time.sleep(seconds)

    # --- Web API --------------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            raw = await request.text()
            args.update(json.loads(raw) if raw.strip() else {})
        else:
            args.update({k: v for k, v in (await request.post()).items() if isinstance(v, str)})
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else args.get("token")
        status, headers, body = self._answer(method, args, token)
        with self._changed:
            self.calls.append(Call(method, args, token, bool(body.get("ok")), body.get("error"), body))
            self._changed.notify_all()
        with self._lock:
            gate = self._holds.get(method)
        if gate is not None:
            await asyncio.to_thread(gate.wait, 30)
        return web.json_response(body, status=status, headers=headers)

    def _answer(
        self, method: str, args: dict[str, Any], token: str | None
    ) -> tuple[int, dict[str, str], dict[str, Any]]:
        with self._lock:
            queue = self._failures.get(method) or []
            failure = queue[0] if queue else None
            if failure is not None:
                failure.times -= 1
                if failure.times <= 0:
                    queue.pop(0)
        if failure is not None:
            headers = (
                {"Retry-After": str(int(failure.retry_after))} if failure.retry_after is not None else {}
            )
            return failure.status, headers, {"ok": False, "error": failure.error}
        if method == "apps.connections.open":
            if token != self.app_token:
                return 200, {}, {"ok": False, "error": "invalid_auth"}
            return 200, {}, {"ok": True, "url": f"ws://127.0.0.1:{self.port}/link/?ticket={uuid.uuid4()}"}
        if token != self.bot_token:
            return 200, {}, {"ok": False, "error": "invalid_auth"}
        if method == "auth.test":
            return (
                200,
                {},
                {
                    "ok": True,
                    "url": "https://fake.slack.test/",
                    "team": "Fake Team",
                    "user": "bubblebot",
                    "team_id": TEAM_ID,
                    "user_id": BOT_USER_ID,
                    "bot_id": BOT_ID,
                },
            )
        channel = str(args.get("channel", ""))
        if channel in self.channel_errors:
            return 200, {}, {"ok": False, "error": self.channel_errors[channel]}
        ts = f"{1_700_000_000 + next(self._ts)}.000100"
        if method == "chat.postMessage":
            return (
                200,
                {},
                {
                    "ok": True,
                    "channel": channel,
                    "ts": ts,
                    "message": {
                        "type": "message",
                        "bot_id": BOT_ID,
                        "user": BOT_USER_ID,
                        "ts": ts,
                        "text": args.get("text"),
                        "thread_ts": args.get("thread_ts"),
                    },
                },
            )
        if method == "chat.postEphemeral":
            return 200, {}, {"ok": True, "message_ts": ts}
        if method == "files.getUploadURLExternal":  # the first step of files_upload_v2
            file_id = f"F{next(self._ts):08d}"
            return (
                200,
                {},
                {
                    "ok": True,
                    "file_id": file_id,
                    "upload_url": f"http://127.0.0.1:{self.port}/upload/{file_id}",
                },
            )
        if method == "files.completeUploadExternal":
            files = args.get("files")
            listed = json.loads(files) if isinstance(files, str) else files or []
            missing = [f["id"] for f in listed if f.get("id") not in self.uploads]
            if missing:
                return 200, {}, {"ok": False, "error": "file_not_found"}
            return 200, {}, {"ok": True, "files": [{"id": f["id"], "title": f.get("title")} for f in listed]}
        return 200, {}, {"ok": True}

    async def _upload(self, request: web.Request) -> web.Response:
        """An upload URL handed out by files.getUploadURLExternal: keep the file's bytes (sent raw)."""
        data = await request.read()
        with self._changed:
            self.uploads[request.match_info["file_id"]] = data
            self._changed.notify_all()
        return web.Response(text="OK - uploaded")

    async def _respond(self, request: web.Request) -> web.Response:
        body = await request.json()
        with self._changed:
            self.responses.append((request.match_info["name"], body))
            self._changed.notify_all()
        return web.Response(text="ok")

    # --- Socket Mode ----------------------------------------------------------------------------

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_str(
            json.dumps(
                {
                    "type": "hello",
                    "num_connections": 1,
                    "debug_info": {"host": "fake", "approximate_connection_time": 3600},
                    "connection_info": {"app_id": "A0FAKE"},
                }
            )
        )
        try:
            async for message in ws:
                if message.type == WSMsgType.TEXT:
                    data = json.loads(message.data)
                    if "envelope_id" in data:
                        with self._changed:
                            self.socket_acks[data["envelope_id"]] = data
                            self._changed.notify_all()
        finally:
            if ws in self._sockets:
                self._sockets.remove(ws)
        return ws

    def wait_connected(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not self._sockets:
            if time.monotonic() > deadline:
                raise AssertionError("no Socket Mode connection")
            time.sleep(0.02)

    def send_envelope(
        self,
        kind: str,
        payload: dict[str, Any],
        *,
        retry_attempt: int | None = None,
        envelope_id: str | None = None,
    ) -> str:
        """Push one envelope (events_api, slash_commands, interactive) to the connected client."""
        envelope_id = envelope_id or str(uuid.uuid4())
        envelope: dict[str, Any] = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": kind != "events_api",
        }
        if kind == "events_api":
            envelope.update(retry_attempt=retry_attempt or 0, retry_reason="timeout" if retry_attempt else "")
        ws = self._sockets[-1]
        asyncio.run_coroutine_threadsafe(ws.send_str(json.dumps(envelope)), self._loop).result(10)
        return envelope_id

    def wait_ack(self, envelope_id: str, *, timeout: float = 10.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        with self._changed:
            while envelope_id not in self.socket_acks:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"envelope {envelope_id} was not acknowledged")
                self._changed.wait(left)
            return self.socket_acks[envelope_id]
