"""Print how the chain sees each question of a question file: analysis, top hits, decision, answer."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from bot.evidence import Evidence, decide
from bot.settings import get_settings
from knowledge.base import KnowledgeBase


def main() -> None:
    """Usage: diagnose.py QUESTIONS.jsonl [ID ...]"""
    settings = get_settings()
    kb = KnowledgeBase.open(data_dir=settings.data_dir)
    wanted = set(sys.argv[2:])
    for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if wanted and item["id"] not in wanted:
            continue
        query = kb.analyze(item["q"])
        hits = kb.searcher.search(query, 16).hits
        decision = decide(query, hits, kb.corpus)
        print(
            f"== {item['id']} {item['q']}\n   kind={query.kind} units={query.units} speakers="
            f"{[s.name for s in query.speakers]} unknown={query.unknown_names} "
            f"entities={[s.name for s in query.entities]} years={query.years} period={query.period}"
        )
        for hit in hits[: int(os.environ.get("SHOW", "8"))]:
            figures = ",".join(f.text for f in hit.passage.figures)
            print(
                f"   {hit.score:.2f} cov={hit.coverage:.2f} top={hit.topic_coverage:.2f} dense={hit.dense:.2f} {hit.reasons} "
                f"{hit.passage.speaker} [{figures}] | {hit.passage.text[:60]}"
            )
        if isinstance(decision, Evidence):
            print(f"   -> cite {[h.passage.id for h in decision.hits]} focus={decision.focus}")
        else:
            print(f"   -> abstain {decision.reason} {decision.name or ''}")


if __name__ == "__main__":
    main()
