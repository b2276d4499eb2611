"""What a passage is about: the organizations a question asks about, named in it, by its speaker or its title."""

from __future__ import annotations

import re

from knowledge.corpus import Corpus
from knowledge.org_words import find_orgs, org_words
from knowledge.passages import Passage
from knowledge.places import places_in
from knowledge.query import QueryAnalysis
from knowledge.scripts import fold
from knowledge.search import Hit


def asked_entities(query: QueryAnalysis) -> list[tuple[str, ...]]:
    """The organizations a question is about (not asked to speak), each as the spellings that name it."""
    speaker_words = {fold(a) for s in query.speakers for a in (s.name, *s.aliases)}
    found = [
        tuple(org_words(org))
        for org in find_orgs(query.text)
        if not any(w in speaker_words for w in org_words(org))
    ]
    for subject in query.subjects:
        found.append((fold(subject),))
    for entity in query.entities:
        words = tuple(
            dict.fromkeys(fold(a) for a in (entity.name, entity.name_zh or "", *entity.aliases) if len(a) > 1)
        )
        if not any(set(words) & set(f) for f in found):
            found.append(words)
    return found


_ANAPHOR = re.compile(
    r"该|這家公司|这家公司|其|它|the company|the fund|the plan|the firm|\bits\b|^公司|^他|^她|^\s*(?:he|she)\b|"
    r"\bthe (?:authority|agency|trust|group|bank|insurer|lender|operator|utility|council|commission|regulator)\b",
    re.I,
)


def context(passage: Passage, corpus: Corpus) -> str:
    """The passage, with the sentence before it when it points back there ("该公司", "it")."""
    if not _ANAPHOR.search(fold(passage.text)):
        return passage.text
    before = corpus.by_id.get(f"{passage.source_id}:{passage.paragraph}.{passage.sentence - 1}")
    if before is None and passage.sentence == 1:
        # "The authority, which manages about $230 billion…" opening a paragraph: the paragraph before named it
        return f"{_last_sentence(corpus, passage.source_id, passage.paragraph - 1)} {passage.text}"
    return f"{before.text if before else ''} {passage.text}"


def _last_sentence(corpus: Corpus, source_id: str, paragraph: int) -> str:
    """The last sentence of a paragraph ("" when there is none)."""
    found = ""
    for n in range(1, 99):
        sentence = corpus.by_id.get(f"{source_id}:{paragraph}.{n}")
        if sentence is None:
            return found
        found = sentence.text
    return found


def speaker_words(passage: Passage, corpus: Corpus) -> str:
    """The speaker's name and role, folded: "the CFO of 禾跃" is about 禾跃 too."""
    speaker = corpus.speaker(passage.speaker)
    if speaker is None:
        return ""
    return fold(
        " ".join((speaker.name, speaker.role, speaker.role_zh or "", *(o for _, o in speaker.positions)))
    )


def entity_count(hit: Hit, entities: list[tuple[str, ...]], corpus: Corpus) -> int:
    folded = fold(context(hit.passage, corpus)) + " " + speaker_words(hit.passage, corpus)
    return sum(any(w in folded for w in words) for words in entities)


def aboutness(hit: Hit, entities: list[tuple[str, ...]], corpus: Corpus) -> float:
    """How much a passage is about the asked organizations: named in it (1 each), or in its article's title (0.5)."""
    if not entities:
        return 1.0
    direct = entity_count(hit, entities, corpus)
    if direct:
        return float(direct)
    title = fold(corpus.source(hit.passage.source_id).title)
    return 0.5 * sum(any(w in title for w in words) for words in entities)


def in_its_paragraph(hit: Hit, entities: list[tuple[str, ...]], corpus: Corpus) -> bool:
    """Whether the asked organizations are named in the passage's paragraph or its article's title: a quote
    about "the lab" after a sentence naming Meta's Reality Labs is about Meta."""
    if aboutness(hit, entities, corpus):
        return True
    folded = fold(paragraph_text(hit, corpus, after=2))
    return any(any(w in folded for w in words) for words in entities)


def paragraph_text(hit: Hit, corpus: Corpus, *, after: int = 99) -> str:
    """The passage's paragraph from its start to `after` sentences past the passage."""
    passage = hit.passage
    return _sentences(corpus, passage.source_id, passage.paragraph, passage.sentence + after)


def _sentences(corpus: Corpus, source_id: str, paragraph: int, last: int) -> str:
    return " ".join(
        p.text
        for n in range(1, last + 1)
        if (p := corpus.by_id.get(f"{source_id}:{paragraph}.{n}")) is not None
    )


def names_places(hit: Hit, asked: set[str], corpus: Corpus) -> bool:
    """Whether the passage's paragraph, or its article's title or lede, names every place the question pins."""
    if not asked:
        return True
    source_id = hit.passage.source_id
    # the title and the lede set the scene for the whole article ("甘肃省日前发布…" then "全省…")
    lede = _sentences(corpus, source_id, 1, 8)
    # a quote standing as its own paragraph speaks of the scene the paragraph before it set ("X listed in Hong
    # Kong on Friday." then '"The retail tranche was oversubscribed 300 times," he said.')
    before = _sentences(corpus, source_id, hit.passage.paragraph - 1, 99) if hit.passage.paragraph > 1 else ""
    scene = f"{corpus.source(source_id).title} {lede} {before} {paragraph_text(hit, corpus)}"
    return asked <= places_in(scene)


