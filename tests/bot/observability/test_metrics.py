"""Prometheus metrics: counted once per question in the answer service, served on /metrics."""

from __future__ import annotations

import httpx
from prometheus_client import REGISTRY

from bot.service import AnswerService
from tests.bot.slack.slack_payloads import CHANNEL, app_mention
from tests.bot.slack.slack_rig import QUESTION, SlackRig


def sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_questions_abstentions_and_latency_are_counted_once_per_answer(service: AnswerService) -> None:
    before = (
        sample("bubblebot_questions_total", language="en"),
        sample("bubblebot_abstentions_total", language="en"),
        sample("bubblebot_answer_seconds_count"),
        sample("bubblebot_questions_total", language="zh-Hans"),
    )
    answered = service.ask(QUESTION)
    abstained = service.ask("What is Nvidia's share price today?")
    chinese = service.ask("OpenAI的目标是到2033年建成多少吉瓦的算力?")
    assert not answered.abstained and abstained.abstained and chinese.language == "zh-Hans"
    after = (
        sample("bubblebot_questions_total", language="en"),
        sample("bubblebot_abstentions_total", language="en"),
        sample("bubblebot_answer_seconds_count"),
        sample("bubblebot_questions_total", language="zh-Hans"),
    )
    assert [b - a for a, b in zip(before, after, strict=True)] == [2, 1, 3, 1]
    assert sample("bubblebot_dense_search_up") == 1.0


def test_slack_http_serves_metrics_and_counts_web_api_errors(slack: SlackRig) -> None:
    errors = sample(
        "bubblebot_platform_api_errors_total",
        platform="slack",
        method="chat_postMessage",
        code="channel_not_found",
    )
    slack.fake.channel_errors[CHANNEL] = "channel_not_found"
    assert slack.event(app_mention(QUESTION)).status_code == 200
    slack.fake.wait_for("chat.postMessage", ok=False)
    slack.fake.quiet(0.3)
    with httpx.Client(timeout=5) as client:
        response = client.get(slack.server.url + "/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    body = response.text
    assert "bubblebot_questions_total" in body and "bubblebot_answer_seconds_bucket" in body
    assert (
        'bubblebot_platform_api_errors_total{code="channel_not_found",method="chat_postMessage",platform="slack"}'
        in body
    )
    assert (
        sample(
            "bubblebot_platform_api_errors_total",
            platform="slack",
            method="chat_postMessage",
            code="channel_not_found",
        )
        == errors + 1
    )
