"""Limits on what one input may cost: scraped corpora hold 50 MB pages and
compressed files that expand a thousandfold. A file or document over a limit
is skipped with an error that names the limit and the option that sets it.

Time per document is bounded through its size: extraction takes time in
proportion to the text (about 10 s for the default maximum on one core).
"""
from __future__ import annotations

from dataclasses import dataclass

MB = 1_000_000


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 25 * MB      # a text or HTML file, after decompression
    max_line_bytes: int = 10 * MB      # one line of a JSONL corpus
    max_doc_chars: int = 2_000_000     # the text of one document, as extraction sees it

    def file_error(self, size: int, compressed: bool = False) -> str | None:
        if size <= self.max_file_bytes:
            return None
        what = "expands to over" if compressed else f"is {size / MB:.1f} MB, over"
        return f"{what} the limit of {self.max_file_bytes / MB:g} MB per file (--max-file-mb)"

    def line_error(self, size: int) -> str | None:
        if size <= self.max_line_bytes:
            return None
        return f"line of {size / MB:.1f} MB, over the limit of {self.max_line_bytes / MB:g} MB (--max-file-mb)"

    def doc_error(self, chars: int) -> str | None:
        if chars <= self.max_doc_chars:
            return None
        return (f"document of {chars:,} characters, over the limit of {self.max_doc_chars:,} "
                "(--max-doc-chars)")


DEFAULT = Limits()