def named_before(hit: Hit, figure_text: str, entities: list[tuple[str, ...]], corpus: Corpus) -> bool:
    """Whether an asked organization speaks the passage or is named before its figure: "擎湾云…降至0.6元，略低于
    岫云" names 岫云 only to compare, after the figure that is someone else's."""
    if not entities or any(any(w in speaker_words(hit.passage, corpus) for w in words) for words in entities):
        return True
    folded = fold(context(hit.passage, corpus))
    at = folded.rfind(fold(figure_text))
    before = folded[: at if at >= 0 else len(folded)]
    if any(any(w in before for w in words) for words in entities):
        return True
    # "protection outstanding on the company has grown 2.6 times", in an article whose title names the asked
    # organization: "the company" before the figure, in its own sentence, is that organization ("She said the
    # typical customer cut 6%" after "…since the company went public" names no one)
    own = fold(hit.passage.text)
    at = own.rfind(fold(figure_text))
    title = fold(corpus.source(hit.passage.source_id).title)
    return bool(_COMPANY_ANAPHOR.search(own[: at if at >= 0 else len(own)])) and any(
        any(w in title for w in words) for words in entities
    )


# Words standing for the organization an article is about ("the company", "该公司").
_COMPANY_ANAPHOR = re.compile(r"\bthe (?:company|firm|group)\b|该公司|这家公司|該公司|這家公司|^公司")


# "華岱接到普瑞斯特的訂單", "Nanyu's deal with Qixian": a question about what passes between two organizations.
_PAIRED = re.compile(
    r"\b(?:deal|contract|orders?|agreement|licen[cs]e|partnership)s? (?:with|from|to)\b|"
    r"接到.{1,12}的订单|给.{1,12}的订单|向.{1,12}(?:下单|采购)|[与和跟].{1,12}(?:签的?)?的?(?:合同|协议|交易|合作|订单)",
    re.I,
)


def pairs_organizations(question: str, entities: list[tuple[str, ...]]) -> bool:
    """Whether a question asks what passes between the organizations it names ("華岱接到普瑞斯特的訂單")."""
    return len(entities) >= 2 and _PAIRED.search(fold(question)) is not None


def names_every_party(hit: Hit, entities: list[tuple[str, ...]], corpus: Corpus) -> bool:
    """Whether every organization a question pairs is named in the passage's paragraph or its article's title: a
    figure about one of them alone is not the deal between them."""
    passage = hit.passage
    # "The contract is worth about $380 million": a paragraph that opens on the deal named just before it
    taken_up = passage.sentence == 1 and _TAKEN_UP.match(passage.text) is not None
    before = _sentences(corpus, passage.source_id, passage.paragraph - 1, 99) if taken_up else ""
    around = " ".join(
        (
            fold(paragraph_text(hit, corpus)),
            fold(before),
            fold(corpus.source(passage.source_id).title),
            speaker_words(passage, corpus),
        )
    )
    return all(any(w in around for w in words) for words in entities)


# A sentence opening on a definite noun phrase takes up what the text before it named.
_TAKEN_UP = re.compile(r"[\s\"“]*(?:The|This|That|These|Those|该|這|这|此)", re.I)


# "云衡智算的母公司衡拓股份", "Tessvale's parent, Orrin Group": the organization named only to say whose relative
# another is; the figures that follow are the relative's.
_KIN = r"(?:母公司|母集团|控股股东|控股公司|大股东|集团公司|parent(?: company| group)?|holding company|controlling shareholder)"
_KIN_ASKED = re.compile(_KIN, re.I)


def named_as_kin(hit: Hit, entities: list[tuple[str, ...]], corpus: Corpus) -> bool:
    """Whether every asked organization the passage names is named only as the owned one beside its parent
    ("云衡智算的母公司…其前三季度净利润" gives the parent's profit, not 云衡智算's own)."""
    folded = fold(context(hit.passage, corpus))
    named = False
    for words in entities:
        spans = {(m.start(), m.end()) for word in words for m in re.finditer(re.escape(word), folded)}
        # "云衡" inside "云衡智算": the longest spelling at a place is the name written there
        whole = [
            (a, b) for a, b in spans if not any(c <= a and b <= d and (c, d) != (a, b) for c, d in spans)
        ]
        for start, end in whole:
            named = True
            after = folded[end : end + 24]
            before = folded[max(0, start - 24) : start]
            if not (
                re.match(rf"\s*(?:的|'s?|’s?)?\s*(?:[\w-]+\s+)?{_KIN}", after, re.I)
                or re.search(rf"{_KIN}\s+(?:of|for)\s+(?:the\s+)?$", before, re.I)
            ):
                return False
    return named


def asks_kin(question: str) -> bool:
    """Whether a question itself asks about a parent or controlling shareholder ("云衡智算的母公司赚了多少")."""
    return _KIN_ASKED.search(fold(question)) is not None
