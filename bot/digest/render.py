"""The digest as plain text (CLI preview, `text` of preview --json, notification fallbacks)."""

from __future__ import annotations

from bot.digest.model import Digest, ItemKind
from bot.digest.text import digest_text, long_date

SECTIONS: tuple[ItemKind, ...] = ("figure", "quote", "new_source", "most_asked")


def title(digest: Digest) -> str:
    """The digest's title line with its date."""
    return digest_text("title", digest.language).format(date=long_date(digest.date, digest.language))


def empty_note(digest: Digest, kind: ItemKind) -> str | None:
    """What a section says when it has no items (None: leave the section out)."""
    if kind == "new_source":
        return digest_text("nothing_new", digest.language)
    if kind == "most_asked" and digest.show_most_asked:
        return digest_text("none_asked", digest.language)
    return None


def render_digest_text(digest: Digest) -> str:
    """Title, then each section's heading and items (one per line)."""
    lines = [title(digest)]
    for kind in SECTIONS:
        items = digest.of(kind)
        note = empty_note(digest, kind)
        if not items and note is None:
            continue
        lines += ["", digest_text(kind, digest.language)]
        lines += [f"• {item.text}" for item in items] if items else [note or ""]
    return "\n".join(lines)
