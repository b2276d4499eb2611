"""A store seeded with known questions, answers and votes, at known days (for the console tests)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from unittest import mock

from bot.models import Answer, Citation, SourceRef
from bot.store import StateStore

UNANSWERABLE = (
    "What did Tim Cook say about the AI bubble?",
    "Does Tim Cook think AI is a bubble?",
    "Tim Cook's view on the AI bubble",
)
ANSWERED = (
    "Does Sam Altman think AI is a bubble?",
    "How much will hyperscalers spend on data centers?",
    "Is the AI boom like the dot-com bubble?",
    "What do investors say about AI valuations?",
)
OTHER_ABSTAINED = ("What is the best pizza topping?",)
# How long each seeded answer took (ms): sorted 120 200 300 400 | 450 600 900 2500 → p50 400, p95 2500
LATENCIES = (300, 120, 900, 450, 200, 2500, 400, 600)


@dataclass(frozen=True)
class Seeded:
    """What was seeded: the counts the overview must show."""

    questions: int
    answered: int
    abstained: int
    up: int
    down: int
    users: int
    per_day: dict[str, tuple[int, int]]  # YYYY-MM-DD → (answered, abstained)
    downvoted_question: str
    latency_p50: int  # ms
    latency_p95: int


def _answer(question: str, *, abstained: bool, language: str = "en") -> Answer:
    citation = Citation(
        speaker="Sam Altman",
        speaker_role="CEO, OpenAI",
        quote="Are we in a phase where investors as a whole are overexcited about AI? My opinion is yes.",
        source=SourceRef(
            id="verge-altman",
            title="Sam Altman says we're in an AI bubble",
            publisher="The Verge",
            url="https://example.com/altman",
        ),
        passage_id="verge-altman:2.1",
        paragraph=2,
        sentence=1,
    )
    text = (
        "The library has nothing on that."
        if abstained
        else "Sam Altman said investors are overexcited about AI."
    )
    return Answer(
        question=question,
        language=language,
        answer=text,
        abstained=abstained,
        citations=[] if abstained else [citation],
    )


def seed_store(store: StateStore, today: dt.date | None = None) -> Seeded:
    """Seed 4 answered and 4 abstained questions over three days on Slack and Discord, with 2 👍 and 1 👎."""
    today = today or dt.datetime.now(dt.UTC).date()
    days = [today - dt.timedelta(days=n) for n in (2, 1, 0)]
    plan = [  # (day index, platform, channel, user, question, abstained, language)
        (0, "slack", "C1", "U1", ANSWERED[0], False, "en"),
        (0, "slack", "C1", "U2", UNANSWERABLE[0], True, "en"),
        (1, "slack", "C2", "U1", ANSWERED[1], False, "en"),
        (1, "discord", "D1", "u-3", UNANSWERABLE[1], True, "en"),
        (1, "discord", "D1", "u-3", ANSWERED[2], False, "zh-Hans"),
        (2, "slack", "C1", "U2", UNANSWERABLE[2], True, "en"),
        (2, "slack", "C1", "U1", OTHER_ABSTAINED[0], True, "en"),
        (2, "discord", "D1", "u-4", ANSWERED[3], False, "en"),
    ]
    ids = []
    per_day: dict[str, tuple[int, int]] = {}
    for n, (day, platform, channel, user, question, abstained, language) in enumerate(plan):
        when = dt.datetime.combine(days[day], dt.time(9, n), tzinfo=dt.UTC)
        answer = _answer(question, abstained=abstained, language=language)
        answer.latency_ms = LATENCIES[n]
        with mock.patch("bot.store.state.utcnow", return_value=when):
            ids.append(
                store.save_answer(
                    platform=platform,
                    channel=channel,
                    thread=None,
                    user=user,
                    question=question,
                    answer=answer,
                )
            )
        answered, gave_up = per_day.get(days[day].isoformat(), (0, 0))
        per_day[days[day].isoformat()] = (answered + (not abstained), gave_up + abstained)
    store.record_vote(answer_id=ids[0], user="U9", vote=1)
    store.record_vote(answer_id=ids[2], user="U9", vote=1)
    store.record_vote(answer_id=ids[7], user="U9", vote=-1)  # ANSWERED[3] was answered badly
    return Seeded(
        questions=8,
        answered=4,
        abstained=4,
        up=2,
        down=1,
        users=4,
        per_day=per_day,
        downvoted_question=ANSWERED[3],
        latency_p50=400,
        latency_p95=2500,
    )
