"""Fit the answer gate (bot/answer_gate.py) on the held-out corpora, print how it does, and write its weights.

Needs a sweep made with --keep (`python benchmarks/news_sweep.py OUT --keep`): each corpus's library is opened, every
question is answered without the gate, and each answer is scored as the shared scorer does. A logistic model of
"this answer is wrong" is fitted on the answered questions; cross-validated by corpus, it prints how many wrong and
right answers each risk limit would turn into abstentions. The limit that gains most (wrong answers withheld minus
right answers lost) is chosen, on every corpus or on those --limit-on names (say, corpora measured before any of
their failures were read, which are wrong more often than the corpora the bot was fixed on). With --write, bot/gate_weights.py is rewritten.

Usage: python benchmarks/calibrate_gate.py OUT [--write] [--test news87 news88 …] (prints numbers; not run by CI)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import zlib
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news_quality import REPO

SHARED = REPO.parent / "shared"
sys.path.insert(0, str(SHARED / "eval"))
from score import figure_match, names_match, squash  # noqa: E402

FOLDS = 5
L2 = 1.0
LIMITS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)


def _right(item: dict[str, Any], answer: dict[str, Any]) -> bool:
    """Whether the shared scorer counts this (not abstained) answer as right."""
    cits = answer.get("citations") or []
    if not item.get("answerable", True):
        return False
    if item.get("speakers") and not any(names_match(c.get("speaker"), item["speakers"]) for c in cits):
        return False
    wanted = item.get("figures")
    if wanted and not any(figure_match(f, w) for c in cits for f in c.get("figures") or [] for w in wanted):
        return False
    return not item.get("quote_any") or any(
        squash(s) in squash(c.get("quote"))
        for c in cits
        if not item.get("speakers") or names_match(c.get("speaker"), item["speakers"])
        for s in item["quote_any"]
    )


def _questions(corpus: str) -> Path:
    if corpus == "news":
        return SHARED / "eval" / "news" / "questions.jsonl"
    return REPO / "benchmarks" / "data" / corpus / "questions.jsonl"


def answered_rows(library: Path, corpus: str) -> list[dict[str, Any]]:
    """Features and outcome of every question the chain answers without the gate, in one corpus's library."""
    os.environ["BUBBLEBOT_DATA_DIR"] = str(library)
    from bot.answer_gate import gate_features
    from bot.chain import Turn, build_chain
    from bot.evidence import Evidence
    from bot.service import AnswerService
    from bot.settings import Settings

    kb = AnswerService.from_settings(Settings()).kb
    chain = build_chain(kb)
    steps = [step for step in chain.steps if step.__name__ != "doubt"]
    rows = []
    for line in _questions(corpus).read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        turn = Turn(question=" ".join(item["q"].split()))
        for step in steps:
            turn = step(turn)
        answer = chain.finish(turn).contract()
        if isinstance(turn.decision, Evidence) and not answer["abstained"]:
            assert turn.query is not None
            features = gate_features(turn.query, turn.decision, turn.hits, kb.corpus)
            rows.append({"corpus": corpus, "id": item["id"], "wrong": not _right(item, answer), **features})
    return rows


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Logistic regression on standardized features: weights (bias first), means, scales."""
    means, scales = x.mean(0), x.std(0)
    scales[scales < 1e-6] = (
        1.0  # a feature that never varies (every answer weighed asks a figure) weighs nothing
    )
    z = np.c_[np.ones(len(x)), (x - means) / scales]
    w = np.zeros(z.shape[1])
    for _ in range(4000):
        p = 1 / (1 + np.exp(-z @ w))
        w -= 0.5 * (z.T @ (p - y) + L2 * np.r_[0, w[1:]]) / len(y)
    return w, means, scales


def risk(model: tuple[np.ndarray, np.ndarray, np.ndarray], x: np.ndarray) -> np.ndarray:
    """The model's chance of a wrong answer for each row."""
    w, means, scales = model
    chance: np.ndarray = 1 / (1 + np.exp(-(w[0] + ((x - means) / scales) @ w[1:])))
    return chance


def _report(title: str, p: np.ndarray, y: np.ndarray) -> dict[float, int]:
    print(f"{title}: {len(y)} answers, {int(y.sum())} wrong")
    gains = {}
    for limit in LIMITS:
        held = p >= limit
        wrong, right = int(y[held].sum()), int((1 - y[held]).sum())
        gains[limit] = wrong - right
        print(
            f"  limit {limit:.2f}: withholds {wrong:3} wrong and {right:3} right answers (gain {wrong - right:+d})"
        )
    return gains


