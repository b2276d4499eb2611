"""The packaged corpus is attributed once per code version and read back, identical, by every later start."""

from __future__ import annotations

from pathlib import Path

from knowledge.compiled import compile_apart, compiled_path, read_compiled
from knowledge.corpus import _compiled_packaged, load_corpus


def test_a_later_start_reads_the_packaged_corpus_it_compiled(tmp_path: Path) -> None:
    built = _compiled_packaged(tmp_path)  # nothing stored yet: attributed now, and kept
    assert compiled_path(tmp_path).exists()
    read = _compiled_packaged(tmp_path)
    assert read.passages == built.passages == load_corpus().passages
    assert read.speakers.speakers == built.speakers.speakers
    assert read.fingerprints() == built.fingerprints()
    assert [s.model_dump() for s in read.sources] == [s.model_dump() for s in built.sources]


def test_a_damaged_or_foreign_compiled_corpus_is_rebuilt(tmp_path: Path) -> None:
    _compiled_packaged(tmp_path)
    path = compiled_path(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace('"key":"', '"key":"x', 1), encoding="utf-8")
    assert read_compiled(tmp_path) is None  # written by other code: never trusted
    path.write_bytes(b"{not json")
    assert read_compiled(tmp_path) is None
    assert _compiled_packaged(tmp_path).passages == load_corpus().passages
    assert read_compiled(tmp_path) is not None  # and stored again


def test_a_child_process_compiles_it_for_a_serving_bot(tmp_path: Path) -> None:
    compile_apart(tmp_path)
    compiled = read_compiled(tmp_path)
    assert compiled is not None and compiled.passages == load_corpus().passages
    stamp = compiled_path(tmp_path).stat().st_mtime_ns
    compile_apart(tmp_path)  # already stored: nothing to do
    assert compiled_path(tmp_path).stat().st_mtime_ns == stamp
