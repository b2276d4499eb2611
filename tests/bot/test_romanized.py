"""Chinese names an English question spells in pinyin, found in the Chinese passages that write them."""

from __future__ import annotations

from bot.figure_ranking import with_asked_figure
from bot.romanized import romanized_names, spells_any
from knowledge.corpus import Corpus
from knowledge.figures import find_figures
from knowledge.passages import Passage
from knowledge.query import QueryAnalysis
from knowledge.search import Hit
from knowledge.sources import Source
from knowledge.speakers import SpeakerIndex


def test_a_pinyin_name_is_found_in_any_reading_of_its_characters() -> None:
    """'Yuanzhou' is 芫州 (芫 read yuan, not only yan); 'guidance' and 'What' are no pinyin names."""
    names = romanized_names("what share of the Yuanzhou AI guidance fund does the city group own?")
    assert names == {"yuanzhou"}
    assert spells_any("基金最大出资方芫州城投持有60%的份额。", names)
    assert not spells_any("OpenAI豪掷5000亿建数据中心,95%投资零回报。", names)


def _passage(source_id: str, text: str) -> Passage:
    return Passage(
        id=f"{source_id}:1.1",
        source_id=source_id,
        paragraph=1,
        sentence=1,
        text=text,
        figures=find_figures(text),
    )


def test_the_chinese_passage_that_writes_the_asked_name_comes_first() -> None:
    """Of two Chinese passages with a share, the one writing 芫州 answers 'the Yuanzhou AI guidance fund'."""
    headline = _passage("seed", "据研究机构统计，全国引导基金约35%的份额由地方国资持有。")
    fund = _passage("yz", "基金最大出资方芫州城投持有60%的份额。")
    sources = [
        Source(id="seed", file="s.md", title="引导基金规模创新高", publisher="P", language="zh-Hans"),
        Source(id="yz", file="y.md", title="芫州引导基金新规", publisher="P", language="zh-Hans"),
    ]
    corpus = Corpus(sources=sources, speakers=SpeakerIndex([]), passages=[headline, fund])
    query = QueryAnalysis(
        text="what share of the Yuanzhou AI guidance fund does the city investment group own?",
        language="en",
        kind="how_much",
        wants_figure=True,
        units={"%"},
        measures={"share"},
    )
    ranked = with_asked_figure(query, [Hit(headline, 2.0), Hit(fund, 1.9)], [], corpus)
    assert ranked and ranked[0].passage is fund
