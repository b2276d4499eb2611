"""What a question asks: language, speakers (by name or role), figure units, years and search tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.asked_periods import asked_period, asked_years
from knowledge.asked_units import STOCK_MOVE, measures_of_parts, question_units
from knowledge.asks_quantity import QUANTITY
from knowledge.cantonese import to_written_chinese
from knowledge.figures import Figure, find_figures
from knowledge.glossary import Glossary
from knowledge.language import detect_language
from knowledge.lexical import entity_tokens
from knowledge.org_words import find_orgs, org_words
from knowledge.periods import halves, quarters, tenors
from knowledge.question_kind import question_kind
from knowledge.question_words import EN_SYNONYMS, THEME_WORDS, TITLE_TOKENS, question_concepts
from knowledge.scripts import fold
from knowledge.speakers import Speaker, SpeakerIndex
from knowledge.tokens import tokenize
from knowledge.transliteration import sound_index
from knowledge.unknown_names import unknown_names

# Organizations in a question are its topic unless the question asks what they say or estimate.
# "margin calls", "capital calls": things that are called, not someone calling something
SPEECH_CUE = re.compile(
    r"\b(?:say|said|says|per|according|estimate[sd]?|reckons?|think|thinks|expect(?:s|ed|ing)?|"
    r"forecasts?|predicts?|projected|warns?|warned|sees?|view|(?<!margin )(?<!capital )calls?|called|figures?|count|"
    r"respond(?:s|ed)?|repl(?:y|ied|ies)|react(?:s|ed)?|defend(?:s|ed)?)\b|['’]s (?:number|projection|take|call) (?:for|on)\b|回应|回應|反驳|反駁|"
    r"说|称|表示|认为|觉得|统计|估(?!值)|预计|预测|预期|看|指出|警告|根据|按照|(?<![数证占依])据|觉|提醒|宣布",
    re.I,
)
# "第三方统计的…", "per third-party data": a figure from someone outside the company named
THIRD_PARTY = re.compile(
    r"第三方|\bthird[- ]part(?:y|ies)\b|\bindependent (?:data|estimates?|research)\b", re.I
)


@dataclass
class QueryAnalysis:
    """Everything the searcher and the composer need to know about one question."""

    text: str
    language: str
    kind: str
    speakers: list[Speaker] = field(default_factory=list)
    named: list[Speaker] = field(default_factory=list)
    unquoted: list[Speaker] = field(default_factory=list)
    unknown_names: list[str] = field(default_factory=list)
    units: set[str] = field(default_factory=set)
    entities: list[Speaker] = field(default_factory=list)
    period: str | None = None
    measures: set[str] = field(default_factory=set)
    wants_figure: bool = False
    figures: list[Figure] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    quarters: set[int] = field(default_factory=set)
    halves: set[int] = field(default_factory=set)  # first or second half of a year, as asked
    tenors: set[str] = field(default_factory=set)  # "20-year" bonds, "five-year" loans: which one is asked
    tokens: list[str] = field(default_factory=list)
    expansions: list[str] = field(default_factory=list)
    concepts: list[tuple[str, ...]] = field(default_factory=list)
    topic: list[tuple[str, ...]] = field(default_factory=list)
    subjects: list[str] = field(
        default_factory=list
    )  # a name the question opens with, known only from the text


# A verb of saying with its subject before it, right before a name: "工会说 X…", "the union says X…".
_SAID_BEFORE = re.compile(
    r"[\w\u4e00-\u9fff]\s*(?:说|称|表示|认为|觉得|指出|怎么看|如何看待?)\s*$|\w\s+(?:says|said|thinks|believes|reckons|claims)(?: that)?\s+$"
)


# What follows an organization that owns the thing asked about, not its view: "园区的电网成本", "的营收".
_OWNS_THE_TOPIC = re.compile(
    r"[\u4e00-\u9fff]{0,3}的(?!说法|看法|估计|预计|测算|数字|统计|口径|预测|判断|意见|观点|回应|报告|研报)[\u4e00-\u9fff]"
)


# What follows an organization whose own plan is asked: "明年想把…", "打算花多少", "准备向…采购".
_PLANS_AFTER = re.compile(
    r"(?:明年|今年|下半年|下个?财年|这次|今次|今年底前)?(?:想把|想要|打算|计划|准备|希望把|目标是)"
)


# "per New Consumer Daily", "according to Lexcount": the source a question cites by name.
_CITED_SOURCE = re.compile(r"\b(?:per|according to)\s+((?:the\s+)?(?:[A-Z][\w&'’.-]*\s*){1,5})")


def _speech_cue(folded: str, named_at: set[int]) -> bool:
    """Whether the question asks what someone says: "per" counts only before a name ("per Adaeze Brennick"), not
    in a rate ("per clinician each month")."""
    return any(
        m.group(0) != "per" or any(m.end() < at <= m.end() + 2 for at in named_at)
        for m in SPEECH_CUE.finditer(folded)
    )


def analyze(text: str, *, speakers: SpeakerIndex, glossary: Glossary) -> QueryAnalysis:
    """Analyze a question for search and composition."""
    language = detect_language(text)
    if language != "en":
        text = to_written_chinese(text)  # "曜芯營收幾多": the patterns below read standard written Chinese
        # "伦威克说…": a name the library has only in Latin letters, written by sound
        known = [(m.start, m.end) for m in speakers.find_mentions(text)]
        text = sound_index(speakers).latin_for(text, known)
    mentions = speakers.find_mentions(text)
    named = list(dict.fromkeys([*(m.speaker for m in mentions), *speakers.fuzzy_mentions(text)]))
    by_role = [s for s in speakers.find_by_role(text) if s not in named]
    units = question_units(fold(text))
    figures = find_figures(text)
    quantity = bool(QUANTITY.search(fold(text)))
    # A figure named in the question is context ("26 GW … how much money?"), not the unit asked for.
    asked_units = units - {f.unit for f in figures} if quantity else set()
    if quantity and not asked_units:
        asked_units = units
    phrases = glossary.phrases(text) if language == "en" else glossary.english_for(text)
    expansions = [term for _, terms in phrases for term in terms]
    own = tokenize(text)
    tokens = own + [t for term in expansions for t in tokenize(term)]
    tokens += [t for token in own for t in EN_SYNONYMS.get(token, ())]
    concepts = question_concepts(own, phrases)
    # Organizations match across scripts and languages by a canonical token (輝達 = 英伟达 = Nvidia).
    orgs = find_orgs(text)
    spelled = {t for org in orgs for word in org_words(org) for t in tokenize(word)}
    entity = entity_tokens(text)
    tokens += entity
    concepts = [c for c in concepts if c[0] not in spelled] + [(t,) for t in entity]
    kind = question_kind(text, asked_units, quantity)
    if kind == "who":
        # "Who said … spend …?" asks for a person, not an amount.
        quantity, asked_units = False, set()
    else:
        # "Yingyi's lead investor think…": a fund the role names, never quoted itself, speaks through its people
        by_role = [
            p
            for s in by_role
            for p in ([s] if s.kind == "person" or s.quoted else speakers.people_at(s) or [s])
        ]
        by_role = [s for s in dict.fromkeys(by_role) if s not in named]
    # The topic is what is asked about the speaker: the question without the speaker's name or role.
    unnamed = text
    for mention in sorted(mentions, key=lambda m: -m.start):
        unnamed = unnamed[: mention.start] + " " + unnamed[mention.end :]
    named_words = {
        t
        for s in named + by_role
        for t in tokenize(" ".join((s.name, *s.aliases, s.role, *(" ".join(p) for p in s.positions))))
    }
    # The corpus's own theme ("bubble", "AI") is never off-topic for a quoted speaker.
    topic_words = set(tokenize(unnamed)) - named_words - THEME_WORDS
    if named or by_role:  # a title ("首席财务官", "chief executive") says who, never what about
        topic_words -= TITLE_TOKENS
    topic = [
        c
        for c in concepts
        if c[0] in topic_words and not (set(c) & TITLE_TOKENS if named or by_role else set())
    ]
    # "how did the stock react?" asks how the market moved, not what the company said
    cue = _speech_cue(fold(text), {m.start for m in mentions}) and not STOCK_MOVE.search(fold(text))
    # "曦岭明年想把电源收入做到多少？": what an organization plans is what it or its people say, not an analyst's guess
    folded_text = fold(text)
    planning = {
        m.speaker
        for m in mentions
        if m.speaker.kind == "organization" and _PLANS_AFTER.match(folded_text, m.end)
    }
    # An organization is who is asked about only when the question asks what it says; otherwise it is the topic.
    asked = [
        s
        for s in named + by_role
        if s.quoted and (s.kind == "person" or cue or kind in ("who", "stance") or s in planning)
    ]
    # "工會說 Brevardine 轉去做…的工程師": an organization named after someone else's verb of saying is the topic
    reported = {
        m.speaker
        for m in mentions
        if m.speaker.kind == "organization" and _SAID_BEFORE.search(fold(text[: m.start]))
    }
    # "翁德雷瓦园区的电网成本…？塞奇利…的说法": an organization owning the thing asked about is its topic
    owning = {
        m.speaker
        for m in mentions
        if m.speaker.kind == "organization" and _OWNS_THE_TOPIC.match(fold(text), m.end)
    }
    asked = [s for s in asked if s not in reported and s not in owning]
    if any(s.kind == "person" for s in asked):
        # "澜石云总裁觉得…", "what did Kelvin Wong say about Sulan's loans?": the person speaks, the company is the topic
        asked = [s for s in asked if s.kind == "person"]
    elif cue and any(s.kind == "person" and not s.quoted for s in named):
        # "What has Quenmore's chairman Anton Villiers said…?": the person asked about speaks, never quoted as he is,
        # not his company
        asked = []
    if THIRD_PARTY.search(text):
        # "第三方统计的灵瞰双11卖了多少": someone other than the company counts, the company is the topic
        asked = [s for s in asked if s.kind == "person"]
    cited = _CITED_SOURCE.search(text)
    if cited and not any(cited.start(1) <= m.start < cited.end(1) and m.speaker in asked for m in mentions):
        # "Jiguang's valuation, per New Consumer Daily": the source cited speaks, the company named is the topic
        asked = [s for s in asked if s.kind == "person"]
    elif len(asked) > 1:
        # "领械咨询觉得衡钧的订单…": of two organizations, the one the verb of saying follows speaks
        folded = fold(text)
        speaking = {
            m.speaker
            for m in mentions
            # "Fennimore's number for Tarrow": whose estimate it is; "pay Tallowin per clinician" is a rate, and
            # "per X" names its source after the word
            if (
                said_after := SPEECH_CUE.match(folded, m.end, m.end + 20)
                or SPEECH_CUE.match(folded[m.end :].lstrip())
            )
            and said_after.group(0) != "per"
        }
        asked = [s for s in asked if s in speaking] or asked
    # "what is the broker expecting for Peichen?": an organization after a preposition is what is asked about
    objects = {
        m.speaker
        for m in mentions
        if re.search(r"\b(?:for|about|on|of|in|at|into|from)\s+$", text[: m.start], re.I)
    }
    return QueryAnalysis(
        text=text,
        language=language,
        kind=kind,
        speakers=asked,
        named=named,
        entities=[s for s in named if s.kind == "organization" and s not in asked],
        # "Who said … about Meta?" asks for a person: the organization there is the topic, quoted or not.
        unquoted=[
            s
            for s in named
            if not s.quoted
            and (s.kind == "person" or ((cue or kind == "stance") and kind != "who" and s not in objects))
        ]
        + _unquoted_by_role(by_role, cue or kind == "stance"),
        period=asked_period(fold(text)),
        measures=measures_of_parts(unnamed, figures)
        if quantity
        else set(),  # "Corridor Loss Analytics" names no loss
        unknown_names=unknown_names(text, speakers, glossary),
        units=asked_units if quantity else set(),
        wants_figure=quantity,
        figures=figures,
        years=asked_years(text),
        quarters=quarters(text),
        halves=halves(text),
        tenors=tenors(text),
        tokens=tokens,
        expansions=expansions,
        concepts=concepts,
        topic=topic,
    )


def _unquoted_by_role(by_role: list[Speaker], asks_words: bool) -> list[Speaker]:
    """ "what did Voltcrest's founder say…?" when the founder is only mentioned: someone the articles never quote
    (asked for their words; a quoted holder of the role answers instead)."""
    if not asks_words or any(s.kind == "person" and s.quoted for s in by_role):
        return []
    return [s for s in by_role if s.kind == "person" and not s.quoted]
