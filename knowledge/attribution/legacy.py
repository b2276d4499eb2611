"""Attribute each sentence of an article to the speaker whose words or view it reports."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.figures import find_figures
from knowledge.passages import CLOSE_QUOTES, OPEN_QUOTES
from knowledge.scripts import to_simplified
from knowledge.speakers import Mention, Speaker, SpeakerIndex

# Reporting verbs, Simplified script (sentences are folded before matching).
REPORT_VERBS_ZH = (
    "表示", "说道", "说", "告诉", "指出", "警告", "称", "声称", "解释道", "解释说", "解释", "回答道", "回答",
    "补充道", "补充说", "补充", "问道", "询问", "直言", "阐述", "所言", "认为", "估计", "强调", "透露",
    "坦言", "承认", "预测", "比作", "描述", "相比", "写道", "抨击", "历数", "给出",
    "提醒", "预计", "回应", "重申", "坚称", "谈到", "提到", "宣布", "直指", "呼吁", "反驳", "质疑",
)
REPORT_VERBS_EN = (
    "said", "says", "say", "told", "tells", "warned", "warns", "added", "adds", "asked", "asks", "noted",
    "explained", "argued", "estimated", "estimates", "according to", "cautioned", "claimed", "wrote",
    "argues", "acknowledged", "admitted", "conceded", "insisted", "stressed", "predicted", "predicts",
    "projected", "forecast", "believes", "thinks", "blamed", "rejected", "described", "urged", "recalled",
    "found", "finds", "showed", "shows", "concluded", "reported", "expects", "warning", "saying",
)
PRONOUNS_ZH = ("他", "她")
PRONOUNS_EN = ("he", "she")
ORG_ANAPHORA = ("该银行", "该公司", "该机构", "该研究", "这家银行", "该报告", "报告还", "报告指出", "报告称",
                "the bank", "the firm", "the study", "the report", "the institute", "the survey", "the analysis")
_ZH_VERB = re.compile("|".join(sorted(REPORT_VERBS_ZH, key=len, reverse=True)))
_ALL_OPEN = OPEN_QUOTES + '"'
_HAN = re.compile(r"[\u3400-\u9fff]")
_EN_VERB = re.compile(r"\b(?:" + "|".join(REPORT_VERBS_EN) + r")\b", re.I)


@dataclass
class _State:
    person: Speaker | None = None
    org: Speaker | None = None
    org_run: bool = False
    previous: Speaker | None = None


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    straight: int | None = None
    for i, char in enumerate(text):
        if char == '"' and depth == 0:  # English straight quotes open and close with one character
            if straight is None:
                straight = i
            else:
                spans.append((straight, i + 1))
                straight = None
        elif straight is not None:
            continue
        elif char in OPEN_QUOTES and char != "‘":
            if depth == 0:
                start = i
            depth += 1
        elif char in CLOSE_QUOTES and char != "’" and depth > 0:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    if depth > 0:
        spans.append((start, len(text)))
    if straight is not None:
        spans.append((straight, len(text)))
    return spans


def _outside(text: str, spans: list[tuple[int, int]]) -> str:
    """Text with quoted speech blanked out, same length, so offsets stay valid."""
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


def outside_quotes(text: str) -> str:
    """Text with quoted speech blanked out (same length), so names inside quotes are not speakers."""
    return _outside(text, _quoted_spans(text))


def _verbs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _ZH_VERB.finditer(text)] + [m.span() for m in _EN_VERB.finditer(text)]


def _is_quote_only(text: str, spans: list[tuple[int, int]]) -> bool:
    return bool(spans) and text.lstrip()[:1] in _ALL_OPEN and not re.sub(r"[\s\W]", "", _outside(text, spans))


def _starts_with_quote(text: str) -> bool:
    return text.lstrip()[:1] in _ALL_OPEN


def _pronoun_before_verb(outside: str) -> bool:
    for pronoun in PRONOUNS_ZH:
        for match in re.finditer(pronoun + "(?!们)", outside):
            tail = outside[match.end(): match.end() + 8]
            if _ZH_VERB.match(tail.lstrip()) or re.match(r"^\S{0,6}?(?:" + _ZH_VERB.pattern + ")", tail):
                return True
    return bool(re.search(r"\b(?:he|she)\s+(?:also\s+|later\s+|then\s+|[a-z]+ly\s+)?(?:"
                          + "|".join(REPORT_VERBS_EN) + r")\b", outside, re.I))


def _starts_with_pronoun(outside: str) -> bool:
    head = outside.lstrip("“”「」 ,，\"")
    return bool(re.match(r"[他她](?!们)", head) or re.match(r"(?:he|she)\b", head, re.I))


def _subject(outside: str, mention: Mention) -> bool:
    """Whether a person opens an English sentence ("Solberg was unmoved."): what follows is about their view."""
    return not re.sub(r"(?:\b(?:Mr|Ms|Mrs|Dr)\.?)|[\s\W]", "", outside[:mention.start]) and mention.start < 12


def _speaker_before_verb(mentions: list[Mention], verbs: list[tuple[int, int]], outside: str) -> Speaker | None:
    """The mention closest before a reporting verb, or right after one ("said Jensen Huang")."""
    best: tuple[int, Speaker] | None = None
    for v_start, v_end in verbs:
        for mention in mentions:
            gap_text = outside[mention.end:v_start]
            if mention.end <= v_start and len(gap_text) <= 30 and not re.search(r"[。;；]", gap_text):
                distance = v_start - mention.end
                if best is None or distance < best[0]:
                    best = (distance, mention.speaker)
            after = outside[v_end:mention.start]
            if mention.start >= v_end and len(after) <= 3 and best is None:
                best = (len(after) + 100, mention.speaker)
    return best[1] if best else None


def attribute_paragraphs(paragraphs: list[list[str]], index: SpeakerIndex) -> list[list[Speaker | None]]:
    """The speaker of every sentence, carrying pronouns and quote runs across sentences."""
    state = _State()
    result: list[list[Speaker | None]] = []
    for sentences in paragraphs:
        state.org_run = False
        row: list[Speaker | None] = []
        for sentence in sentences:
            speaker = _attribute(sentence, index, state)
            row.append(speaker)
            state.previous = speaker
        result.append(row)
    return result


def _attribute(sentence: str, index: SpeakerIndex, state: _State) -> Speaker | None:
    text = to_simplified(sentence)
    if len(text) != len(sentence):
        text = sentence
    spans = _quoted_spans(text)
    outside = _outside(text, spans)
    mentions = [m for m in index.find_mentions(outside) if m.speaker.quoted]
    people = [m for m in mentions if m.speaker.kind == "person"]
    orgs = [m for m in mentions if m.speaker.kind == "organization"]
    verbs = _verbs(outside)
    has_figure = bool(find_figures(text))

    if _is_quote_only(text, spans):
        return state.previous

    named = _speaker_before_verb(people, verbs, outside) if people else None
    if named is None and _pronoun_before_verb(outside) and state.person is not None:
        named = state.person
    if named is None and _starts_with_pronoun(outside) and state.person is not None:
        named = state.person
    # A person merely mentioned in an English sentence with no reporting verb is not its speaker.
    if named is None and people and (verbs or _HAN.search(text) or _subject(outside, people[0])):
        named = people[0].speaker
    if named is None and _starts_with_quote(text) and state.previous is not None and spans:
        named = state.previous
    if named is not None:
        if named.kind == "person":
            state.person = named
        state.org_run = False
        return named

    org = _speaker_before_verb(orgs, verbs, outside) if orgs else None
    if org is None and orgs and (verbs or has_figure or re.search(r"图表|研究|报告|顾问", outside)):
        org = orgs[0].speaker
    if org is None and any(a in outside.lower() for a in ORG_ANAPHORA) and state.org is not None:
        org = state.org
    if org is not None:
        state.org, state.org_run = org, True
        return org
    if state.org_run and has_figure and state.org is not None:
        return state.org
    state.org_run = False
    return None
