"""Who speaks in each sentence: the subject of its speech verb, a source it cites, or the quote it continues."""

from __future__ import annotations

import re

from knowledge.attribution import lexicon_en as en
from knowledge.attribution import lexicon_zh as zh
from knowledge.attribution.citing import ZH_OWN_FILING, according
from knowledge.attribution.discourse import DiscourseState, Item, find_items, resolve_item
from knowledge.attribution.entities import ArticleEntities, Entity
from knowledge.attribution.org_in_play import protagonist
from knowledge.attribution.quotes import blank_spans, leaves_quote_open, quoted_spans, starts_with_quote
from knowledge.attribution.subject_en import subject_en
from knowledge.attribution.subject_zh import subject_zh
from knowledge.attribution.transcript import transcript_turn
from knowledge.attribution.unnamed import EN_ANONYMOUS
from knowledge.figures import find_figures
from knowledge.scripts import to_simplified

_EN_VERB = re.compile(
    r"\b(?:" + "|".join(re.escape(v) for v in sorted(set(en.SPEECH_VERBS), key=len, reverse=True)) + r")\b",
    re.I,
)
_ZH_VERB = re.compile(
    "(?<![法据小游劝被名简俗堪职昵])(?:"
    + "|".join(sorted(zh.SPEECH_VERBS, key=len, reverse=True))
    + ")(?![会服法师之的书])(?!(?<=[说称表])明)(?!(?<=分析)员)(?!机构|公司|平台|部门)"
)
_EN_PUT_AT = re.compile(
    # "put the bank's largest exposure, to Lumenvault Compute, a New Jersey operator, at $480 million": appositives
    # may sit inside
    r"\b(?:puts|put|pegs|pegged|peg|valued|values)(?=\s+(?:(?:the|its|his|her|their|that|this)\s+)?[\w'’ -]{1,80}?"
    r"(?:,[\w'’ -]{1,80}){0,2},?"
    r"(?:\s+(?:higher|lower),)?\s+(?:at|closer to|nearer to|near)\s+"
    r"(?:about |around |closer to |roughly |nearly |just |between )?(?:[A-Z]{1,2})?[$€¥£\d])"
)
# A participle that reports what the sentence's subject said: ", citing …", ", saying …".
_EN_PARTICIPLE = re.compile(r",\s+(?:citing|saying|adding|arguing|noting|warning that)\b")
# "Aldous declined to give the price, saying the terms were confidential": a refusal, and its reason, say nothing.
_EN_REFUSAL = re.compile(
    r"\b(?:declined|declines|refused|refuses|would not|wouldn't|did not|didn't|will not|won't)\s+(?:to\s+)?"
    r"(?:give|say|comment|disclose|discuss|provide|specify|name|reveal|elaborate|identify|confirm|share)\b",
    re.I,
)
# "He wants operators to carry 75% of the cost": a stance that, opened by a pronoun, is the person just quoted.
_EN_STANCE = re.compile(r"\s+(?:" + "|".join(sorted(en.STANCE_VERBS, key=len, reverse=True)) + r")\b", re.I)
_EN_OWN_ESTIMATE = re.compile(
    r"\b(?:cut|raised|lowered|lifted|trimmed|set|kept|maintained|reiterated|upgraded|downgraded)(?=\s+(?:her|his|"
    r"their)\s+(?:[\w-]+\s+){0,2}?(?:price target|target price|target|estimates?|forecasts?|rating|outlook|"
    r"projections?)\b)"
)


_EN_RATING_ACTION = re.compile(
    r"\b(?:placed|put|cut|lowered|raised|affirmed|downgraded|upgraded|revised|changed|withdrew)(?=\s+its\s+"
    r"(?:[\w-]+\s+){0,2}?(?:rating|ratings|outlook)\b)"
)
_EN_PERSON_OPENS = re.compile(r"[\s\"“]*(?:He|She)\b")
_EN_GUIDANCE = re.compile(
    r"\b(?:cut|raised|lowered|lifted|trimmed|reiterated|narrowed|maintained)(?=\s+the\s+(?:company['’]s\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:forecast|guidance|outlook|target|estimate)s?\b)"
)


