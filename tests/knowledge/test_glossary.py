"""The packaged glossary: English finance words reach the Chinese words the articles use."""

from __future__ import annotations

import pytest

from knowledge.corpus import PACKAGED_CORPUS
from knowledge.glossary import load_glossary

GLOSSARY = load_glossary(PACKAGED_CORPUS / "glossary.yaml")


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("What are labs paying star PhD grads?", "博士"),
        ("What salary do labs offer star PhD grads?", "年薪"),
        ("How big was the goodwill write-down?", "商誉"),
        ("How many margin calls went out?", "追加保证金"),
        ("What did the arena naming rights cost?", "冠名权"),
        ("How much did the company borrow in loans?", "借钱"),
        ("Who sold credit default swaps on the cloud firm?", "信用违约互换"),
        ("How big is the global market for robot arms?", "全球"),
        ("What do contractors pay crews a day for meals?", "承包商"),
        ("What do contractors pay crews a day for meals?", "每天"),
        ("What do contractors pay crews a day for meals?", "伙食"),
        ("What rack utilisation does the cloud unit report?", "上架率"),
        ("Who makes the low-Dk glass fibre cloth?", "低介电"),
        ("Who makes the low-Dk glass fibre cloth?", "电子布"),
        ("How much securitisation was issued?", "证券化"),
        ("What rack utilisation do the new computing parks run at?", "上架率"),
        ("How much did the Series B bring in?", "b轮"),
        ("What liquidation preference do the new investors get?", "清算优先权"),
        ("How deep a discount is the rights issue priced at?", "供股"),
        ("How deep a discount is the rights issue priced at?", "折让"),
        ("What take rate does the marketplace keep?", "抽成"),
        ("How much debt with interest does the city fund carry?", "有息负债"),
    ],
)
def test_english_question_reaches_the_chinese_term(question: str, term: str) -> None:
    assert term in GLOSSARY.expand(question)


def test_every_entry_is_a_list_of_terms() -> None:
    assert all(terms for terms in GLOSSARY.entries.values())


def test_taiwans_word_for_eps_and_a_cap_table_reach_the_chinese_terms() -> None:
    assert "每股纯益" in GLOSSARY.expand("What EPS growth does the company expect next year?")
    assert "股权表" in GLOSSARY.expand("How much do employees hold according to the cap table?")
