"""Follow-ups that lean on the thread: elliptical ones and pronouns that mean the last answer's speaker."""

from __future__ import annotations

from bot.followup import resolve_followup
from bot.service import AnswerService
from knowledge.base import KnowledgeBase


def test_pronouns_resolve_to_the_person_the_last_question_names(kb: KnowledgeBase) -> None:
    speakers = kb.corpus.speakers
    assert "达里奥·阿莫代伊" in resolve_followup("他为什么这么说？", ["阿莫代伊怎么看AI泡沫？"], speakers)
    assert "Bret Taylor" in resolve_followup(
        "what else did he say?", ["Does Bret Taylor think we are in a bubble?"], speakers
    )
    assert resolve_followup(
        "Why did she say that?", ["Is AI a bubble?"], speakers, last_speaker="Dario Amodei"
    ).startswith("Why did Dario Amodei say that?")


def test_questions_without_a_pronoun_are_unchanged(kb: KnowledgeBase) -> None:
    speakers = kb.corpus.speakers
    assert resolve_followup("其他公司怎么看？", ["阿莫代伊怎么看AI泡沫？"], speakers) == "其他公司怎么看？"
    assert resolve_followup("Why did he say that?", [], speakers) == "Why did he say that?"


def test_why_did_he_say_that_is_answered_about_the_last_answers_speaker(service: AnswerService) -> None:
    first = "Who said that AI is a bubble comparable to the internet?"
    assert service.ask(first).citations[0].speaker == "Bret Taylor"
    answer = service.ask("Why did he say that?", history=[first])
    assert not answer.abstained and answer.citations[0].speaker == "Bret Taylor"


def test_chinese_pronoun_follow_up_is_answered_about_the_named_speaker(service: AnswerService) -> None:
    answer = service.ask("他为什么这么说？", history=["阿莫代伊怎么看AI泡沫？"])
    assert answer.language == "zh-Hans" and not answer.abstained
    assert answer.citations[0].speaker == "Dario Amodei"
