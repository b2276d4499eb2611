"""What a reader sees in an answer: their language and script, each name once, quotes verbatim and marked."""

from __future__ import annotations

import re

from bot.compose import compose_abstention, compose_answer, make_citation
from bot.evidence import Abstention, Evidence
from bot.render_text import citation_line, render_sources
from bot.service import AnswerService
from knowledge.corpus import Corpus
from knowledge.figures import find_figures
from knowledge.passages import Passage
from knowledge.query import QueryAnalysis
from knowledge.search import Hit
from knowledge.sources import Source
from knowledge.speakers import Speaker, SpeakerIndex

CJK = re.compile(r"[\u3400-\u9fff]")

ZHOU = Speaker(
    name="Zhou Min",
    kind="person",
    role="CFO, 禾跃半导体",
    role_zh="禾跃半导体首席财务官",
    name_zh="周敏",
    aliases=("周敏",),
)
POWELL = Speaker(
    name="Jerome Powell",
    kind="person",
    role="chair, Federal Reserve",
    role_zh="美联储主席",
    name_zh="杰罗姆·鲍威尔",
    aliases=("鲍威尔", "Powell"),
)
ALTMAN = Speaker(
    name="Sam Altman",
    kind="person",
    role="CEO, OpenAI",
    role_zh="OpenAI首席执行官",
    name_zh="萨姆·阿尔特曼",
    aliases=("Altman", "阿尔特曼"),
    positions=(("ceo", "OpenAI"),),
)
ZH_QUOTE = "她预计，禾跃今年营收将达到人民币42亿元，约为去年的2.5倍。"
EN_QUOTE = (
    "UBS strategists estimate that data centers will need about $900 billion of outside financing by 2028."
)


def _passage(pid: str, source: str, text: str, speaker: str | None, gloss: str | None = None) -> Passage:
    return Passage(
        id=pid,
        source_id=source,
        paragraph=1,
        sentence=1,
        text=text,
        speaker=speaker,
        figures=find_figures(text),
        gloss_en=gloss,
    )


def _corpus() -> Corpus:
    sources = [
        Source(
            id="zh-news",
            file="zh.txt",
            title="禾跃半导体：订单已排到明年",
            publisher="湾区财经观察",
            language="zh-Hans",
            text=ZH_QUOTE,
        ),
        Source(
            id="en-news",
            file="en.txt",
            title="Regulators eye AI debt",
            publisher="Basis Point Review",
            language="en",
            text=EN_QUOTE,
        ),
    ]
    passages = [
        _passage("zh-news:1.1", "zh-news", ZH_QUOTE, "Zhou Min"),
        _passage("en-news:1.1", "en-news", EN_QUOTE, "Jerome Powell"),
        _passage(
            "en-news:2.1",
            "en-news",
            "OpenAI's Sam Altman said the company would keep spending.",
            "Sam Altman",
        ),
    ]
    return Corpus(sources=sources, speakers=SpeakerIndex([ZHOU, POWELL, ALTMAN]), passages=passages)


def _answer(corpus: Corpus, passage_id: str, language: str, kind: str = "how_much") -> str:
    passage = corpus.by_id[passage_id]
    query = QueryAnalysis(text="?", language=language, kind=kind)
    evidence = Evidence(
        hits=[Hit(passage=passage, score=1.0)], focus=passage.figures[0] if passage.figures else None
    )
    return compose_answer(query, evidence, corpus)[0]


def test_english_reader_of_a_chinese_passage_reads_english_outside_the_verbatim_quote() -> None:
    text = _answer(_corpus(), "zh-news:1.1", "en")
    assert ZH_QUOTE in text and "(in Chinese)" in text
    assert not CJK.search(text.replace(ZH_QUOTE, ""))
    assert "Zhou Min (CFO, Heyue Semiconductor)" in text and "CNY 4.2 billion" in text
    assert text.count("CNY 4.2 billion") == 1  # the sentence gives the figure; no lead repeats it


def test_chinese_reader_of_an_english_passage_reads_chinese_and_the_quote_marked() -> None:
    text = _answer(_corpus(), "en-news:1.1", "zh-Hans")
    assert EN_QUOTE in text and "（英文原文）" in text
    assert "杰罗姆·鲍威尔（美联储主席）" in text and "9,000亿美元" in text
    assert "Jerome Powell" not in text
    hant = _answer(_corpus(), "en-news:1.1", "zh-Hant")
    assert "傑羅姆·鮑威爾" in hant and "9,000億美元" in hant


