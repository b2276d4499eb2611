"""Interview transcripts: a labelled turn is its speaker's, every sentence of it; the interviewer asks, not says."""

from __future__ import annotations

from knowledge.attribution import attribute_source
from knowledge.speakers import SpeakerIndex


def speakers_of(paragraphs: list[list[str]], language: str) -> list[str | None]:
    """The speaker name of every sentence, read with no speaker known in advance."""
    result = attribute_source(paragraphs, language, SpeakerIndex([]))
    return [s.name if s else None for row in result.speakers for s in row]


def test_a_turn_labelled_with_a_surname_is_that_persons_and_the_interviewers_questions_are_no_ones() -> None:
    text = [
        ["Chief executive Halden Moreby spoke to Quayside Review at the group's offices."],
        ["**Quayside Review: The crane order is worth $700 million. Why so much steel?**"],
        [
            "Moreby: That $700 million includes maintenance, so the cranes cost about $480 million.",
            "The software matters more than the steel.",
        ],
        ["Q: What will it save?"],
        ["Moreby: About 15% of the cost of moving a box."],
    ]
    assert speakers_of(text, "en") == [None, None, "Halden Moreby", "Halden Moreby", None, "Halden Moreby"]


def test_a_label_that_names_no_one_the_article_introduced_is_not_a_turn() -> None:
    text = [
        ["Tresk Logistics said it would spend $1.1 billion on cranes, its chief executive Ama Boateng said."],
        ["Correction: An earlier version misstated the cost, which is $1.1 billion."],
    ]
    assert speakers_of(text, "en")[1] is None


def test_a_chinese_transcript_turn_is_the_named_analysts() -> None:
    text = [
        ["业绩会上，澄岳证券分析师韦知衡向公司提问。"],
        ["问：智算中心的实际投入是多少？"],
        ["韦知衡：按我们的测算，实际投入接近60亿元。", "这比公司披露的多出四成。"],
    ]
    assert speakers_of(text, "zh-Hans")[2:] == ["Wei Zhiheng", "Wei Zhiheng"]
    assert speakers_of(text, "zh-Hans")[1] is None


def test_a_bold_label_introduces_its_speaker_with_a_firm_or_a_title_after_the_name() -> None:
    """ "**Naomi Tredwell, Ferris Pike:** …" introduces an analyst; "**Hollis Brant, chief executive:**" an officer;
    "**Brant:**" is the same officer again."""
    text = [
        ["Corvane Networks signed $2.7 billion of fibre contracts, the company said."],
        ["**Naomi Tredwell, Ferris Pike:** You've told us most of this money comes in early, so how much?"],
        ["**Hollis Brant, chief executive:** About 65% of the contract value is paid during construction."],
        ["**Brant:** The later contracts are front-loaded."],
    ]
    result = attribute_source(text, "en", SpeakerIndex([]))
    by_name = {s.name: s for s in result.quoted}
    assert speakers_of(text, "en")[1:] == ["Naomi Tredwell", "Hollis Brant", "Hollis Brant"]
    assert ("ceo", "Corvane Networks") in by_name["Hollis Brant"].positions


def test_a_surname_label_is_the_person_the_article_named_in_full_before_the_interview() -> None:
    text = [
        ["We spoke to Cressida Thornby, who has managed the trust since 2019, about the premium."],
        ["Q: Why is the trust trading so far above its holdings?"],
        ["Thornby: People cannot buy our companies anywhere else."],
    ]
    assert speakers_of(text, "en") == [None, None, "Cressida Thornby"]


def test_an_unnamed_answer_is_the_interviewees() -> None:
    """ "答：…" after "本刊专访了霆晟总经理褚立安" is his answer; "问：…" is the interviewer's."""
    text = [
        ["本刊日前專訪霆晟總經理褚立安，以下為訪談摘要。"],
        ["問：外界估的數字是不是太高了？"],
        ["答：明年已經確定的訂單約8億美元。"],
    ]
    assert speakers_of(text, "zh-Hant") == [None, None, "Chu Li'an"]
