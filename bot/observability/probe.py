"""The container probe: `python -m bot.observability.probe [--ready]` exits 0 when the process is fit.

Without options (the image's HEALTHCHECK, liveness): GET /healthz on 127.0.0.1:BUBBLEBOT_HEALTH_PORT
(default 3000, where every bubblebot container serves it: `serve slack --port 3000`, or the Discord
bot's health server) answers 200. When the container's main process is the Chroma server (`chroma
run`, from the same image), its heartbeat is probed instead, on the port it was started with.

With --ready (the Kubernetes readinessProbe of the Slack replicas): healthy, and the state database
answers. A replica that cannot reach PostgreSQL cannot de-duplicate Slack's retries with the other
replicas, so it should take no traffic until the database is back. Liveness stays on /healthz alone,
so a database outage never restarts pods.
"""

from __future__ import annotations

import argparse
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlsplit

DEFAULT_PORT = 3000
CHROMA_DEFAULT_PORT = 8000  # `chroma run` without --port
TIMEOUT = 3  # seconds, for the HTTP check and for connecting to the database
POSTGRES_URL = re.compile(r"^postgres(?:ql)?(?:\+\w+)?://")  # SQLAlchemy's form, any driver


def main_process_args(pid: int) -> list[str]:
    """The command line of a process ([] if it cannot be read): pid 1 is the container's main process."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    return [part.decode(errors="replace") for part in raw.split(b"\0") if part]


def chroma_port(args: list[str]) -> int | None:
    """The port of a `chroma run` command line (also behind `python …/chroma` or an init), else None."""
    for i, arg in enumerate(args[:-1]):
        if Path(arg).name == "chroma" and args[i + 1] == "run":
            rest = args[i + 2 :]
            for j, option in enumerate(rest):
                if option == "--port" and j + 1 < len(rest):
                    return int(rest[j + 1])
                if option.startswith("--port="):
                    return int(option.partition("=")[2])
            return CHROMA_DEFAULT_PORT
    return None


def http_problem(url: str) -> str | None:
    """None when GET url answers 200 within TIMEOUT, else what went wrong."""
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            return None if response.status == 200 else f"{url} answered {response.status}"
    except urllib.error.HTTPError as error:
        return f"{url} answered {error.code}"
    except (urllib.error.URLError, OSError) as error:
        return f"{url} does not answer: {getattr(error, 'reason', error)}"


def database_problem(database_url: str | None) -> str | None:
    """None when a PostgreSQL state database answers SELECT 1 (SQLite: a local file, nothing to reach), else why not.

    psycopg is used directly, not through the store's engine: the probe runs every few seconds in every
    replica, and SQLAlchemy and the store would more than double its start-up time.
    """
    match = POSTGRES_URL.match(database_url or "")
    if match is None:
        return None
    try:
        import psycopg
    except ImportError:
        return "no PostgreSQL driver: install bubblebot with the postgres extra"

    conninfo = "postgresql://" + (database_url or "")[match.end() :]  # the driver suffix is SQLAlchemy's only
    password = unquote(urlsplit(conninfo).password or "")
    try:
        with psycopg.connect(conninfo, connect_timeout=TIMEOUT) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as error:
        detail = f"{type(error).__name__}: {error}".strip()
        if password:
            detail = detail.replace(password, "***")
        return f"database at {urlsplit(conninfo).hostname}:{urlsplit(conninfo).port or 5432} unreachable: {detail}"
    return None


def problems(*, ready: bool, pid: int) -> list[str]:
    """What is wrong with this container's main process (and, with ready, its database); [] when fit."""
    port = chroma_port(main_process_args(pid))
    if port is not None:
        problem = http_problem(f"http://127.0.0.1:{port}/api/v2/heartbeat")
        return [problem] if problem else []
    from bot.settings import get_settings

    settings = get_settings()
    found = [http_problem(f"http://127.0.0.1:{settings.health_port or DEFAULT_PORT}/healthz")]
    if ready:
        found.append(database_problem(settings.database_url))
    return [p for p in found if p]


def main(argv: list[str] | None = None) -> int:
    """0 when fit, else 1 with the reasons on stderr (Kubernetes shows them in the pod's events)."""
    parser = argparse.ArgumentParser(
        prog="python -m bot.observability.probe", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--ready",
        action="store_true",
        help="also require the state database (BUBBLEBOT_DATABASE_URL) to answer",
    )
    parser.add_argument(
        "--pid",
        type=int,
        default=1,
        help="the process whose command decides what to probe (default 1, the container's)",
    )
    args = parser.parse_args(argv)
    found = problems(ready=args.ready, pid=args.pid)
    for problem in found:
        print(f"not {'ready' if args.ready else 'healthy'}: {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
