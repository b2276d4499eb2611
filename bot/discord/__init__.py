"""The Discord adapter: mentions, DMs, the /bubble commands and the "Ask bubblebot" menu, via discord.py.

Only translation lives here (the conversation is bot.chat's): client (messages → Places), commands (the
/bubble group, an app_commands.Group subclass with the core injected), digest_commands (its digest subgroup),
views (persistent buttons), platform (replies → embeds, files, interaction responses), render (embeds), chat
(the core wired for Discord), runtime (start-up, health), sync (command registration), digest (posting digests).

discord.py is imported only inside this package. It still imports the stdlib `audioop` (for voice,
which bubblebot does not use), deprecated since Python 3.11: that one warning is silenced here, once,
before any module of the package imports discord.
"""

from __future__ import annotations

import warnings

from bot.settings import Settings

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="'audioop' is deprecated", category=DeprecationWarning)
    import discord  # noqa: F401

__all__ = ["serve", "serve_discord", "sync_commands"]


def serve_discord(settings: Settings) -> None:
    """Run the bot on Discord with DISCORD_TOKEN until interrupted (raises BadToken on a rejected token)."""
    from bot.discord.runtime import serve

    serve(settings)


def serve(settings: Settings, *, host: str | None = None, port: int | None = None) -> None:
    """The registry's entry point (bot.chat.registry): Discord has no endpoint of its own, so host and port are
    unused; its /healthz and /metrics are on BUBBLEBOT_HEALTH_HOST:BUBBLEBOT_HEALTH_PORT."""
    serve_discord(settings)


def sync_commands(settings: Settings, *, guild: int | None = None, clear: bool = False) -> int:
    """Register the application commands globally or in one server (or clear that server's); how many remain."""
    from bot.discord.sync import sync

    return sync(settings, guild=guild, clear=clear)
