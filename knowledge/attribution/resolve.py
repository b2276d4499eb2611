"""Who speaks in each sentence: the subject of its speech verb, a source it cites, or the quote it continues."""

from __future__ import annotations

import re
from typing import cast

from knowledge.attribution import lexicon_en as en
from knowledge.attribution import lexicon_zh as zh
from knowledge.attribution.discourse import (
    DiscourseState,
    Item,
    current_org,
    find_items,
    resolve_item,
    subject_org,
)
from knowledge.attribution.entities import ArticleEntities, Entity
from knowledge.attribution.quotes import blank_spans, leaves_quote_open, quoted_spans, starts_with_quote
from knowledge.attribution.unnamed import EN_ANONYMOUS, EN_GROUP, unnamed_en, unnamed_zh
from knowledge.figures import find_figures
from knowledge.scripts import to_simplified

_EN_VERB = re.compile(
    r"\b(?:" + "|".join(re.escape(v) for v in sorted(set(en.SPEECH_VERBS), key=len, reverse=True)) + r")\b",
    re.I,
)
_ZH_VERB = re.compile(
    "(?<![法据小游劝被名简俗堪职昵])(?:"
    + "|".join(sorted(zh.SPEECH_VERBS, key=len, reverse=True))
    + ")(?![会服法师之的书])(?!(?<=[说称表])明)(?!(?<=分析)员)"
)
_EN_ADVERBS = r"(?:(?:" + "|".join(en.ADVERBS) + r"|[a-z]+ly)\s+)*"
_EN_GAPS = (
    re.compile(rf"^\s*{_EN_ADVERBS}$"),
    re.compile(rf"^\s*,\s*{_EN_ADVERBS}$"),
    re.compile(rf"^\s*,[^,;\"“”]{{1,140}},\s*{_EN_ADVERBS}$"),
    re.compile(
        rf"^\s+(?:published|released|issued|put out|sent)\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){{0,3}}"
        rf"(?:{'|'.join(en.REPORT_NOUNS)})\s+(?:that\s+)?$"
    ),
    re.compile(
        rf"^(?:'s|’s)?\s+(?:analysts?|strategists?|economists?|researchers?|authors?|staff|team|"
        rf"officials?|executives?)\s+{_EN_ADVERBS}$"
    ),
)
_EN_PUT_AT = re.compile(
    r"\b(?:puts|put|pegs|pegged|peg|valued|values)(?=\s+(?:(?:the|its|his|her|their|that|this)\s+)?[\w'’ -]{1,80}?"
    r"(?:\s+(?:higher|lower),)?\s+(?:at|closer to|nearer to|near)\s+"
    r"(?:about |around |closer to |roughly |nearly |just |between )?(?:[A-Z]{1,2})?[$€¥£\d])"
)
# "the average analyst forecast", "consensus estimate": the verb's word used as a noun.
_EN_NOUN_COMPOUND = re.compile(r"\b(?:average|consensus|mean|median|analyst|street)\s+$", re.I)
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
_EN_PASSIVE = re.compile(r"\b(?:its|the|a|an|is|was|are|were|be|been|being|their|his|her|our)\s+$", re.I)
_EN_OWN_DOCUMENT = re.compile(
    r"\s*(?:(?:its|their|the (?:company|firm|bank|group|fund|lender|utility|start-up|startup|maker|insurer)(?:'s|’s))\s+"
    r"(?:[\w-]+\s+){0,2}?(?:prospectus|filings?|presentations?|statements?|reports?|results|guidance|disclosures?|"
    r"releases?|accounts|figures|data|letters?)\b"
    # "according to a filing with the stock exchange": a filing or letter no author is named for is the company's
    r"|an?\s+(?:[\w-]+\s+){0,2}?(?:prospectus|filing|presentation|statement|letter)\b(?!\s+(?:by|from)\b))",
    re.I,
)
_EN_ACCORDING = re.compile(
    r"\b(?:according to|by (?=\S+(?:'s|’s) count)|"
    # "Under a proposal circulated by Pembury, lenders would …": the terms are the proposer's
    r"(?:under|in) (?:a|the|its|their) (?:[\w-]+ )?(?:proposal|plan|offer|term sheet) (?:circulated|put forward|"
    r"made|drafted|sent|tabled|presented|floated) by )",
    re.I,
)
# "By her count, only $60 million…": the estimate is the person the pronoun stands for.
_EN_BY_PRONOUN = re.compile(
    r"\b(?:by|in) (?P<pronoun>his|her|their) (?:own )?(?:count|estimates?|reckoning|calculations?|tally|math|maths|"
    r"view|telling)\b",
    re.I,
)
_ZH_GAP_WEAK = re.compile(
    r"^(?:"
    + "|".join(sorted(zh.GAP_WORDS, key=len, reverse=True))
    + r"|在[^，。；：]{0,16}?(?:上|中|时|里|后)|上周|本周|上月|近期|(?:发布|发表|公布)的?(?:一份|最新)?[^，。；：]{0,8}?"
    r"(?:报告|研报|研究|文件|论文|数据)|" + zh.DATE_GAP + r"|本月|上月|今年|日前|近日|"
    r"的|最新|[（(][^）)]{0,40}[）)]|[）)]|证券|分析师|分析员|研究员|团队|新闻发言人|发言人|顾问|专家|经济学家|策略师|"
    + "|".join(zh.REPORT_NOUNS)
    + r")*$"
)
_ZH_OWN_FILING = re.compile(
    # "视岚科技昨日晚间发布第三季度财报，公司当季营收18.6亿元": the results it published speak for it
    r"(?:^|[，。；])[^，。；]{0,40}?(?:发布|公布|交出)了?[^，。；]{0,12}?(?:财报|业绩|年报|季报|半年报|业绩报告)[，,]|"
    r"(?:^|[，。；])[^，。；]{0,40}?(?:招股书|招股说明书|招募说明书|募集说明书|发行说明书|财报|年报|季报|半年报|公告|财务报表|预案|方案|材料|资料|经营数据|业绩数据|财务数据|运营数据|(?:发布|公布|披露)的[^，。；]{0,6}?数据|业绩报告|(?:[一二三四]季度|第[一二三四]季度|年度|半年度|中期|季度)报告)(?:数据)?(?:同时|也|还|亦|则|进一步)?(?:显示|披露)|"
    r"(?:^|[，。；])(?:根据|据|按照)(?:公司)?(?:法说会|业绩说明会|说明会|发布会|股东大会|投资者大会|电话会议?)(?:上的)?(?:简报|资料|材料|数据)?[，,]|"
    r"(?:^|[，。；])(?:根据|据|按照)(?:公司|该公司)[^，。；]{0,8}?(?:披露|发布|公布|提供)?的?"
    r"(?:招股书|财报|年报|公告|预案|方案|计划|财务资料|财务数据)|"
    # "根据招募说明书，该基金……": an offering document with no author named is the issuer's own
    r"(?:^|[，。；])(?:根据|据|按照)(?:其|该基金|该公司|公司)?(?:最新)?(?:招股书|招股说明书|招募说明书|募集说明书|"
    r"发行说明书|年报|财报|季报|半年报)[，,]"
)
_ZH_PUNCT = re.compile(r"[，。；：,;:！？!?]")
# "王怡婷将目标价下调至265元，并预估……": a clause opened by a conjunction keeps the subject of the clause before.
_ZH_SHARED_SUBJECT = re.compile(r"(?:并且?|同时|也|还|另外|此外|进一步|随后|接着)?")
_ZH_CITED = re.compile(
    r"[^，。；：]{0,10}?(?:" + "|".join(zh.REPORT_NOUNS) + "|" + "|".join(zh.SPEECH_VERBS) + ")"
)


