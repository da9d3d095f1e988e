"""ingest -> extract -> store, as one library call the CLI wraps."""
from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from .canonical import Report, link
from .extract import Parser
from .ingest import Document, IngestError, Limits, iter_documents
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


BATCH = 500  # documents per write transaction, and per question to the store about what it holds


def ingest_paths(paths: Iterable[str], store: Store, *, parser: Parser | None = None,
                 on_error: Callable[[IngestError], None] = lambda e: None,
                 on_document: Callable[[Document], None] = lambda d: None,
                 runner=None, batch: int = BATCH, limits: Limits | None = None) -> IngestReport:
    """Read, extract and store every document; a bad file is reported and skipped.

    Documents stream: whatever the corpus size, this process holds a batch
    being checked, a batch waiting to be written and the runner's partitions
    in flight. A batch is saved in one transaction (a transaction per
    document cost more than its rows), so an error or an interruption loses
    at most that batch, never what was stored before it. Unchanged content
    already extracted by this extractor is not extracted again. ``runner``
    extracts (``parallel.SerialRunner`` by default, ``parallel.DaskRunner``
    on a cluster); this process stays the store's one writer.
    """
    from .parallel import SerialRunner
    report = IngestReport()
    runner = runner or SerialRunner(parser)
    readable = _readable(paths, report, on_error, limits or Limits())
    writer = _Writer(store, runner.extractor, report, on_document, batch)
    for doc, records, claims in runner.map(_to_extract(readable, store, runner.extractor, writer, batch)):
        writer.add(doc, records, claims)
    writer.flush()
    if report.events or report.status.get("updated"):
        relink(store)
    return report


def _readable(paths: Iterable[str], report: IngestReport,
              on_error: Callable[[IngestError], None], limits: Limits) -> Iterator[Document]:
    for item in iter_documents(paths, limits):
        if isinstance(item, IngestError):
            report.skipped.append(item)
            on_error(item)
        else:
            yield item


def _to_extract(docs: Iterable[Document], store: Store, extractor: str, writer: "_Writer",
                batch: int) -> Iterator[Document]:
    """The documents whose content this extractor has not extracted yet; the
    others are counted unchanged without being sent to the runner. The store
    is asked about a batch at a time."""
    it = iter(docs)
    while chunk := list(islice(it, batch)):
        done = _extracted(store, chunk, extractor)
        for doc in chunk:
            if done.get(doc.id) == doc.content_hash:
                writer.unchanged(doc)
            else:
                yield doc


class _Writer:
    """The one writer: extracted documents wait here and are saved a batch
    per transaction; a document's status is decided when its batch is saved,
    as ``Store.save`` decides it."""

    def __init__(self, store: Store, extractor: str, report: IngestReport,
                 on_document: Callable[[Document], None], size: int):
        self.store, self.extractor, self.report = store, extractor, report
        self.on_document, self.size = on_document, max(1, size)
        self.pending: dict[str, tuple[Document, list, list]] = {}

    def unchanged(self, doc: Document) -> None:
        self.report.status["unchanged"] += 1
        self.on_document(doc)

    def add(self, doc: Document, records: list, claims: list) -> None:
        if doc.id in self.pending:  # the same id twice: the second is compared with the first, stored
            self.flush()
        self.pending[doc.id] = (doc, records, claims)
        if len(self.pending) >= self.size:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        items = list(self.pending.values())
        status = _statuses(self.store, [doc for doc, _, _ in items], self.extractor)
        changed = [(doc, records) for doc, records, _ in items if status[doc.id] != "unchanged"]
        if changed:
            self.store.save_many(changed, self.extractor)
        for doc, records, claims in items:
            self.report.status[status[doc.id]] += 1
            self.report.events += len(records)
            self.report.claims += len(claims)
            if claims or status[doc.id] != "new":  # a new document has no claims stored to replace
                self.store.replace_indicators(claims_dataset(doc.id), claims)
            self.on_document(doc)
        self.pending = {}


def _in(values: list) -> str:
    return f"({', '.join('?' * len(values))})"


def _extracted(store: Store, docs: list[Document], extractor: str) -> dict[str, str]:
    """Document id -> hash of the content this extractor extracted, for the
    ones it did (``Store.is_current`` for a batch, in one statement)."""
    ids = [d.id for d in docs]
    rows = store.query(f"SELECT doc_id, content_hash FROM extractions WHERE extractor = ? AND doc_id IN {_in(ids)}",
                       [extractor, *ids])
    return dict(rows)


def _statuses(store: Store, docs: list[Document], extractor: str) -> dict[str, str]:
    """What saving each document is: ``new``, ``updated`` (content changed),
    ``re-extracted`` (same content, another extractor) or ``unchanged``, as
    ``Store.save`` reports it, for a batch in one statement."""
    ids = [d.id for d in docs]
    rows = store.query("SELECT d.id, d.content_hash, x.extractor, x.content_hash FROM documents d "
                       f"LEFT JOIN extractions x ON x.doc_id = d.id WHERE d.id IN {_in(ids)}", ids)
    stored = {r[0]: r[1:] for r in rows}
    out = {}
    for doc in docs:
        digest, row = doc.content_hash, stored.get(doc.id)
        if row is None:
            out[doc.id] = "new"
        elif row[0] != digest:
            out[doc.id] = "updated"
        else:
            out[doc.id] = "unchanged" if (row[1], row[2]) == (extractor, digest) else "re-extracted"
    return out


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


# Canonical linking reads the reports in key order, streamed, and links a page
# of whole keys at a time: only reports with the same actor, target and type
# can be linked (either direction for the symmetric types), so a page links as
# the whole store would, and memory holds a page, not the store's reports.
PAGE = 50_000  # reports per page; a key with more reports is a page alone


def relink(store: Store) -> int:
    """Recompute canonical events over the whole store; returns their number.

    The links are the ones ``link(store.reports())`` gives, computed and
    written a page at a time in one transaction. If the engine runs out of
    its memory limit, the transaction is rolled back and the records are read
    again in buckets a quarter the size (twice at most)."""
    store.checkpoint()  # a DuckDB ingest leaves its new index entries in memory until the next checkpoint
    bucket_rows = None
    for smaller in (store.bucket_rows // 4, store.bucket_rows // 16):
        try:
            return _relink(store, bucket_rows)
        except store.memory_errors:
            bucket_rows = max(1_000, smaller)
            print(f"orbitwatch: relinking ran out of the database's memory limit; reading again in buckets of "
                  f"{bucket_rows:,} records", file=sys.stderr)
    return _relink(store, bucket_rows)


def _relink(store: Store, bucket_rows: int | None) -> int:
    canonical = 0

    def pages() -> Iterator[dict[str, str]]:
        nonlocal canonical
        page: list[Report] = []
        last = None
        for key, report in store.reports_by_key(bucket_rows):
            if len(page) >= PAGE and key != last:
                links = link(page)
                canonical += sum(event == c for event, c in links.items())
                yield links
                page = []
            last = key
            page.append(report)
        if page:
            links = link(page)
            canonical += sum(event == c for event, c in links.items())
            yield links

    store.set_canonical(pages())
    return canonical
