"""Ingest: turn paths (files, directories, JSONL corpora) into Documents.

Public surface: ``iter_documents(paths)`` yields ``Document`` or ``IngestError``
items in a stable order, so a caller reports the errors and goes on.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .decode import decode
from .document import Document, IngestError
from .html import read_html
from .jsonl import read_jsonl
from .text import read_text

__all__ = ["Document", "IngestError", "iter_documents", "read_file", "FORMATS"]

FORMATS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}


def read_file(path: Path) -> Iterator[Document | IngestError]:
    """Read one file by its extension; errors are yielded, not raised."""
    fmt = FORMATS.get(path.suffix.lower())
    name = str(path)
    if fmt is None:
        yield IngestError(name, f"unknown extension {path.suffix or '(none)'!r}; readable: {', '.join(sorted(FORMATS))}")
        return
    try:
        raw = path.read_bytes()
        text, warning = decode(raw, name)
    except IngestError as e:
        yield e
        return
    except OSError as e:
        yield IngestError(name, f"cannot read: {e.strerror or e}")
        return
    if warning:
        print(f"orbitwatch: {name}: {warning}", file=sys.stderr)
    if fmt == "jsonl":
        yield from read_jsonl(text, name)
        return
    if not text.strip():
        yield IngestError(name, "empty file")
        return
    try:
        yield read_html(text, path.stem, name) if fmt == "html" else read_text(text, path.stem, name)
    except IngestError as e:
        yield e
    except Exception as e:  # a parser bug must not stop the batch
        yield IngestError(name, f"could not parse as {fmt}: {type(e).__name__}: {e}")


def _walk(root: Path) -> Iterator[Path]:
    """Files under a directory, sorted, readable formats only, no symlink loops."""
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for f in sorted(filenames):
            p = Path(dirpath) / f
            if p.suffix.lower() in FORMATS and not f.startswith("."):
                yield p


def iter_documents(paths: Iterable[str]) -> Iterator[Document | IngestError]:
    """Documents from files, directories (recursive) and ``-`` (stdin text)."""
    for raw in paths:
        if raw == "-":
            yield read_text(sys.stdin.read(), "stdin", "-")
            continue
        path = Path(raw)
        if path.is_dir():
            for p in _walk(path):
                yield from read_file(p)
        elif path.exists():
            yield from read_file(path)
        else:
            yield IngestError(raw, "no such file or directory")
