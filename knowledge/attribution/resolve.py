"""Who speaks in each sentence: the subject of its speech verb, a source it cites, or the quote it continues."""

from __future__ import annotations

import re
from itertools import pairwise

from knowledge.attribution import lexicon_en as en
from knowledge.attribution import lexicon_zh as zh
from knowledge.attribution.citing import ZH_OWN_FILING, according
from knowledge.attribution.discourse import DiscourseState, Item, find_items, resolve_item
from knowledge.attribution.entities import ArticleEntities, Entity
from knowledge.attribution.org_in_play import protagonist
from knowledge.attribution.patterns_en import TITLE
from knowledge.attribution.quotes import (
    blank_spans,
    leaves_quote_open,
    quoted_spans,
    speech_spans,
    starts_with_quote,
)
from knowledge.attribution.subject_en import subject_en
from knowledge.attribution.subject_zh import subject_zh
from knowledge.attribution.transcript import transcript_turn
from knowledge.attribution.verbs_en import EN_GUIDANCE, EN_REFUSAL, english_verbs
from knowledge.figures import find_figures
from knowledge.scripts import to_simplified

_ZH_VERB = re.compile(
    # "据称" is hearsay and "数据显示" data no one is named for, but "鸣镝投诉的数据显示" is the platform's and
    # "岑纬通信发布经营数据称" the company's
    "(?<![法小游劝被名简俗堪职昵])(?<!(?<![的营])数据)(?<!(?<!数)据)(?<![（(]下)(?<!以下)(?:"
    + "|".join(sorted(zh.SPEECH_VERBS, key=len, reverse=True))
    + ")(?![会服法师之的书后以])(?!(?<=[说称表])明)(?!(?<=分析)员)"
    # "监测机构", "调查公司": a firm named by what it does; but "表示公司业务正常" is what was said of the company
    + "(?!(?<!表示)(?<!认为)(?<!透露)(?<!指出)(?<!强调)(?<!宣布)(?<!坦言)(?<!承认)(?<![说称指])(?:机构|公司|平台|部门))"
)
_KEPT_UNNAMED = re.compile(
    r"\b(?:familiar with|close to|briefed on|knowledge of|who (?:asked|declined|spoke))\b"
)
_NOTICE_NOUN = re.compile(r"公告(?:披露|显示|中|后|的|所|称)")
# A participle that reports what the sentence's subject said: ", citing …", ", saying …".
_EN_PARTICIPLE = re.compile(r",\s+(?:citing|saying|adding|arguing|noting|warning that)\b")
# "He wants operators to carry 75% of the cost": a stance that, opened by a pronoun, is the person just quoted.
_EN_STANCE = re.compile(r"\s+(?:" + "|".join(sorted(en.STANCE_VERBS, key=len, reverse=True)) + r")\b", re.I)


def attribute_sentences(
    paragraphs: list[list[str]], language: str, entities: ArticleEntities
) -> list[list[Entity | None]]:
    """The entity speaking in every sentence (None for the article's own reporting)."""
    state = DiscourseState()
    result: list[list[Entity | None]] = []
    interviewee: Entity | None = None
    for number, sentences in enumerate(paragraphs):
        state.paragraph_speaker = None
        state.previous = None
        state.paragraph = number
        turn = transcript_turn(sentences, entities)
        if turn is not None:
            # "Okonjo: They're pricing us…": an interview's turn is the labelled speaker's, every sentence of it;
            # "答：…" is the person the interview is with, the one named last before the questions began
            interviewee = interviewee or next((e for e in state.mentioned if e.kind == "person"), None)
            speaker = interviewee if turn.answer else turn.speaker
            result.append([speaker] * len(sentences))
            if speaker is not None:
                state.spoke(speaker)
                state.saw(speaker)
            state.carry = None
            continue
        row: list[Entity | None] = []
        for position, sentence in enumerate(sentences):
            speaker = _sentence(sentence, language, entities, state, first=position == 0)
            row.append(speaker)
            state.previous = speaker if speaker is not None and speaker.kind == "person" else None
            if speaker is not None:
                state.spoke(speaker)
                if language == "en":
                    state.wrote(sentence, speaker)
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
    spans = speech_spans(text)
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
    described = _described_head(outside, items) if language != "en" else None
    for item in items:  # names count as mentioned only after the sentence's own speaker is settled
        if item.entity is not None:
            state.saw(item.entity)
    if described is not None:
        # "為凱德維克分銷晶片的分銷商銓澔科技昨日起招股": the company the 的-clause describes is named first in effect
        modifier, head = described
        modifier.order, head.order = head.order, modifier.order
    if (
        referent is not None
    ):  # the sentence's subject stays the most salient, ahead of names it mentions later
        state.saw(referent)
    return found


