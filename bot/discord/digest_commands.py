"""`/bubble digest …`: subscribe, unsubscribe, most-asked, status, preview (a subgroup of /bubble).

Changing a channel's digest needs Manage Channels: the subgroup carries it as default permissions (Discord
applies default permissions to top-level commands only, so this documents intent) and every changing
command checks the member's resolved permissions in the channel at run time. In a DM anyone may.
"""

from __future__ import annotations

import asyncio
import logging
from functools import lru_cache
from typing import Any
from zoneinfo import available_timezones

import discord
from discord import app_commands

from bot.digest.manage import DigestDesk
from bot.digest.options import DigestUsageError, SubscribeRequest, is_zone, parse_time, parse_zone
from bot.discord.core import responder_of
from bot.discord.digest_render import render_discord_digest
from bot.discord.render import NO_MENTIONS
from bot.errors import StoreUnavailable
from bot.settings import get_settings

log = logging.getLogger(__name__)

PLATFORM = "discord"
NOT_ALLOWED = "Sorry, changing this channel's digest needs the **Manage Channels** permission."
LANGUAGES = [app_commands.Choice(name="English", value="en"),
             app_commands.Choice(name="简体中文 (Simplified Chinese)", value="zh-Hans"),
             app_commands.Choice(name="繁體中文 (Traditional Chinese)", value="zh-Hant")]


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


def may_change(interaction: discord.Interaction[Any]) -> bool:
    """Manage Channels in this channel (anyone in a DM with the bot)."""
    return interaction.guild_id is None or interaction.permissions.manage_channels


def _desk(interaction: discord.Interaction[Any]) -> DigestDesk:
    responder = responder_of(interaction.client)
    if responder.store is None:
        raise StoreUnavailable("no state store")
    return DigestDesk(responder.store, responder.data_dir or get_settings().data_dir)


async def _private(interaction: discord.Interaction[Any], body: str) -> None:
    if interaction.response.is_done():
        await interaction.followup.send(body, ephemeral=True, allowed_mentions=NO_MENTIONS)
    else:
        await interaction.response.send_message(body, ephemeral=True, allowed_mentions=NO_MENTIONS)


async def _change(interaction: discord.Interaction[Any], request: SubscribeRequest | None,
                  most_asked: bool | None) -> None:
    """Subscribe (request given) or unsubscribe (None), announcing the change in the channel."""
    if not may_change(interaction):
        await _private(interaction, NOT_ALLOWED)
        return
    channel, user = str(interaction.channel_id), str(interaction.user.id)
    try:
        desk = _desk(interaction)
        if request is None:
            if not await asyncio.to_thread(desk.unsubscribe, PLATFORM, channel):
                await _private(interaction, "This channel has no daily digest.")
                return
            message = f"<@{user}> turned off the daily digest here."
        else:
            subscription = await asyncio.to_thread(desk.subscribe, PLATFORM, channel, request, user=user,
                                                   most_asked=most_asked)
            summary = await asyncio.to_thread(desk.summary, subscription)
            message = f"<@{user}> turned on the daily digest here: {summary}"
    except StoreUnavailable as error:
        await _private(interaction, str(error))
        return
    await interaction.response.send_message(message, allowed_mentions=NO_MENTIONS)


def build_digest_group() -> app_commands.Group:
    """The `digest` subgroup of /bubble."""
    group = app_commands.Group(name="digest", description="This channel's daily digest of figures and quotes.",
                               default_permissions=discord.Permissions(manage_channels=True))

    @group.command(name="subscribe", description="Turn on or change this channel's daily digest.")
    @app_commands.describe(time="HH:MM, or 9am / 9:30 pm (default 09:00)",
                           zone="a city, IANA zone, abbreviation or offset: Shanghai, New York, PST, UTC+8 (default UTC)",
                           language="the digest's language (default English)",
                           most_asked="include “Most asked this week” (default on)")
    @app_commands.choices(language=LANGUAGES)
    @app_commands.autocomplete(zone=zone_choices)
    async def subscribe(interaction: discord.Interaction[Any], time: str | None = None, zone: str | None = None,
                        language: app_commands.Choice[str] | None = None, most_asked: bool | None = None) -> None:
        """Subscribe the channel or change its settings (unspecified ones are kept)."""
        try:
            request = SubscribeRequest(time=parse_time(time) if time else None,
                                       tz=parse_zone(zone) if zone else None,
                                       language=language.value if language else None)
        except DigestUsageError as error:
            await _private(interaction, str(error))
            return
        await _change(interaction, request, most_asked)

    @group.command(name="unsubscribe", description="Turn off this channel's daily digest.")
    async def unsubscribe(interaction: discord.Interaction[Any]) -> None:
        """Stop the channel's digest."""
        await _change(interaction, None, None)

    @group.command(name="status", description="This channel's digest settings, next digest and last delivery.")
    async def status(interaction: discord.Interaction[Any]) -> None:
        """Settings, next digest and last delivery, only to the asker."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            body = await asyncio.to_thread(_desk(interaction).status, PLATFORM, str(interaction.channel_id))
        except StoreUnavailable as error:
            body = str(error)
        await _private(interaction, body)

    @group.command(name="preview", description="Today's digest for this channel, only to you.")
    async def preview(interaction: discord.Interaction[Any]) -> None:
        """Today's digest for the channel, only to the asker."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            digest = await asyncio.to_thread(_desk(interaction).preview, PLATFORM, str(interaction.channel_id))
        except StoreUnavailable as error:
            await _private(interaction, str(error))
            return
        await interaction.followup.send(embed=render_discord_digest(digest), ephemeral=True,
                                        allowed_mentions=NO_MENTIONS)

    return group
