"""Read an article from a Markdown/text file (with optional YAML front matter), an HTML file or a URL."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from knowledge.errors import IngestError
from knowledge.fetch import MAX_DOWNLOAD_BYTES, download

MAX_BYTES = MAX_DOWNLOAD_BYTES  # the largest file or page read (5 MB)
MAX_FRONT_MATTER_CHARS = 20_000
MAX_TITLE_CHARS = 300
MAX_PUBLISHER_CHARS = 200
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
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(
                f"{where} starts with a UTF-16 byte-order mark but is not valid UTF-16 "
                f"(odd length or broken characters)"
            ) from exc
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
        joined, last = [parts[0]], parts[0]
        for part in parts[1:]:
            # A line that ends a sentence ends its paragraph (only the last line is searched: linear).
            if _ENDS_SENTENCE.search(last):
                lines.append("".join(joined))
                joined = [part]
            else:
                ascii_edge = last[-1:].isascii() or part[:1].isascii()
                joined += [" " if ascii_edge else joiner, part]
            last = part
        lines.append("".join(joined))
    return "\n".join(lines)


# Every pattern below runs on untrusted text, so each is linear: a span cannot contain its own opening
# character (the scan from one opener stops at the next), quantifiers are possessive where a retry could
# rescan, and line-local patterns never cross a newline.
_FENCE = re.compile(r"```.*?```", re.S)
_HEADING = re.compile(r"^(#{1,6})[ \t]+([^\n]*+)", re.M)
_URL_PART = r"\((?:[^()\s]|\([^()\s]*+\))*+\)"  # a link target: no spaces, one level of parentheses
_IMAGE = re.compile(r"!\[[^\[\]\n]*+\]" + _URL_PART)
_LINK = re.compile(r"\[([^\[\]\n]++)\]" + _URL_PART)
_STRONG = re.compile(r"\*\*([^*\n]++)\*\*|__([^_\n]++)__")
_BOLD_LABEL = re.compile(r"(?m)^\*\*[^*\n]{1,80}?(?:[:：]\*\*|\*\*[:：])")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]++)(?<!\s)\*(?![\w*])")
_LIST_MARK = re.compile(r"^[ \t]{0,3}(?:>[ \t]?|[-*+][ \t]++|\d{1,9}[.)][ \t]++)", re.M)
_RULE = re.compile(r"^[ \t]*+(?:-{3,}|\*{3,}|_{3,})[ \t]*+$", re.M)


def _heading_text(match: re.Match[str]) -> str:
    return match.group(2).rstrip(" \t#")  # closing hashes, as in "## Title ##"


def _strong(match: re.Match[str]) -> str:
    return match.group(1) or match.group(2)


def _markdown(text: str) -> tuple[str, str | None]:
    """Plain text of Markdown (headings, emphasis, links, images, code fences stripped) and its first heading."""
    text = _FENCE.sub("", text)
    first = next(
        (_heading_text(m) for m in _HEADING.finditer(text) if len(m.group(1)) <= 3 and _heading_text(m)), None
    )
    text = _HEADING.sub(lambda m: f"\n{_heading_text(m)}\n", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    # A transcript label in bold ("**Hollis Brandt, chief executive:** About 65%…") stays as written: it opens a
    # sentence a citation quotes, and a quote must be found verbatim in the article.
    labels = _BOLD_LABEL.findall(text)
    text = _BOLD_LABEL.sub(lambda m: f"\0{labels.index(m.group(0))}\0", text)
    # Strong, then emphasis, then strong again: "**a *b* c**" and "*a **b** c*" both lose all their stars.
    text = _STRONG.sub(_strong, text)
    text = _EMPHASIS.sub(r"\1", text)
    text = _STRONG.sub(_strong, text)
    text = re.sub(r"\0(\d+)\0", lambda m: labels[int(m.group(1))], text)
    text = _LIST_MARK.sub("", text)
    text = _RULE.sub("", text)
    return text, first.strip() if first else None


class _NoAliasLoader(yaml.SafeLoader):
    """The safe loader without aliases: a few bytes of `*a` references can expand to gigabytes."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        """Refuse an alias (`*name`); anything else composes as usual."""
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", event.start_mark)
        return super().compose_node(parent, index)


def _front_matter(text: str, where: str) -> tuple[dict[str, object], str]:
    match = _FRONT.match(text)
    if not match:
        return {}, text
    if len(match.group(1)) > MAX_FRONT_MATTER_CHARS:
        raise IngestError(f"{where}: the front matter is longer than {MAX_FRONT_MATTER_CHARS:,} characters")
    try:
        data = yaml.load(match.group(1), Loader=_NoAliasLoader) or {}  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise IngestError(
            f"{where}: the YAML front matter is malformed ({str(exc).splitlines()[0]})"
        ) from exc
    if not isinstance(data, dict):
        raise IngestError(f"{where}: the front matter must be a YAML mapping (title: …, publisher: …)")
    return {str(k).lower(): v for k, v in data.items()}, text[match.end() :]


def clip(value: object, limit: int) -> str | None:
    """Metadata as one line of at most `limit` characters (cut with "…"), or None when empty."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text or None


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
        text=_paragraphs(plain, joiner),
        origin=where,
        title=clip(meta.get("title") or heading, MAX_TITLE_CHARS),
        publisher=clip(meta.get("publisher"), MAX_PUBLISHER_CHARS),
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
        extracted = trafilatura.extract(
            html,
            url=url,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            deduplicate=_page_dedup(),
        )
        meta = trafilatura.extract_metadata(html, default_url=url) if extracted else None
    except Exception as exc:  # the extractor gives up on some malformed pages
        raise IngestError(f"{where}: cannot read the page ({type(exc).__name__}: {exc})") from exc
    if not extracted or not extracted.strip():
        raise IngestError(f"{where}: no article text found on the page")
    title = clip(meta.title, MAX_TITLE_CHARS) if meta and meta.title else None
    publisher = clip(meta.sitename, MAX_PUBLISHER_CHARS) if meta and meta.sitename else None
    joiner = "" if re.search(r"[\u3400-\u9fff]", extracted) else " "
    return Article(
        text=_paragraphs(extracted.replace("\n", "\n\n"), joiner),
        origin=where,
        title=title,
        publisher=publisher or (urlparse(url).hostname if url else None),
        url=url,
    )


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
        path.suffix.lower() not in {".md", ".markdown", ".txt"} and _HTML_HINT.search(data[:2048])
    ):
        return _from_html(text, where)
    return _from_text(text, where)


