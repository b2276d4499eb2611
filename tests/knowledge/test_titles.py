"""Title words: a former holder asked, and a written title asked by its own word."""

from __future__ import annotations

import re

from knowledge.titles import TITLE_WORDS, former_titles, written_title_asked

PATTERNS = {key: re.compile("|".join(re.escape(w) for w in words)) for key, words in TITLE_WORDS.items()}


def test_a_title_asked_only_with_former_is_a_former_holders() -> None:
    """ "former chairman", "前董事长" ask a former holder; "目前董事长" the one in office."""
    assert "chair" in former_titles("lianfeng's former chairman", PATTERNS)
    assert "chair" in former_titles("联丰前董事长", PATTERNS)
    assert "chair" not in former_titles("联丰目前董事长", PATTERNS)
    assert "chair" not in former_titles("the former chairman and the chairman now", PATTERNS)


def test_a_written_title_is_asked_by_its_distinctive_word() -> None:
    """ "head of leveraged finance" is asked as the "leveraged-finance boss"; a gazetteer title never is."""
    assert written_title_asked("head of leveraged finance", "the lead bank's leveraged-finance boss")
    assert not written_title_asked("head of leveraged finance", "the lead bank's boss")
    assert not written_title_asked("cfo", "the cfo")
