"""The packaged corpus kept compiled in the data directory, so that start-up does not attribute it again.

Attributing the packaged articles (and loading the gazetteer to do it) costs about a second at every start of
every process. The result depends only on the code and data of the `knowledge` package, so it is stored as data
(JSON, never pickle: a shared data volume must not be able to run code in a bot) under a key hashing both, and
read back in a fraction of that. A missing, unreadable or differently keyed file is rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import time
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from knowledge.passages import Passage
from knowledge.speakers import Speaker

log = logging.getLogger(__name__)
_PACKAGE = Path(__file__).parent
STALE_SECONDS = 7 * 24 * 3600  # a compiled corpus of other code this old is deleted


class CompiledCorpus(BaseModel):
    """What building the packaged corpus yields: its attributed passages, its speakers and their fingerprints."""

    model_config = ConfigDict(extra="forbid")
    key: str
    passages: list[Passage]
    speakers: list[Speaker]
    fingerprints: dict[str, str]


@lru_cache(maxsize=1)
def code_key() -> str:
    """A hash of every file of the knowledge package (code, curated data and packaged articles)."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(str(path.relative_to(_PACKAGE)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def compiled_path(cache_dir: Path) -> Path:
    """Where the compiled packaged corpus of this code lives in a data directory."""
    return cache_dir / "compiled" / f"packaged-{code_key()}.json"


def read_compiled(cache_dir: Path | None) -> CompiledCorpus | None:
    """The compiled packaged corpus stored for this code, or None."""
    if cache_dir is None:
        return None
    path = compiled_path(cache_dir)
    try:
        compiled = CompiledCorpus.model_validate_json(path.read_bytes())
    except (OSError, ValidationError, ValueError):
        return None
    return compiled if compiled.key == code_key() else None


def write_compiled(cache_dir: Path | None, compiled: CompiledCorpus) -> None:
    """Store the compiled packaged corpus (best effort: a read-only data directory just rebuilds it next time)."""
    if cache_dir is None:
        return
    from knowledge.library_store import atomic_write

    path = compiled_path(cache_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, compiled.model_dump_json().encode())
    except OSError as exc:
        log.info("could not keep the compiled corpus in %s: %s", path.parent, exc)
        return
    # Files of earlier code are never read again; another checkout sharing the directory may still use its own.
    stale = time.time() - STALE_SECONDS
    with contextlib.suppress(OSError):
        for old in path.parent.glob("packaged-*.json"):
            if old != path and old.stat().st_mtime < stale:
                old.unlink()


_COMPILE = "import sys; from pathlib import Path; from knowledge.corpus import packaged_corpus; packaged_corpus(Path(sys.argv[1]))"


def compile_apart(cache_dir: Path, timeout: float = 300.0) -> None:
    """Compile the packaged corpus of this code in a child process, if none is stored yet (serving bots).

    Attributing loads the extractor (its lexicons, patterns, gazetteer and pypinyin: ~60–80 MB) into the process
    that does it, for good: a bot started on new code would carry it for its whole life. A child does it and
    exits; the bot reads the result. When the child fails (an unwritable directory), the bot compiles it itself.
    """
    if compiled_path(cache_dir).exists():
        return
    import subprocess
    import sys

    try:
        done = subprocess.run(
            [sys.executable, "-c", _COMPILE, str(cache_dir)],
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("could not compile the packaged corpus in a child process: %s", exc)
        return
    if done.returncode != 0:
        log.info("compiling the packaged corpus in a child process failed: %s", done.stderr[-500:])
