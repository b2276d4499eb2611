"""Passages that join the lead passage or decide which one leads: replies, neighbours, dates, a speaker's figure."""

from __future__ import annotations

import re

from knowledge.corpus import Corpus
from knowledge.passages import Passage
from knowledge.scripts import fold
from knowledge.search import Hit
from knowledge.tokens import stem, tokenize

_ASKS = re.compile(
    r"\basked (?:[A-Z][\w.’'-]* ){0,3}(?:whether|if|how|what|why|when|about)\b|\bwanted to know\b|追问|问道|询问|提问",
    re.I,
)
# "数据局在回复本报询问时表示…": a reply to the paper's inquiry, not the question.
_REPLYING = re.compile(r"(?:回复|回应|答复|应)[^，。]{0,8}(?:询问|查询)")
# "Asked whether AI stocks were in a bubble, Powell said …": the sentence is the answer, not the question.
_ANSWERED = re.compile(r"\W*(?:when\s+)?(?:asked|pressed)\b[^.?!]{0,160},\s*\S", re.I)
# An explicit time: a year, a half or quarter, a month, "next year", 下半年, 年底.
_DATED = re.compile(
    r"(?<!\d)(?:19|20)\d{2}(?!\d)|\b(?:first|second|third|fourth|final|last) (?:half|quarter)\b|\bQ[1-4]\b|"
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|"
    r"\b(?:next|this|later this|early next|late next) (?:year|month|quarter|spring|summer|fall|autumn|winter)\b|"
    r"\bby the end of\b|\bwithin (?:a|two|three|\d+) (?:year|month|quarter)s?\b|"
    r"[上下]半年|第[一二三四1-4]季|[一二三四1-4]季度|年底|年初|年中|明年|后年|後年|(?<![\d.])\d{1,2}月",
    re.I,
)
# "Will Calloway expand?", "會擴產嗎?": a yes-or-no question, answered best with the number behind the yes or no.
_YES_NO = re.compile(
    r"^\s*(?:and\s+)?(?:is|are|was|were|will|would|does|do|did|can|could|has|have|should)\b|"
    r"[吗嗎]\s*[?？]?\s*$",
    re.I,
)
_WHEN = re.compile(
    r"^\s*(?:and\s+)?when\b|\bwhen (?:will|would|is|are|does|do|did|should|can|could)\b|"
    r"什么时候|什麼時候|何时|何時|哪一年|几时|幾時",
    re.I,
)
# Words too common in the library to tie two passages together.
_COMMON = frozenset(
    stem(word)
    for word in {
        "the",
        "and",
        "that",
        "this",
        "with",
        "from",
        "have",
        "will",
        "would",
        "said",
        "says",
        "about",
        "their",
        "they",
        "them",
        "were",
        "been",
        "what",
        "which",
        "more",
        "than",
        "into",
        "company",
        "公司",
        "我们",
        "我們",
        "他们",
        "他們",
        "今年",
        "表示",
        "认为",
        "認為",
    }
)


def answer_not_question(hit: Hit, corpus: Corpus) -> Hit:
    """An analyst's question in the article is not an answer: the reply right after it is."""
    passage = hit.passage
    folded = fold(passage.text)
    if (
        passage.speaker is None
        or not _ASKS.search(folded)
        or _ANSWERED.match(passage.text)
        or _REPLYING.search(folded)
    ):
        return hit
    for key in (
        f"{passage.source_id}:{passage.paragraph}.{passage.sentence + 1}",
        f"{passage.source_id}:{passage.paragraph + 1}.1",
    ):
        reply = corpus.by_id.get(key)
        if reply is not None:
            if reply.speaker and reply.speaker != passage.speaker:
                return Hit(
                    reply, hit.score, hit.dense, hit.lexical, hit.coverage, hit.topic_coverage, ["reply"]
                )
            return hit
    return hit


def with_replies(hits: list[Hit], corpus: Corpus) -> list[Hit]:
    """Each analyst's question among the hits followed by the executive's reply, which the search may not rank."""
    seen = {h.passage.id for h in hits}
    result = []
    for hit in hits:
        result.append(hit)
        reply = answer_not_question(hit, corpus)
        if reply is not hit and reply.passage.id not in seen:
            seen.add(reply.passage.id)
            result.append(reply)
    return result


def people_first(candidates: list[Hit], corpus: Corpus) -> list[Hit]:
    """A who-question wants a person: a speaker's passage, or the sentence right next to the best match."""
    spoken = [h for h in candidates if h.passage.speaker]
    best = candidates[0] if candidates else None
    if best is None or best.passage.speaker:
        return spoken or candidates
    if any(q in best.passage.text for q in "“「"):
        return candidates  # quoted words with no named speaker: "an investor asked: …" answers it
    passage = best.passage
    for step in (1, -1):
        near = corpus.by_id.get(f"{passage.source_id}:{passage.paragraph}.{passage.sentence + step}")
        if near is not None and near.speaker:
            return [Hit(near, best.score, best.dense, best.lexical, best.coverage, best.topic_coverage), best]
    return spoken or candidates


