"""HTML pages: main text and metadata by trafilatura, which is made for this."""
from __future__ import annotations

from .boilerplate import strip_boilerplate
from .document import Document, IngestError
from .text import normalise_date


def read_html(html: str, doc_id: str, path: str | None = None) -> Document:
    """Extract the article body (navigation, sidebars, footers dropped)."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True, deduplicate=False,
    )
    if result is None:
        raise IngestError(path or doc_id, "HTML holds no article text that could be extracted")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = strip_boilerplate(data.get("text") or "")
    if not text.strip():
        raise IngestError(path or doc_id, "HTML holds no article text that could be extracted")
    return Document(
        id=doc_id, text=text, title=data.get("title") or None, url=data.get("url") or None,
        published=normalise_date(data.get("date")), source=data.get("sitename") or None,
        path=path, format="html",
    )
