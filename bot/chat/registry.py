"""The chat platforms bubblebot knows, for `serve` and `digest run-due` (adapters are imported only when used).

Each entry names the adapter's module and its entry points: `serve(settings, host=…, port=…)` runs the bot;
`deliver_due(settings, store, catalog, now)` posts the due digests once (for cron). A third platform adds
one entry here and its own package (see docs in /work/notes/chat.md).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bot.settings import Settings

if TYPE_CHECKING:
    from bot.digest.content import Catalog
    from bot.digest.runner import Outcome
    from bot.store import StateStore


def _secret_set(value: Any) -> bool:
    return value is not None and bool(value.get_secret_value().strip())


@dataclass(frozen=True)
class PlatformEntry:
    """One chat platform: its name, the setting that turns it on, and where its entry points live."""

    name: str
    token_variable: str
    configured: Callable[[Settings], bool]
    serve_path: str  # "module:function"
    deliver_path: str

    def _load(self, path: str) -> Any:
        module, _, function = path.partition(":")
        return getattr(importlib.import_module(module), function)

    def serve(self, settings: Settings, *, host: str, port: int) -> None:
        """Run the bot on this platform until interrupted."""
        self._load(self.serve_path)(settings, host=host, port=port)

    def deliver_due(
        self, settings: Settings, store: StateStore, catalog: Callable[[], Catalog], now: datetime
    ) -> list[Outcome]:
        """Post this platform's due digests once."""
        outcomes: list[Outcome] = self._load(self.deliver_path)(settings, store, catalog, now)
        return outcomes


PLATFORMS: dict[str, PlatformEntry] = {
    "slack": PlatformEntry(
        "slack",
        "SLACK_BOT_TOKEN",
        lambda s: _secret_set(s.slack_bot_token),
        "bot.slack:serve_slack",
        "bot.slack.digest:deliver_due_slack",
    ),
    "discord": PlatformEntry(
        "discord",
        "DISCORD_TOKEN",
        lambda s: _secret_set(s.discord_token),
        "bot.discord:serve",
        "bot.discord.digest:deliver_due_discord",
    ),
}


def platform_names() -> tuple[str, ...]:
    """Every platform's name, in a stable order (for command-line choices)."""
    return tuple(PLATFORMS)


def platform(name: str) -> PlatformEntry:
    """The entry of one platform (KeyError for an unknown name)."""
    return PLATFORMS[name]
