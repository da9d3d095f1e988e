"""ingest -> extract -> store, as one library call the CLI wraps."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .canonical import link
from .extract import Parser
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
                 on_document: Callable[[Document], None] = lambda d: None,
                 runner=None) -> IngestReport:
    """Read, extract and store every document; a bad file is reported and skipped.

    Each document is saved in its own transaction, so an error or an
    interruption never loses what was stored before it. Unchanged content
    already extracted by this extractor is not extracted again. ``runner``
    extracts (``parallel.SerialRunner`` by default, ``parallel.DaskRunner``
    on a cluster); this process stays the store's one writer.
    """
    from .parallel import SerialRunner
    report = IngestReport()
    runner = runner or SerialRunner(parser)
    extractor = runner.extractor

    def todo() -> Iterable[Document]:
        for item in iter_documents(paths):
            if isinstance(item, IngestError):
                report.skipped.append(item)
                on_error(item)
            elif store.is_current(item, extractor):
                report.status["unchanged"] += 1
                on_document(item)
            else:
                yield item

    for doc, records, claims in runner.map(todo()):
        report.status[store.save(doc, records, extractor)] += 1
        report.events += len(records)
        report.claims += store.replace_indicators(claims_dataset(doc.id), claims)
        on_document(doc)
    if report.events or report.status.get("updated"):
        relink(store)
    return report


GDELT_EXTRACTOR = "gdelt.v2"


def import_gdelt(paths: Iterable[str], store: Store, on_error: Callable[[Exception], None] = lambda e: None,
                 batch: int = 2000) -> tuple[int, object]:
    """Store the records of GDELT 2.0 export files, each as a one-line document
    holding its source URL (the evidence GDELT gives), marked with the
    extractor ``gdelt.v2``; then link them with the other records into
    canonical events. Returns (records stored, GdeltStats)."""
    from dataclasses import replace

    from .ingest.gdelt import GdeltError, GdeltStats, read_gdelt
    stats, stored, pending = GdeltStats(), 0, []
    for path in paths:
        for item in read_gdelt(path, stats):
            if isinstance(item, GdeltError):
                on_error(item)
                continue
            url = item.evidence
            doc = Document(id=item.doc, text=url, published=item.date, url=url, source="gdelt", format="gdelt")
            pending.append((doc, [replace(item, start=0, end=len(url))]))
            if len(pending) >= batch:
                stored += store.save_many(pending, GDELT_EXTRACTOR)
                pending = []
    if pending:
        stored += store.save_many(pending, GDELT_EXTRACTOR)
    if stored:
        relink(store)
    return stored, stats


def claims_dataset(doc_id: str) -> str:
    """The dataset name under which a document's claims are stored."""
    return f"claims:{doc_id}"


def apply_correction(store: Store, correction: Correction) -> dict:
    """Log a person's correction, then re-link canonical events so that the
    index and the verdicts use the corrected records."""
    entry = store.correct(correction)
    relink(store)
    return entry


def import_corrections(store: Store, lines: Iterable[str]) -> tuple[int, list[str]]:
    """Replay corrections exported as JSONL (`replayable` entries): returns
    the number applied and, for each bad line, "line N: what is wrong"."""
    import json

    from .store import CorrectionError
    applied, errors = 0, []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            store.correct(Correction(**json.loads(line)))
            applied += 1
        except (ValueError, TypeError, CorrectionError) as e:
            errors.append(f"line {n}: {e}")
    if applied:
        relink(store)
    return applied, errors


def relink(store: Store) -> int:
    """Recompute canonical events over the whole store; returns their number."""
    mapping = link(store.reports())
    store.set_canonical(mapping)
    return len(set(mapping.values()))
