"""Passages as attributed sentences in the reader's language, each speaker's name and role given once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.figure_kinds import is_share_of
from bot.figure_text import figure_for
from bot.i18n import convert, family, language_name, measure_noun, phrase
from bot.naming import describe, publisher_name, short_name, speaker_name, unnamed_description
from knowledge.attribution.lexicon_en import surname_of
from knowledge.corpus import Corpus
from knowledge.figures import Figure
from knowledge.matching import is_latin
from knowledge.measures import find_measures
from knowledge.passages import Passage
from knowledge.scripts import fold
from knowledge.speakers import Speaker

# Role words just before a name already say who the speaker is ("Anthropic CEO Dario Amodei", "英伟达首席执行官黄仁勋").
_ROLE_WORDS = re.compile(
    r"\b(?:CEO|chief|CFO|CIO|president|chair(?:man|woman)?|founder|co-founder|partner|investor|head|director|"
    r"analyst|economist|strategist|treasurer|officer|manager|executive|professor|governor|spokes(?:man|woman|person))\b"
    r"|首席|执行长|執行長|总裁|總裁|董事|创始人|創始人|创办人|創辦人|主席|财务长|財務長|经理|經理|分析师|"
    r"分析師|合伙人|合夥人|主管|负责人|負責人|投资人|投資人|行长|行長|部长|部長|发言人|發言人|总监|總監|"
    r"总经理|總經理|研究员|研究員|经济学家|經濟學家|策略师|策略師|顾问|顧問|教授|分析员|分析員|"
    r"[局处處厅廳署院会會社秘書书]长|[局处處厅廳署院会會社秘書书]長|主任|市长|市長|省长|省長|书记|書記",
    re.I,
)
_OPEN_QUOTES = '“"「『'
_CLAUSE_END = re.compile(r"[，。；;：！？!?]|[,:](?!\d)")  # "1,284" is one number, not two clauses
# A Chinese sentence whose subject is a pronoun ("他说…", "她表示…"): the speaker's name takes the pronoun's place.
_PRONOUN_SUBJECT = re.compile(r"^(?:他|她)(?!们|們)")
# Measures too generic to name the topic of a figure ("growth", "share" say little without their subject).
_TOPIC_ORDER = (
    "revenue",
    "valuation",
    "burn",
    "spending",
    "debt",
    "orders",
    "rent",
    "assets",
    "market",
    "price",
    "margin",
    "power",
    "volume",
    "employees",
    "cap",
    "saving",
    "growth",
    "share",
)
# A percentage is a rate, a move or a part of its measure, never the amount: "31% of annual recurring revenue"
# is a share, not the revenue.
_RATE_TOPICS = ("margin", "growth", "cut", "share")
_PERCENT_ORDER = _RATE_TOPICS + tuple(m for m in _TOPIC_ORDER if m not in _RATE_TOPICS)


def _describes_itself(text: str, speaker: Speaker) -> bool:
    """Whether the passage names its unnamed source as the source is described ("two bankers on the deal")."""
    described = unnamed_description(speaker)
    return described is not None and fold(described).lower() in fold(text).lower()


@dataclass
class Writer:
    """Writes one answer's passages; remembers whom it has introduced so each name and role is given once."""

    corpus: Corpus
    language: str
    focus: Figure | None = None
    introduced: set[str] = field(default_factory=set)
    stated_focus: bool = False  # a sentence already gives the answering figure: no lead repeats it
    verbatim: bool = False  # keep a passage's words as written (digest cards show the quote itself)
    asked: frozenset[str] = frozenset()  # the measures the question asks about: they name a figure first

    def name(self, speaker: Speaker) -> str:
        """Name and role at the first mention, the short name after it."""
        if speaker.name in self.introduced:
            return short_name(speaker, self.language)
        self.introduced.add(speaker.name)
        return describe(speaker, self.language)

    def body(self, passage: Passage, *, repeat: bool = False) -> str:
        """One passage, attributed, in the reader's language (`repeat`: same speaker as the passage before)."""
        speaker = self.corpus.speaker(passage.speaker)
        source = self.corpus.source(passage.source_id)
        publisher = publisher_name(source, self.language)
        reader = family(self.language)
        if reader == "en" and passage.gloss_en:
            return self._english(passage.gloss_en, speaker, publisher, verbatim=False)
        if reader == "en" and source.language == "en":
            return self._english(passage.text, speaker, publisher, verbatim=True)
        if reader == "zh" and source.language == "en" and passage.gloss_zh and not self.verbatim:
            # A model's checked translation, written at ingest: the reader reads it as the answer sentence.
            return self._chinese(convert(passage.gloss_zh, self.language), speaker, publisher, repeat=repeat)
        if reader == "zh" and source.language != "en":
            # Phrase-level conversion only across scripts: a Taiwan article is already in Taiwan's words.
            same_script = source.language == self.language and not self.verbatim
            text = passage.text if same_script else convert(passage.text, self.language)
            return self._chinese(text, speaker, publisher, repeat=repeat)
        return self._other_language(passage, speaker, publisher, source.language)

    def _english(self, text: str, speaker: Speaker | None, publisher: str, *, verbatim: bool) -> str:
        # A gloss is our own English sentence; the article's own words go in quotation marks.
        shown = _quoted(text) if verbatim else text
        if speaker is None:
            return f"{phrase('according_to', 'en').format(publisher=publisher)}: {shown}"
        if _describes_itself(text, speaker):
            return shown  # "…, according to two bankers who worked on the sale": it says who already
        match = _first_mention(text, _latin_aliases(speaker))
        if match is None:
            key = "also_said" if speaker.name in self.introduced else "said"
            return phrase(key, "en").format(speaker=self.name(speaker), text=shown)
        before = text[max(0, match.start() - 40) : match.start()]
        # "Tomas Reyes, director of the Arizona Ratepayer Alliance, said": the article gives the role itself
        after = re.match(r",\s+(?:an?\s+|the\s+)?[^,]{3,80}", text[match.end() :])
        # "Delia Fenwick, who covers water utilities at Corbridge, said": a who-clause says it as well
        described = after is not None and (
            bool(_ROLE_WORDS.search(after.group(0))) or after.group(0).lstrip(", ").startswith("who ")
        )
        told = _says_role(before, speaker) or described
        named = speaker_name(speaker, "en") if told else self.name(speaker)
        if told:
            self.introduced.add(speaker.name)
        rest = text[match.end() :]
        if named.endswith("s") and rest.startswith(("'s", "’s")):
            rest = rest[0] + rest[2:]  # "Calloway Power Systems' order backlog", not "Systems's"
        return text[: match.start()] + named + rest

    def _chinese(self, text: str, speaker: Speaker | None, publisher: str, *, repeat: bool) -> str:
        if speaker is None:
            return f"{phrase('according_to', self.language).format(publisher=publisher)}：{text}"
        if repeat and speaker.name in self.introduced:
            return phrase("also", self.language) + text
        if _describes_itself(text, speaker):
            return text  # "一位设备业界人士透露，…": not "一位设备业界人士表示：一位设备业界人士透露"
        mention = next(
            (m for m in self.corpus.speakers.find_mentions(text) if m.speaker.name == speaker.name), None
        )
        if self.verbatim and (mention is not None or _PRONOUN_SUBJECT.match(text)):
            return f"{self.name(speaker)}：{text}"  # not "X表示：他表示…"
        if mention is not None and _ROLE_WORDS.search(text[max(0, mention.start - 12) : mention.start]):
            self.introduced.add(speaker.name)  # "英伟达首席执行官黄仁勋…": the text already says who
            return text
        if mention is not None and speaker.kind != "person":
            return text  # "朗鑫科技集团（下称「朗鑫」）": a company's short name may sit inside its full one
        if mention is not None:  # the name, with its role, where the text first names them
            return text[: mention.start] + self.name(speaker) + text[mention.end :]
        if _PRONOUN_SUBJECT.match(text):
            return self.name(speaker) + text[1:]
        return phrase("said", self.language).format(speaker=self.name(speaker), text=text)

    def _other_language(self, passage: Passage, speaker: Speaker | None, publisher: str, quoted: str) -> str:
        """A sentence in the reader's language from speaker, role, figure and topic; the quote verbatim, marked."""
        figure = next(
            (f for f in passage.figures if f == self.focus), passage.figures[0] if passage.figures else None
        )
        if speaker is None:
            sentence = phrase("reported_in", self.language).format(publisher=publisher)
        elif figure is None:
            sentence = phrase("said_in", self.language).format(speaker=self.name(speaker))
        else:
            shown = figure_for(figure.value, figure.unit, self.language)
            self.stated_focus = self.stated_focus or figure == self.focus
            topic = _topic(passage.text, figure, self.language, self.asked)
            key, topic_args = ("gave_measure", {"measure": topic}) if topic else ("gave_figure", {})
            sentence = phrase(key, self.language).format(
                speaker=self.name(speaker), figure=shown, **topic_args
            )
        return phrase("in_language", self.language).format(
            sentence=sentence, language=language_name(quoted, self.language), quote=_quoted(passage.text)
        )


