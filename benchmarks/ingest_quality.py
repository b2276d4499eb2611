"""Automatic attribution and figure extraction on the test articles, against hand labels.

Prints, per article and overall: attribution precision and recall (a passage counts when its predicted speaker
equals the label) and figure recall and precision (text, value and unit). Each article is processed as
`bubblebot ingest` would (reader, language detection, speaker discovery, attribution), without an index.

Usage: python benchmarks/ingest_quality.py [LABELS.yaml]   (prints numbers; not run by CI)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

from knowledge.corpus import load_corpus
from knowledge.discover import discover_speakers
from knowledge.ingest import Overrides, prepare_source
from knowledge.library import Library
from knowledge.reader import read_article
from knowledge.scripts import fold

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "tests" / "data" / "articles" / "labels.yaml"


def _same(a: str | None, b: str | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and fold(a) == fold(b))


def _score(entry: dict, root: Path) -> dict[str, float]:  # type: ignore[type-arg]
    started = time.perf_counter()
    article = read_article(str(root / entry["file"]))
    source, _ = prepare_source(article, Overrides(), Library.load(Path("/nonexistent")))  # an empty library
    packaged = load_corpus()
    new, _, _ = discover_speakers(source, packaged.speakers)
    passages = [p for p in load_corpus(extra=[source], speakers=new).passages if p.source_id == source.id]
    seconds = time.perf_counter() - started
    labels: dict[str, str | None] = {p.id: None for p in passages}
    for item in entry["speakers"]:
        hits = [p for p in passages if p.text.startswith(item["starts"])]
        if len(hits) != 1:
            raise SystemExit(f"{entry['file']}: label {item['starts']!r} matches {len(hits)} passages")
        labels[hits[0].id] = item["speaker"]
    predicted = [p for p in passages if p.speaker]
    correct = [p for p in predicted if _same(p.speaker, labels[p.id])]
    wrong = [(p.text[:40], p.speaker, labels[p.id]) for p in passages if not _same(p.speaker, labels[p.id])]
    found = [(f.text, f.value, f.unit) for p in passages for f in p.figures]
    wanted = [(f["text"], float(f["value"]), f["unit"]) for f in entry["figures"]]
    hit = [
        w
        for w in wanted
        if any(t == w[0] and u == w[2] and abs(v - w[1]) <= 0.01 * w[1] for t, v, u in found)
    ]
    extra = [f for f in found if not any(f[0] == w[0] for w in wanted)]
    for text, got, want in wrong:
        print(f"    speaker: {text!r}: got {got}, labelled {want}")
    for text, _, _ in extra:
        print(f"    figure not labelled: {text!r}")
    for text, _, _ in (w for w in wanted if w not in hit):
        print(f"    figure missed: {text!r}")
    return {
        "labelled": sum(v is not None for v in labels.values()),
        "predicted": len(predicted),
        "correct": len(correct),
        "figures": len(wanted),
        "figures_found": len(hit),
        "figures_extra": len(extra),
        "passages": len(passages),
        "speakers": len([s for s in new if s.quoted]),
        "seconds": seconds,
    }


def _line(name: str, s: dict[str, float]) -> str:
    precision = s["correct"] / s["predicted"] if s["predicted"] else 1.0
    recall = s["correct"] / s["labelled"] if s["labelled"] else 1.0
    fig_recall = s["figures_found"] / s["figures"] if s["figures"] else 1.0
    fig_precision = s["figures_found"] / (s["figures_found"] + s["figures_extra"]) if s["figures"] else 1.0
    return (
        f"{name:40.40} passages {int(s['passages']):3d}  attribution P {precision:6.1%} R {recall:6.1%} "
        f"({int(s['correct'])}/{int(s['labelled'])})  figures R {fig_recall:6.1%} P {fig_precision:6.1%}  "
        f"{s['seconds'] * 1000:.0f} ms"
    )


def main() -> None:
    """Print the scores."""
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else LABELS
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    groups: dict[str, dict[str, float]] = {}
    for entry in entries:
        print(entry["file"])
        scores = _score(entry, path.parent)
        print("  " + _line(entry["file"], scores))
        for group in ("all", "held back" if entry.get("heldback") else "development"):
            total = groups.setdefault(group, {})
            for key, value in scores.items():
                total[key] = total.get(key, 0) + value
    print()
    for group, total in groups.items():
        print(_line(group, total))


if __name__ == "__main__":
    main()
