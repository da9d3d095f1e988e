"""JSONL corpora: one article per line with id, title, url, published, text.

A corpus can be larger than memory, so a UTF-8 file is read line by line: a
document is yielded as soon as its line is read, and only that line is held.
"""
from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .boilerplate import strip_boilerplate
from .decode import decode
from .document import Document, IngestError
from .limits import DEFAULT, Limits
from .text import normalise_date

REQUIRED = ("id", "text")
CHUNK = 1 << 16  # bytes read at a time when checking the encoding


_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_END = re.compile(r"\r\n|\r|\n")  # not str.splitlines: U+2028 or U+0085 may sit inside a JSON string
OPTIONAL = ("title", "url", "source", "published")


def read_jsonl_line(line: str, where: str, path: str, limits: Limits = DEFAULT) -> Document:
    problem = limits.line_error(len(line.encode("utf-8", "surrogatepass")))
    if problem:
        raise IngestError(where, problem)
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise IngestError(where, f"not JSON ({e.msg} at column {e.colno})") from None
    except (ValueError, RecursionError) as e:  # a 5000-digit number, nesting deeper than the stack
        raise IngestError(where, f"not JSON this reader accepts ({type(e).__name__}: {str(e)[:80]})") from None
    if not isinstance(obj, dict):
        raise IngestError(where, "a JSONL article must be an object with id, title, url, published, text")
    missing = [k for k in REQUIRED if not obj.get(k)]
    if missing:
        raise IngestError(where, f"missing {', '.join(missing)} (an article needs id and text)")
    wrong = [k for k in ("text", *OPTIONAL) if obj.get(k) is not None and not isinstance(obj[k], str)]
    if wrong:
        raise IngestError(where, f"field {wrong[0]} must be a string")
    if not isinstance(obj["id"], (str, int)):
        raise IngestError(where, "field id must be a string or a number")
    text = _clean(obj["text"])
    problem = limits.doc_error(len(text))
    if problem:
        raise IngestError(where, problem)
    return Document(
        id=_clean(str(obj["id"])), text=strip_boilerplate(text), title=_clean(obj.get("title")) or None,
        url=_clean(obj.get("url")) or None, published=normalise_date(str(obj.get("published") or "")),
        source=_clean(obj.get("source")) or None, path=path, format="jsonl",
    )


def _clean(value: str | None) -> str | None:
    """A lone surrogate ("\\ud800" escaped in JSON) as U+FFFD: same length, so offsets hold."""
    return _SURROGATE.sub("\ufffd", value) if value else value


def read_jsonl(text: str, path: str, limits: Limits = DEFAULT) -> Iterator[Document | IngestError]:
    """Yield a document per good line and an error per bad one; never stop early."""
    return _read_lines(_LINE_END.split(text), path, limits)


def _read_lines(lines: Iterable[str], path: str, limits: Limits = DEFAULT) -> Iterator[Document | IngestError]:
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                yield read_jsonl_line(line, f"{path}:{n}", path, limits)
            except IngestError as e:
                yield e


def is_utf8(path: Path) -> bool:
    """True when the whole file is UTF-8, checked a chunk at a time (a pass
    over the bytes costs little beside extraction). Only then can lines be
    decoded as they are read: a file in another encoding needs detection over
    all of it first. Raises IngestError for a binary file, as ``decode`` does."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as f:
        head = f.read(4096)
        if b"\0" in head:
            decode(head, str(path))  # refuses a binary file on its first bytes, as for the whole file
            return False             # UTF-16 with a byte-order mark
        try:
            block = head
            while block:
                decoder.decode(block)
                block = f.read(CHUNK)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def stream_jsonl(path: Path, limits: Limits = DEFAULT, opener=open) -> Iterator[Document | IngestError]:
    """Documents of a UTF-8 JSONL file, read a line at a time. Lines end at
    ``\\n``, ``\\r\\n`` or ``\\r``; a U+2028 inside a JSON string stays in its line."""
    with opener(path, "rt", encoding="utf-8-sig", newline="") as f:
        yield from _read_lines(_bounded_lines(f, limits), str(path), limits)


def _bounded_lines(f, limits: Limits) -> Iterator[str]:
    """Lines of a text stream, none held longer than the line limit: a line
    over it is read in pieces and passed on as its first piece plus a marker
    long enough to be refused with the limit named."""
    while True:
        line = f.readline(limits.max_line_bytes + 1)
        if not line:
            return
        if len(line) > limits.max_line_bytes and not line.endswith(("\n", "\r")):
            while (rest := f.readline(limits.max_line_bytes)) and not rest.endswith(("\n", "\r")):
                pass  # skip the rest of the long line without holding it
            yield line
            continue
        yield line
