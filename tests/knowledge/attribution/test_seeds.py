"""The packaged articles against their hand labels: the extractor alone, and with the curated overlay."""

from __future__ import annotations

from pathlib import Path

import yaml

from knowledge.corpus import load_corpus

LABELS = Path(__file__).resolve().parents[2] / "data" / "attribution_labels.yaml"


def _agreement(overlay: bool) -> tuple[float, list[tuple[str, str | None, str | None]]]:
    passages = load_corpus(overlay=overlay).passages
    labels: dict[str, str | None] = {p.id: None for p in passages}
    for entry in yaml.safe_load(LABELS.read_text(encoding="utf-8")):
        [passage] = [
            p for p in passages if p.source_id == entry["source"] and p.text.startswith(entry["starts"])
        ]
        labels[passage.id] = entry["speaker"]
    wrong = [(p.id, p.speaker, labels[p.id]) for p in passages if p.speaker != labels[p.id]]
    return 1 - len(wrong) / len(passages), wrong


def test_with_the_overlay_every_seed_passage_has_its_labelled_speaker() -> None:
    accuracy, wrong = _agreement(overlay=True)
    assert wrong == [], f"{accuracy:.1%}"


def test_the_extractor_alone_reads_the_seeds_nearly_as_well() -> None:
    accuracy, _ = _agreement(overlay=False)
    print(f"seed attribution without the overlay: {accuracy:.1%}")
    assert accuracy >= 0.9
