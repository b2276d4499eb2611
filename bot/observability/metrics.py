"""Prometheus metrics of the bot, and the helpers that update them (one place per kind of event).

Counters are exported with a `_total` suffix (`bubblebot_questions_total`, ...). Labels stay low in
cardinality: languages, platforms, API method names and error codes, never users or channels.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Counter, Gauge, Histogram, generate_latest

log = logging.getLogger(__name__)

QUESTIONS = Counter("bubblebot_questions", "Questions that reached the answer chain.", ["language"])
ABSTENTIONS = Counter("bubblebot_abstentions", "Answers saying the corpus has no answer.", ["language"])
LEXICAL_ONLY = Counter(
    "bubblebot_lexical_only_answers", "Answers given from keyword search alone (dense search unavailable)."
)
ANSWER_ERRORS = Counter("bubblebot_answer_errors", "Questions whose answer failed with an internal error.")
ANSWER_SECONDS = Histogram(
    "bubblebot_answer_seconds",
    "Time to answer one question (answer chain only).",
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 60.0),
)
DENSE_UP = Gauge("bubblebot_dense_search_up", "1 while dense (vector) search is connected, else 0.")
DIGEST_DELIVERIES = Counter("bubblebot_digest_deliveries", "Digests posted to a channel.", ["platform"])
DIGEST_FAILURES = Counter(
    "bubblebot_digest_failures", "Digest posts that failed (retried later).", ["platform", "reason"]
)
PLATFORM_API_ERRORS = Counter(
    "bubblebot_platform_api_errors", "Slack or Discord API calls that failed.", ["platform", "method", "code"]
)


def record_answer(*, language: str, abstained: bool, seconds: float, lexical_only: bool) -> None:
    """Count one answered question (and its abstention, if any) and observe its latency."""
    QUESTIONS.labels(language).inc()
    if abstained:
        ABSTENTIONS.labels(language).inc()
    if lexical_only:
        LEXICAL_ONLY.inc()
    ANSWER_SECONDS.observe(seconds)


def record_answer_error() -> None:
    """Count a question whose answer failed with an internal error."""
    ANSWER_ERRORS.inc()


def digest_delivered(platform: str) -> None:
    """Count a digest posted to a channel."""
    DIGEST_DELIVERIES.labels(platform).inc()


def digest_failed(platform: str, reason: str) -> None:
    """Count a digest post that failed (reason: a short code such as `channel_not_found` or `store`)."""
    DIGEST_FAILURES.labels(platform, reason).inc()


def platform_api_error(platform: str, method: str, code: str) -> None:
    """Count a failed Slack or Discord API call (method name and error code, never ids or text)."""
    PLATFORM_API_ERRORS.labels(platform, method, code).inc()


def track_dense(available: Callable[[], bool]) -> None:
    """Report dense search's state at every scrape (the latest knowledge base wins)."""
    DENSE_UP.set_function(lambda: 1.0 if available() else 0.0)


def exposition() -> tuple[bytes, str]:
    """The /metrics body and its content type."""
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