def _latin_aliases(speaker: Speaker) -> set[str]:
    """The Latin spellings a text may name the speaker by, a person's surname included ("Huang said")."""
    aliases = {speaker.name, *(a for a in speaker.aliases if a.isascii())}
    if speaker.kind == "person" and " " in speaker.name and is_latin(speaker.name):
        surname = surname_of(speaker.name)
        aliases |= {surname, surname[:1].upper() + surname[1:]}
    return aliases


def _first_mention(text: str, aliases: set[str]) -> re.Match[str] | None:
    """The earliest mention of any alias, the longest alias there (never an order that depends on set hashing)."""
    found = [m for a in aliases if (m := re.search(rf"(?<![A-Za-z]){re.escape(a)}(?![A-Za-z])", text))]
    return min(found, key=lambda m: (m.start(), -len(m.group()))) if found else None


def _says_role(before: str, speaker: Speaker) -> bool:
    """Whether the words before a name give the role ("CEO …", "OpenAI's …"): then the name needs no role after it."""
    if _ROLE_WORDS.search(before):
        return True
    orgs = [o for _, o in speaker.positions if o] + [speaker.role.split(",")[-1].strip()]
    return any(before.rstrip().endswith((f"{org}'s", f"{org}’s")) for org in orgs if org)


def _quoted(text: str) -> str:
    """Text in quotation marks, unless it already opens with its own (no nested ““…””)."""
    stripped = text.strip()
    if stripped[:1] in _OPEN_QUOTES or any(q in stripped for q in '“”"'):
        return stripped
    return f"“{stripped}”"


