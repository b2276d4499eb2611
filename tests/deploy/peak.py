"""A command's peak resident memory, measured as the kernel counts it (ru_maxrss of the process)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# A child's ru_maxrss also counts what it inherited at fork, before exec: a test process holding the
# knowledge base would pass its own size on. A fresh, small interpreter starts the command instead.
LAUNCHER = """
import os, subprocess, sys
process = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(process.pid, 0)
process.returncode = os.waitstatus_to_exitcode(status)
open(sys.argv[1], "w").write(f"{usage.ru_maxrss} {process.returncode}")
"""


def peak_rss(args: list[str], env: dict[str, str], log: Path, timeout: float = 600) -> tuple[int, str]:
    """Run a command to its end: (its peak resident memory in bytes, its output); AssertionError if it fails."""
    result = log.with_suffix(".peak")
    with log.open("wb") as out:
        subprocess.run(
            [sys.executable, "-c", LAUNCHER, str(result), *args],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
        )
    output = log.read_text(errors="replace")
    kib, code = result.read_text().split()
    assert int(code) == 0, f"{' '.join(args)} exited {code}:\n{output[-2000:]}"
    return int(kib) * 1024, output
