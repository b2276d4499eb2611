"""Ingesting articles into the library: incremental indexing, answers, duplicates, crashes and removal."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.models import Answer
from bot.service import AnswerService
from knowledge.base import KnowledgeBase
from knowledge.embedding import UseEmbedder
from knowledge.errors import IngestError
from knowledge.ingest import IndexTarget, Overrides, ingest, remove_source
from knowledge.library import Library, open_corpus
from knowledge.records import _records
from tests.knowledge.library_helpers import CHINESE, ENGLISH, cites, fresh_data_dir, library_state


class CountingEmbedder:
    """The real embedder, counting the texts it embeds; it can crash after a number of calls."""

    name = "use-m3"

    def __init__(self, inner: UseEmbedder, fail_after: int | None = None) -> None:
        self.inner = inner
        self.texts = 0
        self.calls = 0
        self.fail_after = fail_after

    def embed(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        if self.fail_after is not None and self.calls > self.fail_after:
            raise RuntimeError("killed mid-ingest")
        self.texts += len(texts)
        return self.inner.embed(texts)


@pytest.fixture(scope="module")
def embedder() -> UseEmbedder:
    return UseEmbedder()


@pytest.fixture
def fresh(tmp_path: Path, kb: KnowledgeBase, data_dir: Path) -> Path:
    return fresh_data_dir(data_dir, tmp_path / "data")


def _target(data_dir: Path, embedder: UseEmbedder | CountingEmbedder) -> IndexTarget:
    return IndexTarget(data_dir=data_dir, embedder=embedder)


def _texts(data_dir: Path, source_id: str) -> set[str]:
    """The distinct texts the index embeds for one source."""
    return {
        text for p in open_corpus(data_dir).passages if p.source_id == source_id for _, text in _records(p)
    }


def _service(data_dir: Path) -> AnswerService:
    return AnswerService(KnowledgeBase.open(data_dir=data_dir, progress=None))


def test_ingest_embeds_only_new_passages_and_answers(fresh: Path, embedder: UseEmbedder) -> None:
    counting = CountingEmbedder(embedder)
    chinese = ingest(str(CHINESE), _target(fresh, counting))
    # Only the new article's texts (its passages and their clauses) are embedded: the packaged ones are cached.
    assert counting.texts == len(_texts(fresh, chinese.source.id)) == chinese.report.embedded  # type: ignore[union-attr]
    assert set(chinese.new_speakers) == {"Zhou Liheng", "Lin Yaqin", "华信研究院", "Chen Mo", "星海云"}
    counting.texts = 0
    english = ingest(str(ENGLISH), _target(fresh, counting))
    assert counting.texts == len(_texts(fresh, english.source.id)) == english.report.embedded  # type: ignore[union-attr]
    assert {"Priya Nandakumar", "Omar Reyes", "Dana Whitfield", "Halden Energy Institute"} <= set(
        english.new_speakers
    )

    kb = KnowledgeBase.open(data_dir=fresh, progress=None)
    assert kb.index_report is not None and not kb.index_report.built
    service = AnswerService(kb)
    answer = service.ask("星海云计划把数据中心电力容量扩大到多少吉瓦?")
    assert cites(answer, "Zhou Liheng", 5, "GW")
    answer = service.ask("What did Corvane's finance chief say about its debt?")
    assert cites(answer, "Omar Reyes", 6.8e9, "USD")
    assert answer.citations[0].speaker_role == "CFO, Corvane Systems"
    answer = service.ask(
        "How much power could U.S. data centers consume by 2030 according to the Halden Energy Institute?"
    )
    assert cites(answer, "Halden Energy Institute", 95, "GW")
    answer = service.ask("华信研究院估计到2030年AI数据中心用电需求有多少吉瓦?")
    assert cites(answer, "华信研究院", 190, "GW")


def test_metadata_overrides_and_duplicates(fresh: Path, embedder: UseEmbedder, tmp_path: Path) -> None:
    result = ingest(
        str(ENGLISH),
        _target(fresh, embedder),
        Overrides(title="Power grab", publisher="Ledger Wire", language="en"),
    )
    assert (result.source.title, result.source.publisher) == ("Power grab", "Ledger Wire")
    before = library_state(fresh)
    reformatted = tmp_path / "copy.txt"
    reformatted.write_text(
        "\n\n".join(open_corpus(fresh).source(result.source.id).text.splitlines()) + "\n\n", encoding="utf-8"
    )
    for path in (ENGLISH, reformatted):
        with pytest.raises(IngestError, match="already in the library"):
            ingest(str(path), _target(fresh, embedder))
    packaged = tmp_path / "seed.txt"
    packaged.write_text(open_corpus(fresh).sources[0].text, encoding="utf-8")
    with pytest.raises(IngestError, match="packaged corpus"):
        ingest(str(packaged), _target(fresh, embedder))
    assert library_state(fresh) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty"),
        ("Short.", "no article text"),
        (
            "Les centres de données consomment de plus en plus d'électricité, selon le rapport publié mardi par "
            "l'institut, qui prévoit une hausse de la demande.",
            "not in English or Chinese",
        ),
    ],
)
def test_bad_articles_change_nothing(
    fresh: Path, embedder: UseEmbedder, tmp_path: Path, content: str, message: str
) -> None:
    ingest(str(CHINESE), _target(fresh, embedder))
    before = library_state(fresh)
    path = tmp_path / "bad.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(IngestError, match=message):
        ingest(str(path), _target(fresh, embedder))
    assert library_state(fresh) == before


def test_crash_while_embedding_leaves_the_previous_corpus_and_index(
    fresh: Path, embedder: UseEmbedder
) -> None:
    ingest(str(CHINESE), _target(fresh, embedder))
    before = library_state(fresh)
    with pytest.raises(IngestError, match="nothing was changed"):
        ingest(str(ENGLISH), _target(fresh, CountingEmbedder(embedder, fail_after=0)))
    assert library_state(fresh) == before
    kb = KnowledgeBase.open(data_dir=fresh, progress=None)
    assert kb.index_report is not None and not kb.index_report.built  # the previous index, untouched
    assert len(kb.corpus.sources) == 3
    assert cites(AnswerService(kb).ask("陈默认为算力租赁行业的估值是营业收入的多少倍?"), "Chen Mo", 15, "x")
    # The next ingest succeeds and clears the half-built collection away.
    ingest(str(ENGLISH), _target(fresh, embedder))
    assert len(open_corpus(fresh).sources) == 4


def test_crash_before_the_manifest_is_written(
    fresh: Path, embedder: UseEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    chinese = ingest(str(CHINESE), _target(fresh, embedder))
    before = library_state(fresh)

    def crash(self: Library) -> None:
        raise RuntimeError("power cut")

    with monkeypatch.context() as patch:
        patch.setattr(Library, "save", crash)
        with pytest.raises(RuntimeError, match="power cut"):
            ingest(str(ENGLISH), _target(fresh, embedder))
    assert library_state(fresh) == before
    kb = KnowledgeBase.open(data_dir=fresh, progress=None)
    # The collection was left marked unfinished: the next open deletes the uncommitted article's records.
    assert kb.index_report is not None and kb.index_report.built and kb.index_report.embedded == 0
    assert chinese.report is not None and kb.index_report.vectors == chinese.report.vectors
    assert not any(p.name.startswith("cloud-landlords") for p in (fresh / "library" / "extracted").iterdir())
    assert cites(AnswerService(kb).ask("星海云明年的资本开支是多少?"), None, 12e9, "USD")


def test_remove_then_ask(fresh: Path, embedder: UseEmbedder) -> None:
    counting = CountingEmbedder(embedder)
    ingest(str(CHINESE), _target(fresh, counting))
    english = ingest(str(ENGLISH), _target(fresh, counting))
    question = "What did Corvane's finance chief say about its debt?"
    assert cites(_service(fresh).ask(question), "Omar Reyes")
    counting.texts = 0
    removed = remove_source(english.source.id, _target(fresh, counting))
    assert removed.id == english.source.id and counting.texts == 0
    assert not (fresh / "library" / "texts" / english.source.file).exists()
    kb = KnowledgeBase.open(data_dir=fresh, progress=None)
    assert english.source.id not in {s.id for s in kb.corpus.sources}
    assert kb.corpus.speakers.by_name("Omar Reyes") is None
    service = AnswerService(kb)
    for q in (
        question,
        "How much capacity has Corvane signed contracts for?",
        "Who said prices fall when everybody builds the same thing?",
    ):
        assert all(c.source.id != english.source.id for c in service.ask(q).citations)
    assert cites(service.ask("星海云明年的资本开支是多少?"), None, 12e9, "USD")
    with pytest.raises(IngestError, match="packaged corpus and cannot be removed"):
        remove_source("techreview-ai-bubble", _target(fresh, embedder))
    with pytest.raises(IngestError, match="no ingested source"):
        remove_source(english.source.id, _target(fresh, embedder))


def test_a_person_only_mentioned_is_not_quoted(fresh: Path, embedder: UseEmbedder, tmp_path: Path) -> None:
    path = tmp_path / "mention.md"
    path.write_text(
        "---\ntitle: Mention\npublisher: Test Wire\n---\n"
        "Analysts compared the plan with one announced by Nvidia chief executive Jensen Huang last year. "
        "Dana Whitfield, an analyst at Marlowe Securities, said the spending was too fast.\n",
        "utf-8",
    )
    ingest(str(path), _target(fresh, embedder))
    speakers = open_corpus(fresh).speakers
    huang, whitfield = speakers.by_name("Jensen Huang"), speakers.by_name("Dana Whitfield")
    assert huang is not None and not huang.quoted
    assert whitfield is not None and whitfield.quoted


def test_a_company_an_english_article_named_answers_to_the_chinese_name_a_later_article_gives_it(
    fresh: Path, embedder: UseEmbedder, tmp_path: Path
) -> None:
    english = tmp_path / "loan.txt"
    english.write_text(
        "Banks trim Harbourgate loan\n\n"
        "A group of 14 banks has agreed to lend Harbourgate Data Holdings $3.6 billion for a campus in Johor, "
        "the company said on Thursday.\n",
        encoding="utf-8",
    )
    chinese = tmp_path / "rights.txt"
    chinese.write_text(
        "港門數據供股\n\n本港上市數據中心營運商港門數據（Harbourgate Data）昨日宣布供股，每股供股價3.1港元，"
        "較前收市價折讓38%。\n",
        encoding="utf-8",
    )
    for article in (english, chinese):
        ingest(str(article), _target(fresh, embedder))
    [company] = [s for s in Library.load(fresh).speakers() if s.name == "Harbourgate Data Holdings"]
    assert company.name_zh == "港門數據" and "港门数据" in company.aliases
    answer = _service(fresh).ask("港门数据的供股价是多少？")
    assert not answer.abstained and "3.1" in answer.answer


def _ask_after_ingesting(
    fresh: Path, embedder: UseEmbedder, path: Path, title: str, body: str, question: str
) -> Answer:
    """Ingest one article into `fresh` and ask a question of the library."""
    path.write_text(f"---\ntitle: {title}\npublisher: Test Wire\n---\n{body}", "utf-8")
    ingest(str(path), _target(fresh, embedder))
    return _service(fresh).ask(question)


def test_a_chairman_named_after_his_title_and_never_quoted_is_refused_by_name(
    fresh: Path, embedder: UseEmbedder, tmp_path: Path
) -> None:
    answer = _ask_after_ingesting(
        fresh,
        embedder,
        tmp_path / "chairman.md",
        "Orrison waits for licences",
        "Orrison said on Monday that $940 million of Gulf orders were waiting for export licences.\n\n"
        "Orrison's chairman and largest shareholder, Leopold Haverkamp, visited the region in October but has made"
        " no public comment on the licences.\n",
        "What has Leopold Haverkamp said about when Orrison will get its licences?",
    )
    assert answer.abstained and answer.citations == []
    assert "Leopold Haverkamp is mentioned in the articles but never quoted" in answer.answer


def test_a_named_chief_executive_never_quoted_is_refused_not_answered_by_another_chief(
    fresh: Path, embedder: UseEmbedder, tmp_path: Path
) -> None:
    answer = _ask_after_ingesting(
        fresh,
        embedder,
        tmp_path / "credits.md",
        "Quillon takes cloud credits",
        "Graham Pettifer, chief executive of Northvale Cloud, said the credits carry no cash value.\n\n"
        "Quillon co-founder and chief executive Marcus Feld, who negotiated the deal, has made no public comment"
        " since it was announced.\n",
        "What has Quillon's CEO Marcus Feld said about taking the investment as credits?",
    )
    assert answer.abstained and answer.citations == []
    assert "Marcus Feld is mentioned in the articles but never quoted" in answer.answer
