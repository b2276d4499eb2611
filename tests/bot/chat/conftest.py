"""Fixtures of the fast tier: a toy bot over a fresh SQLite store, with the fake answer service."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.store import StateStore
from tests.bot.chat.toy_platform import ToyBot


@pytest.fixture
def store(tmp_path: Path) -> Iterator[StateStore]:
    with StateStore.open(f"sqlite:///{tmp_path / 'state.db'}") as opened:
        yield opened


@pytest.fixture
def make_toy(store: StateStore, tmp_path: Path) -> Callable[..., ToyBot]:
    def make(**options: Any) -> ToyBot:
        return ToyBot(store, tmp_path, **options)

    return make


@pytest.fixture
def toy(make_toy: Callable[..., ToyBot]) -> ToyBot:
    return make_toy()
