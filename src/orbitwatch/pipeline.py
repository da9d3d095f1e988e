"""ingest -> extract -> store, as one library call the CLI wraps."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .canonical import link
from .extract import Parser, extract, extractor_name
from .extract.claims import read_claims
from .ingest import Document, IngestError, iter_documents
from .store import Correction, Store


@dataclass
class IngestReport:
    status: Counter = field(default_factory=Counter)
    events: int = 0
    claims: int = 0
    skipped: list[IngestError] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return sum(self.status.values())

    def line(self) -> str:
        parts = ", ".join(f"{n} {s}" for s, n in sorted(self.status.items())) or "none"
        return (f"{self.documents} documents ({parts}), {self.events} events and {self.claims} "
                f"indicator claims extracted, {len(self.skipped)} skipped")


def ingest_paths(paths: Iterable[str], store: Store, *, parser: Parser | None = None,
                 on_error: Callable[[IngestError], None] = lambda e: None,
                 on_document: Callable[[Document], None] = lambda d: None) -> IngestReport:
    """Read, extract and store every document; a bad file is reported and skipped.

    Each document is saved in its own transaction, so an error or an
    interruption never loses what was stored before it. Unchanged content
    already extracted by this extractor is not extracted again.
    """
    report = IngestReport()
    extractor = extractor_name(parser)
    for item in iter_documents(paths):
        if isinstance(item, IngestError):
            report.skipped.append(item)
            on_error(item)
            continue
        if store.is_current(item, extractor):
            report.status["unchanged"] += 1
        else:
            records = extract(item, parser=parser)
            report.status[store.save(item, records, extractor)] += 1
            report.events += len(records)
            report.claims += store.replace_indicators(claims_dataset(item.id), read_claims(item))
        on_document(item)
    if report.events or report.status.get("updated"):
        relink(store)
    return report


def claims_dataset(doc_id: str) -> str:
    """The dataset name under which a document's claims are stored."""
    return f"claims:{doc_id}"


def apply_correction(store: Store, correction: Correction) -> dict:
    """Log a person's correction, then re-link canonical events so that the
    index and the verdicts use the corrected records."""
    entry = store.correct(correction)
    relink(store)
    return entry


def relink(store: Store) -> int:
    """Recompute canonical events over the whole store; returns their number."""
    mapping = link(store.reports())
    store.set_canonical(mapping)
    return len(set(mapping.values()))