def fetch_url(url: str, *, timeout: float = 15.0, allow: Iterable[str] = ()) -> Article:
    """An article from an http(s) URL: HTML through the extractor, text/Markdown as a file would be.

    The whole download (redirects included) gets `timeout` seconds and MAX_DOWNLOAD_BYTES; only public
    addresses are fetched unless `allow` names the host or range (see knowledge.fetch).
    """
    page = download(url, timeout=timeout, allow=allow)
    data, kind, final = page.data, page.media_type, page.url
    if kind in {"text/html", "application/xhtml+xml"} or (not kind and _HTML_HINT.search(data[:2048])):
        article = _from_html(_decode(data, url), url, final)
    elif kind.startswith("text/") or kind in {"application/markdown", ""}:
        article = _from_text(_decode(data, url), url)
        article.publisher = article.publisher or urlparse(final).hostname
    else:
        raise IngestError(
            f"{url}: the page is {kind}, not an article (expected HTML, Markdown or plain text)"
        )
    article.url = article.url or final
    return article


def read_article(target: str, *, timeout: float = 15.0, allow: Iterable[str] = ()) -> Article:
    """An article from a path or an http(s) URL (`allow`: non-public hosts or ranges a URL may reach)."""
    if re.match(r"^https?://", target, re.I):
        return fetch_url(target, timeout=timeout, allow=allow)
    if re.match(r"^[a-z][a-z0-9+.-]*://", target, re.I):
        raise IngestError(f"{target}: only http and https URLs (or local files) can be ingested")
    return read_file(Path(target))
