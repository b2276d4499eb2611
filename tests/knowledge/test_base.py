"""How the knowledge base reads a question against its own speakers."""

from __future__ import annotations

from typing import cast

import pytest

from knowledge.base import KnowledgeBase
from knowledge.corpus import Corpus
from knowledge.glossary import Glossary
from knowledge.passages import Passage
from knowledge.search import HybridSearcher
from knowledge.sources import Source
from knowledge.speakers import Speaker, SpeakerIndex

BROKER = Speaker(
    name="瀚岑投顾",
    kind="organization",
    role="organization",
    aliases=("瀚岑投顾", "Hancen Advisory"),
    quoted=False,
)
ANALYST = Speaker(
    name="Lu Qianhe",
    kind="person",
    role="analyst, 瀚岑投顾",
    aliases=("卢千禾",),
    positions=(("analyst", "瀚岑投顾"),),
)
DEVELOPER = Speaker(name="岳岭开发", kind="organization", role="organization", aliases=("岳岭开发", "岳岭"))


def _kb() -> KnowledgeBase:
    source = Source(
        id="yueling",
        file="yueling.md",
        title="岳岭开发获利大增",
        publisher="Wire",
        language="zh-Hans",
        text="…",
    )
    corpus = Corpus(sources=[source], speakers=SpeakerIndex([BROKER, ANALYST, DEVELOPER]), passages=[])
    return KnowledgeBase(corpus, Glossary({}), cast(HybridSearcher, None), None)


@pytest.mark.parametrize("question", ["瀚岑投顾觉得岳岭明年的本益比会到多少倍？", "瀚岑投顾怎么看岳岭开发？"])
def test_a_firm_quoted_only_through_its_analyst_speaks_and_the_company_after_its_verb_is_the_topic(
    question: str,
) -> None:
    query = _kb().analyze(question)
    assert query.speakers == [BROKER] and query.unquoted == []
    assert DEVELOPER in query.entities


def test_a_firm_said_to_do_something_is_not_asked_to_speak_through_its_analyst() -> None:
    query = _kb().analyze("How big a stake is Hancen Advisory said to be selling?")
    assert query.speakers == []


def test_a_question_opening_on_a_name_and_what_it_did_names_the_part_the_articles_write() -> None:
    """'審計局查出被騙領的算力券有多少錢？' opens on 审计局, which the articles write, then on what it found: no one
    unknown is asked about."""
    text = "审计局在公告中指出，有企业套取资金约4800万元。"
    source = Source(
        id="audit", file="audit.md", title="算力券审计", publisher="Wire", language="zh-Hans", text=text
    )
    passage = Passage(id="audit:1.1", source_id="audit", paragraph=1, sentence=1, text=text)
    corpus = Corpus(sources=[source], speakers=SpeakerIndex([]), passages=[passage])
    kb = KnowledgeBase(corpus, Glossary({}), cast(HybridSearcher, None), None)
    query = kb.analyze("審計局查出被騙領的算力券有多少錢？目前追回了多少？")
    assert query.unknown_names == []


def test_a_name_written_by_sound_is_the_library_s_latin_name_not_someone_unknown() -> None:
    """'安斯蒂說…' is the Ansty the articles quote in English, not a person no article names."""
    ansty = Speaker(name="Gerald Ansty", kind="person", role="county commissioner", aliases=("Ansty",))
    text = "Commissioner Gerald Ansty said the county had been promised about $120 million a year."
    source = Source(
        id="county", file="county.md", title="County deal", publisher="Wire", language="en", text=text
    )
    passage = Passage(
        id="county:1.1", source_id="county", paragraph=1, sentence=1, text=text, speaker=ansty.name
    )
    corpus = Corpus(sources=[source], speakers=SpeakerIndex([ansty]), passages=[passage])
    kb = KnowledgeBase(corpus, Glossary({}), cast(HybridSearcher, None), None)
    query = kb.analyze("安斯蒂說當初郡政府被承諾每年可以收到多少稅？")
    assert query.speakers == [ansty] and query.unknown_names == []
