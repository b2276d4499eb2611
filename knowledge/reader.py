"""Read an article from a Markdown/text file (with optional YAML front matter), an HTML file or a URL."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
import yaml

from knowledge.errors import IngestError

MAX_BYTES = 5_000_000
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_HTML_HINT = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|article|p)\b", re.I)
_ENDS_SENTENCE = re.compile(r"[.!?。！？:：][\"”」』’)]*$")


@dataclass
class Article:
    """Article text (one paragraph a line) and whatever metadata the input carried."""

    text: str
    origin: str
    title: str | None = None
    publisher: str | None = None
    language: str | None = None
    published: dt.date | None = None
    url: str | None = None


def _decode(data: bytes, where: str) -> str:
    if not data.strip():
        raise IngestError(f"{where} is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise IngestError(f"{where} is a binary file, not an article (use Markdown, plain text or HTML)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{where} is not UTF-8 text (is it a binary file?)") from exc


def _paragraphs(text: str, joiner: str) -> str:
    """One paragraph a line: blank lines separate paragraphs, wrapped lines are joined."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = []
    for block in blocks:
        parts = [" ".join(line.split()) for line in block.split("\n") if line.strip()]
        if not parts:
            continue
        joined = parts[0]
        for part in parts[1:]:
            if _ENDS_SENTENCE.search(joined):  # a line that ends a sentence ends its paragraph
                lines.append(joined)
                joined = part
                continue
            ascii_edge = joined[-1:].isascii() or part[:1].isascii()
            joined += (" " if ascii_edge else joiner) + part
        lines.append(joined)
    return "\n".join(lines)


def _markdown(text: str) -> tuple[str, str | None]:
    """Plain text of Markdown (headings, emphasis, links, images, code fences stripped) and its first heading."""
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    heading = re.search(r"^#{1,3}\s+(.+?)\s*#*\s*$", text, re.M)
    text = re.sub(r"^#{1,6}\s+(.+?)\s*#*\s*$", r"\n\1\n", text, flags=re.M)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"^\s{0,3}(?:>\s?|[-*+]\s+|\d+[.)]\s+)", "", text, flags=re.M)
    text = re.sub(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$", "", text, flags=re.M)
    return text, heading.group(1).strip() if heading else None


def _front_matter(text: str, where: str) -> tuple[dict[str, object], str]:
    match = _FRONT.match(text)
    if not match:
        return {}, text
    try:
        data = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise IngestError(f"{where}: the YAML front matter is malformed ({str(exc).splitlines()[0]})") from exc
    if not isinstance(data, dict):
        raise IngestError(f"{where}: the front matter must be a YAML mapping (title: …, publisher: …)")
    return {str(k).lower(): v for k, v in data.items()}, text[match.end():]


def _date(value: object, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError as exc:
        raise IngestError(f"{where}: 'published' must be a date like 2025-11-12, not {value!r}") from exc


def _from_text(text: str, where: str) -> Article:
    meta, body = _front_matter(text, where)
    plain, heading = _markdown(body)
    joiner = "" if re.search(r"[\u3400-\u9fff]", plain) else " "
    language = meta.get("language", meta.get("lang"))
    return Article(
        text=_paragraphs(plain, joiner), origin=where, title=str(meta.get("title") or heading or "") or None,
        publisher=str(meta["publisher"]) if meta.get("publisher") else None,
        language=str(language) if language else None,
        published=_date(meta.get("published", meta.get("date")), where),
        url=str(meta["url"]) if meta.get("url") else None,
    )


def _page_dedup() -> Any:
    """Drop repeated paragraphs within one page only.

    `deduplicate=True` counts text in a process-wide cache, so a long-running bot (`/bubble ingest`) would
    discard a page it had extracted a few times before as "no article text". A cache per page avoids that;
    a trafilatura that takes no cache object falls back to its shared one.
    """
    try:
        from trafilatura.deduplication import LRUCache
    except ImportError:
        return True
    return LRUCache(maxsize=4096)


def _from_html(html: str, where: str, url: str | None = None) -> Article:
    import trafilatura

    try:
        extracted = trafilatura.extract(html, url=url, include_comments=False, include_tables=False,
                                        favor_precision=True, deduplicate=_page_dedup())
        meta = trafilatura.extract_metadata(html, default_url=url) if extracted else None
    except Exception as exc:  # the extractor gives up on some malformed pages
        raise IngestError(f"{where}: cannot read the page ({type(exc).__name__}: {exc})") from exc
    if not extracted or not extracted.strip():
        raise IngestError(f"{where}: no article text found on the page")
    title = meta.title if meta and meta.title else None
    publisher = meta.sitename if meta and meta.sitename else None
    joiner = "" if re.search(r"[\u3400-\u9fff]", extracted) else " "
    return Article(text=_paragraphs(extracted.replace("\n", "\n\n"), joiner), origin=where, title=title,
                   publisher=publisher or (urlparse(url).hostname if url else None), url=url)


def read_file(path: Path) -> Article:
    """An article from a local file: Markdown or plain text (optional front matter) or HTML."""
    where = str(path)
    if not path.exists():
        raise IngestError(f"{where}: no such file")
    if not path.is_file():
        raise IngestError(f"{where} is not a file")
    if path.stat().st_size > MAX_BYTES:
        raise IngestError(f"{where} is larger than {MAX_BYTES // 1_000_000} MB; is it really one article?")
    data = path.read_bytes()
    text = _decode(data, where)
    if path.suffix.lower() in {".html", ".htm", ".xhtml"} or (
            path.suffix.lower() not in {".md", ".markdown", ".txt"} and _HTML_HINT.search(data[:2048])):
        return _from_html(text, where)
    return _from_text(text, where)


def fetch_url(url: str, *, timeout: float = 15.0) -> Article:
    """An article from an http(s) URL: HTML through the extractor, text/Markdown as a file would be."""
    try:
        with httpx.Client(follow_redirects=True, timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
                          headers={"User-Agent": "bubblebot-ingest/0.1"}) as client:
            response = client.get(url)
    except httpx.TimeoutException as exc:
        raise IngestError(f"{url}: no answer within {timeout:g} s") from exc
    except httpx.HTTPError as exc:
        raise IngestError(f"cannot fetch {url}: {exc or type(exc).__name__}") from exc
    if response.status_code >= 400:
        raise IngestError(f"cannot fetch {url}: HTTP {response.status_code} {response.reason_phrase}".rstrip())
    data = response.content
    if len(data) > MAX_BYTES:
        raise IngestError(f"{url}: the page is larger than {MAX_BYTES // 1_000_000} MB")
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    final = str(response.url)
    if kind in {"text/html", "application/xhtml+xml"} or (not kind and _HTML_HINT.search(data[:2048])):
        article = _from_html(_decode(data, url), url, final)
    elif kind.startswith("text/") or kind in {"application/markdown", ""}:
        article = _from_text(_decode(data, url), url)
        article.publisher = article.publisher or urlparse(final).hostname
    else:
        raise IngestError(f"{url}: the page is {kind}, not an article (expected HTML, Markdown or plain text)")
    article.url = article.url or final
    return article


def read_article(target: str, *, timeout: float = 15.0) -> Article:
    """An article from a path or an http(s) URL."""
    if re.match(r"^https?://", target, re.I):
        return fetch_url(target, timeout=timeout)
    if re.match(r"^[a-z][a-z0-9+.-]*://", target, re.I):
        raise IngestError(f"{target}: only http and https URLs (or local files) can be ingested")
    return read_file(Path(target))
