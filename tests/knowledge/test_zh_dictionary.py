"""Chinese search tokens from the mapped dictionary are jieba's own, words taught to it included."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from pathlib import Path

import jieba

from knowledge.zh_dictionary import mapped_tokenizer

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
TAUGHT = ["星海云", "周立衡", "算力租赁", "资本开支"]


def chinese_runs() -> list[str]:
    """Every run of Chinese characters in the test articles and questions."""
    runs: list[str] = []
    for path in sorted(ARTICLES.rglob("*")):
        if path.is_file():
            runs += re.findall(r"[\u3400-\u9fff]+", path.read_text(encoding="utf-8"))
    return runs


def test_cuts_equal_jiebas_with_its_own_dictionary_before_and_after_teaching_words() -> None:
    jieba.setLogLevel(logging.WARNING)
    reference, mapped = jieba.Tokenizer(), mapped_tokenizer()
    runs = chinese_runs()
    assert len(runs) > 100
    assert [mapped.lcut_for_search(r) for r in runs] == [reference.lcut_for_search(r) for r in runs]
    for word in TAUGHT:
        reference.add_word(word, freq=20000)
        mapped.add_word(word, freq=20000)
    assert [mapped.lcut_for_search(r) for r in runs] == [reference.lcut_for_search(r) for r in runs]
    assert [mapped.lcut(r) for r in runs] == [reference.lcut(r) for r in runs]
    assert "星海云" in mapped.lcut_for_search("星海云资本开支再创新高")


def test_a_process_that_tokenizes_chinese_loads_no_dictionary_of_its_own() -> None:
    # jieba's own load costs ~1 s and ~70 MB in every process; the mapped table is shared by them all.
    code = (
        "import sys; from knowledge.tokens import tokenize; tokenize('星海云资本开支');"
        "import jieba; print(len(dict.keys(jieba.dt.FREQ)), 'pkg_resources' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.split() == ["0", "False"], result.stdout
