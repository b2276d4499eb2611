"""Answer quality on every held-out news corpus at once, and what changed since an earlier sweep.

Each corpus (every `benchmarks/data/news*` with a questions.jsonl, the shared news corpus and the dev questions on
the seeds alone) is ingested into its own fresh library and scored by the shared scorer in one `bubblebot ask` process.
The scorer's report and the raw answers are written to OUT/<corpus>.txt and OUT/<corpus>.answers.jsonl; the table of
right/wrong per corpus goes to stdout. With --compare EARLIER_OUT, the questions that newly fail or newly pass are
listed per corpus, which is how a change is checked against the whole library rather than the corpus it came from.

Usage: python benchmarks/news_sweep.py OUT [--only news41 news42] [--jobs 2] [--compare EARLIER_OUT] [--code DIR]
(--code runs the bot from another checkout's `bot`/`knowledge`, e.g. a snapshot; --keep keeps the libraries for
benchmarks/diagnose.py; prints numbers, not run by CI)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news_quality import BUBBLEBOT, REPO, _plain_copy

SHARED = REPO.parent / "shared"
SUMMARY = re.compile(r"answers (\d+)/(\d+) .*?wrong (\d+)")


def _corpora(only: list[str]) -> dict[str, tuple[Path | None, Path]]:
    """Corpus name → (article directory or None for seeds only, questions file)."""
    found: dict[str, tuple[Path | None, Path]] = {
        "dev": (None, SHARED / "eval" / "dev.jsonl"),
        "news": (SHARED / "eval" / "news", SHARED / "eval" / "news" / "questions.jsonl"),
    }
    for folder in sorted(REPO.glob("benchmarks/data/news*"), key=lambda p: int(p.name[4:] or 0)):
        if (folder / "questions.jsonl").exists():
            found[folder.name] = (folder, folder / "questions.jsonl")
    return {name: where for name, where in found.items() if where[1].exists() and (not only or name in only)}


def _sweep_one(
    name: str, articles: Path | None, questions: Path, out: Path, code: Path | None, keep: bool
) -> str:
    work = Path(tempfile.mkdtemp(prefix=f"sweep-{name}-"))
    library = out / "libraries" / name if keep else work / "data"
    shutil.rmtree(library, ignore_errors=True)
    env = {**os.environ, "BUBBLEBOT_DATA_DIR": str(library)}
    if code:
        env["PYTHONPATH"] = str(code)
    sources = work / "sources"
    sources.mkdir()
    for seed in (SHARED / "seeds").glob("*.txt"):
        shutil.copy(seed, sources / seed.name)
    try:
        files = sorted(articles.glob("[0-9]*.md")) if articles else []
        for article in files:
            _plain_copy(article, sources / f"{article.stem}.txt")
        if files:
            subprocess.run(
                [str(BUBBLEBOT), "ingest", *map(str, files)], env=env, capture_output=True, check=False
            )
        answers = out / f"{name}.answers.jsonl"
        command = f"sh -c {shlex.quote(f'{BUBBLEBOT} ask --json - | tee {answers}')}"
        report = subprocess.run(
            [
                sys.executable,
                str(SHARED / "eval" / "score.py"),
                str(questions),
                "--sources",
                str(sources),
                "--timeout",
                "900",
                "--cmd",
                command,
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        (out / f"{name}.txt").write_text(report, encoding="utf-8")
        return report
    finally:
        shutil.rmtree(work, ignore_errors=True)


def failures(report: str) -> set[str]:
    """Question ids the scorer reports as failed."""
    return {m.group(1) for line in report.splitlines() if (m := re.match(r"\s+(\S+): ", line))}


def _row(name: str, report: str, earlier: Path | None) -> str:
    summary = SUMMARY.search(report)
    right, total, wrong = summary.groups() if summary else ("?", "?", "?")
    row = f"{name:8} {right:>3}/{total:<3} wrong {wrong:>2}"
    if earlier and (earlier / f"{name}.txt").exists():
        before = failures((earlier / f"{name}.txt").read_text(encoding="utf-8"))
        now = failures(report)
        row += f"   new failures: {' '.join(sorted(now - before)) or '-'}   fixed: {' '.join(sorted(before - now)) or '-'}"
    return row


def main() -> None:
    """Sweep every corpus and print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--compare")
    parser.add_argument("--code")
    parser.add_argument(
        "--keep", action="store_true", help="keep each library in OUT/libraries for diagnosis"
    )
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    code = Path(args.code).resolve() if args.code else None
    earlier = Path(args.compare) if args.compare else None
    corpora = _corpora(args.only)
    with ThreadPoolExecutor(args.jobs) as pool:
        reports = dict(
            zip(
                corpora,
                pool.map(lambda n: _sweep_one(n, *corpora[n], out, code, args.keep), corpora),
                strict=True,
            )
        )
    totals = [0, 0, 0]
    for name, report in reports.items():
        print(_row(name, report, earlier))
        if (summary := SUMMARY.search(report)) and name not in {"dev", "news"}:
            totals = [t + int(v) for t, v in zip(totals, summary.groups(), strict=True)]
    print(f"held-out total (benchmarks/data): {totals[0]}/{totals[1]} right, {totals[2]} wrong")
    (out / "table.json").write_text(
        json.dumps({n: SUMMARY.findall(r) for n, r in reports.items()}), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