# ", who runs a fund that…,", ", whose firm disclosed a bet…,": a relative clause describing the one named before it
_EN_RELATIVE = re.compile(r",\s*(?:who|whose)\b[^,;\"“”]{1,160},")
_EN_DESCRIBING = re.compile(
    r"(?<=[A-Za-z]),\s+(?:a|an)\s+[^,;\"“”]{0,60}?\b(?:that|which|who)\b[^,;\"“”]{1,160}(?:,(?=\s+[a-z])|[.\s]*$)"
)


def attribute_sentences(
    paragraphs: list[list[str]], language: str, entities: ArticleEntities
) -> list[list[Entity | None]]:
    """The entity speaking in every sentence (None for the article's own reporting)."""
    state = DiscourseState()
    result: list[list[Entity | None]] = []
    for number, sentences in enumerate(paragraphs):
        state.paragraph_speaker = None
        state.previous = None
        state.paragraph = number
        turn = transcript_turn(sentences, entities)
        if turn is not None:
            # "Okonjo: They're pricing us…": an interview's turn is the labelled speaker's, every sentence of it
            result.append([turn.speaker] * len(sentences))
            if turn.speaker is not None:
                state.spoke(turn.speaker)
                state.saw(turn.speaker)
            state.carry = None
            continue
        row: list[Entity | None] = []
        for position, sentence in enumerate(sentences):
            speaker = _sentence(sentence, language, entities, state, first=position == 0)
            row.append(speaker)
            state.previous = speaker if speaker is not None and speaker.kind == "person" else None
            if speaker is not None:
                state.spoke(speaker)
                if quoted_spans(sentence):
                    state.paragraph_speaker = speaker
        paragraph = " ".join(sentences)
        last = next((s for s in reversed(row) if s is not None), None)
        # A paragraph that only quotes continues the speaker who closed the paragraph before.
        state.carry = (
            last if last is not None and (leaves_quote_open(paragraph) or row[-1] is not None) else None
        )
        result.append(row)
    return result


def _sentence(
    sentence: str, language: str, entities: ArticleEntities, state: DiscourseState, *, first: bool
) -> Entity | None:
    text = sentence if language == "en" else to_simplified(sentence)
    if len(text) != len(sentence):
        text = sentence
    spans = quoted_spans(text)
    outside = blank_spans(text, spans)
    items = find_items(outside, language, entities, state)
    found = _speaker(text, outside, spans, items, language, entities, state, first=first)
    opening = _opening(outside, items, language)
    referent = None
    if opening is not None:  # resolved before this sentence's names count, so "他没有点名X" keeps 他 as 他
        referent = (
            found
            if found is not None and opening.kind.startswith("pronoun")
            else resolve_item(opening, state, entities)
        )
    for item in items:  # names count as mentioned only after the sentence's own speaker is settled
        if item.entity is not None:
            state.saw(item.entity)
    if (
        referent is not None
    ):  # the sentence's subject stays the most salient, ahead of names it mentions later
        state.saw(referent)
    return found


def _closing_frame(outside: str, verb: re.Match[str]) -> bool:
    """Whether the verb reports the whole sentence from its end: "…, the company said." / "…, Roussel added."."""
    if verb.group(0).lower() not in en.FRAME_VERBS:
        return False
    clause = outside[outside.rfind(",", 0, verb.start()) + 1 : verb.start()]
    if "," not in outside[: verb.start()] or len(clause.split()) > 6:
        return False
    tail = _FRAME_TAIL.sub("", outside[verb.end() :])
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


