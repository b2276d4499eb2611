"""`/bubble chart TOPIC` on every platform: the library's figures on a topic, as a chart in the asker's language."""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.chat.replies import ChartReply, Notice, Reply
from bot.i18n import message
from knowledge.corpus import Corpus

log = logging.getLogger(__name__)


class ChartCommand:
    """Builds the chart from the corpus the bot answers from now (so ingested articles count)."""

    def __init__(self, corpus: Callable[[], Corpus]) -> None:
        self.corpus = corpus

    def run(self, topic: str, language: str) -> Reply:
        """The chart, or a usage line (no topic) or a "no figures" note (a topic the library has none on)."""
        from bot.charts.chat import chat_chart

        topic = " ".join(topic.split())
        if not topic:
            return Notice(message("chart.usage", language), language)
        try:
            chart = chat_chart(self.corpus(), topic, language)
        except Exception:
            log.exception("could not draw a chart for %r", topic)
            return Notice(message("chat.sorry", language), language)
        if chart is None:
            return Notice(message("chart.none", language, topic=topic), language)
        return ChartReply(chart, language)
