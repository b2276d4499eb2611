"""The memory the Kubernetes manifests ask for fits what the jobs really use, measured on the real commands."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from knowledge.base import KnowledgeBase
from tests.bot.slack.fake_slack import BOT_TOKEN, FakeSlack
from tests.deploy.manifests import k8s_objects, pod_spec
from tests.deploy.peak import peak_rss
from tests.deploy.servers import bubblebot, chroma_server

MIB = 1024 * 1024
UNITS = {"Ki": 1024, "Mi": MIB, "Gi": 1024 * MIB}


def quantity(value: str) -> int:
    """A Kubernetes memory quantity (512Mi, 1Gi) in bytes."""
    for suffix, factor in UNITS.items():
        if value.endswith(suffix):
            return int(value[: -len(suffix)]) * factor
    return int(value)


def resources(kind: str, name: str, container: str) -> dict[str, Any]:
    [obj] = [o for o in k8s_objects() if o["kind"] == kind and o["metadata"]["name"] == name]
    spec = pod_spec(obj)
    assert spec is not None
    [found] = [c for c in [*spec.get("initContainers", []), *spec["containers"]] if c["name"] == container]
    return dict(found["resources"])


def assert_sized_for(measured: int, sizing: dict[str, Any]) -> None:
    """The request covers the measured peak without reserving more than twice it; the limit leaves headroom."""
    request, limit = quantity(sizing["requests"]["memory"]), quantity(sizing["limits"]["memory"])
    peak = f"measured peak {measured / MIB:.0f} MiB"
    assert measured <= request <= 2 * measured, f"request {request / MIB:.0f} MiB, {peak}"
    assert limit >= 1.5 * measured, f"limit {limit / MIB:.0f} MiB, {peak}"


def test_the_digest_cronjob_requests_what_posting_a_digest_takes(tmp_path: Path) -> None:
    with FakeSlack() as fake:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BUBBLEBOT_", "SLACK_", "DISCORD_"))}
        env.update(
            BUBBLEBOT_DATA_DIR=str(tmp_path / "data"),
            BUBBLEBOT_DATABASE_URL=f"sqlite:///{tmp_path / 'db'}",
            BUBBLEBOT_SLACK_API_URL=fake.api_url,
            SLACK_BOT_TOKEN=BOT_TOKEN,
            BUBBLEBOT_SCHEDULER="off",
        )
        peak_rss(
            [
                *bubblebot(),
                "digest",
                "subscribe",
                "--platform",
                "slack",
                "--channel",
                "C0MEM",
                "--time",
                "09:00",
            ],
            env,
            tmp_path / "subscribe.log",
        )
        measured, output = peak_rss(
            [*bubblebot(), "-v", "digest", "run-due", "--now", "2026-11-23T09:05:00Z"],
            env,
            tmp_path / "run-due.log",
        )
        assert "sent slack C0MEM" in output, output
        fake.wait_for("chat.postMessage")
    assert_sized_for(measured, resources("CronJob", "bubblebot-digest", "digest"))


def test_the_index_init_containers_request_what_filling_a_chroma_server_takes(
    tmp_path: Path, data_dir: Path, kb: KnowledgeBase
) -> None:
    pod_data = tmp_path / "data"  # a pod's copy of the image's data directory, with the cached vectors
    shutil.copytree(data_dir, pod_data)
    with chroma_server(tmp_path) as chroma:
        env = {k: v for k, v in os.environ.items() if not k.startswith("BUBBLEBOT_")}
        env.update(BUBBLEBOT_DATA_DIR=str(pod_data), BUBBLEBOT_CHROMA_URL=chroma.url)
        measured, _ = peak_rss([*bubblebot(), "index"], env, tmp_path / "index.log")
    for deployment in ("bubblebot-slack", "bubblebot-discord"):
        assert_sized_for(measured, resources("Deployment", deployment, "index"))