def _described_head(outside: str, items: list[Item]) -> tuple[Entity, Entity] | None:
    """Two organizations first named in one clause, the first inside a 的-clause describing the second."""
    named = [(i, i.entity) for i in items if i.entity is not None and i.entity.kind == "organization"]
    for (before, modifier), (after, head) in pairwise(named):
        between = outside[before.end : after.start]
        if (
            modifier is not head
            and not modifier.order
            and not head.order
            and "的" in between
            and not re.search(r"[，。；：,;:]", between)
        ):
            return modifier, head
    return None


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
    if language == "en":
        verbs = english_verbs(outside)
        refusal = EN_REFUSAL.search(outside)
    else:
        # "回复公告披露后的首个交易日": 公告 there is the notice, and what follows it tells when
        verbs = [v for v in _ZH_VERB.finditer(outside) if not _NOTICE_NOUN.match(outside, v.start())]
        refusal = None
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
        elif found is not None and language == "en" and verb.group(0).lower() in en.WEAK_VERBS:
            # "Corvane now expects to draw about 350 megawatts by 2028, according to the filing": an expectation
            # the article has from a source it cites, who tells it
            closing = re.search(r",\s+according to\b", outside[verb.end() :])
            cited = according(outside, items, language, state, entities) if closing else None
            # an unnamed source only when the sentence keeps a person unnamed ("a person familiar with its plans"),
            # not an audience ("according to a presentation to investors")
            if cited is not None and (cited.kind != "unnamed" or _KEPT_UNNAMED.search(cited.name)):
                return cited
        # "Harlow also raised its full-year forecast": a company's guidance is the article's narration
        if found is not None and (found.kind == "person" or verb.re is not EN_GUIDANCE):
            return found
    participle = _EN_PARTICIPLE.search(outside) if language == "en" and refusal is None else None
    stance = _EN_STANCE.match(outside, items[0].end) if language == "en" and items else None
    if stance is not None and items[0].kind.startswith("pronoun") and not outside[: items[0].start].strip():
        # "…," he said. He wants operators to carry 75% of the cost.": the view of the person just quoted
        holder = resolve_item(items[0], state, entities, items)
        if holder is not None and holder is state.previous:
            return holder
    # "Chief financial officer Benedek Harrower made the same case …, saying …": a title before the subject's name
    titled_subject = (
        bool(items) and re.fullmatch(rf"[\s\"“]*{TITLE}\s+", outside[: items[0].start]) is not None
    )
    if (
        participle is not None
        and items
        and (items[0].start <= 2 or titled_subject)
        and items[0].kind in ("name", "anaphora")
    ):
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
        # "该公司的招股书显示，钰衡是其主要载板供应商之一": the company the anaphor means, not the supplier after it
        # ("公司提供的数据显示" with no 该 is the article's company, below)
        own = [
            i
            for i in items
            if i.end <= filing.end() and i.kind == "anaphora" and re.match("[该这]", outside[i.start : i.end])
        ]
        owner = resolve_item(own[-1], state, entities, items) if own else None
        if owner is not None and owner.kind == "organization":
            return owner
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
        # "回复公告披露后的首个交易日，股价跌停": the document only dates what follows
        and not re.match(r"[^，。,]{0,4}?(?:后|之后|以后|当天|当日)", outside[first_item.end :])
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
