"""deploy/ is parsed and checked for consistency: image, commands, env names, ports, probes, Secret keys."""

from __future__ import annotations

import argparse
import importlib
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from bot.cli import build_parser
from tests.conftest import REPO
from tests.deploy.manifests import (
    DEPLOY,
    K8S,
    RUNTIME_ENV,
    compose,
    dockerfile_instructions,
    env_assignments,
    flag,
    image,
    k8s_objects,
    pod_spec,
    settings_env_names,
)


def check_bubblebot_command(args: list[str]) -> argparse.Namespace:
    """Parse a bubblebot command line (without the program name) with the real parser (SystemExit if wrong)."""
    return build_parser().parse_args(args)


def subcommand(args: list[str]) -> list[str]:
    """A bubblebot command line without its global options (-v)."""
    return [a for a in args if a not in ("-v", "--verbose")]


def served_port(args: list[str], env: dict[str, str]) -> int:
    """The port a bubblebot process serves /healthz on."""
    args = subcommand(args)
    if args[:2] == ["serve", "slack"]:
        return int(flag(args, "--port") or 3000)
    assert args[:2] == ["serve", "discord"], args
    return int(env["BUBBLEBOT_HEALTH_PORT"])


# --- Dockerfile ------------------------------------------------------------------------------------


def test_dockerfile_is_multi_stage_slim_non_root_with_a_health_check_and_a_built_index() -> None:
    steps = dockerfile_instructions()
    stages = [i for i, (keyword, _) in enumerate(steps) if keyword == "FROM"]
    assert len(stages) >= 2
    args = {k: v for keyword, rest in steps if keyword == "ARG" for k, v in env_assignments(rest).items()}
    assert "slim" in args["PYTHON_IMAGE"]
    runtime = steps[stages[-1] :]
    env = {k: v for keyword, rest in runtime if keyword == "ENV" for k, v in env_assignments(rest).items()}
    assert set(env) - RUNTIME_ENV <= settings_env_names()

    [user] = [rest for keyword, rest in runtime if keyword == "USER"]
    assert user.split(":")[0] not in ("root", "0")

    [healthcheck] = [rest for keyword, rest in runtime if keyword == "HEALTHCHECK"]
    assert '["python", "-m", "bot.observability.probe"]' in healthcheck
    assert importlib.import_module("bot.observability.probe").main

    build = steps[: stages[-1]]
    [index_run] = [rest for keyword, rest in build if keyword == "RUN" and "bubblebot index" in rest]
    data_dir = env_assignments(index_run)["BUBBLEBOT_DATA_DIR"]
    assert env["BUBBLEBOT_DATA_DIR"] == data_dir
    assert any(
        keyword == "COPY" and rest.startswith("--from=build") and rest.endswith(f"{data_dir} {data_dir}")
        for keyword, rest in runtime
    )

    exposed = [rest for keyword, rest in runtime if keyword == "EXPOSE"]
    assert exposed == [env["BUBBLEBOT_HEALTH_PORT"]]
    [entrypoint] = [rest for keyword, rest in runtime if keyword == "ENTRYPOINT"]
    [cmd] = [rest for keyword, rest in runtime if keyword == "CMD"]
    assert yaml.safe_load(entrypoint) == ["bubblebot"]
    default = yaml.safe_load(cmd)
    assert check_bubblebot_command(default).handler is not None
    assert served_port(default, env) == int(env["BUBBLEBOT_HEALTH_PORT"])

    for keyword, rest in build:
        if keyword == "COPY" and not rest.startswith("--from"):
            for source in rest.split()[:-1]:
                assert (REPO / source).exists(), source
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text().splitlines()
    assert {"!pyproject.toml", "!README.md", "!bot/**", "!knowledge/**"} <= set(ignore)


def test_the_image_installs_pinned_versions_within_the_declared_ranges(tmp_path: Path) -> None:
    build = dockerfile_instructions()
    [install] = [rest for keyword, rest in build if keyword == "RUN" and "pip install" in rest]
    constraints = flag(shlex.split(install), "-c")
    assert constraints is not None, install
    assert any(keyword == "COPY" and rest.split()[-1] == f"./{constraints}" for keyword, rest in build)
    assert f"!{constraints}" in (DEPLOY / "Dockerfile.dockerignore").read_text().splitlines()

    pins = {}
    for line in (REPO / constraints).read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[canonicalize_name(name)] = Version(version)
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    runtime = [
        Requirement(line) for line in project["dependencies"] + project["optional-dependencies"]["postgres"]
    ]
    for requirement in runtime:
        pinned = pins.get(canonicalize_name(requirement.name))
        assert pinned is not None and pinned in requirement.specifier, (str(requirement), pinned)
    assert (
        not {"pytest", "hypothesis", "ruff", "mypy", "playwright", "langchain-openai"} & pins.keys()
    )  # dev only

    written = tmp_path / "constraints.txt"
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts/pin_image_deps.py"), "--output", str(written)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert {canonicalize_name(r.name) for r in runtime} <= {
        canonicalize_name(line.partition("==")[0])
        for line in written.read_text().splitlines()
        if "==" in line
    }