def test_citation_keeps_the_quote_verbatim_and_marks_its_language() -> None:
    corpus = _corpus()
    citation = make_citation(corpus.by_id["zh-news:1.1"], corpus, language="en")
    assert citation.quote == ZH_QUOTE and all(f.text in citation.quote for f in citation.figures)
    assert citation.quote_language == "zh-Hans" and citation.speaker == "Zhou Min"
    assert citation_line(citation, "en").startswith(
        "Zhou Min · CFO, Heyue Semiconductor · CNY 4.2 billion, 2.5x"
    )
    zh = make_citation(corpus.by_id["zh-news:1.1"], corpus, language="zh-Hans")
    assert citation_line(zh, "zh-Hans").startswith("周敏 · 禾跃半导体首席财务官 · 人民币42亿元")
    assert zh.speaker == "Zhou Min"  # the contract keeps the canonical name


def test_a_possessive_organization_is_not_followed_by_the_role_again() -> None:
    text = _answer(_corpus(), "en-news:2.1", "en", kind="what")
    assert "OpenAI's Sam Altman said" in text and "(CEO, OpenAI)" not in text


def test_a_role_the_article_gives_after_the_name_is_not_added_again() -> None:
    corpus = _corpus()
    text = "Jerome Powell, chair of the Federal Reserve, said the debt was not yet a systemic risk."
    corpus.by_id["en-news:1.1"] = _passage("en-news:1.1", "en-news", text, "Jerome Powell")
    answer = _answer(corpus, "en-news:1.1", "en", kind="what")
    assert (
        answer.lower().count("chair") == 1 and "Jerome Powell, chair of the Federal Reserve, said" in answer
    )


def test_a_who_clause_after_the_name_is_not_followed_by_the_role_again() -> None:
    corpus = _corpus()
    text = "Jerome Powell, who oversees the central bank's rate decisions, said the debt was not yet a systemic risk."
    corpus.by_id["en-news:1.1"] = _passage("en-news:1.1", "en-news", text, "Jerome Powell")
    answer = _answer(corpus, "en-news:1.1", "en", kind="what")
    assert "Jerome Powell, who oversees" in answer and "(chair" not in answer.lower()


def test_a_name_ending_in_s_takes_an_apostrophe_alone() -> None:
    corpus = _corpus()
    calloway = Speaker(
        name="Calloway Power Systems", kind="organization", role="turbine maker", aliases=("Calloway",)
    )
    text = "Calloway's order backlog reached 41 gigawatts at the end of May, the company said."
    passage = _passage("en-news:3.1", "en-news", text, "Calloway Power Systems")
    corpus = Corpus(
        sources=corpus.sources,
        speakers=SpeakerIndex([ZHOU, POWELL, ALTMAN, calloway]),
        passages=[*corpus.passages, passage],
    )
    answer = _answer(corpus, "en-news:3.1", "en")
    assert "Calloway Power Systems' order backlog" in answer and "Systems's" not in answer


def test_an_unnamed_source_the_passage_describes_is_not_named_again() -> None:
    corpus = _corpus()
    bankers = Speaker(
        name="unnamed: two bankers who worked on the sale", kind="organization", role="unnamed source"
    )
    text = "Orders peaked at about 4.3 times the amount on offer, according to two bankers who worked on the sale."
    passage = _passage("en-news:4.1", "en-news", text, bankers.name)
    corpus = Corpus(
        sources=corpus.sources,
        speakers=SpeakerIndex([ZHOU, POWELL, ALTMAN, bankers]),
        passages=[*corpus.passages, passage],
    )
    answer = _answer(corpus, "en-news:4.1", "en")
    assert answer.lower().count("two bankers") == 1 and "unnamed" not in answer


def test_english_answers_show_english_figures_names_and_titles(service: AnswerService) -> None:
    answer = service.ask("What compute target did Sam Altman set for OpenAI by 2033?")
    assert "250 GW" in answer.answer and not CJK.search(answer.answer)
    assert not any(CJK.search(citation_line(c, "en")) for c in answer.citations)
    sources = render_sources(answer)
    assert "Is the AI bubble here?" in sources and "(in Chinese)" in sources


def test_chinese_answers_name_speakers_in_chinese(service: AnswerService) -> None:
    answer = service.ask("达里奥·阿莫代伊怎么看AI泡沫？")
    assert "达里奥·阿莫代伊（Anthropic首席执行官）" in answer.answer
    assert "Dario Amodei" not in answer.answer and "CEO, Anthropic" not in answer.answer
    assert citation_line(answer.citations[0], "zh-Hans").startswith("达里奥·阿莫代伊 · Anthropic首席执行官")
    assert answer.citations[0].speaker == "Dario Amodei"


def test_traditional_answers_use_taiwan_phrasing(service: AnswerService) -> None:
    answer = service.ask("Bret Taylor 說了什麼？")
    assert answer.language == "zh-Hant"
    assert "執行長" in answer.answer and "首席執行官" not in answer.answer
    assert "布雷特·泰勒" in answer.answer and "佈雷特" not in answer.answer


def test_who_answers_name_the_person_once(service: AnswerService) -> None:
    answer = service.ask("Who said that AI is a bubble comparable to the internet?")
    assert answer.answer.startswith("That was Bret Taylor (chair of OpenAI; CEO, Sierra).")
    assert answer.answer.count("Bret Taylor") == 1 and answer.answer.count("CEO, Sierra") == 1


