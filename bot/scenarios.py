"""Hypothetical figures: what a source says would happen if something moved, not what has happened."""

from __future__ import annotations

import re

from knowledge.scripts import fold

# "a 20% fall in prices would cut its profit by $5 billion", "if rates rose 1%, it would lose…",
# "如果价格下跌两成，利润将减少50亿元": a scenario a source works through.
_SCENARIO = re.compile(
    r"\b(?:a|an)\s+(?:\S+\s+)?(?:fall|drop|decline|slide|rise|increase|jump|cut|slump|plunge)\s+(?:of\s+\S+\s+)?in\b"
    r"[^.;]{0,80}\bwould\b|"
    r"\bif\b[^.;]{0,80}\b(?:would|could)\b|"
    r"(?:如果|假如|假设|假設|倘若|一旦|若)[^。；]{0,40}(?:将|將|会|會|可能)",
    re.I,
)
# "How much would it lose if…?", "可能把多少…", "what could it cost": the question itself asks a scenario.
_ASKS_SCENARIO = re.compile(
    r"\b(?:would|could|might|if|suppose|assuming|estimates?|forecasts?|projects?|expects?)\b|估计|估算|测算|预计|预测|如果|假如|假设|假設|倘若|一旦|若|可能|会|會|将|將",
    re.I,
)


# "若将租赁设备按市价计入，实际投入接近60亿元", "if the leased chips are counted, it comes to": the same thing counted
# another way, not something that may happen
_RECOUNTED = re.compile(
    r"(?:如果|假如|倘若|若)(?:将|將|把)[^。；]{0,30}(?:计入|計入|算入|算进|算進|纳入|納入|剔除|扣除|一并|一併|算上)|"
    r"\bif\b[^.;]{0,60}\b(?:is|are) (?:counted|included|excluded|stripped out|added)\b",
    re.I,
)


def is_scenario(text: str) -> bool:
    """Whether a sentence works through what would happen ("a 20% fall in prices would cut profit by…")."""
    folded = fold(text)
    return bool(_SCENARIO.search(folded)) and not _RECOUNTED.search(folded)


def asks_scenario(question: str) -> bool:
    """Whether a question asks what would or could happen, so a scenario may answer it."""
    return bool(_ASKS_SCENARIO.search(fold(question)))
