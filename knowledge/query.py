"""What a question asks: language, speakers (by name or role), figure units, years and search tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.asked_units import QUANTITY, STOCK_MOVE, measures_of_parts, question_units
from knowledge.cantonese import to_written_chinese
from knowledge.figures import Figure, find_figures
from knowledge.glossary import Glossary
from knowledge.language import detect_language
from knowledge.lexical import entity_tokens
from knowledge.org_words import find_orgs, org_words
from knowledge.periods import halves, quarters, several_quarters, tenors
from knowledge.scripts import fold
from knowledge.speakers import TITLE_WORDS, Speaker, SpeakerIndex
from knowledge.tokens import stem, tokenize
from knowledge.transliteration import sound_index

# Organizations in a question are its topic unless the question asks what they say or estimate.
# "margin calls", "capital calls": things that are called, not someone calling something
SPEECH_CUE = re.compile(
    r"\b(?:say|said|says|per|according|estimate[sd]?|reckons?|think|thinks|expect(?:s|ed|ing)?|"
    r"forecasts?|predicts?|projected|warns?|warned|sees?|view|(?<!margin )(?<!capital )calls?|called|figures?|count|"
    r"respond(?:s|ed)?|repl(?:y|ied|ies)|react(?:s|ed)?|defend(?:s|ed)?)\b|['’]s (?:number|projection|take|call) (?:for|on)\b|回应|回應|反驳|反駁|"
    r"说|称|表示|认为|觉得|统计|估(?!值)|预计|预测|预期|看|指出|警告|根据|按照|(?<![数证占依])据|觉|提醒|宣布",
    re.I,
)
_QUARTER = re.compile(r"\bq[1-4]\b|quarter|季度|单季|第[一二三四1-4]季|上季|本季", re.I)
_YEARLY = re.compile(
    # "up from 44% a year earlier", "一年前是多少": a comparison with a year before, not a yearly figure
    r"this year|per year|a year(?! (?:ago|earlier|before))|each year|annual|full[- ]year|"
    r"(?:whole|entire|fiscal|financial) year|今年|全年|每年|年度|一年(?!前|之前|以前)",
    re.I,
)
_WHO = re.compile(
    r"^\s*(?:and\s+)?who\b|\bwho (?:said|asked|warned|compared|called|claimed|told|thinks?|believes?|"
    r"argued|predicted|described|questioned|talked|responded|replied)|"
    r"\bwhich (?:[a-z-]+\s){0,3}(?:said|says|warned|argued|compared|told|asked|called|replied)\b|"
    # "谁的毛利率比较高" compares two companies' figures: it does not ask who said something
    r"谁(?!的[^，。？?]{0,8}(?:比较|更|最)(?:高|低|大|小|多|少|快|慢|好))|哪位|哪个人|何人",
    re.I,
)
_STANCE = re.compile(
    r"\bbubble\b.{0,20}\?|\b(?:think|thinks|believe|believes|consider|considers|view|see|sees)\b.{0,40}"
    r"bubble|是泡沫|泡沫吗|泡沫\s*[?？]|认为.{0,12}泡沫|看待.{0,12}泡沫|(?:怎么|如何|怎样)看.{0,12}泡沫|"
    r"^(?:does|do|did|is|was)\b.{0,40}\b(?:think|believe|consider|feel|agree)|"
    r"(?:认为|觉得|相信|同意).{0,24}(?<!什)[吗么]\s*[?？]?\s*$",
    re.I,
)
_COMPARE = re.compile(r"compar|versus|\bvs\.?\b|\bthan\b|相比|比较|对比|相当于|比作|类比", re.I)
THEME_WORDS = frozenset(
    stem(word)
    for word in {
        "bubble",
        "泡沫",
        "ai",
        "artificial",
        "intelligence",
        "人工智能",
        "think",
        "view",
        "opinion",
        "stance",
        "believe",
        "feel",
        "boom",
        "hype",
        "热潮",
        "繁荣",
        "看法",
        "观点",
        "态度",
    }
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_CAPITALIZED_NAME = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+(?:-[a-z]+)?)+)\b")  # "Chang Ya-chi"
_ZH_SUBJECT = re.compile(r"^([\u3400-\u9fff]{2,4}?)(?:怎么看|如何看|认为|觉得|说过|表示|对于|对)")
# "第三方统计的…", "per third-party data": a figure from someone outside the company named
THIRD_PARTY = re.compile(
    r"第三方|\bthird[- ]part(?:y|ies)\b|\bindependent (?:data|estimates?|research)\b", re.I
)
_ZH_FOREIGN_NAME = re.compile(r"[\u3400-\u9fff]{1,6}·[\u3400-\u9fff]{1,8}")


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


def _title_tokens() -> frozenset[str]:
    """The words of titles ("chief", "officer", "首席"); the middle of "chief risk officer" is also a topic."""
    found: set[str] = set()
    for words in TITLE_WORDS.values():
        for written in words:
            tokens = tokenize(written)
            found |= {tokens[0], tokens[-1]} if len(tokens) > 2 else set(tokens)
    return frozenset(found)


_TITLE_TOKENS = _title_tokens()


def _question_kind(text: str, units: set[str], wants_figure: bool) -> str:
    text = fold(text)
    if _WHO.search(text):
        return "who"
    if wants_figure:
        return "how_much"
    if _STANCE.search(text):
        return "stance"
    if _COMPARE.search(text):
        return "comparison"
    return "what"


def _unknown_names(text: str, speakers: SpeakerIndex, glossary: Glossary) -> list[str]:
    unknown = []
    for match in _CAPITALIZED_NAME.finditer(text):
        words = match.group(1).split()
        # Drop a leading question word or verb that happens to be capitalized ("What Tim Cook …").
        while words and fold(words[0]) in {
            "what",
            "did",
            "does",
            "do",
            "how",
            "why",
            "when",
            "where",
            "is",
            "has",
            "according",
            "and",
            "but",
            "so",
            "which",
            "who",
            "the",
            "was",
            "will",
            # "Under Xienan's new tariff …": a preposition opening the question is no part of a name
            *("under", "in", "on", "at", "for", "from", "by", "after", "before", "since", "per", "as", "if"),
            *(
                "with",
                "without",
                "within",
                "over",
                "during",
                "among",
                "between",
                "against",
                "despite",
                "unlike",
            ),
        }:
            words = words[1:]
        phrase = " ".join(words)
        if len(words) < 2:
            continue
        known = (
            speakers.find_mentions(phrase)
            or glossary.expand(phrase)
            or speakers.find_by_role(phrase)
            # "Changho Life" for 昶和人壽 ("Changhe"): a name spelt a letter off is the one the question means
            or speakers.fuzzy_mentions(phrase)
        )
        if not known:
            unknown.append(phrase)
    for match in _ZH_FOREIGN_NAME.finditer(text):
        if not speakers.find_mentions(match.group(0)):
            unknown.append(match.group(0))
    # "黄仁勋怎么看…": a name-like subject before a verb of opinion; the knowledge base drops it again
    # when the articles contain it, so only people the articles never mention remain.
    subject = _ZH_SUBJECT.match(fold(text).strip())
    if subject and not speakers.find_mentions(subject.group(1)) and not find_orgs(subject.group(1)):
        unknown.append(subject.group(1))
    return unknown


# A verb of saying with its subject before it, right before a name: "工会说 X…", "the union says X…".
_SAID_BEFORE = re.compile(
    r"[\w\u4e00-\u9fff]\s*(?:说|称|表示|认为|觉得|指出|怎么看|如何看待?)\s*$|\w\s+(?:says|said|thinks|believes|reckons|claims)(?: that)?\s+$"
)


# What follows an organization that owns the thing asked about, not its view: "园区的电网成本", "的营收".
_OWNS_THE_TOPIC = re.compile(
    r"[\u4e00-\u9fff]{0,3}的(?!说法|看法|估计|预计|测算|数字|统计|口径|预测|判断|意见|观点|回应|报告|研报)[\u4e00-\u9fff]"
)


def _period(folded: str) -> str | None:
    # "第三季度平均一个月要烧掉多少": a monthly figure is asked, whatever quarter it falls in
    if _MONTHLY.search(folded):
        return "month"
    if _TO_DATE.search(folded) or several_quarters(folded):
        # "so far this year" is answered by the first three quarters as well as by the year; "今年前三季" asks
        # neither one quarter nor a year
        return None

    return "quarter" if _QUARTER.search(folded) else "year" if _YEARLY.search(folded) else None


# "per New Consumer Daily", "according to Lexcount": the source a question cites by name.
_CITED_SOURCE = re.compile(r"\b(?:per|according to)\s+((?:the\s+)?(?:[A-Z][\w&'’.-]*\s*){1,5})")
_TO_DATE = re.compile(
    r"so far this year|year to date|year-to-date|\bytd\b|今年以来|今年迄今|年初至今|今年到目前", re.I
)
_MONTHLY = re.compile(r"\bper month\b|\ba month\b|\bmonthly\b|\beach month\b|每个?月|一个月|月均", re.I)


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
    concepts = _concepts(own, phrases)
    # Organizations match across scripts and languages by a canonical token (輝達 = 英伟达 = Nvidia).
    orgs = find_orgs(text)
    spelled = {t for org in orgs for word in org_words(org) for t in tokenize(word)}
    entity = entity_tokens(text)
    tokens += entity
    concepts = [c for c in concepts if c[0] not in spelled] + [(t,) for t in entity]
    kind = _question_kind(text, asked_units, quantity)
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
        topic_words -= _TITLE_TOKENS
    topic = [
        c
        for c in concepts
        if c[0] in topic_words and not (set(c) & _TITLE_TOKENS if named or by_role else set())
    ]
    # "how did the stock react?" asks how the market moved, not what the company said
    cue = _speech_cue(fold(text), {m.start for m in mentions}) and not STOCK_MOVE.search(fold(text))
    # An organization is who is asked about only when the question asks what it says; otherwise it is the topic.
    asked = [
        s for s in named + by_role if s.quoted and (s.kind == "person" or cue or kind in ("who", "stance"))
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
        period=_period(fold(text)),
        measures=measures_of_parts(unnamed, figures)
        if quantity
        else set(),  # "Corridor Loss Analytics" names no loss
        unknown_names=_unknown_names(text, speakers, glossary),
        units=asked_units if quantity else set(),
        wants_figure=quantity,
        figures=figures,
        years=_asked_years(text),
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


def _asked_years(text: str) -> list[int]:
    """The years a question asks about; a year it compares with ("how does that compare with 2023?") is context."""
    years = [
        int(m.group(1))
        for m in _YEAR.finditer(text)
        if not _COMPARED_YEAR.search(text[: m.start()])
        # "Larchmont's 2021 flagship", "the 2019 fund": a year that names a thing, not a period asked about
        and not (_NAMING_YEAR_BEFORE.search(text[: m.start()]) and re.match(r"\s+[a-z]", text[m.end() :]))
    ]
    # "in FY27", "fiscal '28": a fiscal year written short
    years += [
        2000 + int(m.group(1)) for m in _FISCAL_SHORT.finditer(text) if 2000 + int(m.group(1)) not in years
    ]
    return years


_FISCAL_SHORT = re.compile(r"\b(?:fy|fiscal\s+['’]?)(\d{2})\b", re.I)


_NAMING_YEAR_BEFORE = re.compile(r"(?:'s|’s|\bthe|\bits|\btheir|\bhis|\bher)\s+$", re.I)


_COMPARED_YEAR = re.compile(
    r"(?:compare[sd]? (?:with|to)|compared|than|from|since|versus|vs\.?|against|比|相比|较|比起|对比)\s*(?:in |the end of |early |late )?$",
    re.I,
)


# How news says what a question asks in other words ("did the stock jump?" / "the shares rose"): stemmed tokens.
EN_SYNONYMS: dict[str, tuple[str, ...]] = {
    stem(word): tuple(stem(w) for w in others)
    for words in (
        ("stock", "share"),
        ("jump", "rise", "gain", "climb"),
        ("surge", "rise", "jump", "soar"),
        ("soar", "rise", "jump", "surge"),
        ("climb", "rise", "gain"),
        ("rally", "rise", "gain"),
        ("plunge", "fall", "drop", "slump"),
        ("tumble", "fall", "drop", "slump"),
        ("slump", "fall", "drop"),
        ("sink", "fall", "drop"),
        ("drop", "fall", "decline"),
        ("fall", "drop", "decline"),
    )
    for word, others in [(words[0], words[1:])]
}


def _concepts(own: list[str], phrases: list[tuple[str, list[str]]]) -> list[tuple[str, ...]]:
    """One concept per question word: the word itself or any Chinese rendering of a phrase containing it."""
    concepts = []
    for token in dict.fromkeys(own):
        alternatives = [token, *EN_SYNONYMS.get(token, ())]
        for phrase, terms in phrases:
            if token in {stem(w) for w in tokenize(phrase)} or token in phrase.split():
                alternatives.extend(t for term in terms for t in tokenize(term))
        concepts.append(tuple(dict.fromkeys(alternatives)))
    return concepts
