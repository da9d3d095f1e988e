"""Ingest: turn paths (files, directories, JSONL corpora) into Documents.

Public surface: ``iter_documents(paths)`` yields ``Document`` or ``IngestError``
items in a stable order, so a caller reports the errors and goes on.
"""
from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from .decode import decode
from .document import Document, IngestError
from .html import read_html
from .jsonl import is_utf8, read_jsonl, stream_jsonl
from .limits import DEFAULT, Limits
from .text import read_text

__all__ = ["Document", "IngestError", "Limits", "iter_documents", "read_file", "FORMATS"]

FORMATS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}


COMPRESSED = {".gz": gzip.open}
CHUNK = 1 << 20  # bytes read at a time: a bomb is stopped a chunk past the limit


def _inner(path: Path) -> tuple[str, str, object]:
    """(format suffix, document id, opener): "a.txt.gz" is a gzipped .txt with id "a"."""
    opener = COMPRESSED.get(path.suffix.lower())
    base = Path(path.stem) if opener else path
    return base.suffix.lower(), base.stem, opener or open


def read_file(path: Path, limits: Limits = DEFAULT) -> Iterator[Document | IngestError]:
    """Read one file by its extension (gzipped or not); errors are yielded, not raised."""
    suffix, stem, opener = _inner(path)
    fmt = FORMATS.get(suffix)
    name = str(path)
    if fmt is None:
        yield IngestError(name, f"unknown extension {path.suffix or '(none)'!r}; readable: "
                                f"{', '.join(sorted(FORMATS))}, each also gzipped (.gz)")
        return
    try:
        if fmt == "jsonl" and (opener is not open or is_utf8(path)):
            yield from stream_jsonl(path, limits, opener)  # a corpus of any size: one line in memory at a time
            return
        raw = _read_bounded(path, opener, limits)
        text, warning = decode(raw, name)
    except IngestError as e:
        yield e
        return
    except OSError as e:
        yield IngestError(name, f"cannot read: {e.strerror or e}")
        return
    except (EOFError, zlib.error, UnicodeDecodeError) as e:
        yield IngestError(name, f"cannot read: damaged or not {'gzip' if opener is not open else 'text'} ({e})")
        return
    if warning:
        print(f"orbitwatch: {name}: {warning}", file=sys.stderr)
    if fmt == "jsonl":
        yield from read_jsonl(text, name, limits)
        return
    if not text.strip():
        yield IngestError(name, "empty file")
        return
    try:
        doc = read_html(text, stem, name) if fmt == "html" else read_text(text, stem, name)
    except IngestError as e:
        yield e
        return
    except RecursionError:
        yield IngestError(name, f"could not parse as {fmt}: nested too deeply")
        return
    except Exception as e:  # a parser bug must not stop the batch
        yield IngestError(name, f"could not parse as {fmt}: {type(e).__name__}: {e}")
        return
    problem = limits.doc_error(len(doc.text))
    yield IngestError(name, problem) if problem else doc


def _read_bounded(path: Path, opener, limits: Limits) -> bytes:
    """The file's bytes, refusing more than the limit before holding them
    (a compressed file is measured as it expands)."""
    if opener is open:
        problem = limits.file_error(path.stat().st_size)
        if problem:
            raise IngestError(str(path), problem)
    chunks, size = [], 0
    with opener(path, "rb") as f:
        while chunk := f.read(CHUNK):
            size += len(chunk)
            if size > limits.max_file_bytes:
                raise IngestError(str(path), limits.file_error(size, compressed=opener is not open))
            chunks.append(chunk)
    return b"".join(chunks)


def _readable(p: Path) -> bool:
    suffix, _, _ = _inner(p)
    return suffix in FORMATS and not p.name.startswith(".")


def _walk(root: Path) -> Iterator[Path]:
    """Files under a directory, sorted, readable formats only, no symlink loops."""
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for f in sorted(filenames):
            p = Path(dirpath) / f
            if _readable(p):
                yield p


def iter_documents(paths: Iterable[str], limits: Limits = DEFAULT) -> Iterator[Document | IngestError]:
    """Documents from files, directories (recursive) and ``-`` (stdin text)."""
    for raw in paths:
        if raw == "-":
            try:
                yield read_text(sys.stdin.read(), "stdin", "-")
            except IngestError as e:
                yield e
            continue
        path = Path(raw)
        if path.is_dir():
            for p in _walk(path):
                yield from read_file(p, limits)
        elif path.exists() or path.is_symlink():
            yield from read_file(path, limits)
        else:
            yield IngestError(raw, "no such file or directory")