# What may follow a closing frame's verb: "…, Blackfern said in a filing on Monday."
_FRAME_TAIL = re.compile(
    # "…, Dunmore told reporters on a call.": whom it was told comes first
    r"^\s*(?:(?:reporters|analysts|investors|shareholders|lawmakers|legislators|clients|employees|staff|"
    r"regulators|journalists|the audience)\b\s*)?"
    r"(?:(?:in|on|at|during|after|to|late|early|last)\s+(?:an?\s+|the\s+|its\s+|his\s+|her\s+|their\s+)?"
    r"[\w-]+(?:\s+[\w-]+)?\s*){0,3}(?=[.\s\"”]*$)",
    re.I,
)


def _opening(outside: str, items: list[Item], language: str) -> Item | None:
    """The name or pronoun that opens the sentence (its subject), if any."""
    if not items:
        return None
    head = outside[: items[0].start]
    limit = (
        re.fullmatch(r"[\W\s]*(?:[A-Z]?[a-z]+,?\s+){0,4}", head)
        if language == "en"
        else (re.fullmatch(r"[\W\s]*[\u4e00-\u9fff]{0,4}[，,]?", head))
    )
    person = items[0].kind.startswith("pronoun") or (
        items[0].entity is not None and items[0].entity.kind == "person"
    )
    return items[0] if limit and person else None


