"""How likely a chosen answer is wrong, from what was asked and how its passage was found; too likely: abstain.

A wrong answer costs more than an abstention, and no rule sees every way a passage can fit the words of a question
without answering it. So the chosen evidence is scored by a logistic model of how answers like it fared on the
held-out corpora (`benchmarks/calibrate_gate.py` fits it; the weights are in `bot/gate_weights.py`).
"""

from __future__ import annotations

import math

from bot.aboutness import aboutness, asked_entities, entity_count
from bot.evidence import Evidence
from bot.figure_measure import covered
from bot.gate_weights import MEANS, RISK_LIMIT, SCALES, WEIGHTS
from bot.which_organization import names_another_organization
from knowledge.corpus import Corpus
from knowledge.query import QueryAnalysis
from knowledge.scripts import fold
from knowledge.search import Hit

KINDS = ("how_much", "what", "who", "stance", "comparison")
REASONS = ("unit", "measure", "entity", "speaker", "period", "year", "follow-up", "figure")


def gate_features(
    query: QueryAnalysis, evidence: Evidence, hits: list[Hit], corpus: Corpus
) -> dict[str, float]:
    """The numbers the gate weighs: the question's shape, the lead passage's match, its lead over the rest."""
    lead = evidence.hits[0]
    passage = lead.passage
    entities = asked_entities(query)
    across = (query.language == "en") != (corpus.source(passage.source_id).language == "en")
    rank = next((n for n, hit in enumerate(hits) if hit.passage.id == passage.id), len(hits))
    others = [hit.score for hit in hits if hit.passage.id != passage.id]
    dense_rank = sum(hit.dense > lead.dense for hit in hits)
    asked = {s.name for s in (*query.speakers, *query.entities)}
    in_sentence = fold(passage.text)
    figures = [evidence.focus] if evidence.focus is not None else passage.figures
    features = {f"kind:{kind}": float(query.kind == kind) for kind in KINDS}
    features |= {f"reason:{reason}": float(reason in lead.reasons) for reason in REASONS}
    features |= {
        "wants_figure": float(query.wants_figure),
        "period": float(bool(query.period)),
        "years": float(bool(query.years)),
        "across": float(across),
        "english": float(query.language == "en"),
        "narration": float(not passage.speaker),
        "speaker_asked": float(
            bool(query.speakers) and passage.speaker in corpus.speaking_for(query.speakers)
        ),
        "focus": float(evidence.focus is not None),
        "focus_unit_asked": float(evidence.focus is not None and evidence.focus.unit in query.units),
        "conflict": float(evidence.conflict),
        "speakers": float(min(len(query.speakers), 3)),
        "entities": float(min(len(query.entities), 3)),
        "units": min(len(query.units), 6) / 3,
        "measures": float(min(len(query.measures), 4)),
        "unquoted": float(min(len(query.unquoted), 2)),
        "score": lead.score,
        "dense": lead.dense,
        "lexical": math.log1p(max(lead.lexical, 0.0)),
        "coverage": lead.coverage,
        "topic": lead.topic_coverage,
        "lead_over_rest": max(min(lead.score - max(others, default=0.0), 3.0), -3.0),
        "rank": min(rank, 10) / 5,
        "aboutness": aboutness(lead, entities, corpus),
        "entity_count": float(min(entity_count(lead, entities, corpus), 4)) if entities else 0.0,
        "figures": min(len(passage.figures), 8) / 4,
        "question_length": min(len(query.text), 400) / 100,
        "cited": float(len(evidence.hits)),
        "dense_rank": min(dense_rank, 10) / 5,
        "names_other_organization": float(names_another_organization(lead, asked, corpus)),
        "entity_in_sentence": float(any(any(w in in_sentence for w in words) for words in entities)),
        "measures_beside": len(covered(lead, figures, query)) / max(len(query.measures), 1),
        "unit_hits": sum("unit" in hit.reasons for hit in hits[:10]) / 5,
        "same_article_hits": sum(hit.passage.source_id == passage.source_id for hit in hits[:8]) / 4,
    }
    return features


def wrong_risk(features: dict[str, float]) -> float:
    """The calibrated chance that an answer with these features is wrong."""
    logit = WEIGHTS.get("bias", 0.0) + sum(
        WEIGHTS.get(name, 0.0) * (value - MEANS.get(name, 0.0)) / SCALES.get(name, 1.0)
        for name, value in features.items()
    )
    return 1 / (1 + math.exp(-max(min(logit, 30.0), -30.0)))


def too_risky(query: QueryAnalysis, evidence: Evidence, hits: list[Hit], corpus: Corpus) -> bool:
    """Whether the chosen figure answer is more likely wrong than the calibrated limit allows.

    Only figure answers are weighed: they are most of what the held-out corpora ask, so the model knows them; a
    question about reasons or views ("Why can't start-ups get GPUs?") is left to the relevance rules.
    """
    return query.wants_figure and wrong_risk(gate_features(query, evidence, hits, corpus)) >= RISK_LIMIT
