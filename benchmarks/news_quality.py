"""Answer and attribution quality on a corpus of unseen-looking news articles, as the maintainers measure it.

Ingests every `*.md` article of CORPUS into a fresh data directory (the packaged seeds stay in), exports the
passages in the format of CORPUS/attribution.py and runs it, then scores CORPUS/questions.jsonl with SCORER
(one `bubblebot ask --json -` process) and prints accuracy by question category. The seed question sets are
scored against the same library, so a regression caused by new articles shows.

Usage: python benchmarks/news_quality.py [CORPUS] [--scorer SCORE.py] [--seeds DIR] [--extra QUESTIONS.jsonl ...]
(defaults: ../shared/eval/news, ../shared/eval/score.py, ../shared/seeds; prints numbers, not run by CI)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_SCORER = REPO / "benchmarks" / "data" / "corpus_attribution.py"
BUBBLEBOT = REPO / ".venv" / "bin" / "bubblebot"


def _run(args: list[str], env: dict[str, str]) -> str:
    return subprocess.run(args, env=env, capture_output=True, text=True, check=False).stdout


def _plain_copy(article: Path, target: Path) -> None:
    """The article body with its title as the first line, front matter dropped (what score.py checks quotes in)."""
    text = article.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    title = re.search(r"^title:\s*\"?(.*?)\"?\s*$", match.group(1), re.M) if match else None
    body = text[match.end() :] if match else text
    target.write_text(f"{title.group(1) if title else ''}\n\n{body}", encoding="utf-8")


def _ingest(corpus: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    files = sorted(corpus.glob("[0-9]*.md")) or sorted(corpus.glob("*.md"))
    for article in files:
        subprocess.run([str(BUBBLEBOT), "ingest", str(article)], env=env, capture_output=True, check=False)
    return (time.perf_counter() - started) / max(len(files), 1)


def _attribution(corpus: Path, env: dict[str, str], work: Path) -> str:
    # a corpus's own scorer (the shared development corpus), else the one the held-out corpora share
    own = corpus / "attribution.py"
    command = (
        [sys.executable, str(own)] if own.exists() else [sys.executable, str(SHARED_SCORER), str(corpus)]
    )
    if not (corpus / "labels.jsonl").exists():
        return "(no labels.jsonl in the corpus)"
    names = {p.name for p in corpus.glob("*.md")}
    rows = []
    for line in _run([str(BUBBLEBOT), "passages", "--json"], env).splitlines():
        passage = json.loads(line)
        if passage["file"] in names:
            rows.append(
                json.dumps(
                    {
                        "article": passage["file"],
                        "quote": passage["text"],
                        "speaker": passage["speaker"],
                        "figures": passage["figures"],
                    },
                    ensure_ascii=False,
                )
            )
    exported = work / "passages.jsonl"
    exported.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return _run([*command, str(exported)], env).strip().splitlines()[-1]


def _score(questions: Path, scorer: Path, sources: Path, env: dict[str, str]) -> tuple[str, list[str]]:
    out = _run(
        [sys.executable, str(scorer), str(questions), "--sources", str(sources), "--timeout", "600"], env
    )
    lines = out.strip().splitlines()
    failed = [m.group(1) for line in lines if (m := re.match(r"\s+(\S+): ", line))]
    return (lines[-1] if lines else "(no output)"), failed


def _by_category(questions: Path, failed: list[str]) -> str:
    items = [json.loads(line) for line in questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    total = Counter(item.get("cat", "all") for item in items)
    wrong = Counter(item.get("cat", "all") for item in items if item["id"] in set(failed))
    return " · ".join(f"{cat} {total[cat] - wrong[cat]}/{total[cat]}" for cat in total)


def main() -> None:
    """Ingest, export, score; print the numbers."""
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "eval" / "news"))
    parser.add_argument("--scorer", default=str(REPO.parent / "shared" / "eval" / "score.py"))
    parser.add_argument("--seeds", default=str(REPO.parent / "shared" / "seeds"))
    parser.add_argument(
        "--extra",
        nargs="*",
        default=[
            str(REPO.parent / "shared" / "eval" / "dev.jsonl"),
            str(REPO / "tests" / "data" / "heldout.jsonl"),
            str(REPO / "tests" / "data" / "heldout2.jsonl"),
        ],
    )
    args = parser.parse_args()
    corpus, scorer = Path(args.corpus), Path(args.scorer)
    work = Path(tempfile.mkdtemp(prefix="news-quality-"))
    env = {**os.environ, "BUBBLEBOT_DATA_DIR": str(work / "data")}
    sources = work / "sources"
    sources.mkdir()
    for seed in Path(args.seeds).glob("*.txt"):
        shutil.copy(seed, sources / seed.name)
    for article in corpus.glob("*.md"):
        _plain_copy(article, sources / f"{article.stem}.txt")
    try:
        print(f"ingest: {_ingest(corpus, env):.1f} s per article")
        print(f"attribution: {_attribution(corpus, env, work)}")
        questions = corpus / "questions.jsonl"
        summary, failed = _score(questions, scorer, sources, env)
        print(f"news questions: {summary}\n  by category: {_by_category(questions, failed)}")
        for extra in map(Path, args.extra):
            if extra.exists():
                print(f"{extra.name} with the news library: {_score(extra, scorer, sources, env)[0]}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