_EN_FINITE = re.compile(
    r"\s+(?:had|has|have|was|were|is|are|would|will|could|should|might|may|did|does|do|planned|plans|"
    r"expected|expects|wanted|wants|needed|needs|agreed|sought|tried)\b"
)


def _person_of(item: Item, items: list[Item], outside: str) -> Item:
    """The person an organization item qualifies: "Marcus Oyelaran of Dunmore Hale thinks" is Oyelaran speaking."""
    if item.entity is None or item.entity.kind != "organization":
        return item
    before = [i for i in items if i.end <= item.start and i.entity is not None and i.entity.kind == "person"]
    gap = outside[before[-1].end : item.start] if before else ""
    # "Tomasz Wielgosz, chief information officer of Westbury Mutual": the person, whose title names the employer
    titled = re.fullmatch(r",\s+(?:an?\s+|the\s+)?(?:[\w’'-]+\s+){1,5}(?:of|at|for|with)\s+(?:the\s+)?", gap)
    if before and (re.fullmatch(r"\s+(?:of|at|from)\s+(?:the\s+)?", gap) or titled):
        return before[-1]
    return item


def _opens(outside: str, item: Item) -> bool:
    """Whether a name opens its sentence ("The Accounting Council, which …, said" too)."""
    return re.fullmatch(r"[\s\"“]*(?:The\s+)?", outside[: item.start]) is not None


