"""Which words of an English sentence report a statement: speech verbs, estimates ("put … at $4 billion"), an
analyst's or agency's call, less what only describes, withholds or hides; a closing frame ("…, the company said")
first."""

from __future__ import annotations

import re

from knowledge.attribution import lexicon_en as en
from knowledge.attribution.unnamed import EN_ANONYMOUS

EN_VERB = re.compile(
    r"\b(?:" + "|".join(re.escape(v) for v in sorted(set(en.SPEECH_VERBS), key=len, reverse=True)) + r")\b",
    re.I,
)
_EN_PUT_AT = re.compile(
    # "put the bank's largest exposure, to Lumenvault Compute, a New Jersey operator, at $480 million": appositives
    # may sit inside
    r"\b(?:puts|put|pegs|pegged|peg|valued|values)(?=\s+(?:(?:the|its|his|her|their|that|this)\s+)?[\w'’ -]{1,80}?"
    r"(?:,[\w'’ -]{1,80}){0,2},?"
    r"(?:\s+(?:higher|lower),)?\s+(?:at|closer to|nearer to|near)\s+"
    # "at an average of 1.4 times", "at a combined $3 billion": what kind of figure, before it
    r"(?:(?:an?|the)\s+(?:average|total|combined|median|cumulative|estimated)\s+(?:of\s+)?)?"
    r"(?:about |around |closer to |roughly |nearly |just |between )?(?:[A-Z]{1,2})?[$€¥£\d])"
)
# "Aldous declined to give the price, saying the terms were confidential": a refusal, and its reason, say nothing.
EN_REFUSAL = re.compile(
    r"\b(?:declined|declines|refused|refuses|would not|wouldn't|did not|didn't|will not|won't)\s+(?:to\s+)?"
    r"(?:give|say|comment|disclose|discuss|provide|specify|name|reveal|elaborate|identify|confirm|share)\b",
    re.I,
)
_EN_OWN_ESTIMATE = re.compile(
    r"\b(?:cut|raised|lowered|lifted|trimmed|set|kept|maintained|reiterated|upgraded|downgraded)(?=\s+(?:(?:her|his|"
    r"their)\s+(?:[\w-]+\s+){0,2}?(?:price target|target price|target|estimates?|forecasts?|rating|outlook|"
    # "Oxbury Lane cut its price target": a broker's call (a company cutting "its price" or "its forecast" is not)
    r"projections?)|its\s+(?:[\w-]+\s+)?(?:price target|target price))\b)"
)


_EN_RATING_ACTION = re.compile(
    # ("placed the cooperative's A-minus rating on review": the rated company's rating, the agency's call)
    r"\b(?:placed|put|cut|lowered|raised|affirmed|downgraded|upgraded|revised|changed|withdrew)(?=\s+(?:its|the\s+"
    r"[\w-]+(?:'s|’s))\s+(?:[\w-]+\s+){0,2}?(?:rating|ratings|outlook)\b)"
)
# "Quennell raised the company's full-year revenue forecast", "She raised the full-year forecast": an officer giving
# the company's guidance speaks (only a person: "Kestrel raised its forecast" is the article's narration)
EN_GUIDANCE = re.compile(
    r"\b(?:cut|raised|lowered|lifted|trimmed|reaffirmed|reiterated|narrowed|maintained|withdrew)(?=\s+(?:its|the|"
    r"the company's|the company’s|the group's|the group’s)\s+(?:[\w-]+\s+){0,3}?(?:forecast|guidance|outlook|"
    r"target|estimate)s?\b)"
)


# ", who runs a fund that…,", ", whose firm disclosed a bet…,": a relative clause describing the one named before it
_EN_RELATIVE = re.compile(r",\s*(?:who|whose)\b[^,;\"“”]{1,160},")
_EN_DESCRIBING = re.compile(
    r"(?<=[A-Za-z]),\s+(?:a|an)\s+[^,;\"“”]{0,60}?\b(?:that|which|who)\b[^,;\"“”]{1,160}(?:,(?=\s+[a-z])|[.\s]*$)"
)


# Verbs of telling, which a negation empties ("has not said", "has said nothing"), unlike verbs of holding a view.
_TELLING = frozenset(("said", "say", "says", "disclosed", "announced", "confirmed", "explained", "commented"))