def _write(
    names: list[str], model: tuple[np.ndarray, np.ndarray, np.ndarray], limit: float, note: str
) -> None:
    w, means, scales = model
    lines = [
        '"""The answer gate\'s weights; written by `benchmarks/calibrate_gate.py`, not by hand."""',
        "",
        f"# {note}",
        f"RISK_LIMIT = {limit}",
        "WEIGHTS: dict[str, float] = {",
        f'    "bias": {w[0]:.4f},',
        *(f'    "{n}": {v:.4f},' for n, v in zip(names, w[1:], strict=True)),
        "}",
        "MEANS: dict[str, float] = {",
        *(f'    "{n}": {v:.4f},' for n, v in zip(names, means, strict=True)),
        "}",
        "SCALES: dict[str, float] = {",
        *(f'    "{n}": {v:.4f},' for n, v in zip(names, scales, strict=True)),
        "}",
    ]
    (REPO / "bot" / "gate_weights.py").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    """Fit, cross-validate, report, and optionally write the weights."""
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--write", action="store_true")
    parser.add_argument(
        "--test", nargs="*", default=[], help="corpora kept out of the fit and reported apart"
    )
    parser.add_argument(
        "--limit-on",
        nargs="*",
        default=[],
        help="corpora whose cross-validated gain picks the limit (default: all)",
    )
    parser.add_argument("--limit", type=float, help="a limit picked by hand from the tables instead")
    parser.add_argument("--without", nargs="*", default=[], help="features left out of the fit")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--reuse", action="store_true", help="refit on OUT/gate_rows.jsonl from the last run")
    args = parser.parse_args()
    saved = Path(args.out) / "gate_rows.jsonl"
    if args.reuse:
        rows = [json.loads(line) for line in saved.read_text(encoding="utf-8").splitlines()]
    else:
        libraries = [
            (lib, lib.name)
            for lib in sorted((Path(args.out) / "libraries").iterdir())
            if lib.name != "dev" and _questions(lib.name).exists()
        ]
        # one process per library: each opens its own knowledge base from the environment
        with get_context("spawn").Pool(args.jobs, maxtasksperchild=1) as pool:
            rows = [row for found in pool.starmap(answered_rows, libraries) for row in found]
        saved.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    rows = [
        r for r in rows if r["wants_figure"]
    ]  # the gate weighs figure answers only (see bot/answer_gate.py)
    names = [k for k in rows[0] if k not in ("corpus", "id", "wrong", *args.without)]
    train = [r for r in rows if r["corpus"] not in args.test]
    x = np.array([[r[n] for n in names] for r in train], dtype=float)
    y = np.array([r["wrong"] for r in train], dtype=float)
    fold = np.array([zlib.crc32(r["corpus"].encode()) % FOLDS for r in train])
    p = np.zeros(len(y))
    for k in range(FOLDS):
        p[fold == k] = risk(fit(x[fold != k], y[fold != k]), x[fold == k])
    gains = _report("cross-validated by corpus", p, y)
    if args.limit_on:
        # text the bot was never tuned on is wrong more often than the corpora it was fixed on: its limit is lower
        mine = np.array([r["corpus"] in args.limit_on for r in train])
        gains = _report(f"cross-validated, {' '.join(args.limit_on)}", p[mine], y[mine])
    limit = args.limit or max(gains, key=lambda g: (gains[g], g))
    model = fit(x, y)
    test = [r for r in rows if r["corpus"] in args.test]
    if test:
        xt = np.array([[r[n] for n in names] for r in test], dtype=float)
        _report(
            f"kept out ({' '.join(args.test)})", risk(model, xt), np.array([r["wrong"] for r in test], float)
        )
    print(f"chosen limit {limit}; heaviest weights:")
    for name, weight in sorted(zip(names, model[0][1:], strict=True), key=lambda nw: -abs(nw[1]))[:12]:
        print(f"  {name:18} {weight:+.2f}")
    if args.write:
        corpora = len({r["corpus"] for r in train})
        note = f"fitted on {len(y)} answers ({int(y.sum())} wrong) from {corpora} corpora"
        _write(names, model, limit, note)


if __name__ == "__main__":
    main()
