"""The conversation core through the toy platform: it answers, de-duplicates, rate-limits, remembers, votes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bot.chat.place import Place
from bot.chat.replies import AnswerReply, Notice, SourcesReply
from bot.store import StateStore
from tests.bot.chat.toy_platform import NAME, FakeAnswerService, ToyBot


def test_a_question_is_answered_in_the_channel_and_saved_for_its_buttons(toy: ToyBot) -> None:
    toy.message("How much will OpenAI spend?", event_id="e1")
    [(place, reply)] = toy.platform.posted
    assert isinstance(reply, AnswerReply) and reply.answer_id is not None
    assert "$1.4 trillion" in reply.answer.answer and place.channel == "general"
    toy.command("sources")
    [(_, sources)] = toy.platform.told
    assert isinstance(sources, SourcesReply) and sources.answer.citations[0].speaker == "Sam Altman"


def test_a_redelivered_event_is_answered_once_even_by_another_replica(
    make_toy: Callable[..., ToyBot], toy: ToyBot
) -> None:
    toy.message("Is AI a bubble?", event_id="same")
    toy.message("Is AI a bubble?", event_id="same")
    replica = make_toy()
    replica.message("Is AI a bubble?", event_id="same")
    assert len(toy.platform.posted) == 1 and replica.platform.posted == []
    assert len(toy.service.asked) + len(replica.service.asked) == 1


def test_over_the_rate_limit_a_user_is_told_once_in_their_language(make_toy: Callable[..., ToyBot]) -> None:
    toy = make_toy(rate_limit=2)
    for n in range(5):
        toy.message(f"泡沫会破裂吗？第{n}次")
    assert len(toy.platform.posted) == 2
    [(_, warning)] = toy.platform.told
    assert isinstance(warning, Notice) and "你提问得太快了" in warning.text
    toy.message("Is it a bubble?", user="bob")  # another user is not limited
    assert len(toy.platform.posted) == 3


def test_a_thread_follow_up_carries_the_earlier_questions(toy: ToyBot) -> None:
    toy.message("What did Altman say about compute?", thread="t1")
    toy.message("and Anthropic?", thread="t1")
    toy.message("Unrelated question", thread="t2")
    assert toy.service.asked[1] == ("and Anthropic?", ["What did Altman say about compute?"])
    assert toy.service.asked[2][1] == []


def test_a_dm_follows_up_on_the_previous_question(toy: ToyBot) -> None:
    toy.message("Who is Bret Taylor?", channel="dm-ann", dm=True)
    toy.message("and his view on the bubble?", channel="dm-ann", dm=True)
    assert toy.service.asked[1][1] == ["Who is Bret Taylor?"]


def test_empty_and_too_long_questions_are_refused_before_any_work(toy: ToyBot) -> None:
    toy.message("   ")
    toy.message("x" * 500)
    assert toy.service.asked == [] and toy.platform.posted == []
    assert [
        "Please ask a question" in r.text or "500 characters" in r.text
        for _, r in toy.platform.told
        if isinstance(r, Notice)
    ] == [True, True]


def test_votes_are_recorded_once_per_user_and_only_where_the_answer_was_given(
    toy: ToyBot, store: StateStore
) -> None:
    toy.message("Is AI a bubble?")
    [(_, answer)] = toy.platform.posted
    assert isinstance(answer, AnswerReply) and answer.answer_id is not None
    here = Place(NAME, "general", "bob")
    assert "Thanks" in toy.conversation.vote(here, answer.answer_id, 1).text
    assert "Thanks" in toy.conversation.vote(here, answer.answer_id, -1).text
    assert store.vote_totals(answer.answer_id) == (0, 1)
    elsewhere = toy.conversation.vote(Place(NAME, "random", "bob"), answer.answer_id, 1)
    assert "another conversation" in elsewhere.text
    assert "no longer have" in toy.conversation.vote(here, 10**9, 1).text


def test_without_a_store_it_still_answers_and_deduplicates_in_memory(tmp_path: Path) -> None:
    toy = ToyBot(None, tmp_path, service=FakeAnswerService())
    toy.message("Is AI a bubble?", event_id="e")
    toy.message("Is AI a bubble?", event_id="e")
    [(_, reply)] = toy.platform.posted
    assert isinstance(reply, AnswerReply) and reply.answer_id is None
    toy.command("sources")
    [(_, notice)] = toy.platform.told
    assert isinstance(notice, Notice) and "database" in notice.text