def test_no_repeated_attribution_or_nested_quotes(service: AnswerService) -> None:
    for question in (
        "达里奥·阿莫代伊怎么看AI泡沫？",
        "阿莫代伊怎么看AI泡沫？",
        "What did Dario Amodei say about the bubble?",
    ):
        text = service.ask(question).answer
        assert not re.search(r"表示：(?:他|她)", text) and "““" not in text
        assert text.count("(CEO, Anthropic)") <= 1 and text.count("（Anthropic首席执行官）") <= 1


def test_a_refusal_names_what_the_articles_do_have_instead_of_the_asked_figure() -> None:
    corpus = _corpus()
    passage = corpus.by_id["en-news:1.1"]
    text = compose_abstention(Abstention("no_figure", nearest=(passage, passage.figures[0])), corpus, "en")
    assert text.startswith(
        "The articles I cover don't give that number. The nearest figure they give is $900 billion"
    )
    assert "Regulators eye AI debt" in text


def test_a_refusal_summarizes_a_large_library_instead_of_listing_it() -> None:
    corpus = _corpus()
    many = [
        Source(id=f"story-{n:03d}", file=f"{n}.txt", title=f"Story number {n}", publisher="P", language="en")
        for n in range(40)
    ]
    big = Corpus(sources=corpus.sources + many, speakers=corpus.speakers, passages=corpus.passages)
    text = compose_abstention(Abstention("irrelevant"), big, "en")
    assert "I answer from 42 articles" in text and "and 37 more" in text
    assert "Story number 39" in text and "Story number 3;" not in text
    assert "另有37篇" in compose_abstention(Abstention("irrelevant"), big, "zh-Hans")


def test_a_cross_language_answer_names_the_figure_by_the_measure_asked() -> None:
    text = "He estimates that the average discount on AI stakes sold in secondary deals widened to 31% this quarter."
    source = Source(id="sec", file="s.txt", title="Secondaries", publisher="P", language="en", text=text)
    passage = _passage("sec:1.1", "sec", text, "Jerome Powell")
    corpus = Corpus(sources=[source], speakers=SpeakerIndex([POWELL]), passages=[passage])
    query = QueryAnalysis(text="二手市场折价多少？", language="zh-Hans", kind="how_much", measures={"price"})
    answer = compose_answer(
        query, Evidence(hits=[Hit(passage=passage, score=1.0)], focus=passage.figures[0]), corpus
    )
    assert "价格为31%" in answer[0] and "支出" not in answer[0]


def test_a_percentage_of_a_measure_is_named_as_a_share_of_it() -> None:
    text = "She said AI products now account for 31% of annual recurring revenue."
    source = Source(id="arr", file="a.txt", title="ARR", publisher="P", language="en", text=text)
    passage = _passage("arr:1.1", "arr", text, "Jerome Powell")
    corpus = Corpus(sources=[source], speakers=SpeakerIndex([POWELL]), passages=[passage])
    query = QueryAnalysis(
        text="AI产品占年度经常性收入多少？", language="zh-Hans", kind="how_much", measures={"share"}
    )
    answer = compose_answer(
        query, Evidence(hits=[Hit(passage=passage, score=1.0)], focus=passage.figures[0]), corpus
    )
    assert "占比为31%" in answer[0] and "营收为" not in answer[0]


def test_a_deputy_bureau_chief_named_with_the_title_is_not_followed_by_the_role_again() -> None:
    corpus = _corpus()
    text = "禾跃半导体副局长周敏在通报会上表示，算力券带动了超过30亿元的算力采购。"
    corpus.by_id["zh-news:1.1"] = _passage("zh-news:1.1", "zh-news", text, "Zhou Min")
    answer = _answer(corpus, "zh-news:1.1", "zh-Hans")
    assert "周敏（" not in answer and "副局长周敏在通报会上表示" in answer


def test_a_companys_short_name_inside_its_full_name_is_left_as_written() -> None:
    """ "岚鑫科技集团（下称「岚鑫」）" is quoted whole: the short name is not replaced inside the full one."""
    corpus = _corpus()
    lanxin = Speaker(name="岚鑫同日", kind="organization", role="organization", aliases=("岚鑫",))
    text = "港股上市的分销商岚鑫科技集团（下称「岚鑫」）昨日公布中期业绩，收入增长36%至约18.4亿美元。"
    passage = _passage("zh-news:2.1", "zh-news", text, lanxin.name)
    corpus = Corpus(
        sources=corpus.sources,
        speakers=SpeakerIndex([ZHOU, POWELL, ALTMAN, lanxin]),
        passages=[*corpus.passages, passage],
    )
    answer = _answer(corpus, "zh-news:2.1", "zh-Hans")
    assert "岚鑫科技集团（下称「岚鑫」）" in answer and "岚鑫同日科技" not in answer
