"""Speaker attribution against a hand-labelled list of every attributed passage."""

from __future__ import annotations

from pathlib import Path

import yaml

from knowledge.attribution import attribute_paragraphs
from knowledge.corpus import load_corpus
from knowledge.passages import Passage
from knowledge.speakers import SpeakerIndex

LABELS = Path(__file__).resolve().parent.parent / "data" / "attribution_labels.yaml"


def _labelled(passages: list[Passage]) -> dict[str, str | None]:
    labels: dict[str, str | None] = {p.id: None for p in passages}
    for entry in yaml.safe_load(LABELS.read_text(encoding="utf-8")):
        [passage] = [p for p in passages if p.source_id == entry["source"] and p.text.startswith(entry["starts"])]
        labels[passage.id] = entry["speaker"]
    return labels


def test_attribution_matches_the_hand_labels() -> None:
    passages = load_corpus().passages
    labels = _labelled(passages)
    wrong = [(p.id, p.speaker, labels[p.id], p.text[:30]) for p in passages if p.speaker != labels[p.id]]
    accuracy = 1 - len(wrong) / len(passages)
    print(f"attribution accuracy {accuracy:.1%} over {len(passages)} passages "
          f"({sum(v is not None for v in labels.values())} attributed)")
    assert wrong == []


def test_pronouns_carry_the_last_named_person_not_an_object() -> None:
    index = load_corpus().speakers
    paragraphs = [["Anthropic首席执行官达里奥·阿莫代伊也抨击了他的竞争对手。"],
                  ["他没有点名萨姆·阿尔特曼和OpenAI,但暗示很明显。", "“有些参与者在‘孤注一掷’,”他说。"]]
    result = attribute_paragraphs(paragraphs, index)
    assert [s.name if s else None for row in result for s in row] == ["Dario Amodei"] * 3


def test_names_inside_quotes_are_not_speakers() -> None:
    index = load_corpus().speakers
    [[speaker]] = attribute_paragraphs([["“其次,布拉德,如果你想出售你的股票,我会给你找买家,”奥特曼回答道。"]], index)
    assert speaker is not None and speaker.name == "Sam Altman"


def test_an_organization_covers_the_run_of_figures_after_it(tmp_path: Path) -> None:
    index: SpeakerIndex = load_corpus().speakers
    paragraph = ["近期德意志银行的一张图表显示:亚马逊在盈利前烧掉了30亿美元。", "而OpenAI预计到2029年将烧掉1400亿美元。",
                 "这让人担忧。"]
    [row] = attribute_paragraphs([paragraph], index)
    assert [s.name if s else None for s in row] == ["Deutsche Bank", "Deutsche Bank", None]


def test_english_reporting_verbs() -> None:
    index = load_corpus().speakers
    [row] = attribute_paragraphs([["“It is a bubble,” said Sam Altman.", "He added that nobody knows who will lose."]],
                                 index)
    assert [s.name if s else None for s in row] == ["Sam Altman", "Sam Altman"]
