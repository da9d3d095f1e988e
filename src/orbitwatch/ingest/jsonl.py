"""JSONL corpora: one article per line with id, title, url, published, text."""
from __future__ import annotations

import json
from collections.abc import Iterator

from .boilerplate import strip_boilerplate
from .document import Document, IngestError
from .text import normalise_date

REQUIRED = ("id", "text")


def read_jsonl_line(line: str, where: str, path: str) -> Document:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise IngestError(where, f"not JSON ({e.msg} at column {e.colno})") from None
    if not isinstance(obj, dict):
        raise IngestError(where, "a JSONL article must be an object with id, title, url, published, text")
    missing = [k for k in REQUIRED if not obj.get(k)]
    if missing:
        raise IngestError(where, f"missing {', '.join(missing)} (an article needs id and text)")
    if not isinstance(obj["text"], str):
        raise IngestError(where, "field text must be a string")
    return Document(
        id=str(obj["id"]), text=strip_boilerplate(obj["text"]), title=obj.get("title") or None,
        url=obj.get("url") or None, published=normalise_date(str(obj.get("published") or "")),
        source=obj.get("source") or None, path=path, format="jsonl",
    )


def read_jsonl(text: str, path: str) -> Iterator[Document | IngestError]:
    """Yield a document per good line and an error per bad one; never stop early."""
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                yield read_jsonl_line(line, f"{path}:{n}", path)
            except IngestError as e:
                yield e