def _speaker(
    text: str,
    outside: str,
    spans: list[tuple[int, int]],
    items: list[Item],
    language: str,
    entities: ArticleEntities,
    state: DiscourseState,
    *,
    first: bool,
) -> Entity | None:
    verbs = list(_EN_VERB.finditer(outside) if language == "en" else _ZH_VERB.finditer(outside))
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
            or (v.group(0).lower() == "asked" and re.match(r" not to be\b", outside[v.end() :]))
            # "the fund's members were told of it in a newsletter": who heard it, not who said it
            or (
                v.group(0).lower() in ("told", "asked")
                and re.search(r"\b(?:was|were|been|being|is|are|be)\s+$", outside[: v.start()])
            )
        )
    ]
    if language == "en":
        # "A physician, who asked not to be named because staff were told not to speak to reporters, said":
        # the reason for anonymity is no statement
        for hidden in EN_ANONYMOUS.finditer(outside):
            close = outside.find(",", hidden.end())
            verbs = [
                v for v in verbs if not hidden.start() <= v.start() < (close if close > 0 else hidden.end())
            ]
        # "Gideon Farrow, whose fund Lanthorn disclosed a bet against Talverin, said": the relative clause tells
        # who the speaker is; its verb is no statement when the sentence's own verb follows
        for relative in _EN_RELATIVE.finditer(outside):
            kept = [v for v in verbs if not relative.start() <= v.start() < relative.end()]
            if any(v.start() >= relative.end() for v in kept):
                verbs = kept
        # "Gannet Ridge Research, a short seller that disclosed a bet against the bank, does not buy that": what
        # an appositive says its head did once is no statement of this sentence
        for described in _EN_DESCRIBING.finditer(outside):
            if not described.group(0).endswith(",") and _EN_VERB.search(
                described.group(0).rstrip(". ")[-12:]
            ):
                continue  # "…, a person who has seen the board materials said.": the appositive is the frame
            verbs = [v for v in verbs if not described.start() <= v.start() < described.end()]
    refusal = _EN_REFUSAL.search(outside) if language == "en" else None
    if refusal is not None:  # the participle after a refusal gives its reason, not a statement
        verbs = [v for v in verbs if not (v.start() > refusal.end() and v.group(0).lower() == "saying")]
        # "A spokeswoman declined to say whether …": what was refused is not said
        verbs = [v for v in verbs if not refusal.start() <= v.start() < refusal.end()]
    if language == "en":
        verbs += _EN_PUT_AT.finditer(outside)  # "Qureshi put the lab's share at closer to 35%": an estimate
        verbs += _EN_OWN_ESTIMATE.finditer(outside)  # "She cut her price target to $41": the analyst's call
        verbs += _EN_RATING_ACTION.finditer(outside)  # "The agency placed its rating on review": its opinion
        if _EN_PERSON_OPENS.match(outside) or (
            items and items[0].start <= 2 and items[0].entity is not None and items[0].entity.kind == "person"
        ):
            # "She raised the full-year forecast to $5.2 billion": an officer's guidance, though the company's
            verbs += _EN_GUIDANCE.finditer(outside)
        verbs.sort(key=lambda v: v.start())
    if language == "en":
        # "…, ahead of what analysts had expected, the company said.": the closing frame reports the sentence.
        verbs.sort(key=lambda v: not _closing_frame(outside, v))
    if language == "en" and re.match(r"[\s\"“]*According to\b", outside):
        # "According to Ostrander Grid Research, utilities … have told regulators …": the cited firm's count
        cited = according(outside, items, language, state, entities)
        if cited is not None:
            return cited
    subject = subject_en if language == "en" else subject_zh
    for verb in verbs:
        found = subject(outside, verb, items, state, entities)
        if found is not None and found.kind == "unnamed" and language == "en":
            # "Analysts had expected $905 million, according to a survey by Harcourt Consensus": the survey's
            # author counts the analysts' expectation
            closing = re.search(r",\s+according to\b", outside[verb.end() :])
            cited = according(outside, items, language, state, entities) if closing else None
            if cited is not None and cited.kind != "unnamed":
                return cited
        if found is not None:
            return found
    participle = _EN_PARTICIPLE.search(outside) if language == "en" and refusal is None else None
    stance = _EN_STANCE.match(outside, items[0].end) if language == "en" and items else None
    if stance is not None and items[0].kind.startswith("pronoun") and not outside[: items[0].start].strip():
        # "…," he said. He wants operators to carry 75% of the cost.": the view of the person just quoted
        holder = resolve_item(items[0], state, entities, items)
        if holder is not None and holder is state.previous:
            return holder
    if participle is not None and items and items[0].start <= 2 and items[0].kind in ("name", "anaphora"):
        # "Moody's, which rates the debt A3, changed its outlook to negative, citing "execution risk"": the subject
        return resolve_item(items[0], state, entities, items)
    cited = according(outside, items, language, state, entities)
    if cited is not None:
        return cited
    filing = ZH_OWN_FILING.search(outside) if language != "en" else None
    if filing is not None:  # "招股书显示，…": the company's own filing speaks for it
        owners = [
            i.entity
            for i in items
            if i.end <= filing.end() and i.entity is not None and i.entity.kind == "organization"
        ]
        if owners:
            return owners[-1]
        # "根据招募说明书，该基金共募集……": the issuer the next clause opens with
        issuer = next(
            (
                i
                for i in items
                if i.start >= filing.end()
                and re.fullmatch(r"(?:的数据|的资料)?[，,]?", outside[filing.end() : i.start])
                and i.kind in ("name", "anaphora")
            ),
            None,
        )
        found = resolve_item(issuer, state, entities, items) if issuer is not None else None
        # "公司提供的数据显示": the article's company, not the research firm cited just before (with no organization
        # in the article there is none nearer either)
        return found or protagonist(entities)
    opening = _opening(outside, items, language)
    first_item = items[0] if items else None
    if (
        first_item is not None
        and first_item.kind == "document"
        and not outside[: first_item.start].strip()
        and (find_figures(text))
    ):  # "The survey covered 1,800 companies": its author's figure
        return resolve_item(first_item, state, entities, items)
    introduces = re.search(r"[：:]\s*$", outside[: spans[0][0]]) if spans else None
    if (
        opening is not None and introduces
    ):  # "但扎克伯格开出的药方……：“……”": the subject's words follow the colon
        return resolve_item(opening, state, entities)
    if spans and starts_with_quote(text):
        if state.paragraph_speaker is not None:
            return state.paragraph_speaker
        if state.previous is not None:  # "X对本刊表示，他们认购了部分股份。“我们买的是门票。”"
            return state.previous
        if first and state.carry is not None:
            return state.carry
    return None
