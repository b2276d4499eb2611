"""The Chroma index: built once, reused, built aside so a crash never leaves half an index in use."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.i18n import phrase
from knowledge.base import KnowledgeBase
from knowledge.corpus import load_corpus
from knowledge.embedding import UseEmbedder
from knowledge.errors import IndexUnavailable
from knowledge.index import PassageIndex, open_client
from tests.knowledge.library_helpers import CHINESE, ENGLISH, fresh_data_dir


class CrashingEmbedder:
    """The real embedder that fails after a number of calls, like a build killed midway."""

    name = "use-m3"

    def __init__(self, inner: UseEmbedder, fail_after: int) -> None:
        self.inner = inner
        self.calls = 0
        self.fail_after = fail_after

    def embed(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        if self.calls > self.fail_after:
            raise RuntimeError("killed mid-build")
        return self.inner.embed(texts)


@pytest.fixture(scope="module")
def embedder() -> UseEmbedder:
    return UseEmbedder()


def test_built_once_then_reused(tmp_path: Path, embedder: UseEmbedder) -> None:
    corpus = load_corpus()
    index = PassageIndex(open_client(data_dir=tmp_path), embedder)
    first = index.ensure(corpus)
    second = PassageIndex(open_client(data_dir=tmp_path), embedder).ensure(corpus)
    assert first.built and not second.built
    assert first.vectors == second.vectors > len(corpus.passages)
    hits = index.query(embedder.embed(["OpenAI 250 GW compute by 2033"])[0], 5)
    assert hits and all(0 <= score <= 1.0001 for _, score in hits)


def test_interrupted_build_is_never_used(tmp_path: Path, embedder: UseEmbedder) -> None:
    corpus = load_corpus()
    crashing = PassageIndex(open_client(data_dir=tmp_path), CrashingEmbedder(embedder, fail_after=1))
    with pytest.raises(IndexUnavailable):
        crashing.ensure(corpus)
    client = open_client(data_dir=tmp_path)
    [collection] = client.list_collections()
    assert not (collection.metadata or {}).get("clean")  # marked unfinished: nobody trusts it as it is
    report = PassageIndex(client, embedder).ensure(corpus)
    assert report.built and report.vectors > len(corpus.passages)
    assert not PassageIndex(client, embedder).ensure(corpus).built


def test_a_corrupt_index_is_set_aside_and_rebuilt(tmp_path: Path, embedder: UseEmbedder) -> None:
    store = tmp_path / "chroma"
    store.mkdir()
    (store / "chroma.sqlite3").write_bytes(b"this is not a database")
    report = PassageIndex(open_client(data_dir=tmp_path), embedder).ensure(load_corpus())
    assert report.built
    assert any(p.name.startswith("chroma.corrupt-") for p in tmp_path.iterdir())


def test_the_embedding_cache_gives_identical_vectors(tmp_path: Path, embedder: UseEmbedder) -> None:
    texts = ["OpenAI aims to build 250 GW by 2033", "阿尔特曼曾告诉员工", "泡沫"]
    first = UseEmbedder(cache_dir=tmp_path)  # writes the cache
    second = UseEmbedder(cache_dir=tmp_path)  # reads it
    assert any(p.name.startswith("use-m3-") for p in tmp_path.iterdir())
    for cached in (first, second):
        assert cached.embed(texts) == embedder.embed(texts)


@pytest.mark.parametrize("broken", [b"not json", b'{"pieces": [1, 2], "scores": [], "prefixes": {}}', b"[]"])
def test_a_broken_embedding_cache_is_rebuilt(tmp_path: Path, embedder: UseEmbedder, broken: bytes) -> None:
    UseEmbedder(cache_dir=tmp_path)
    [root] = [p for p in tmp_path.iterdir() if p.name.startswith("use-m3-")]
    (root / "tokenizer.json").write_bytes(broken)
    assert UseEmbedder(cache_dir=tmp_path).embed(["泡沫"]) == embedder.embed(["泡沫"])
    assert (root / "tokenizer.json").read_bytes() != broken
    assert UseEmbedder(cache_dir=tmp_path).embed(["泡沫"]) == embedder.embed(["泡沫"])


def test_a_truncated_prefix_table_is_rebuilt(tmp_path: Path, embedder: UseEmbedder) -> None:
    UseEmbedder(cache_dir=tmp_path)
    [root] = [p for p in tmp_path.iterdir() if p.name.startswith("use-m3-")]
    table = root / "prefixes.table"
    table.write_bytes(table.read_bytes()[:1000])
    assert UseEmbedder(cache_dir=tmp_path).embed(["泡沫 bubble"]) == embedder.embed(["泡沫 bubble"])
    assert table.stat().st_size > 1000


BUBBLEBOT = [sys.executable, "-m", "bot.cli"]
DEGRADED = phrase("notice_degraded", "en")


def _environment(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "BUBBLEBOT_DATA_DIR": str(data_dir)}


def test_five_processes_on_a_fresh_data_dir_all_answer_with_semantic_search(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    asks = [
        subprocess.Popen(
            [*BUBBLEBOT, "ask", "--json", "How much will OpenAI spend on compute?"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_environment(fresh),
        )
        for _ in range(5)
    ]
    outputs = [ask.communicate(timeout=300) for ask in asks]
    for ask, (stdout, stderr) in zip(asks, outputs, strict=True):
        assert ask.returncode == 0, stderr.decode()
        assert DEGRADED not in stdout.decode(), stderr.decode()
        assert "unavailable" not in stderr.decode()
    client = open_client(data_dir=fresh)
    assert len([c for c in client.list_collections() if "-building-" not in c.name]) == 1  # built once


def test_ingests_and_removals_change_one_live_collection_a_running_reader_keeps_using(
    tmp_path: Path, kb: KnowledgeBase, data_dir: Path
) -> None:
    fresh = fresh_data_dir(data_dir, tmp_path / "data")
    reader = KnowledgeBase.open(data_dir=fresh, progress=None)  # as `serve` holds it
    for article in (CHINESE, ENGLISH):
        ingest = subprocess.run(
            [*BUBBLEBOT, "ingest", str(article)], capture_output=True, env=_environment(fresh), timeout=300
        )
        assert ingest.returncode == 0, ingest.stderr.decode()
        reader.search("How much will OpenAI spend on compute?")
        assert reader.dense_available  # its collection is still there
    client = open_client(data_dir=fresh)
    # The packaged corpus's collection (the reader's) and the library's live one, whatever the number of ingests.
    assert len(client.list_collections()) == 2
    folders = {p.name for p in (fresh / "chroma").iterdir() if p.is_dir()}
    assert len(folders) <= 2  # no folder of a deleted collection left behind
    after = KnowledgeBase.open(data_dir=fresh, progress=None)
    assert after.index_report is not None and not after.index_report.built
    english = next(s.id for s in after.corpus.sources if s.language == "en" and s.origin)
    removed = subprocess.run(
        [*BUBBLEBOT, "sources", "remove", english], capture_output=True, env=_environment(fresh), timeout=300
    )
    assert removed.returncode == 0, removed.stderr.decode()
    reader.search(
        "What did Corvane's finance chief say about its debt?"
    )  # its passages are gone from the index
    assert len(client.list_collections()) == 2
    assert {p.name for p in (fresh / "chroma").iterdir() if p.is_dir()} == folders


def test_a_collection_of_an_earlier_version_is_deleted(tmp_path: Path, embedder: UseEmbedder) -> None:
    client = open_client(data_dir=tmp_path)
    for old in ("bubblebot-use-m3-0123456789abcdef", "bubblebot-use-m3-0123456789abcdef-building-0123abcd"):
        client.create_collection(old, embedding_function=None)
    PassageIndex(client, embedder, lock_dir=tmp_path / "chroma").ensure(load_corpus())
    assert [c.name for c in client.list_collections()] == ["bubblebot-use-m3-packaged"]


def _read_only(path: Path) -> list[str]:
    """Make path read-only for the `bubblebot` process; the command prefix that makes it so even for root."""
    for item in [path, *path.rglob("*")]:
        item.chmod(item.stat().st_mode & ~0o222)
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be taken away")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner"]  # root obeys modes then


def _writable_again(path: Path) -> None:
    for item in [path, *path.rglob("*")]:
        item.chmod(item.stat().st_mode | 0o200)


@pytest.mark.parametrize("built", [True, False])
def test_a_read_only_data_dir_answers_with_one_warning_and_keeps_its_index(
    tmp_path: Path, kb: KnowledgeBase, data_dir: Path, built: bool
) -> None:
    fresh = fresh_data_dir(data_dir, tmp_path / "data")
    question = ["ask", "How much will OpenAI spend on compute?"]
    if built:
        assert (
            subprocess.run(
                [*BUBBLEBOT, *question], env=_environment(fresh), capture_output=True, timeout=300
            ).returncode
            == 0
        )
    before = sorted(p.relative_to(fresh) for p in fresh.rglob("*"))
    prefix = _read_only(fresh)
    try:
        answer = subprocess.run(
            [*prefix, *BUBBLEBOT, *question], env=_environment(fresh), capture_output=True, timeout=300
        )
    finally:
        _writable_again(fresh)
    stderr = answer.stderr.decode()
    assert answer.returncode == 0, stderr
    assert "Altman" in answer.stdout.decode() and DEGRADED not in answer.stdout.decode()
    warnings = [line for line in stderr.splitlines() if "WARNING" in line or "Traceback" in line]
    assert len(warnings) == 1 and "keeping it in memory" in warnings[0], stderr
    assert sorted(p.relative_to(fresh) for p in fresh.rglob("*")) == before  # nothing moved aside or left
    if built:
        again = subprocess.run(
            [*BUBBLEBOT, *question], env=_environment(fresh), capture_output=True, timeout=300
        )
        assert again.returncode == 0 and "building" not in again.stderr.decode()  # the index is intact
