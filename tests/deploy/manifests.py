"""Readers for deploy/: the Dockerfile's instructions, the compose file, the Kubernetes objects, and Settings' env names."""

from __future__ import annotations

import shlex
import tomllib
from pathlib import Path
from typing import Any

import yaml
from pydantic import AliasChoices

from bot.settings import Settings
from tests.conftest import REPO

DEPLOY = REPO / "deploy"
K8S = DEPLOY / "k8s"
# Variables of the interpreter and the base image, not of bubblebot.
RUNTIME_ENV = frozenset(
    {
        "PATH",
        "PYTHONUNBUFFERED",
        "PYTHONDONTWRITEBYTECODE",
        "PIP_NO_CACHE_DIR",
        "PIP_DISABLE_PIP_VERSION_CHECK",
    }
)


def project_version() -> str:
    return str(tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"])


def image() -> str:
    """The image every manifest must run: bubblebot:<project version>."""
    return f"bubblebot:{project_version()}"


def settings_env_names() -> set[str]:
    """Every environment variable Settings reads."""
    names: set[str] = set()
    prefix = str(Settings.model_config.get("env_prefix", ""))
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, str):
            names.add(alias)
        elif isinstance(alias, AliasChoices):
            names |= {choice for choice in alias.choices if isinstance(choice, str)}
        else:
            names.add(f"{prefix}{name}".upper())
    return names


def dockerfile_instructions(path: Path = DEPLOY / "Dockerfile") -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    instructions: list[tuple[str, str]] = []
    pending = ""
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        full = (pending + line).strip()
        pending = ""
        keyword, _, rest = full.partition(" ")
        instructions.append((keyword.upper(), rest.strip()))
    return instructions


def env_assignments(arguments: str) -> dict[str, str]:
    """KEY=value pairs of an ENV instruction (or of a RUN's leading assignments)."""
    pairs = {}
    for word in shlex.split(arguments):
        if "=" not in word:
            break
        key, _, value = word.partition("=")
        pairs[key] = value
    return pairs


def compose() -> dict[str, Any]:
    loaded = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    assert isinstance(loaded, dict)
    return loaded


def k8s_objects(root: Path = K8S) -> list[dict[str, Any]]:
    """Every object an install builds, as `kubectl kustomize root` does: the resources of its kustomization.yaml,
    files and directories (their own kustomization.yaml) alike, each with the namespace its kustomization sets.
    `_file` is each object's manifest relative to deploy/k8s."""
    spec = kustomization(root)
    objects = []
    for name in spec["resources"]:
        path = (root / name).resolve()
        if path.is_dir():
            found = k8s_objects(path)
        else:
            found = [
                dict(d, _file=str(path.relative_to(K8S))) for d in yaml.safe_load_all(path.read_text()) if d
            ]
        for obj in found:
            if spec.get("namespace") and obj["kind"] != "Namespace":
                obj.setdefault("metadata", {})["namespace"] = spec["namespace"]
        objects += found
    return objects


def kustomization(root: Path = K8S) -> dict[str, Any]:
    loaded = yaml.safe_load((root / "kustomization.yaml").read_text())
    assert isinstance(loaded, dict)
    return loaded


def pod_spec(obj: dict[str, Any]) -> dict[str, Any] | None:
    """The pod template's spec of a Deployment, StatefulSet or CronJob."""
    kind = obj["kind"]
    if kind in ("Deployment", "StatefulSet"):
        return dict(obj["spec"]["template"]["spec"])
    if kind == "CronJob":
        return dict(obj["spec"]["jobTemplate"]["spec"]["template"]["spec"])
    return None


def flag(command: list[str], name: str) -> str | None:
    """The value after `name` in a command line."""
    return command[command.index(name) + 1] if name in command else None
