"""Plain-text articles, as the spec article-format.md describes them."""
from __future__ import annotations

import re

from .boilerplate import strip_boilerplate
from .document import Document, IngestError

_HEADER_LINE = re.compile(r"^([A-Za-z][\w-]*)\s*:\s?(.*)$")
_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def parse_header(text: str) -> tuple[dict[str, str], str]:
    """Split a ``key: value`` header ended by ``---`` from the body.

    Without a complete header the whole text is the body and the header is
    empty, so a first line like ``Note: ...`` in an article stays text.
    """
    lines = text.split("\n")
    meta: dict[str, str] = {}
    for i, line in enumerate(lines):
        if line.rstrip("\r") == "---" and meta:
            return meta, "\n".join(lines[i + 1:])
        m = _HEADER_LINE.match(line.rstrip("\r"))
        if not m:
            return {}, text
        meta[m.group(1).lower()] = m.group(2).strip()
    return {}, text


def normalise_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from the start of a date or timestamp, else None."""
    if not value:
        return None
    m = _ISO_DATE.match(value.strip())
    return m.group(0) if m else None


def read_text(text: str, doc_id: str, path: str | None = None) -> Document:
    meta, body = parse_header(text)
    published = normalise_date(meta.get("published") or meta.get("date"))
    if not meta:
        m = _DATE_LINE.match(body)
        if m:
            published, body = m.group(1), body[m.end():]
    body = strip_boilerplate(body.replace("\r\n", "\n"))
    if not body.strip():
        raise IngestError(path or doc_id, "no text after the header")
    return Document(
        id=doc_id, text=body, title=meta.get("title") or None, url=meta.get("url") or None,
        published=published, source=meta.get("source") or None, path=path, format="text",
        meta={k: v for k, v in meta.items() if k not in {"title", "url", "published", "date", "source"}},
    )
