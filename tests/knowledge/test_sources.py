"""Source loading and validation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge.corpus import PACKAGED_CORPUS, load_corpus
from knowledge.errors import CorpusError
from knowledge.sources import load_sources


def _copy_corpus(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(PACKAGED_CORPUS, target)
    return target


def test_packaged_sources_carry_metadata() -> None:
    sources = load_sources(PACKAGED_CORPUS)
    assert {s.language for s in sources} == {"zh-Hans", "zh-Hant"}
    assert {s.translation_of for s in sources} == {"The Verge", "MIT Technology Review"}
    assert all(s.text for s in sources)


def test_a_bad_language_names_the_file_and_field(tmp_path: Path) -> None:
    corpus = _copy_corpus(tmp_path)
    meta = corpus / "sources.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace("language: zh-Hant", "language: klingon"), "utf-8"
    )
    with pytest.raises(CorpusError, match=r"sources.yaml entry 0: field 'language'"):
        load_sources(corpus)


def test_a_missing_article_file_names_it(tmp_path: Path) -> None:
    corpus = _copy_corpus(tmp_path)
    (corpus / "sources" / "techreview-ai-bubble.zh-Hans.txt").unlink()
    with pytest.raises(CorpusError, match=r"techreview-ai-bubble.zh-Hans.txt: field 'file'"):
        load_sources(corpus)


def test_a_gloss_that_matches_no_passage_is_rejected(tmp_path: Path) -> None:
    corpus = _copy_corpus(tmp_path)
    with (corpus / "glosses.yaml").open("a", encoding="utf-8") as handle:
        handle.write("- {source: techreview-ai-bubble, anchor: 这句话不在文章里, en: invented}\n")
    with pytest.raises(CorpusError, match="matches no passage"):
        load_corpus(corpus)


def test_an_override_must_name_a_real_passage_and_speaker(tmp_path: Path) -> None:
    corpus = _copy_corpus(tmp_path)
    (corpus / "attribution_overrides.yaml").write_text(
        "- {source: techreview-ai-bubble, text: 这取决于你问谁, speaker: Nobody Known}\n", "utf-8"
    )
    with pytest.raises(CorpusError, match="unknown speaker"):
        load_corpus(corpus)
    (corpus / "attribution_overrides.yaml").write_text(
        "- {source: techreview-ai-bubble, text: 这取决于你问谁, speaker: Sam Altman}\n", "utf-8"
    )
    passage = next(p for p in load_corpus(corpus).passages if p.text.startswith("这取决于你问谁"))
    assert passage.speaker == "Sam Altman"
