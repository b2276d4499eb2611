"""A loopback fake of Discord's REST API and gateway, enough for the real discord.py client.

It listens on 127.0.0.1 only. REST requests under /api/v10 are recorded (and can be answered with a
429 on demand); the gateway at /gateway sends HELLO, answers IDENTIFY with READY + GUILD_CREATE and
RESUME with RESUMED, acknowledges heartbeats, and lets a test dispatch events, send RECONNECT (op 7)
or drop the connection. Payload builders (payloads.py) shape messages and interactions the way Discord does.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import BodyPartReader, WSMsgType, web

from tests.bot.discord.payloads import Json, Payloads

API_PREFIX = "/api/v10"
MESSAGE_CONTENT_FLAGS = (1 << 18) | (1 << 19)


@dataclass
class Recorded:
    """One REST request the fake received, and the status it answered."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    status: int
    at: float


@dataclass
class Connection:
    """One gateway websocket connection."""

    ws: web.WebSocketResponse
    request: web.Request
    shard: int = 0
    session_id: str | None = None
    live: bool = False
    handshaken: bool = False
    seq: int = 0


@dataclass
class RateLimit:
    method: str
    pattern: re.Pattern[str]
    times: int
    retry_after: float


@dataclass
class FakeDiscord(Payloads):
    """The fake; start() it, point discord.py at api_url / gateway_url, then drive it."""

    token: str = "fake-token"
    app_flags: int = 0
    requests: list[Recorded] = field(default_factory=list)
    identifies: list[Json] = field(default_factory=list)
    resumes: list[Json] = field(default_factory=list)
    connections: list[Connection] = field(default_factory=list)
    rate_limits: list[RateLimit] = field(default_factory=list)
    forbidden: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._ids = itertools.count(1600000000000000001 + secrets.randbelow(10**9) * 1000)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.commands: dict[str, list[Json]] = {}

    # --- lifecycle ------------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def close(self) -> None:
        for connection in self.connections:
            if not connection.ws.closed:
                await connection.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    # --- waiting ---------------------------------------------------------------------------------

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def wait_until(self, predicate: Callable[[], Any], timeout: float = 15.0) -> Any:
        """Wait until predicate() is truthy (re-checked on every request or gateway change); return it."""

        async def check() -> Any:
            async with self._changed:
                while not (result := predicate()):
                    await self._changed.wait()
                return result

        return await asyncio.wait_for(check(), timeout)

    def calls(self, method: str, pattern: str, *, status: int | None = 200) -> list[Recorded]:
        """Recorded requests whose path matches pattern fully (only those answered with status, if given)."""
        regex = re.compile(pattern)
        return [
            r
            for r in self.requests
            if r.method == method and regex.fullmatch(r.path) and (status is None or r.status == status)
        ]

    async def wait_for_call(
        self, method: str, pattern: str, *, count: int = 1, timeout: float = 15.0, status: int | None = 200
    ) -> list[Recorded]:
        """Wait for at least count matching requests; return all of them."""

        def enough() -> list[Recorded] | None:
            found = self.calls(method, pattern, status=status)
            return found if len(found) >= count else None

        result: list[Recorded] = await self.wait_until(enough, timeout)
        return result

    async def wait_live(self, count: int = 1, timeout: float = 15.0) -> Connection:
        """Wait until `count` connections have completed READY or RESUMED; return the newest live one."""
        await self.wait_until(
            lambda: (
                sum(1 for c in self.connections if c.handshaken) >= count
                and any(c.live for c in self.connections)
            ),
            timeout,
        )
        return self.live_connection()

    def live_connection(self, shard: int = 0) -> Connection:
        for connection in reversed(self.connections):
            if connection.live and connection.shard == shard and not connection.ws.closed:
                return connection
        raise AssertionError(f"no live gateway connection for shard {shard}")

    # --- gateway ---------------------------------------------------------------------------------

    async def _send(self, connection: Connection, op: int, data: Any, event: str | None = None) -> None:
        payload: Json = {"op": op, "d": data, "s": None, "t": event}
        if op == 0:
            connection.seq += 1
            payload["s"] = connection.seq
        await connection.ws.send_str(json.dumps(payload))

    async def dispatch(self, event: str, data: Json, *, shard: int = 0) -> None:
        """Send a DISPATCH event on the live connection of the shard."""
        await self._send(self.live_connection(shard), 0, data, event)

    async def send_reconnect(self, shard: int = 0) -> None:
        """Ask the client to reconnect and resume (op 7)."""
        await self._send(self.live_connection(shard), 7, None)

    def drop(self, shard: int = 0) -> None:
        """Cut the live connection's TCP stream without a close frame, like a network failure."""
        connection = self.live_connection(shard)
        connection.live = False
        transport = connection.request.transport
        assert transport is not None
        transport.abort()

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        connection = Connection(ws=ws, request=request)
        self.connections.append(connection)
        await self._send(connection, 10, {"heartbeat_interval": 41250})
        try:
            async for message in ws:
                if message.type is not WSMsgType.TEXT:
                    continue
                payload = json.loads(message.data)
                await self._on_gateway(connection, payload)
        finally:
            connection.live = False
            await self._notify()
        return ws

    async def _on_gateway(self, connection: Connection, payload: Json) -> None:
        op: int = payload["op"]
        data: Any = payload.get("d")
        if op == 1:
            await self._send(connection, 11, None)
        elif op == 2:
            self.identifies.append(data)
            if data.get("token") != self.token:
                await connection.ws.close(code=4004, message=b"Authentication failed.")
                return
            shard = data.get("shard") or [0, 1]
            connection.shard = shard[0]
            connection.session_id = secrets.token_hex(8)
            ready = {
                "v": 10,
                "user": self.bot_user(),
                "guilds": [{"id": str(self.guild_id), "unavailable": True}],
                "session_id": connection.session_id,
                "resume_gateway_url": self.gateway_url,
                "application": {"id": str(self.bot_id), "flags": self.app_flags},
                "shard": shard,
                "private_channels": [],
                "relationships": [],
                "presences": [],
                "guild_join_requests": [],
            }
            await self._send(connection, 0, ready, "READY")
            if connection.shard == (self.guild_id >> 22) % shard[1]:
                await self._send(connection, 0, self.guild(), "GUILD_CREATE")
            connection.live = connection.handshaken = True
        elif op == 6:
            self.resumes.append(data)
            previous = next((c for c in self.connections if c.session_id == data.get("session_id")), None)
            if previous is None or data.get("token") != self.token:
                await self._send(connection, 9, False)
                return
            connection.shard, connection.session_id, connection.seq = (
                previous.shard,
                previous.session_id,
                data["seq"],
            )
            await self._send(connection, 0, {}, "RESUMED")
            connection.live = connection.handshaken = True
        await self._notify()

    # --- REST ------------------------------------------------------------------------------------

    def rate_limit(self, method: str, pattern: str, *, times: int = 1, retry_after: float = 0.3) -> None:
        """Answer the next `times` matching requests with 429 and retry_after."""
        self.rate_limits.append(RateLimit(method, re.compile(pattern), times, retry_after))

    def forbid(self, method: str, pattern: str) -> None:
        """Answer every matching request with 403 Missing Permissions."""
        self.forbidden.append((method, re.compile(pattern)))

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        body: Any = None
        if request.content_type.startswith("multipart/"):
            body = await self._multipart(request)
        else:
            raw = await request.read()
            if raw:
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = raw.decode("utf-8", "replace")
        record = Recorded(request.method, path, dict(request.query), body, 0, time.monotonic())
        status, reply, headers = self._route(request, record)
        record.status = status
        self.requests.append(record)
        await self._notify()
        if reply is None:
            return web.Response(status=status, headers=headers)
        return web.Response(
            status=status,
            body=json.dumps(reply).encode(),
            headers={"Content-Type": "application/json", **headers},
        )

    @staticmethod
    async def _multipart(request: web.Request) -> Any:
        """A message with attachments: its payload_json, plus `_files` {field name: (filename, bytes)}."""
        body: dict[str, Any] = {}
        files: dict[str, tuple[str | None, bytes]] = {}
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            assert isinstance(part, BodyPartReader)
            data = await part.read()
            if part.name == "payload_json":
                body.update(json.loads(data))
            else:
                files[part.name or ""] = (part.filename, bytes(data))
        body["_files"] = files
        return body

    def _route(self, request: web.Request, record: Recorded) -> tuple[int, Any, dict[str, str]]:
        is_webhook = record.path.startswith(("/webhooks/", "/interactions/"))
        if not is_webhook and request.headers.get("Authorization") != f"Bot {self.token}":
            return 401, {"message": "401: Unauthorized", "code": 0}, {}
        if any(
            method == record.method and pattern.fullmatch(record.path) for method, pattern in self.forbidden
        ):
            return 403, {"message": "Missing Permissions", "code": 50013}, {}
        for limit in self.rate_limits:
            if limit.times > 0 and limit.method == record.method and limit.pattern.fullmatch(record.path):
                limit.times -= 1
                reply = {
                    "message": "You are being rate limited.",
                    "retry_after": limit.retry_after,
                    "global": False,
                }
                return (
                    429,
                    reply,
                    {
                        "Via": "1.1 google",
                        "X-RateLimit-Scope": "user",
                        "Retry-After": str(max(1, round(limit.retry_after))),
                    },
                )
        method, path, body = record.method, record.path, record.body
        if method == "GET" and path == "/users/@me":
            return 200, self.bot_user(), {}
        if method == "GET" and path == "/oauth2/applications/@me":
            return 200, self.application(), {}
        if method == "GET" and path == "/gateway/bot":
            return (
                200,
                {
                    "url": self.gateway_url,
                    "shards": 1,
                    "session_start_limit": {
                        "total": 1000,
                        "remaining": 999,
                        "reset_after": 0,
                        "max_concurrency": 1,
                    },
                },
                {},
            )
        if method == "POST" and (match := re.fullmatch(r"/channels/(\d+)/typing", path)):
            return 204, None, {}
        if method == "POST" and (match := re.fullmatch(r"/channels/(\d+)/messages", path)):
            return 200, self.sent_message(body, channel_id=int(match[1])), {}
        if method == "POST" and re.fullmatch(r"/interactions/\d+/[^/]+/callback", path):
            return 200, self.callback_reply(path, body), {}
        if method == "POST" and (match := re.fullmatch(r"/webhooks/(\d+)/[^/]+", path)):
            return 200, self.sent_message(body, channel_id=self.channel_id, webhook_id=int(match[1])), {}
        if method == "PATCH" and re.fullmatch(r"/webhooks/\d+/[^/]+/messages/@original", path):
            return 200, self.sent_message(body, channel_id=self.channel_id, webhook_id=self.bot_id), {}
        if method == "PUT" and (match := re.fullmatch(r"/applications/\d+(?:/guilds/(\d+))?/commands", path)):
            registered = [self.registered_command(c, guild=match[1]) for c in body]
            self.commands[match[1] or "global"] = registered
            return 200, registered, {}
        return 404, {"message": f"Unknown route {method} {path}", "code": 0}, {}
