"""Reading articles: front matter, Markdown, HTML through the extractor, and bad files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from knowledge.errors import IngestError
from knowledge.language import detect_document_language
from knowledge.reader import read_article

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
HTML = """<!doctype html><html><head><title>Chip orders swell | Harbor Wire</title>
<meta property="og:site_name" content="Harbor Wire"></head><body>
<nav><a href="/">Home</a> | <a href="/markets">Markets</a></nav>
<article><h1>Chip orders swell</h1>
<p>Kestrel Micro Devices reported revenue of $8.6 billion on Thursday, up 71% from a year earlier, as governments
ordered chips for national data centers.</p>
<p>"A year ago that number was close to zero," said Grace Mensah, the company's chief executive.</p>
</article><footer>Subscribe to our newsletter. Privacy policy.</footer></body></html>"""


def test_markdown_with_front_matter() -> None:
    article = read_article(str(ARTICLES / "corvane-power.en.md"))
    assert article.title == "Cloud landlords race to lock in power as AI demand outruns the grid"
    assert (article.publisher, article.language, article.published) == (
        "Northbridge Ledger",
        "en",
        dt.date(2025, 11, 18),
    )
    assert "---" not in article.text and "#" not in article.text
    assert "said Priya Nandakumar, Corvane's chief executive." in article.text


def test_wrapped_markdown_lines_join_and_markup_goes(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "# Title here\n\nThe **firm** said it would\nspend [$5 billion](http://x.test) next year.\n\n"
        "- A bullet point that ends here.\n",
        encoding="utf-8",
    )
    article = read_article(str(path))
    assert article.title == "Title here"
    assert article.text.splitlines() == [
        "Title here",
        "The firm said it would spend $5 billion next year.",
        "A bullet point that ends here.",
    ]


def test_a_bold_transcript_label_stays_as_written_so_its_sentence_can_be_quoted_verbatim(
    tmp_path: Path,
) -> None:
    path = tmp_path / "call.md"
    path.write_text(
        "# Call\n\n**Hollis Brant, chief executive:** About 65% is paid during **construction**.\n\n"
        "**Brant**: The rest comes later.\n",
        encoding="utf-8",
    )
    assert read_article(str(path)).text.splitlines()[1:] == [
        "**Hollis Brant, chief executive:** About 65% is paid during construction.",
        "**Brant**: The rest comes later.",
    ]


def test_html_file_is_extracted_offline(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    article = read_article(str(path))
    assert "Kestrel Micro Devices reported revenue of $8.6 billion" in article.text
    assert "Subscribe" not in article.text and "Markets" not in article.text
    assert article.title and "Chip orders swell" in article.title


def test_the_same_page_read_again_in_one_process_is_still_an_article(tmp_path: Path) -> None:
    # A running bot reads many pages over its life (`/bubble ingest`): earlier reads must not make later ones
    # look like duplicates with no article text.
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    first = read_article(str(path)).text
    for _ in range(5):
        assert read_article(str(path)).text == first


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"  \n\n ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"caf\xe9 au lait", "not UTF-8"),
        (b"---\ntitle: [unclosed\n---\ntext", "front matter"),
        (b"---\npublished: last week\n---\ntext", "'published'"),
    ],
)
def test_bad_files_are_clear_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(content)
    with pytest.raises(IngestError, match=message):
        read_article(str(path))


def test_missing_file_and_other_schemes() -> None:
    with pytest.raises(IngestError, match="no such file"):
        read_article("/nonexistent/article.md")
    with pytest.raises(IngestError, match="only http and https"):
        read_article("ftp://example.com/a.txt")


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("corvane-power.en.md", "en"),
        ("xinghai-cloud.zh-Hans.md", "zh-Hans"),
    ],
)
def test_whole_articles_are_detected(name: str, language: str) -> None:
    assert detect_document_language(read_article(str(ARTICLES / name)).text) == language


@pytest.mark.parametrize(
    "text",
    [
        "Les entreprises qui louent de la puissance de calcul ne se battent plus pour les puces, a déclaré le directeur.",
        "人工知能のための計算能力を貸し出す企業は、もはやチップを巡って競争していない。",
        "Компании, которые сдают в аренду вычислительные мощности, больше не конкурируют за чипы.",
    ],
)
def test_other_languages_are_unknown(text: str) -> None:
    assert detect_document_language(text) is None