def _subject_en(
    outside: str, verb: re.Match[str], items: list[Item], state: DiscourseState, entities: ArticleEntities
) -> Entity | None:
    word = verb.group(0).lower()
    weak = word in en.WEAK_VERBS
    # "He expects most orders to ship in 2028": a person's expectation, figure or not
    personal = re.fullmatch(r"[\s\"“]*(?:He|She)\s+(?:also\s+|still\s+|now\s+)?", outside[: verb.start()])
    if weak and (_EN_PASSIVE.search(outside[: verb.start()]) or not (find_figures(outside) or personal)):
        return None  # "Kestrel reported a loss": a weak verb reports something only with a figure
    if weak and _EN_NOUN_COMPOUND.search(outside[: verb.start()]):
        return None  # "the profit beat the average analyst forecast": a noun, not someone forecasting
    candidates = sorted((i for i in items if i.end <= verb.start()), key=lambda i: -i.end)[:3]
    # "An investor in Kestrel, who asked not to be named, said": a source kept unnamed, not the company after "in"
    anonymous = EN_ANONYMOUS.search(outside[: verb.start()]) is not None
    # "The 14-page letter, sent to the firm's partners, argues": skip what is inside
    for parts in () if anonymous else ("{1}", "{2}"):
        appositive = re.search(rf"(?:,[^,;\"“”]{{1,140}}){parts},\s*$", outside[: verb.start()])
        if appositive is None or (parts == "{1}" and re.match(r",\s*(?:which|that)\b", appositive.group(0))):
            continue
        head = sorted((i for i in items if i.end <= appositive.start()), key=lambda i: -i.end)
        if head and re.fullmatch(r"\s*", outside[head[0].end : appositive.start()]):
            return resolve_item(_person_of(head[0], items, outside), state, entities, items)
    opener = items[0] if items and not anonymous else None
    if (
        opener is not None
        and opener.kind == "name"
        and _opens(outside, opener)
        and re.fullmatch(
            rf"\s*,\s*(?:which|that)\b[^;\"“”]{{1,140}},\s*{_EN_ADVERBS}", outside[opener.end : verb.start()]
        )
    ):
        # "Arvelle Ratings, which rates Oberlind A-minus, said": the opener speaks, not the company in its clause
        return resolve_item(opener, state, entities, items, outside)
    for item in [] if anonymous else candidates:
        gap = outside[item.end : verb.start()]
        if re.match(r"\s*,\s*(?:which|that)\b", gap):
            if item is items[0] and _opens(outside, item):
                # "Kelvara, which makes coolant units …, said its backlog reached $1.1 billion": the opener speaks
                return resolve_item(item, state, entities, items, outside)
            continue  # "Julian Park, a partner at Quarry Lane, which has backed …, said": the clause is about Quarry Lane
        # "He expects distributions to cover about 60%": a pronoun opening the sentence is its subject too
        # "The firm expects vacancy to peak at 35%": an anaphor opening the sentence is its subject as well
        opening_pronoun = (item.kind.startswith("pronoun") or item.kind == "anaphora") and not outside[
            : item.start
        ].strip(' "“')
        if weak and item.kind not in ("name", "document") and not opening_pronoun:
            break
        if any(g.match(gap) for g in _EN_GAPS):
            return resolve_item(_person_of(item, items, outside), state, entities, items, outside)
        break
    # "…, said X" inverts; "A person familiar with the talks said X had offered…": X is what was said
    inverted = not EN_GROUP.search(re.split(r"[,;:]", outside[: verb.start()])[-1]) and not anonymous
    if word in en.INVERTING_VERBS and inverted:
        for item in items:
            if not verb.end() <= item.start <= verb.end() + 2:
                continue
            if _EN_FINITE.match(outside, item.end):
                break  # "…, said Halverton had sounded out buyers": the name is what was said, not who said it
            if not re.match(r"(?:'s|’s)", outside[item.end :]):
                return resolve_item(item, state, entities, items)
            # "said Kestrel's founder, Adrian Voss": the person the possessive title introduces
            person = next(
                (
                    i
                    for i in items
                    if item.end < i.start <= item.end + 60
                    and i.entity is not None
                    and i.entity.kind == "person"
                    and re.fullmatch(r"(?:'s|’s)\s+[\w\s-]{1,40},\s*", outside[item.end : i.start])
                ),
                None,
            )
            if person is not None:
                return resolve_item(person, state, entities, items)
    before = re.sub(
        r",[^,;]{1,140},\s*$", "", outside[: verb.start()]
    )  # drop an appositive: "X, who …, said"
    clause = re.split(r"[,;:\"“”()]", before)[-1]
    if EN_ANONYMOUS.search(outside[: verb.start()]):
        # "A chip designer at one of its customers, who asked not to be named, said": a source kept unnamed
        return unnamed_en(clause, entities, anonymous=True)
    if not weak or EN_GROUP.search(clause):
        return unnamed_en(clause, entities)
    return None


