"""Sentences that say an answer was withheld."""

from __future__ import annotations

from bot.refusals import stronger_refusal, withheld_breakdown
from knowledge.corpus import Corpus
from knowledge.figures import find_figures
from knowledge.passages import Passage
from knowledge.query import QueryAnalysis
from knowledge.search import Hit
from knowledge.sources import Source
from knowledge.speakers import SpeakerIndex

TOTAL = "崇远电能宣布，董事会通过新台币185亿元的资本支出计划，将在桃园与泰国各建一座新厂。"
WITHHELD = "公司未透露两座新厂各自的投资金额。"


def _corpus(second: str) -> Corpus:
    source = Source(id="cy", file="cy.md", title="崇远扩产", publisher="日报", language="zh-Hans", text="…")
    passages = [
        Passage(
            id="cy:1.1", source_id="cy", paragraph=1, sentence=1, text=TOTAL, figures=find_figures(TOTAL)
        ),
        Passage(
            id="cy:1.2", source_id="cy", paragraph=1, sentence=2, text=second, figures=find_figures(second)
        ),
    ]
    return Corpus(sources=[source], speakers=SpeakerIndex([]), passages=passages)


def _question(measures: set[str]) -> QueryAnalysis:
    return QueryAnalysis(
        text="崇远泰国那座新厂要砸多少钱？",
        language="zh-Hans",
        kind="how_much",
        wants_figure=True,
        measures=measures,
    )


def test_a_total_whose_parts_were_not_disclosed_does_not_answer_for_one_part() -> None:
    corpus = _corpus(WITHHELD)
    withheld = withheld_breakdown(corpus.by_id["cy:1.1"], _question({"spending"}), corpus)
    assert withheld is not None and withheld.text == WITHHELD


def test_a_refusal_about_something_else_leaves_the_total_standing() -> None:
    corpus = _corpus("公司未透露新厂的客户名单。")
    assert withheld_breakdown(corpus.by_id["cy:1.1"], _question({"spending"}), corpus) is None


def _scored(text: str, coverage: float) -> Hit:
    passage = Passage(
        id=f"hk:{int(coverage * 10)}.1",
        source_id="hk",
        paragraph=int(coverage * 10),
        sentence=1,
        text=text,
        figures=find_figures(text),
    )
    return Hit(passage, 1.0, coverage=coverage)


def test_a_refusal_that_fits_far_better_than_the_figure_stands_for_the_answer() -> None:
    refusal = _scored("麥淑儀未有透露Veyridge會分擔多少降價損失，只稱雙方「已有共識」。", 0.68)
    price_cut = _scored("Wrenfield said the company had cut the price of its accelerator by about 25%.", 0.13)
    assert stronger_refusal([refusal, price_cut], price_cut) is refusal
    close = _scored("The company cut the price it shares with distributors by about 25%.", 0.5)
    assert stronger_refusal([refusal, close], close) is None


def test_a_refusal_naming_the_asked_measure_needs_only_to_fit_as_well_as_the_figure() -> None:
    refusal = _scored("財務長補充，美國案將分三年認列營收，但她未予透露該案的預估毛利率。", 0.55)
    company = _scored("她表示，公司今年前三季毛利率為12.6%，較去年同期提高1.9個百分點。", 0.5)
    assert stronger_refusal([refusal, company], company, {"margin"}) is refusal
    assert stronger_refusal([refusal, company], company) is None


def test_a_refusal_in_the_other_language_stands_when_its_meaning_fits_far_better() -> None:
    refusal = _scored(
        "Gray declined to say what the system would owe the vendor if it ended the contract early.", 0.38
    )
    refusal.dense = 0.6
    contract = _scored("The system has signed a seven-year, $740 million contract with the vendor.", 0.37)
    contract.dense = 0.27
    assert stronger_refusal([refusal, contract], contract) is refusal
    contract.dense = 0.45
    assert stronger_refusal([refusal, contract], contract) is None


def test_a_refusal_naming_the_asked_measure_stands_when_it_fits_in_words_and_meaning_at_least_as_well() -> (
    None
):
    refusal = _scored("她表示，越南新廠將於明年第三季量產，但未透露投資金額。", 0.25)
    refusal.dense = 0.5
    raise_ = _scored("董事會已通過現金增資，可募資約新台幣30億元，主要用於擴充越南與印度產能。", 0.25)
    raise_.dense = 0.35
    assert stronger_refusal([raise_, refusal], raise_, {"spending"}) is refusal
    # a figure whose meaning fits about as well keeps the answer
    raise_.dense = 0.45
    assert stronger_refusal([raise_, refusal], raise_, {"spending"}) is None


def test_a_figure_from_an_unnamed_source_stands_against_a_named_source_s_refusal() -> None:
    refusal = _scored("She declined to say what rent Brightmoor will pay per kilowatt.", 0.45)
    refusal.dense = 0.55
    leak = _scored(
        "A person close to the talks said Brightmoor would pay about $140 per kilowatt a month.", 0.3
    )
    leak.dense = 0.35
    assert stronger_refusal([leak, refusal], leak, {"rent"}) is refusal
    # what the company withholds, a source the article leaves unnamed gives: the figure is the answer
    leak.passage.speaker = "unnamed: a person close to the talks"
    assert stronger_refusal([leak, refusal], leak, {"rent"}) is None


def test_a_refusal_to_give_a_part_of_a_total_does_not_withhold_the_total() -> None:
    refusal = _scored(
        "Malden declined to say how much of the quarter's revenue came from its largest customer.", 0.55
    )
    total = _scored("The company reported third-quarter revenue of $2.41 billion, up 57%.", 0.55)
    assert stronger_refusal([refusal, total], total, {"revenue", "growth"}) is None
    # asked for the part, the refusal stands
    assert stronger_refusal([refusal, total], total, {"revenue", "share"}) is refusal


def test_a_refusal_to_comment_on_a_stake_s_returns_withholds_them_whatever_the_stake() -> None:
    refusal = _scored("Montclair Hale declined to comment on the returns it expects from the stake.", 0.6)
    estimate = _scored(
        "He estimates that the sites will earn a return of 6% to 7% on the capital invested.", 0.3
    )
    assert stronger_refusal([refusal, estimate], estimate, {"yield", "spending"}) is refusal