def dated_first(candidates: list[Hit], *, within: float = 0.8) -> list[Hit]:
    """A when-question: among passages about as relevant as the best, one that names a time leads."""
    if not candidates:
        return candidates
    floor = within * candidates[0].score
    close = [h for h in candidates if h.score >= floor]
    dated = [h for h in close if _DATED.search(h.passage.text)]
    if not dated or dated[0] is candidates[0]:
        return candidates
    return [dated[0], *(h for h in candidates if h is not dated[0])]


def asks_when(text: str) -> bool:
    """Whether a question asks for a time ("when will …", "什么时候")."""
    return bool(_WHEN.search(text))


def is_yes_no(text: str) -> bool:
    """Whether a question asks yes or no ("Will X expand?", "會擴產嗎？")."""
    return bool(_YES_NO.search(text))


def continuation(lead: Passage, hits: list[Hit], corpus: Corpus) -> Hit | None:
    """The next sentence when it goes on with the same thought (same speaker, or "这…" / "這…")."""
    after = corpus.by_id.get(f"{lead.source_id}:{lead.paragraph}.{lead.sentence + 1}")
    if after is None:
        return None
    same_speaker = after.speaker is not None and after.speaker == lead.speaker
    goes_on = after.speaker in (None, lead.speaker) and fold(after.text).startswith(("这", "此"))
    if not (same_speaker or goes_on):
        return None
    return next((h for h in hits if h.passage.id == after.id), None) or Hit(after, 0.0)


def _content_words(text: str) -> set[str]:
    return {
        t for t in tokenize(text) if t not in _COMMON and (len(t) >= 4 or (len(t) >= 2 and not t.isascii()))
    }


def speakers_figure(lead: Passage, corpus: Corpus) -> Passage | None:
    """Where the article gives the number behind the lead's quote, in the same speaker's words.

    Either right after it (the next paragraph goes on: "他透露，…只把產能擴充2成") or later, coming back to it
    with a word that is rare in the article ("we are not going to triple the size of our factory" … "Webb said
    the new line would lift output by about 25%, not triple it"). It carries a figure the lead does not.
    """
    if lead.speaker is None:
        return None
    passages = corpus.passages_of(lead.source_id)
    frequency: dict[str, int] = {}
    for passage in passages:
        for word in _content_words(passage.text):
            frequency[word] = frequency.get(word, 0) + 1
    rare = {w for w in _content_words(lead.text) if frequency.get(w, 0) <= 2}
    known = {(f.value, f.unit) for f in lead.figures}
    for passage in passages:
        if passage.id == lead.id or passage.speaker != lead.speaker:
            continue
        if not any((f.value, f.unit) not in known for f in passage.figures):
            continue
        next_door = lead.paragraph <= passage.paragraph <= lead.paragraph + 1
        if next_door or rare & _content_words(passage.text):
            return passage
    return None


# "该基金规模从年初的18亿元猛增至236亿元", "The fund returned 9%": a sentence that goes on about what the one
# before it named.
_GOES_ON = re.compile(
    r"^(?:该|該|這|这|此|其|It\b|Its\b|The (?:fund|company|firm|plan|bank|group|deal|stock|project|plant|start-up)\b)"
)


def _goes_on(lead: Passage, passage: Passage) -> bool:
    """Whether the narration sentence right after `lead`, in its paragraph, continues about what `lead` names."""
    return (
        passage.paragraph == lead.paragraph
        and passage.sentence == lead.sentence + 1
        and bool(_GOES_ON.match(passage.text.lstrip(' "“「')))
    )


def follow_up_figures(hits: list[Hit], corpus: Corpus, units: set[str], *, top: int = 3) -> list[Hit]:
    """The hits, each of the best few speakers' passages followed by that speaker's next passage with a figure.

    "Martin Osei told analysts the loans were safe." … "About 22%, Osei replied." The number comes a paragraph
    or two after the sentence that matches the question.
    """
    result = list(hits)
    for hit in hits[:top]:
        lead = hit.passage
        if any(not units or f.unit in units for f in lead.figures):
            continue
        for passage in corpus.passages_of(lead.source_id):
            after = (passage.paragraph, passage.sentence) > (lead.paragraph, lead.sentence)
            if not after or passage.paragraph > lead.paragraph + 2:
                continue
            if lead.speaker is None and not _goes_on(lead, passage):
                continue
            if passage.speaker == lead.speaker and any(not units or f.unit in units for f in passage.figures):
                found = next((h for h in result if h.passage.id == passage.id), None)
                # found on its own words, it may still rank and match worse than as the lead's continuation
                if found is None or found.coverage < hit.coverage:
                    if found is not None:
                        result.remove(found)
                    result.insert(
                        result.index(hit) + 1,
                        Hit(
                            passage,
                            max(hit.score, found.score if found else 0.0),
                            max(hit.dense, found.dense if found else 0.0),
                            hit.lexical,
                            hit.coverage,
                            hit.topic_coverage,
                            [*(found.reasons if found else []), "follow-up"],
                        ),
                    )
                break
    return result