def _subject_zh(
    outside: str, verb: re.Match[str], items: list[Item], state: DiscourseState, entities: ArticleEntities
) -> Entity | None:
    if any(n in outside[max(0, verb.start() - 5) : verb.start()] for n in zh.NEGATIONS):
        return None
    weak = verb.group(0) in zh.WEAK_VERBS
    clause_start = max((m.end() for m in _ZH_PUNCT.finditer(outside, 0, verb.start())), default=0)
    clause = outside[clause_start : verb.start()]
    if re.search("并非|不是|并不", clause):
        return None
    unnamed = unnamed_zh(clause, entities)
    inside = [i for i in items if clause_start <= i.start and i.end <= verb.start()]
    if not inside and _ZH_SHARED_SUBJECT.fullmatch(clause.strip()) and clause_start > 0:
        # "两天后，澜石云跟进，宣布……": the verb shares the subject that opened the clause before it
        before = _ZH_PUNCT.split(outside[: clause_start - 1])[-1]
        start = clause_start - 1 - len(before)
        opener = [i for i in items if start <= i.start and i.end <= clause_start - 1]
        if opener and re.fullmatch(r"[^，。；：]{0,6}", outside[start : opener[0].start]):
            return resolve_item(opener[0], state, entities, items)
    inside = [
        i
        for i in inside
        if outside[i.start - 1 : i.start] not in ("对", "向", "与", "跟", "给", "把", "将", "让")
    ]
    # "艾德蒙证券则在最新报告中，将嵘泰目标价调升至610元": what follows 将 is the object; the sentence's opener acts
    object_first = not inside and re.match("[将把]", clause.strip()) is not None
    if (
        object_first
        and items
        and items[0].end <= clause_start
        and re.fullmatch(r"[^，。；：]{0,4}", outside[: items[0].start])
    ):
        return resolve_item(items[0], state, entities, items)
    if not inside:
        # "……的迈克尔·伯里，最近也将AI繁荣比作……": a subject that closes the clause before, then an adverb
        before = [i for i in items if i.end == clause_start - 1]
        adverb = re.match("(?:" + "|".join(zh.GAP_WORDS) + "|最近|近日|日前|此前)", clause.strip())
        if before and adverb and before[0].entity is not None and before[0].entity.kind == "person":
            return cast(Entity | None, before[0].entity)
        return unnamed
    if len(inside) > 1 and any(
        re.match(r"(?:[（(][^）)]*[）)])?、", outside[i.end : verb.start()]) for i in inside[:-1]
    ):
        # several subjects at once ("亚马逊、谷歌和Meta宣布"), not two titles of one ("创始人、首席执行官贺铭川")
        return unnamed
    nearest = inside[-1]
    gap = outside[nearest.end : verb.start()]
    if unnamed is not None and any(m in gap for m in (*zh.UNNAMED_MARKERS, *zh.GROUP_NOUNS)):
        return unnamed  # "据接近禾跃的人士透露": the people close to it speak, not 禾跃
    # "孙正义6月在东京举行的软银股东大会上表示": the person who opens the clause speaks, not a name inside it.
    people = [
        i
        for i in inside
        if i.kind.startswith("pronoun") or (i.entity is not None and i.entity.kind == "person")
    ]
    if people and people[0] is not nearest and len(outside[people[0].end : verb.start()]) <= 30:
        return resolve_item(people[0], state, entities, items)
    if len(gap) > 24 or (weak and not _ZH_GAP_WEAK.match(gap.strip())):
        return unnamed
    return resolve_item(nearest, state, entities, items)


