"""The document every reader produces and every later stage consumes."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One article: its text (evidence offsets refer to it) and metadata.

    ``published`` is ``YYYY-MM-DD`` or None; ``id`` is the file stem for a
    file and the ``id`` field for a JSONL line, so it is stable across runs.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    path: str | None = None
    format: str = "text"
    meta: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def content_hash(self) -> str:
        """Hash of what extraction sees, so re-ingesting unchanged content is a no-op."""
        h = hashlib.sha256()
        for part in (self.text, self.title or "", self.published or ""):
            h.update(part.encode("utf-8"))
            h.update(b"\0")
        return h.hexdigest()


class IngestError(Exception):
    """A file or line that cannot be read; ``str()`` is the one-line reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
