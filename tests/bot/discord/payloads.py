"""Discord payloads the fake sends and answers with: users, the guild, messages, interactions, commands."""

from __future__ import annotations

import itertools
import secrets
from typing import Any

TIMESTAMP = "2025-11-20T08:00:00.000000+00:00"
ALL_PERMISSIONS = str((1 << 41) - 1)

Json = dict[str, Any]


class Payloads:
    """Builders shaped like Discord's payloads, for one bot in one guild with one channel and thread."""

    token: str
    app_flags: int
    bot_id: int = 1100000000000000001
    guild_id: int = 1200000000000000001
    channel_id: int = 1300000000000000001
    thread_id: int = 1300000000000000005
    dm_channel_id: int = 1300000000000000009
    role_id: int = 1400000000000000001
    user_id: int = 1500000000000000001
    _ids: itertools.count[int]

    @property
    def gateway_url(self) -> str:
        raise NotImplementedError

    def next_id(self) -> int:
        return next(self._ids)

    # --- payloads --------------------------------------------------------------------------------

    def bot_user(self) -> Json:
        return self.user(self.bot_id, "bubblebot", bot=True)

    @staticmethod
    def user(user_id: int, name: str, *, bot: bool = False) -> Json:
        return {
            "id": str(user_id),
            "username": name,
            "global_name": name,
            "discriminator": "0",
            "avatar": None,
            "bot": bot,
            "flags": 0,
            "public_flags": 0,
        }

    @staticmethod
    def member(user: Json | None = None, roles: list[str] | None = None) -> Json:
        data: Json = {
            "roles": roles or [],
            "joined_at": TIMESTAMP,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "nick": None,
            "pending": False,
        }
        if user is not None:
            data["user"] = user
        return data

    def application(self) -> Json:
        return {
            "id": str(self.bot_id),
            "name": "bubblebot",
            "description": "",
            "icon": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "owner": self.user(self.user_id, "owner"),
            "flags": self.app_flags,
            "team": None,
        }

    def guild(self) -> Json:
        role = {
            "color": 0,
            "hoist": False,
            "position": 0,
            "mentionable": False,
            "flags": 0,
            "icon": None,
            "unicode_emoji": None,
        }
        return {
            "id": str(self.guild_id),
            "name": "Bubble Watchers",
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "owner_id": str(self.user_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "premium_tier": 0,
            "nsfw_level": 0,
            "system_channel_flags": 0,
            "preferred_locale": "en-US",
            "features": [],
            "emojis": [],
            "stickers": [],
            "member_count": 2,
            "large": False,
            "unavailable": False,
            "joined_at": TIMESTAMP,
            "voice_states": [],
            "presences": [],
            "threads": [self.thread()],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "roles": [
                {
                    **role,
                    "id": str(self.guild_id),
                    "name": "@everyone",
                    "permissions": "2248473465835073",
                    "managed": False,
                },
                {
                    **role,
                    "id": str(self.role_id),
                    "name": "bubblebot",
                    "permissions": ALL_PERMISSIONS,
                    "managed": True,
                    "position": 1,
                    "tags": {"bot_id": str(self.bot_id)},
                },
            ],
            "channels": [
                {
                    "id": str(self.channel_id),
                    "type": 0,
                    "name": "general",
                    "position": 0,
                    "permission_overwrites": [],
                    "topic": None,
                    "nsfw": False,
                    "parent_id": None,
                    "rate_limit_per_user": 0,
                    "last_message_id": None,
                }
            ],
            "members": [self.member(self.bot_user(), roles=[str(self.role_id)])],
        }

    def thread(self) -> Json:
        return {
            "id": str(self.thread_id),
            "type": 11,
            "guild_id": str(self.guild_id),
            "name": "bubble talk",
            "parent_id": str(self.channel_id),
            "owner_id": str(self.user_id),
            "message_count": 0,
            "member_count": 1,
            "rate_limit_per_user": 0,
            "flags": 0,
            "last_message_id": None,
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": 1440,
                "locked": False,
                "archive_timestamp": TIMESTAMP,
            },
        }

    def message(
        self,
        content: str,
        *,
        author: Json | None = None,
        mention_bot: bool = True,
        dm: bool = False,
        thread: bool = False,
        mentions: list[Json] | None = None,
        **extra: Any,
    ) -> Json:
        """A MESSAGE_CREATE payload from a human (or the given author) in #general, its thread, or a DM."""
        author = author or self.user(self.user_id, "asker")
        channel_id = self.dm_channel_id if dm else self.thread_id if thread else self.channel_id
        data: Json = {
            "id": str(self.next_id()),
            "channel_id": str(channel_id),
            "author": author,
            "content": content,
            "timestamp": TIMESTAMP,
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
            "components": [],
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
            "id": str(self.next_id()),
            "channel_id": str(channel_id),
            "author": self.bot_user(),
            "content": body.get("content") or "",
            "timestamp": TIMESTAMP,
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 19 if body.get("message_reference") else 0,
            "flags": body.get("flags", 0),
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
        reply: Json = {
            "interaction": {
                "id": interaction_id,
                "type": 2,
                "response_message_loading": kind == 5,
                "response_message_ephemeral": ephemeral,
            },
            "resource": {"type": kind},
        }
        if kind == 4:
            message = self.sent_message(inner, channel_id=self.channel_id, webhook_id=self.bot_id)
            reply["interaction"]["response_message_id"] = message["id"]
            reply["resource"]["message"] = message
        return reply

    def interaction(self, kind: int, data: Json, *, dm: bool = False, **extra: Any) -> Json:
        """An INTERACTION_CREATE payload from the asker."""
        asker = self.user(self.user_id, "asker")
        payload: Json = {
            "id": str(self.next_id()),
            "application_id": str(self.bot_id),
            "type": kind,
            "token": "itoken-" + secrets.token_hex(12),
            "version": 1,
            "data": data,
            "locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(self.guild_id)},
            "attachment_size_limit": 26214400,
            "app_permissions": ALL_PERMISSIONS,
        }
        if dm:
            payload.update(
                channel_id=str(self.dm_channel_id),
                user=asker,
                context=1,
                channel={"id": str(self.dm_channel_id), "type": 1, "recipients": [asker]},
            )
        else:
            payload.update(
                guild_id=str(self.guild_id),
                channel_id=str(self.channel_id),
                guild_locale="en-US",
                context=0,
                member={**self.member(asker), "permissions": ALL_PERMISSIONS},
                channel={
                    "id": str(self.channel_id),
                    "type": 0,
                    "guild_id": str(self.guild_id),
                    "name": "general",
                    "position": 0,
                    "permission_overwrites": [],
                    "nsfw": False,
                    "parent_id": None,
                    "rate_limit_per_user": 0,
                },
            )
        payload.update(extra)
        return payload

    def slash(self, subcommand: str, **options: str) -> Json:
        """/bubble <subcommand> with string options."""
        sub: Json = {
            "name": subcommand,
            "type": 1,
            "options": [{"name": k, "type": 3, "value": v} for k, v in options.items()],
        }
        return self.interaction(2, {"id": str(self.next_id()), "name": "bubble", "type": 1, "options": [sub]})

    def context_menu(self, target: Json, name: str = "Ask bubblebot") -> Json:
        """A message context-menu command on target."""
        return self.interaction(
            2,
            {
                "id": str(self.next_id()),
                "name": name,
                "type": 3,
                "target_id": target["id"],
                "resolved": {"messages": {target["id"]: target}},
            },
        )

    def click(self, message: Json, custom_id: str) -> Json:
        """A button press on a message the bot sent."""
        return self.interaction(3, {"custom_id": custom_id, "component_type": 2}, message=message)

    def registered_command(self, command: Json, *, guild: str | None) -> Json:
        data = {
            "id": str(self.next_id()),
            "application_id": str(self.bot_id),
            "version": str(self.next_id()),
            "default_member_permissions": None,
            "nsfw": False,
            "options": [],
            "description": "",
            **command,
        }
        if guild:
            data["guild_id"] = guild
        return data