def _according(
    outside: str, items: list[Item], language: str, state: DiscourseState, entities: ArticleEntities
) -> Entity | None:
    by_pronoun = _EN_BY_PRONOUN.search(outside) if language == "en" else None
    if by_pronoun is not None:
        word = {"his": "he", "her": "she", "their": "they"}[by_pronoun.group("pronoun").lower()]
        pronoun = Item(by_pronoun.start("pronoun"), by_pronoun.end("pronoun"), None, "pronoun:" + word)
        return resolve_item(pronoun, state, entities, items)
    markers = (
        _EN_ACCORDING.finditer(outside) if language == "en" else re.finditer("根据|据|按照|援引", outside)
    )
    for marker in markers:
        if language == "en" and _EN_OWN_DOCUMENT.match(outside, marker.end()):
            # "…, according to its prospectus": the organization the sentence is about, or the article's.
            named = [
                i.entity
                for i in items
                if i.end <= marker.start() and i.entity is not None and i.entity.kind == "organization"
            ]
            # "Kestrel, a fund that …, has built …, according to its letter": the organization the sentence opens with
            opener = subject_org(items, outside)
            return opener or (named[-1] if named else current_org(state, entities))
        for item in items:
            if not marker.end() <= item.start <= marker.end() + 30 or item.kind not in (
                "name",
                "document",
                "anaphora",
            ):
                continue
            if item.kind == "anaphora" and any(
                i.kind == "name" and i.start > item.end and not outside[item.end : i.start].strip()
                for i in items
            ):
                continue  # "according to the research firm Statecraft Capital Monitor": the name it introduces
            # "据报道 OpenAI …" is "reportedly": the source must be the one whose report or estimate is cited.
            cited = _ZH_CITED.match(outside[item.end : item.end + 16]) if language != "en" else None
            if cited is not None and any(g in cited.group(0) for g in zh.GROUP_NOUNS):
                return unnamed_zh(outside[marker.start() : item.end + cited.end()], entities)
            if language == "en" or cited is not None:
                return resolve_item(item, state, entities, items)
        if language == "en":  # "according to one of the people": an unnamed source
            after = re.match(r"[\w\s'’-]{0,60}", outside[marker.end() :])
            if after and EN_GROUP.search(after.group(0)):
                return unnamed_en(after.group(0), entities)
    return None


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
    return (
        "," in outside[: verb.start()]
        and len(clause.split()) <= 6
        and not _FRAME_TAIL.sub("", outside[verb.end() :]).strip(' ."”')
    )


# What may follow a closing frame's verb: "…, Blackfern said in a filing on Monday."
_FRAME_TAIL = re.compile(
    r"^\s*(?:(?:in|on|at|during|after|to|late|early|last)\s+(?:an?\s+|the\s+|its\s+|his\s+|her\s+|their\s+)?"
    r"[\w-]+(?:\s+[\w-]+)?\s*){1,3}(?=[.\s\"”]*$)",
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
        if not (v.group(0).lower().startswith("agree") and outside.startswith(" to ", v.end()))
    ]
    refusal = _EN_REFUSAL.search(outside) if language == "en" else None
    if refusal is not None:  # the participle after a refusal gives its reason, not a statement
        verbs = [v for v in verbs if not (v.start() > refusal.end() and v.group(0).lower() == "saying")]
    if language == "en":
        verbs += _EN_PUT_AT.finditer(outside)  # "Qureshi put the lab's share at closer to 35%": an estimate
        verbs += _EN_OWN_ESTIMATE.finditer(outside)  # "She cut her price target to $41": the analyst's call
        verbs.sort(key=lambda v: v.start())
    if language == "en":
        # "…, ahead of what analysts had expected, the company said.": the closing frame reports the sentence.
        verbs.sort(key=lambda v: not _closing_frame(outside, v))
    subject = _subject_en if language == "en" else _subject_zh
    for verb in verbs:
        found = subject(outside, verb, items, state, entities)
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
    cited = _according(outside, items, language, state, entities)
    if cited is not None:
        return cited
    filing = _ZH_OWN_FILING.search(outside) if language != "en" else None
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
        return found or current_org(state, entities, noun="company")
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