def test_podman_and_buildah_builds_are_told_to_keep_the_healthcheck() -> None:
    header = (DEPLOY / "Dockerfile").read_text().split("ARG", 1)[0]
    assert "--format docker" in header
    readme = (DEPLOY / "README.md").read_text()
    for line in readme.splitlines():
        if line.lstrip().startswith(("podman build", "buildah bud", "buildah build")):
            assert "--format docker" in line, line


def test_the_deploy_readme_matches_the_files_it_describes() -> None:
    readme = (DEPLOY / "README.md").read_text()
    args = {
        k: v
        for keyword, rest in dockerfile_instructions()
        if keyword == "ARG"
        for k, v in env_assignments(rest).items()
    }
    assert f"`{args['PYTHON_IMAGE']}`" in readme  # the base image named as the Dockerfile names it
    runs = re.findall(r"compose run [^`\n]*", readme)
    assert runs and all("--no-deps" in run for run in runs), runs  # a one-off command starts no other service
    created = readme.index("cp deploy/.env.example deploy/.env")
    assert created < readme.index("--env-file deploy/.env")
    assert readme.index("cp .env.example .env") < readme.index("docker compose up")
    assert "ENCODING 'UTF8' TEMPLATE template0" in readme
    assert "docker push" in readme


# --- compose ---------------------------------------------------------------------------------------


def interpolate(text: str, env: dict[str, str]) -> str:
    """Compose's ${VAR}, ${VAR:-default} and ${VAR:?error} (KeyError where compose would refuse to start)."""

    def value(match: re.Match[str]) -> str:
        name, kind, rest = match["name"], match["kind"], match["rest"]
        if env.get(name):
            return env[name]
        if kind == ":-":
            return rest or ""
        raise KeyError(f"{name}: {rest}" if kind == ":?" else name)

    return re.sub(r"\$\{(?P<name>\w+)(?:(?P<kind>:[-?])(?P<rest>[^}]*))?\}", value, text)


