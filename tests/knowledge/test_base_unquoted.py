"""An organization no passage quotes still speaks through the people quoted as holding a position there."""

from __future__ import annotations

from types import SimpleNamespace

from knowledge.base import KnowledgeBase
from knowledge.corpus import Corpus
from knowledge.passages import Passage
from knowledge.speakers import Speaker, SpeakerIndex

FIRM = Speaker(name="Wenlock Fee Analytics", kind="organization", role="consultancy", quoted=False)
BANK = Speaker(name="Pemberly Trust", kind="organization", role="bank", quoted=False)
HEAD = Speaker(
    name="Odile Carraway", kind="person", role="head", positions=(("ceo", "Wenlock Fee Analytics"),)
)
CLERK = Speaker(
    name="Ivo Marsh", kind="person", role="clerk", positions=(("staff", "Pemberly Trust"),), quoted=False
)


def _speaks(speaker: Speaker) -> bool:
    passage = Passage(
        id="a:1.1", source_id="a", paragraph=1, sentence=1, text="…", speaker=HEAD.name, figures=[]
    )
    corpus = Corpus(sources=[], speakers=SpeakerIndex([FIRM, BANK, HEAD, CLERK]), passages=[passage])
    return KnowledgeBase._speaks_through_people(SimpleNamespace(corpus=corpus), speaker)  # type: ignore[arg-type]


def test_a_firm_whose_head_is_quoted_speaks_through_her() -> None:
    assert _speaks(FIRM)


def test_a_firm_whose_only_employee_is_merely_mentioned_does_not_speak() -> None:
    assert not _speaks(BANK)
    assert not _speaks(HEAD)  # a person is quoted or not on their own