def _topic(text: str, figure: Figure, language: str, asked: frozenset[str] = frozenset()) -> str | None:
    """What the figure measures, as a noun in the reader's language ("revenue", "营收"), if its clause says.

    A measure the question asks about comes first: "the average discount on AI stakes … 31%" answers a question
    about the discount (a price), though "stakes" also names spending.
    """
    clauses = _CLAUSE_END.split(text)
    at = next((i for i, clause in enumerate(clauses) if figure.text in clause), None)
    # The figure's clause, else the one before it (where "营收将达到…" or "revenue of…" usually is).
    for clause in [clauses[at], clauses[at - 1] if at else ""] if at is not None else [text]:
        measures = find_measures(clause)
        if figure.unit == "%" and is_share_of(text, figure):
            measures = measures | {"share"}  # "account for 31% of annual recurring revenue": a share of it
        base = _PERCENT_ORDER if figure.unit == "%" else _TOPIC_ORDER
        order = sorted(base, key=lambda m: m not in asked)
        noun = next((n for m in order if m in measures and (n := measure_noun(m, language))), None)
        if noun:
            return noun
    return None


def passage_body(passage: Passage, corpus: Corpus, language: str, *, repeat: bool = False) -> str:
    """One passage, attributed, in the asker's language (`repeat`: same speaker as the passage before)."""
    writer = Writer(corpus, language, verbatim=True)
    if repeat and passage.speaker:
        writer.introduced.add(passage.speaker)
    return writer.body(passage, repeat=repeat)