def bubblebot_services(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {name: s for name, s in spec["services"].items() if s.get("image") == image()}


def test_compose_runs_the_image_with_known_commands_env_and_ports() -> None:
    spec = compose()
    services = spec["services"]
    assert {"slack", "discord", "chroma", "postgres"} <= set(services)
    ours = bubblebot_services(spec)
    assert {"slack", "discord", "chroma", "index"} <= set(ours)
    known = settings_env_names()
    builders = [name for name, service in ours.items() if "build" in service]
    assert builders == ["chroma"]  # built once, then reused by name
    assert ours["chroma"]["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}
    for name, service in ours.items():
        command = list(service["command"])
        if service.get("entrypoint") == ["chroma"]:
            continue
        assert check_bubblebot_command(command).handler is not None, name
        env = {k: str(v) for k, v in service["environment"].items()}
        assert set(env) <= known, name
        if subcommand(command)[0] == "serve":
            port = served_port(command, env)
            assert any(str(p).endswith(f":{port}") for p in service["ports"]), name
            assert all(str(p).startswith("${BUBBLEBOT_BIND:-127.0.0.1}:") for p in service["ports"]), name
        for dependency in service.get("depends_on", {}):
            assert dependency in services, (name, dependency)

    chroma = services["chroma"]
    assert chroma["command"][0] == "run"
    chroma_port = flag(chroma["command"], "--port")
    volume_names = set(spec["volumes"])
    for service in services.values():
        for volume in service.get("volumes", []):
            assert volume.split(":")[0] in volume_names
    assert flag(chroma["command"], "--path") == chroma["volumes"][0].split(":")[1]

    env = ours["slack"]["environment"]
    chroma_url = urlsplit(env["BUBBLEBOT_CHROMA_URL"])
    assert (chroma_url.hostname, str(chroma_url.port)) == ("chroma", chroma_port)
    database = urlsplit(interpolate(env["BUBBLEBOT_DATABASE_URL"], {"POSTGRES_PASSWORD": "s3cret"}))
    postgres = services["postgres"]["environment"]
    assert database.hostname == "postgres" and database.username == postgres["POSTGRES_USER"]
    assert database.path.lstrip("/") == postgres["POSTGRES_DB"]
    assert "--encoding=UTF8" in postgres["POSTGRES_INITDB_ARGS"].split()  # the store refuses other encodings
    assert (
        database.password == "s3cret"
        and interpolate(postgres["POSTGRES_PASSWORD"], {"POSTGRES_PASSWORD": "s3cret"}) == "s3cret"
    )
    with pytest.raises(KeyError):  # no default password: compose refuses to start without one
        interpolate(postgres["POSTGRES_PASSWORD"], {})
    assert isinstance(chroma["healthcheck"]["test"], str)  # shell form (podman runs the exec form wrongly)
    assert ".env" in (DEPLOY / ".gitignore").read_text().split()
    example = {
        line.split("=")[0]
        for line in (DEPLOY / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    }
    assert "POSTGRES_PASSWORD" in example
    assert example - {"POSTGRES_PASSWORD"} <= known  # the rest are bubblebot's own settings


# --- Kubernetes ------------------------------------------------------------------------------------


def by_kind(objects: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {o["metadata"]["name"]: o for o in objects if o["kind"] == kind}


INSTALLS = {"": {"slack", "discord"}, "slack-only": {"slack"}, "discord-only": {"discord"}}
PLATFORM_SECRETS = {
    "slack": {"SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"},
    "discord": {"DISCORD_TOKEN"},
}


def test_the_full_install_has_every_manifest_once() -> None:
    objects = k8s_objects()
    manifests = {str(p.relative_to(K8S)) for p in K8S.rglob("*.yaml") if p.name != "kustomization.yaml"}
    assert {o["_file"] for o in objects} == manifests
    ids = [(o["kind"], o["metadata"]["name"]) for o in objects]
    assert len(ids) == len(set(ids))
    assert {o["metadata"].get("namespace") for o in objects if o["kind"] != "Namespace"} == {"bubblebot"}


@pytest.mark.parametrize("install", sorted(INSTALLS))
def test_each_platform_installs_alone_and_needs_no_token_of_the_other(install: str) -> None:
    objects = k8s_objects(K8S / install)
    platforms = INSTALLS[install]
    served = set()
    for deployment in by_kind(objects, "Deployment").values():
        for container in deployment["spec"]["template"]["spec"]["containers"]:
            args = subcommand(container["command"][1:])
            assert args[0] == "serve"
            served.add(args[1])
    assert served == platforms
    [secret] = by_kind(objects, "Secret").values()
    # the Secret an operator of this install writes: without the tokens of a platform they do not run
    keys = set(secret["stringData"]) - {
        key for p in PLATFORM_SECRETS.keys() - platforms for key in PLATFORM_SECRETS[p]
    }
    for obj in objects:
        spec = pod_spec(obj)
        for container in [*spec.get("initContainers", []), *spec["containers"]] if spec else []:
            for variable in container.get("env", []):
                ref = variable["valueFrom"]["secretKeyRef"]
                assert ref["key"] in keys or ref.get("optional") is True, (install, obj["_file"], ref["key"])
    [cronjob] = by_kind(objects, "CronJob").values()
    tokens = {v["name"]: v for v in pod_spec(cronjob)["containers"][0]["env"]}  # type: ignore[index]
    assert tokens["SLACK_BOT_TOKEN"]["valueFrom"]["secretKeyRef"]["optional"] is True
    assert tokens["DISCORD_TOKEN"]["valueFrom"]["secretKeyRef"]["optional"] is True


def test_the_chroma_statefulset_is_governed_by_a_headless_service() -> None:
    objects = k8s_objects()
    statefulset = by_kind(objects, "StatefulSet")["chroma"]
    governing = by_kind(objects, "Service")[statefulset["spec"]["serviceName"]]
    assert governing["spec"]["clusterIP"] == "None"
    labels = statefulset["spec"]["template"]["metadata"]["labels"]
    assert governing["spec"]["selector"].items() <= labels.items()


def test_k8s_containers_use_the_image_known_commands_env_names_and_secret_keys() -> None:
    objects = k8s_objects()
    [config] = by_kind(objects, "ConfigMap").values()
    [secret] = by_kind(objects, "Secret").values()
    known = settings_env_names()
    assert set(config["data"]) <= known
    assert set(secret["stringData"]) <= known
    assert config["data"]["BUBBLEBOT_SCHEDULER"] == "off"  # the CronJob sends the digests
    commands = []
    for obj in objects:
        spec = pod_spec(obj)
        if spec is None:
            continue
        assert spec["securityContext"]["runAsNonRoot"] is True, obj["_file"]
        for container in [*spec.get("initContainers", []), *spec["containers"]]:
            where = f"{obj['_file']}:{container['name']}"
            assert container["image"] == image(), where
            assert (
                container["resources"]["requests"]["cpu"] and container["resources"]["requests"]["memory"]
            ), where
            assert container["securityContext"]["allowPrivilegeEscalation"] is False, where
            command = list(container["command"])
            if command[0] == "bubblebot":
                args = subcommand(command[1:])
                assert check_bubblebot_command(command[1:]).handler is not None
                commands.append(args[:2])
            for source in container.get("envFrom", []):
                assert source["configMapRef"]["name"] == config["metadata"]["name"], where
            for variable in container.get("env", []):
                assert variable["name"] in known, where
                ref = variable["valueFrom"]["secretKeyRef"]
                assert ref["name"] == secret["metadata"]["name"], where
                assert ref["key"] in secret["stringData"], where
    assert (
        ["serve", "slack"] in commands
        and ["serve", "discord"] in commands
        and ["digest", "run-due"] in commands
    )
    assert ["index"] in [c[:1] for c in commands]


def container_ports(container: dict[str, Any]) -> dict[str, int]:
    return {
        p.get("name", str(p["containerPort"])): int(p["containerPort"]) for p in container.get("ports", [])
    }


def resolve(port: Any, ports: dict[str, int]) -> int:
    return ports[port] if isinstance(port, str) else int(port)


@pytest.mark.parametrize("name", ["bubblebot-slack", "bubblebot-discord"])
def test_k8s_bots_are_probed_on_healthz_at_the_port_they_serve(name: str) -> None:
    objects = k8s_objects()
    [config] = by_kind(objects, "ConfigMap").values()
    deployment = by_kind(objects, "Deployment")[name]
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    [container] = deployment["spec"]["template"]["spec"]["containers"]
    ports = container_ports(container)
    served = served_port(container["command"][1:], config["data"])
    assert served in ports.values()
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        if "exec" in container[probe]:  # the container probe: /healthz on BUBBLEBOT_HEALTH_PORT, and more
            command = container[probe]["exec"]["command"]
            assert command[:3] == ["python", "-m", "bot.observability.probe"], probe
            assert int(config["data"]["BUBBLEBOT_HEALTH_PORT"]) == served, probe
            continue
        get = container[probe]["httpGet"]
        assert get["path"] == "/healthz", probe
        assert resolve(get["port"], ports) == served, probe
    assert "httpGet" in container["livenessProbe"]  # never restarted for a database outage
    annotations = deployment["spec"]["template"]["metadata"]["annotations"]
    assert (
        int(annotations["prometheus.io/port"]) == served and annotations["prometheus.io/path"] == "/metrics"
    )


def test_slack_replicas_are_unready_while_the_database_is_unreachable() -> None:
    [container] = by_kind(k8s_objects(), "Deployment")["bubblebot-slack"]["spec"]["template"]["spec"][
        "containers"
    ]
    assert container["readinessProbe"]["exec"]["command"] == [
        "python",
        "-m",
        "bot.observability.probe",
        "--ready",
    ]
    assert container["readinessProbe"]["timeoutSeconds"] > 3  # the probe's own HTTP and connect timeouts
    assert "BUBBLEBOT_DATABASE_URL" in {variable["name"] for variable in container["env"]}


def test_k8s_services_reach_container_ports_and_the_chroma_url_resolves() -> None:
    objects = k8s_objects()
    services = by_kind(objects, "Service")
    workloads = [o for o in objects if o["kind"] in ("Deployment", "StatefulSet")]
    for name, service in services.items():
        selector = service["spec"]["selector"]
        [target] = [
            w for w in workloads if selector.items() <= w["spec"]["template"]["metadata"]["labels"].items()
        ]
        ports: dict[str, int] = {}
        for container in target["spec"]["template"]["spec"]["containers"]:
            ports |= container_ports(container)
        for port in service["spec"]["ports"]:
            assert resolve(port["targetPort"], ports) in ports.values(), name
    assert "bubblebot-slack" in services
    [config] = by_kind(objects, "ConfigMap").values()
    url = urlsplit(config["data"]["BUBBLEBOT_CHROMA_URL"])
    chroma = services[str(url.hostname)]
    assert url.port in [p["port"] for p in chroma["spec"]["ports"]]
    [server] = by_kind(objects, "StatefulSet")[str(url.hostname)]["spec"]["template"]["spec"]["containers"]
    assert int(flag(server["command"], "--port") or 0) in container_ports(server).values()


def test_discord_runs_one_replica_and_the_digest_cronjob_never_overlaps() -> None:
    objects = k8s_objects()
    discord = by_kind(objects, "Deployment")["bubblebot-discord"]
    assert discord["spec"]["replicas"] == 1 and discord["spec"]["strategy"]["type"] == "Recreate"
    assert by_kind(objects, "Deployment")["bubblebot-slack"]["spec"]["replicas"] >= 2
    [cronjob] = by_kind(objects, "CronJob").values()
    assert cronjob["spec"]["concurrencyPolicy"] == "Forbid"
    assert len(cronjob["spec"]["schedule"].split()) == 5
