"""Hostile or broken articles read through `read_article`: each is text, or a clear one-line error."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from knowledge.errors import IngestError
from knowledge.reader import MAX_PUBLISHER_CHARS, MAX_TITLE_CHARS, read_article

REPO = Path(__file__).resolve().parent.parent.parent
SENTENCE = (
    "Cloud landlords signed contracts for 3.2 gigawatts of power they have not built yet, the company said."
)


def _read(tmp_path: Path, content: str | bytes, name: str = "a.md") -> str:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return str(path)


def test_html_extraction_has_its_cleaner_declared() -> None:
    # jusText imports lxml.html.clean; an old pip installing `-e .` skipped jusText's extra, so every HTML
    # ingest raised ImportError. The dependency is declared, and the README installs as scripts/check does.
    requires = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert any(re.match(r"lxml[_-]html[_-]clean\s*[<>=]", r, re.I) for r in requires)
    import lxml.html.clean  # noqa: F401

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "pip install -q --upgrade pip" in readme and "pip install -q --upgrade pip" in (
        REPO / "scripts" / "check"
    ).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "attack",
    [
        "*a " * 70_000,  # emphasis openers that never close
        "[" * 200_000,  # link text that never closes
        "[a](" * 50_000,  # link targets that never close
        "![a](" * 40_000,
        "# " + "# " * 100_000 + "a",  # a heading of closing hashes
        "**a*" * 50_000,
        "\n \n" * 70_000,
        "a\n" * 100_000,  # 100,000 wrapped lines of one paragraph
    ],
)
def test_adversarial_markdown_is_read_in_linear_time(tmp_path: Path, attack: str) -> None:
    # Each of these took seconds to minutes with the old patterns (30 KB of "*a " 3.6 s, 120 KB 61 s).
    text = f"{SENTENCE}\n\n{attack}\n\n{SENTENCE}\n"
    assert len(text) > 190_000
    article = read_article(_read(tmp_path, text))
    assert article.text.startswith(SENTENCE) and article.text.endswith(SENTENCE)


def test_markdown_markup_still_goes(tmp_path: Path) -> None:
    text = (
        "## Power *deals* ##\n\nThe **firm *really* said** it would spend [$5 billion](http://x.test/a_(b)) "
        "on *new* capacity, said __Ann Lee__.\n\n![chart](http://x.test/c.png)\n\n---\n\n> A quoted line.\n"
    )
    article = read_article(_read(tmp_path, text))
    assert article.title == "Power *deals*"
    assert article.text.splitlines() == [
        "Power deals",
        "The firm really said it would spend $5 billion on new capacity, said Ann Lee.",
        "A quoted line.",
    ]


@pytest.mark.parametrize(
    "front",
    [
        # the "billion laughs": nine levels of nine aliases expand a few hundred bytes to gigabytes
        "a: &a [x,x,x,x,x,x,x,x,x]\n"
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
        + "title: *i\n",
        "base: &b Grid operators\ntitle: *b\n",
    ],
)
def test_yaml_aliases_in_front_matter_are_refused(tmp_path: Path, front: str) -> None:
    with pytest.raises(IngestError, match=r"front matter is malformed .*aliases") as caught:
        read_article(_read(tmp_path, f"---\n{front}---\n{SENTENCE}\n"))
    assert "\n" not in str(caught.value)


def test_huge_front_matter_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="front matter is longer than 20,000 characters"):
        read_article(_read(tmp_path, "---\nnotes: " + "x" * 30_000 + "\n---\n" + SENTENCE))


def test_long_titles_and_publishers_are_cut(tmp_path: Path) -> None:
    front = f"---\ntitle: {'Power ' * 200}\npublisher: {'Harbor Wire ' * 100}\n---\n"
    article = read_article(_read(tmp_path, front + SENTENCE))
    assert article.title and len(article.title) == MAX_TITLE_CHARS and article.title.endswith("…")
    assert (
        article.publisher
        and len(article.publisher) <= MAX_PUBLISHER_CHARS
        and article.publisher.endswith("…")
    )
    html = (
        f"<html><head><title>{'Chip orders ' * 100}</title></head><body><article><p>{SENTENCE}</p>"
        f"<p>{SENTENCE.replace('3.2', '4.5')}</p></article></body></html>"
    )
    page = read_article(_read(tmp_path, html, "page.html"))
    assert page.title and len(page.title) <= MAX_TITLE_CHARS


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe" + SENTENCE.encode("utf-16-le") + b"A",  # an odd number of bytes
        b"\xfe\xff" + b"\xd8\x00\x00A",  # a lone high surrogate
    ],
)
def test_broken_utf16_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    with pytest.raises(IngestError, match="UTF-16 byte-order mark but is not valid UTF-16"):
        read_article(_read(tmp_path, content, "a.txt"))


def test_valid_utf16_still_reads(tmp_path: Path) -> None:
    assert (
        read_article(_read(tmp_path, "\ufeff".encode("utf-16-le") + SENTENCE.encode("utf-16-le"))).text
        == SENTENCE
    )
