"""`/bubble digest …`: subscribe, unsubscribe, status, preview, as a subgroup of /bubble (the rules are the core's).

Changing a channel's digest needs Manage Channels: the subgroup carries it as default permissions (Discord
applies default permissions to top-level commands only, so this documents intent) and the core checks the
member's resolved permissions in the channel at run time (bot.discord.chat.may_change_digest). In a DM anyone may.
"""

from __future__ import annotations

import asyncio
import logging
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from zoneinfo import available_timezones

import discord
from discord import app_commands

from bot.chat.place import Place
from bot.chat.replies import Notice
from bot.digest.options import DigestUsageError, SubscribeRequest, is_zone, parse_time, parse_zone
from bot.discord.chat import NAME
from bot.discord.platform import respond
from bot.i18n import reply_language

if TYPE_CHECKING:
    from bot.discord.chat import DiscordChat

log = logging.getLogger(__name__)

LANGUAGES = [
    app_commands.Choice(name="English", value="en"),
    app_commands.Choice(name="简体中文 (Simplified Chinese)", value="zh-Hans"),
    app_commands.Choice(name="繁體中文 (Traditional Chinese)", value="zh-Hant"),
]


@lru_cache(maxsize=1)
def _zone_names() -> list[str]:
    return sorted(available_timezones())


async def zone_choices(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    """Time zones containing what was typed so far (Discord shows at most 25)."""
    key = current.casefold().replace(" ", "_")
    names = [name for name in _zone_names() if key in name.casefold()]
    if current.strip() and is_zone(current):  # a city, abbreviation or offset: what it means comes first
        names.insert(0, parse_zone(current))
    return [app_commands.Choice(name=name, value=name) for name in dict.fromkeys(names)][:25]


def digest_place(interaction: discord.Interaction[Any]) -> Place:
    """The channel the command was typed in (a thread has its own digest), who typed it, and how to answer."""
    return Place(
        NAME,
        str(interaction.channel_id),
        str(interaction.user.id),
        is_dm=interaction.guild_id is None,
        locale=str(interaction.locale),
        via=interaction,
    )


class DigestGroup(app_commands.Group):
    """/bubble digest; its core is the parent group's (injected there)."""

    def __init__(self) -> None:
        super().__init__(
            name="digest",
            description="This channel's daily digest of figures and quotes.",
            default_permissions=discord.Permissions(manage_channels=True),
        )

    def _core(self) -> DiscordChat:
        from bot.discord.commands import BubbleGroup

        parent = self.parent
        assert isinstance(parent, BubbleGroup)
        return parent.core()

    @app_commands.command(name="subscribe", description="Turn on or change this channel's daily digest.")
    @app_commands.describe(
        time="HH:MM, or 9am / 9:30 pm (default 09:00)",
        zone="a city, IANA zone, abbreviation or offset: Shanghai, New York, PST, UTC+8 (default UTC)",
        language="the digest's language (default English)",
        most_asked="include “Most asked this week” (default on)",
    )
    @app_commands.choices(language=LANGUAGES)
    @app_commands.autocomplete(zone=zone_choices)
    async def subscribe(
        self,
        interaction: discord.Interaction[Any],
        time: str | None = None,
        zone: str | None = None,
        language: app_commands.Choice[str] | None = None,
        most_asked: bool | None = None,
    ) -> None:
        """Subscribe the channel or change its settings (unspecified ones are kept); announced in the channel."""
        place = digest_place(interaction)
        speaks = reply_language(" ".join(filter(None, [time, zone])), locale=place.locale)
        try:
            request = SubscribeRequest(
                time=parse_time(time) if time else None,
                tz=parse_zone(zone) if zone else None,
                language=language.value if language else None,
            )
        except DigestUsageError as error:
            await respond(interaction, Notice(error.localized(speaks), speaks))
            return
        commands = self._core().digest
        await respond(
            interaction,
            await asyncio.to_thread(commands.subscribe, place, request, speaks, most_asked=most_asked),
        )

    @app_commands.command(name="unsubscribe", description="Turn off this channel's daily digest.")
    async def unsubscribe(self, interaction: discord.Interaction[Any]) -> None:
        """Stop the channel's digest (announced in the channel)."""
        place = digest_place(interaction)
        commands = self._core().digest
        await respond(
            interaction,
            await asyncio.to_thread(commands.unsubscribe, place, reply_language(locale=place.locale)),
        )

    @app_commands.command(
        name="status", description="This channel's digest settings, next digest and last delivery."
    )
    async def status(self, interaction: discord.Interaction[Any]) -> None:
        """Settings, next digest and last delivery, only to the asker."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        place = digest_place(interaction)
        commands = self._core().digest
        await respond(
            interaction, await asyncio.to_thread(commands.status, place, reply_language(locale=place.locale))
        )

    @app_commands.command(name="preview", description="Today's digest for this channel, only to you.")
    async def preview(self, interaction: discord.Interaction[Any]) -> None:
        """Today's digest for the channel, only to the asker."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        place = digest_place(interaction)
        commands = self._core().digest
        await respond(
            interaction, await asyncio.to_thread(commands.preview, place, reply_language(locale=place.locale))
        )