def english_verbs(outside: str) -> list[re.Match[str]]:
    """The words of a sentence (quotes blanked) that report what someone said, a closing frame first."""
    verbs = list(EN_VERB.finditer(outside))
    # "has agreed to supply 2.5 gigawatts": an action the article reports, not something said
    verbs = [
        v
        for v in verbs
        if not (
            (v.group(0).lower().startswith("agree") and re.match(r" (?:not )?to ", outside[v.end() :]))
            # "Orrisant writes off its chips", "The union has called a strike", "The person asked not to be
            # named": accounting, actions and anonymity, not statements
            or (re.match(r"writ", v.group(0), re.I) and re.match(r" (?:off|down)\b", outside[v.end() :]))
            or (v.group(0).lower() == "called" and re.match(r" (?:a|an|off)\b", outside[v.end() :]))
            # "The district's real loss is smaller than it claims, according to …": a comparison, not a frame
            or re.search(r"\b(?:than|as)\s+(?:it|they|he|she|the\s+\w+)\s+$", outside[: v.start()], re.I)
            # "Sandlow would show an unrealised loss": what its books would record, not a document speaking
            or (
                v.group(0).lower() in ("show", "shows", "showed")
                and re.search(r"\b(?:would|could|might|may|will|should|to)\s+$", outside[: v.start()], re.I)
            )
            or (v.group(0).lower() == "asked" and re.match(r" not to be\b", outside[v.end() :]))
            # "has said nothing publicly about the dispute", "has not said whether…": no statement at all
            # (a view held, "does not expect a rebound", is still a statement)
            or (
                v.group(0).lower() in _TELLING
                and (
                    re.match(r" (?:nothing|little|next to nothing)\b", outside[v.end() :])
                    or re.search(r"\b(?:not|never|yet to)\s+$", outside[: v.start()])
                )
            )
            # "Corvane, which had asked for 900 megawatts": a request for something, not a statement
            or (v.group(0).lower() in ("asked", "asks") and re.match(r" for\b", outside[v.end() :]))
            # "the fund's members were told of it in a newsletter": who heard it, not who said it
            or (
                v.group(0).lower() in ("told", "asked")
                and re.search(r"\b(?:was|were|been|being|is|are|be)\s+$", outside[: v.start()])
            )
        )
    ]
    # "A physician, who asked not to be named because staff were told not to speak to reporters, said":
    # the reason for anonymity is no statement
    for hidden in EN_ANONYMOUS.finditer(outside):
        close = outside.find(",", hidden.end())
        verbs = [v for v in verbs if not hidden.start() <= v.start() < (close if close > 0 else hidden.end())]
    # "Gideon Farrow, whose fund Lanthorn disclosed a bet against Talverin, said": the relative clause tells
    # who the speaker is; its verb is no statement when the sentence's own verb follows
    for relative in _EN_RELATIVE.finditer(outside):
        kept = [v for v in verbs if not relative.start() <= v.start() < relative.end()]
        if any(v.start() >= relative.end() for v in kept):
            verbs = kept
    # "Gannet Ridge Research, a short seller that disclosed a bet against the bank, does not buy that": what
    # an appositive says its head did once is no statement of this sentence
    for described in _EN_DESCRIBING.finditer(outside):
        if not described.group(0).endswith(",") and EN_VERB.search(described.group(0).rstrip(". ")[-12:]):
            continue  # "…, a person who has seen the board materials said.": the appositive is the frame
        verbs = [v for v in verbs if not described.start() <= v.start() < described.end()]
    refusal = EN_REFUSAL.search(outside)
    if refusal is not None:  # the participle after a refusal gives its reason, not a statement
        verbs = [v for v in verbs if not (v.start() > refusal.end() and v.group(0).lower() == "saying")]
        # "A spokeswoman declined to say whether …": what was refused is not said
        verbs = [v for v in verbs if not refusal.start() <= v.start() < refusal.end()]
    verbs += _EN_PUT_AT.finditer(outside)  # "Qureshi put the lab's share at closer to 35%": an estimate
    verbs += _EN_OWN_ESTIMATE.finditer(outside)  # "She cut her price target to $41": the analyst's call
    verbs += _EN_RATING_ACTION.finditer(outside)  # "The agency placed its rating on review": its opinion
    # "She raised the full-year forecast to $5.2 billion": an officer's guidance (the caller keeps it a person's)
    verbs += EN_GUIDANCE.finditer(outside)
    verbs.sort(key=lambda v: v.start())
    # "…, ahead of what analysts had expected, the company said.": the closing frame reports the sentence.
    verbs.sort(key=lambda v: not _closing_frame(outside, v))
    return verbs


def _closing_frame(outside: str, verb: re.Match[str]) -> bool:
    """Whether the verb reports the whole sentence from its end: "…, the company said." / "…, Roussel added."."""
    if verb.group(0).lower() not in en.FRAME_VERBS:
        return False
    clause = outside[outside.rfind(",", 0, verb.start()) + 1 : verb.start()]
    if "," not in outside[: verb.start()] or len(clause.split()) > 6:
        return False
    tail = outside[verb.end() :]
    if verb.group(0).lower() == "told":
        tail = _TOLD_WHOM.sub(
            "", tail
        )  # "…, he told the board on a call": whom he told is no part of what was said
    tail = _FRAME_TAIL.sub("", tail)
    return (
        not tail.strip(' ."”')
        # "…, Sorell said, which would also cut emissions": a parenthetical frame the sentence goes on after
        or (0 < len(clause.split()) <= 3 and re.match(r"\s*,", tail) is not None)
        # "…, said Sunil Varadan, general secretary of the union, which …": the speaker and what he is
        or (not clause.strip() and _INVERTED_TAIL.match(tail) is not None)
    )


_INVERTED_TAIL = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}(?:[A-Z][\w.'’-]*\s+){1,4}?[A-Z][\w.'’-]*\s*(?:,|[.\"”]*$)"
)


# Whom a closing "told" addresses: "analysts", "the board", "a conference in the capital".
_TOLD_WHOM = re.compile(
    r"^\s+(?:(?:the|a|an|its|his|her|their)\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?"
    r"(?=[\s.,]*(?:$|(?:in|on|at|during|after|late|early|last)\b))"
)


# What may follow a closing frame's verb: "…, Blackfern said in a filing on Monday."
_FRAME_TAIL = re.compile(
    # "…, Dunmore told reporters on a call.": whom it was told comes first
    r"^\s*(?:(?:reporters|analysts|investors|shareholders|lawmakers|legislators|clients|employees|staff|"
    r"regulators|journalists|the audience)\b\s*)?"
    r"(?:(?:in|on|at|during|after|to|late|early|last)\s+(?:an?\s+|the\s+|its\s+|his\s+|her\s+|their\s+)?"
    r"[\w-]+(?:\s+[\w-]+)?\s*){0,3}(?=[.\s\"”]*$)",
    re.I,
)
