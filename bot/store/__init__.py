"""The state store: de-duplicated events, answers, votes, asked questions, digests."""

from bot.store.records import Delivery, NotFound, Purged, StoredAnswer, Subscription
from bot.store.state import StateStore

__all__ = ["Delivery", "NotFound", "Purged", "StateStore", "StoredAnswer", "Subscription"]
