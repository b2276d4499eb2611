"""The passages that join or lead an answer: replies to analysts, dates for when-questions, a speaker's number."""

from __future__ import annotations

from bot.supporting import (
    answer_not_question,
    dated_first,
    follow_up_figures,
    speakers_figure,
    with_replies,
)
from knowledge.corpus import Corpus
from knowledge.figures import find_figures
from knowledge.passages import Passage
from knowledge.search import Hit
from knowledge.sources import Source
from knowledge.speakers import SpeakerIndex

ARTICLE = [
    (
        "Greyfield Life's chief investment officer, Martin Osei, told analysts the loans were safe.",
        "Martin Osei",
    ),
    (
        "On that call, an analyst asked Osei how much of the portfolio was tied to a single tenant.",
        "Tom Raleigh",
    ),
    ("About 22%, Osei replied.", "Martin Osei"),
    ('"We are not going to triple the size of our factory," said Marcus Webb.', "Marcus Webb"),
    ("Marsh said the first two buildings would be energized in the second half of 2027.", "Angela Marsh"),
    ("The campus sits on former soybean fields three years ago bought.", None),
    ("Webb said the new line would lift output by about 25%, not triple it.", "Marcus Webb"),
]


def _article(source: Source, placed: list[tuple[int, int, str, str | None]]) -> Corpus:
    """A corpus of one article: each text at its (paragraph, sentence), with its speaker."""
    passages = [
        Passage(
            id=f"{source.id}:{paragraph}.{sentence}",
            source_id=source.id,
            paragraph=paragraph,
            sentence=sentence,
            text=text,
            speaker=speaker,
            figures=find_figures(text),
        )
        for paragraph, sentence, text, speaker in placed
    ]
    return Corpus(sources=[source], speakers=SpeakerIndex([]), passages=passages)


def _corpus() -> Corpus:
    source = Source(id="src", file="s.md", title="Insurers and turbines", publisher="Test", language="en")
    return _article(source, [(n, 1, text, speaker) for n, (text, speaker) in enumerate(ARTICLE, start=1)])


def test_an_analysts_question_brings_the_reply_after_it() -> None:
    corpus = _corpus()
    hits = with_replies([Hit(corpus.by_id["src:2.1"], 2.0)], corpus)
    assert [h.passage.text for h in hits][1] == "About 22%, Osei replied."


def test_the_number_a_speaker_gives_a_paragraph_or_two_later_joins_a_figure_question() -> None:
    corpus = _corpus()
    hits = follow_up_figures([Hit(corpus.by_id["src:1.1"], 2.0)], corpus, {"%"})
    assert hits[1].passage.id == "src:3.1"


def test_a_when_question_is_led_by_the_passage_that_names_a_time() -> None:
    corpus = _corpus()
    hits = dated_first([Hit(corpus.by_id["src:6.1"], 3.0), Hit(corpus.by_id["src:5.1"], 2.9)])
    assert hits[0].passage.speaker == "Angela Marsh"


def test_the_article_coming_back_to_a_speaker_with_a_figure_is_found() -> None:
    corpus = _corpus()
    later = speakers_figure(corpus.by_id["src:4.1"], corpus)
    assert later is not None and "25%" in later.text


def test_a_sentence_that_opens_with_the_question_put_to_the_speaker_is_the_answer() -> None:
    source = Source(id="fed", file="f.md", title="Fed", publisher="Test", language="en")
    texts = [
        "Asked whether AI stocks were in a bubble, Powell said it was not the Fed's job to judge asset prices.",
        "His remarks came days after the IMF published a staff paper.",
    ]
    passages = [
        Passage(id=f"fed:{n}.1", source_id="fed", paragraph=n, sentence=1, text=t, speaker=s)
        for n, (t, s) in enumerate(zip(texts, ["Jerome Powell", "IMF"], strict=True), start=1)
    ]
    corpus = Corpus(sources=[source], speakers=SpeakerIndex([]), passages=passages)
    hit = Hit(corpus.by_id["fed:1.1"], 2.0)
    assert answer_not_question(hit, corpus) is hit


def _paragraph(*sentences: tuple[str, str | None]) -> Corpus:
    """One article whose first paragraph holds the sentences, each with its speaker."""
    source = Source(id="fund", file="f.md", title="AI funds", publisher="Test", language="zh-Hans")
    return _article(source, [(1, n, text, speaker) for n, (text, speaker) in enumerate(sentences, start=1)])


def test_the_sentence_that_goes_on_about_what_the_lead_names_brings_its_figures() -> None:
    corpus = _paragraph(
        ("规模增长最快的是远澈基金旗下的远澈人工智能主题混合。", None),
        ("该基金规模从年初的18亿元猛增至236亿元。", None),
        ("另一家公司的基金规模为50亿元。", None),
    )
    hits = follow_up_figures([Hit(corpus.by_id["fund:1.1"], 2.0, coverage=0.5)], corpus, {"CNY"})
    assert [h.passage.id for h in hits] == ["fund:1.1", "fund:1.2"]
    unrelated = _paragraph(("规模增长最快的是远澈基金。", None), ("另一家公司的基金规模为50亿元。", None))
    assert len(follow_up_figures([Hit(unrelated.by_id["fund:1.1"], 2.0)], unrelated, {"CNY"})) == 1


def test_a_speakers_number_found_on_its_own_words_moves_up_beside_the_sentence_it_continues() -> None:
    corpus = _corpus()
    weak = Hit(corpus.by_id["src:3.1"], 1.0, coverage=0.1)
    hits = follow_up_figures([Hit(corpus.by_id["src:1.1"], 2.0, coverage=0.5), weak], corpus, {"%"})
    assert [h.passage.id for h in hits] == ["src:1.1", "src:3.1"] and hits[1].coverage == 0.5


def test_a_reply_to_the_paper_s_inquiry_is_the_answer_not_an_analyst_s_question() -> None:
    source = Source(id="zh", file="zh.md", title="试点", publisher="日报", language="zh-Hans")
    reply = "棠川市数据局在回复本报询问时表示，二期预算约2600万元。"
    corpus = _article(source, [(1, 1, reply, "棠川市数据局"), (1, 2, "温明说，一期不赚钱。", "Wen Ming")])
    hit = Hit(corpus.by_id["zh:1.1"], 1.0)
    assert answer_not_question(hit, corpus) is hit
