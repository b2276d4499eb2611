"""A loopback fake of Discord's REST API and gateway, enough for the real discord.py client.

It listens on 127.0.0.1 only. REST requests under /api/v10 are recorded (and can be answered with a
429 on demand); the gateway at /gateway sends HELLO, answers IDENTIFY with READY + GUILD_CREATE and
RESUME with RESUMED, acknowledges heartbeats, and lets a test dispatch events, send RECONNECT (op 7)
or drop the connection. Payload builders make messages and interactions the way Discord shapes them.
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

from aiohttp import WSMsgType, web

API_PREFIX = "/api/v10"
TIMESTAMP = "2025-11-20T08:00:00.000000+00:00"
ALL_PERMISSIONS = str((1 << 41) - 1)
MESSAGE_CONTENT_FLAGS = (1 << 18) | (1 << 19)

Json = dict[str, Any]


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
class FakeDiscord:
    """The fake; start() it, point discord.py at api_url / gateway_url, then drive it."""

    token: str = "fake-token"
    app_flags: int = 0
    bot_id: int = 1100000000000000001
    guild_id: int = 1200000000000000001
    channel_id: int = 1300000000000000001
    dm_channel_id: int = 1300000000000000009
    thread_id: int = 1300000000000000005
    role_id: int = 1400000000000000001
    user_id: int = 1500000000000000001
    requests: list[Recorded] = field(default_factory=list)
    identifies: list[Json] = field(default_factory=list)
    resumes: list[Json] = field(default_factory=list)
    connections: list[Connection] = field(default_factory=list)
    rate_limits: list[RateLimit] = field(default_factory=list)

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

    def next_id(self) -> int:
        return next(self._ids)

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
        return [r for r in self.requests if r.method == method and regex.fullmatch(r.path)
                and (status is None or r.status == status)]

    async def wait_for_call(self, method: str, pattern: str, *, count: int = 1, timeout: float = 15.0,
                            status: int | None = 200) -> list[Recorded]:
        """Wait for at least count matching requests; return all of them."""
        def enough() -> list[Recorded] | None:
            found = self.calls(method, pattern, status=status)
            return found if len(found) >= count else None

        result: list[Recorded] = await self.wait_until(enough, timeout)
        return result

    async def wait_live(self, count: int = 1, timeout: float = 15.0) -> Connection:
        """Wait until `count` connections have completed READY or RESUMED; return the newest live one."""
        await self.wait_until(lambda: sum(1 for c in self.connections if c.handshaken) >= count
                              and any(c.live for c in self.connections), timeout)
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
                "v": 10, "user": self.bot_user(), "guilds": [{"id": str(self.guild_id), "unavailable": True}],
                "session_id": connection.session_id, "resume_gateway_url": self.gateway_url,
                "application": {"id": str(self.bot_id), "flags": self.app_flags}, "shard": shard,
                "private_channels": [], "relationships": [], "presences": [], "guild_join_requests": [],
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
            connection.shard, connection.session_id, connection.seq = previous.shard, previous.session_id, data["seq"]
            await self._send(connection, 0, {}, "RESUMED")
            connection.live = connection.handshaken = True
        await self._notify()

    # --- REST ------------------------------------------------------------------------------------

    def rate_limit(self, method: str, pattern: str, *, times: int = 1, retry_after: float = 0.3) -> None:
        """Answer the next `times` matching requests with 429 and retry_after."""
        self.rate_limits.append(RateLimit(method, re.compile(pattern), times, retry_after))

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        raw = await request.read()
        body: Any = None
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
        return web.Response(status=status, body=json.dumps(reply).encode(),
                            headers={"Content-Type": "application/json", **headers})

    def _route(self, request: web.Request, record: Recorded) -> tuple[int, Any, dict[str, str]]:
        is_webhook = record.path.startswith(("/webhooks/", "/interactions/"))
        if not is_webhook and request.headers.get("Authorization") != f"Bot {self.token}":
            return 401, {"message": "401: Unauthorized", "code": 0}, {}
        for limit in self.rate_limits:
            if limit.times > 0 and limit.method == record.method and limit.pattern.fullmatch(record.path):
                limit.times -= 1
                reply = {"message": "You are being rate limited.", "retry_after": limit.retry_after, "global": False}
                return 429, reply, {"Via": "1.1 google", "X-RateLimit-Scope": "user",
                                    "Retry-After": str(max(1, round(limit.retry_after)))}
        method, path, body = record.method, record.path, record.body
        if method == "GET" and path == "/users/@me":
            return 200, self.bot_user(), {}
        if method == "GET" and path == "/oauth2/applications/@me":
            return 200, self.application(), {}
        if method == "GET" and path == "/gateway/bot":
            return 200, {"url": self.gateway_url, "shards": 1,
                         "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0,
                                                 "max_concurrency": 1}}, {}
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

    # --- payloads --------------------------------------------------------------------------------

    def bot_user(self) -> Json:
        return self.user(self.bot_id, "bubblebot", bot=True)

    @staticmethod
    def user(user_id: int, name: str, *, bot: bool = False) -> Json:
        return {"id": str(user_id), "username": name, "global_name": name, "discriminator": "0",
                "avatar": None, "bot": bot, "flags": 0, "public_flags": 0}

    @staticmethod
    def member(user: Json | None = None, roles: list[str] | None = None) -> Json:
        data: Json = {"roles": roles or [], "joined_at": TIMESTAMP, "deaf": False, "mute": False, "flags": 0,
                      "nick": None, "pending": False}
        if user is not None:
            data["user"] = user
        return data

    def application(self) -> Json:
        return {"id": str(self.bot_id), "name": "bubblebot", "description": "", "icon": None,
                "bot_public": True, "bot_require_code_grant": False, "verify_key": "0" * 64,
                "owner": self.user(self.user_id, "owner"), "flags": self.app_flags, "team": None}

    def guild(self) -> Json:
        role = {"color": 0, "hoist": False, "position": 0, "mentionable": False, "flags": 0, "icon": None,
                "unicode_emoji": None}
        return {
            "id": str(self.guild_id), "name": "Bubble Watchers", "icon": None, "splash": None,
            "discovery_splash": None, "owner_id": str(self.user_id), "afk_channel_id": None, "afk_timeout": 300,
            "verification_level": 0, "default_message_notifications": 0, "explicit_content_filter": 0,
            "mfa_level": 0, "premium_tier": 0, "nsfw_level": 0, "system_channel_flags": 0,
            "preferred_locale": "en-US", "features": [], "emojis": [], "stickers": [], "member_count": 2,
            "large": False, "unavailable": False, "joined_at": TIMESTAMP, "voice_states": [], "presences": [],
            "threads": [self.thread()], "stage_instances": [], "guild_scheduled_events": [], "soundboard_sounds": [],
            "roles": [
                {**role, "id": str(self.guild_id), "name": "@everyone", "permissions": "2248473465835073",
                 "managed": False},
                {**role, "id": str(self.role_id), "name": "bubblebot", "permissions": ALL_PERMISSIONS,
                 "managed": True, "position": 1, "tags": {"bot_id": str(self.bot_id)}},
            ],
            "channels": [{"id": str(self.channel_id), "type": 0, "name": "general", "position": 0,
                          "permission_overwrites": [], "topic": None, "nsfw": False, "parent_id": None,
                          "rate_limit_per_user": 0, "last_message_id": None}],
            "members": [self.member(self.bot_user(), roles=[str(self.role_id)])],
        }

    def thread(self) -> Json:
        return {"id": str(self.thread_id), "type": 11, "guild_id": str(self.guild_id), "name": "bubble talk",
                "parent_id": str(self.channel_id), "owner_id": str(self.user_id), "message_count": 0,
                "member_count": 1, "rate_limit_per_user": 0, "flags": 0, "last_message_id": None,
                "thread_metadata": {"archived": False, "auto_archive_duration": 1440, "locked": False,
                                    "archive_timestamp": TIMESTAMP}}

    def message(self, content: str, *, author: Json | None = None, mention_bot: bool = True,
                dm: bool = False, thread: bool = False, mentions: list[Json] | None = None, **extra: Any) -> Json:
        """A MESSAGE_CREATE payload from a human (or the given author) in #general, its thread, or a DM."""
        author = author or self.user(self.user_id, "asker")
        channel_id = self.dm_channel_id if dm else self.thread_id if thread else self.channel_id
        data: Json = {
            "id": str(self.next_id()), "channel_id": str(channel_id),
            "author": author, "content": content, "timestamp": TIMESTAMP, "edited_timestamp": None,
            "tts": False, "mention_everyone": False, "mention_roles": [], "attachments": [], "embeds": [],
            "pinned": False, "type": 0, "flags": 0, "components": [],
            "mentions": mentions if mentions is not None else ([self.bot_user()] if mention_bot else []),
        }
        if not dm:
            data["guild_id"] = str(self.guild_id)
            data["member"] = self.member()
        data.update(extra)
        return data

    def sent_message(self, body: Any, *, channel_id: int, webhook_id: int | None = None) -> Json:
        """What Discord answers to a message the bot sent: the message, authored by the bot."""
        body = body if isinstance(body, dict) else {}
        data: Json = {
            "id": str(self.next_id()), "channel_id": str(channel_id), "author": self.bot_user(),
            "content": body.get("content") or "", "timestamp": TIMESTAMP, "edited_timestamp": None,
            "tts": False, "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [],
            "embeds": body.get("embeds") or [], "components": body.get("components") or [],
            "pinned": False, "type": 19 if body.get("message_reference") else 0, "flags": body.get("flags", 0),
        }
        if channel_id == self.channel_id:
            data["guild_id"] = str(self.guild_id)
        if webhook_id is not None:
            data["webhook_id"] = str(webhook_id)
        if body.get("message_reference"):
            data["message_reference"] = body["message_reference"]
        return data

    def callback_reply(self, path: str, body: Json) -> Json:
        """The `?with_response=1` answer to an interaction callback."""
        interaction_id = path.split("/")[2]
        kind = body["type"]
        inner = body.get("data") or {}
        ephemeral = bool(inner.get("flags", 0) & 64)
        reply: Json = {"interaction": {"id": interaction_id, "type": 2, "response_message_loading": kind == 5,
                                       "response_message_ephemeral": ephemeral},
                       "resource": {"type": kind}}
        if kind == 4:
            message = self.sent_message(inner, channel_id=self.channel_id, webhook_id=self.bot_id)
            reply["interaction"]["response_message_id"] = message["id"]
            reply["resource"]["message"] = message
        return reply

    def interaction(self, kind: int, data: Json, *, dm: bool = False, **extra: Any) -> Json:
        """An INTERACTION_CREATE payload from the asker."""
        asker = self.user(self.user_id, "asker")
        payload: Json = {
            "id": str(self.next_id()), "application_id": str(self.bot_id), "type": kind,
            "token": "itoken-" + secrets.token_hex(12), "version": 1, "data": data, "locale": "en-US",
            "entitlements": [], "authorizing_integration_owners": {"0": str(self.guild_id)},
            "attachment_size_limit": 26214400, "app_permissions": ALL_PERMISSIONS,
        }
        if dm:
            payload.update(channel_id=str(self.dm_channel_id), user=asker, context=1,
                           channel={"id": str(self.dm_channel_id), "type": 1, "recipients": [asker]})
        else:
            payload.update(guild_id=str(self.guild_id), channel_id=str(self.channel_id), guild_locale="en-US",
                           context=0, member={**self.member(asker), "permissions": ALL_PERMISSIONS},
                           channel={"id": str(self.channel_id), "type": 0, "guild_id": str(self.guild_id),
                                    "name": "general", "position": 0, "permission_overwrites": [],
                                    "nsfw": False, "parent_id": None, "rate_limit_per_user": 0})
        payload.update(extra)
        return payload

    def slash(self, subcommand: str, **options: str) -> Json:
        """/bubble <subcommand> with string options."""
        sub: Json = {"name": subcommand, "type": 1,
                     "options": [{"name": k, "type": 3, "value": v} for k, v in options.items()]}
        return self.interaction(2, {"id": str(self.next_id()), "name": "bubble", "type": 1, "options": [sub]})

    def context_menu(self, target: Json, name: str = "Ask bubblebot") -> Json:
        """A message context-menu command on target."""
        return self.interaction(2, {"id": str(self.next_id()), "name": name, "type": 3,
                                    "target_id": target["id"], "resolved": {"messages": {target["id"]: target}}})

    def click(self, message: Json, custom_id: str) -> Json:
        """A button press on a message the bot sent."""
        return self.interaction(3, {"custom_id": custom_id, "component_type": 2}, message=message)

    def registered_command(self, command: Json, *, guild: str | None) -> Json:
        data = {"id": str(self.next_id()), "application_id": str(self.bot_id), "version": str(self.next_id()),
                "default_member_permissions": None, "nsfw": False, "options": [], "description": "",
                **command}
        if guild:
            data["guild_id"] = guild
        return data
