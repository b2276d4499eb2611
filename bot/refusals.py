"""Sentences that say an answer was withheld: a refusal to comment, or to break a total down."""

from __future__ import annotations

import re

from bot.naming import UNNAMED
from knowledge.corpus import Corpus
from knowledge.measures import find_measures
from knowledge.passages import Passage
from knowledge.query import QueryAnalysis
from knowledge.search import Hit

# A refusal to say anything at all ("declined to comment", "至今未就价格战公开表态"), not to name one detail.
NO_COMMENT = re.compile(
    r"\b(?:declined|refused|would not|wouldn't) (?:to )?comment|\b(?:has|have) not (?:yet )?(?:commented|spoken)|"
    r"\bwas not available for comment|\bcould not be reached|\bdid not respond to (?:a )?requests? for comment|"
    r"未(?:就[^，。；]{1,16})?(?:公开|公開)?(?:表态|表態)|未有(?:就[^，。；]{1,16})?(?:公开|公開)?(?:回应|回應|评论|評論|表态|表態)|"
    r"不予置评|不予置評|未予(?:置评|置評|回应|回應)",
    re.I,
)
# A sentence that reports a refusal or the absence of a decision, not an answer.
REFUSAL = re.compile(
    NO_COMMENT.pattern + r"|\b(?:declined|refused|would not|wouldn't) (?:to )?(?:say|disclose|name|specify|"
    r"give|provide|elaborate|confirm|identify|respond)|\bno (?:specific |firm |set )?(?:timetable|timeline|decision) "
    r"(?:has been|had been|was|is|yet)|\b(?:has|have) not (?:yet )?(?:decided|disclosed|said)|"
    r"未透露|未披露|未有透露|未有披露|并未透露|並未透露|拒绝透露|拒絕透露|不愿透露|不願透露|没有透露|沒有透露|"
    r"未回应|未回應|未予(?:透露|披露|说明|說明)|"
    r"没有具体时间表|沒有具體時間表|目前没有具体|目前沒有具體|尚未决定|尚未決定|尚无定论|尚無定論",
    re.I,
)

# A refusal to break a total down ("未透露两座新厂各自的投资金额", "declined to say how it splits").
_BREAKDOWN = re.compile(
    r"各自|分别|分別|each of|separately|breakdown|how (?:it|the \w+) (?:splits|is split)", re.I
)


def withheld_breakdown(lead: Passage, query: QueryAnalysis, corpus: Corpus) -> Passage | None:
    """The next sentence, when it says the part of the lead's total that the question asks for was not disclosed."""
    after = corpus.by_id.get(f"{lead.source_id}:{lead.paragraph}.{lead.sentence + 1}") or corpus.by_id.get(
        f"{lead.source_id}:{lead.paragraph + 1}.1"
    )
    if after is None or not (REFUSAL.search(after.text) and _BREAKDOWN.search(after.text)):
        return None
    return after if find_measures(after.text) & query.measures else None


def stronger_refusal(
    candidates: list[Hit], lead: Hit, asked: frozenset[str] | set[str] = frozenset()
) -> Hit | None:
    """A sentence saying the asked figure was withheld ("未有透露Veyridge會分擔多少降價損失") that fits the question far
    better than the best figure found: the articles say there is no answer, so a neighbouring figure is none.

    A refusal that names the asked measure (`asked`) needs only to fit as well: "她未透露該案的預估毛利率" says the
    project's margin is not given, whatever margin the company reports for the year."""
    # "declined to say how much of the quarter's revenue came from its largest customer" withholds a part, not the
    # quarter's revenue: it stands only for a question that asks a share too
    refusals = [
        h
        for h in candidates
        if not h.passage.figures
        and REFUSAL.search(h.passage.text)
        and ("share" in asked or not _PART_WITHHELD.search(h.passage.text))
    ]
    best = max(refusals, key=lambda h: h.coverage, default=None)
    named = best is not None and bool(set(asked) & find_measures(best.passage.text) - _MOVES)
    if (
        best is not None
        and best.coverage >= _REFUSAL_FIT
        and best.coverage >= (1.0 if named else _REFUSAL_MARGIN) * lead.coverage
    ):
        return best
    # "She declined to say what rent it will pay" then "a person familiar with the talks said it would pay $165":
    # what one source withholds, an unnamed one gives, so the low bar does not hold against a leaked figure
    leaked = (lead.passage.speaker or "").startswith(UNNAMED)
    if (
        best is not None
        and named
        and not leaked
        and best.coverage >= max(_NAMED_REFUSAL_FIT, lead.coverage)
        and best.dense >= lead.dense + _NAMED_REFUSAL_DENSE_LEAD
    ):
        # "墨西哥新廠…但未透露投資金額" against a share sale whose proceeds go to "墨西哥與泰國產能": the refusal names
        # the asked measure, fits the question's words as well as the figure does and its meaning clearly better
        return best
    # a question in the other language shares few words with the refusal: its meaning must fit far better
    closest = max(refusals, key=lambda h: h.dense, default=None)
    if (
        closest is not None
        and closest.dense >= _REFUSAL_DENSE
        and closest.dense >= _REFUSAL_MARGIN * lead.dense
    ):
        return closest
    return None


# "declined to say how much of the revenue came from…", "未透露…占比": what is withheld is a part of a total
_PART_WITHHELD = re.compile(
    r"\bhow much of\b|\bwhat (?:share|portion|proportion|percentage|fraction|part) of\b|占比|占多少|所占比例|多少来自",
    re.I,
)
# Measures that say how a figure moved or divides: too common to tie a refusal to the question.
_MOVES = frozenset({"growth", "cut", "share"})


# How well a refusal must fit the question, and how much better than the figure's passage, to stand for it.
_REFUSAL_FIT = 0.5
_NAMED_REFUSAL_FIT = 0.2  # a refusal naming the asked measure, as close as the figure: a lower bar…
_NAMED_REFUSAL_DENSE_LEAD = 0.1  # …when its meaning fits clearly better than the figure's passage
_REFUSAL_MARGIN = 2.0
_REFUSAL_DENSE = 0.55
