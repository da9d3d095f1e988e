"""The storage interface: everything above the store speaks only this.

DuckDB implements it now; PostgreSQL will implement the same methods.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..canonical import Report
from ..ingest.document import Document
from ..indicators.observation import Observation
from ..records import EventRecord


@dataclass(frozen=True)
class EventQuery:
    """Filters of ``Store.events``; every field is optional.

    ``state`` and ``power`` match either side of a record, so
    ``state=KAZ, power=RUS`` gives events in both directions. ``since`` and
    ``until`` accept ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and compare at
    the precision of the record's date (its document's date when it has none).
    """

    state: str | None = None
    power: str | None = None
    since: str | None = None
    until: str | None = None
    type: str | None = None
    channel: str | None = None
    doc: str | None = None
    limit: int | None = None
    offset: int = 0
    stance: int | None = None
    text: str | None = None       # words that must occur in the evidence (case-insensitive)
    review: str | None = None     # machine, confirmed, edited or added
    machine: bool = False         # the machine's records, ignoring people's corrections
    order: str = "date"           # date; confidence (lowest first); influence (heaviest first, by `intensity`)
    source: str | None = None     # the documents' source (outlet)
    intensity: tuple = ()         # (type, weight) pairs for order="influence"
    per_partner: int | None = None  # with state: at most this many records with each other party


ACTIONS = ("confirm", "reject", "edit", "add")
EDITABLE = ("actor", "target", "type", "stance", "channel", "date")


class CorrectionError(ValueError):
    """A correction that cannot be applied; the message says what is valid."""


@dataclass(frozen=True)
class Correction:
    """What a person does to one record, named by its key: the document and
    the actor, target and type the machine (or the person who added it) gave."""

    doc: str
    actor: str
    target: str
    type: str
    action: str
    author: str
    changes: dict | None = None   # for edit and add: new values of EDITABLE fields
    reason: str | None = None
    evidence: str | None = None   # for add: the sentence, with its offsets
    start: int | None = None
    end: int | None = None


def replayable(entry: dict) -> dict:
    """An audit-log entry as the fields of a Correction that another store can
    apply (what `corrections export` writes and `corrections import` reads)."""
    after = entry["after"] or {}
    out = {"doc": entry["doc"], **entry["key"], "action": entry["action"], "author": entry["author"],
           "reason": entry["reason"]}
    if entry["action"] in ("edit", "add"):
        out["changes"] = {k: after.get(k) for k in EDITABLE}
    if entry["action"] == "add":
        out.update(start=after.get("start"), end=after.get("end"))
    return out


class Store(Protocol):
    def is_current(self, doc: Document, extractor: str) -> bool:
        """True when this content was already extracted by this extractor."""

    def save(self, doc: Document, records: list[EventRecord], extractor: str) -> str:
        """Store a document and replace its events in one transaction.

        Returns ``new``, ``updated`` (content changed), ``re-extracted``
        (same content, other extractor) or ``unchanged``.
        """

    def save_many(self, items: list[tuple[Document, list[EventRecord]]], extractor: str) -> int:
        """Store many documents and their events in one transaction; returns the events written."""

    def events(self, query: EventQuery = EventQuery()) -> list[EventRecord]: ...

    def document(self, doc_id: str) -> Document | None: ...

    def reports(self) -> list[Report]:
        """Every stored record, as the canonical-event linker reads it."""

    def set_canonical(self, links) -> None:
        """Replace the links from events to canonical events (a dict, or an
        iterable of dicts written as they come, in one transaction)."""

    def reports_by_key(self, bucket_rows: int | None = None):
        """(link key, Report) of every record, streamed with each key's
        reports together; about ``bucket_rows`` records are sorted at once."""

    def checkpoint(self) -> None:
        """Write what is pending to the database file, so that the memory a
        long read needs is free (DuckDB holds new index entries until then)."""

    # Errors that mean "a smaller piece would fit": the engine ran out of its
    # memory limit (relinking retries with smaller buckets).
    memory_errors: tuple[type[BaseException], ...] = ()

    def replace_indicators(self, dataset: str, rows: list[Observation]) -> int:
        """Replace every observation of ``dataset`` (a file imported again,
        the claims of a document read again) in one transaction."""

    def indicators(self, state: str | None = None, partners: tuple[str, ...] | None = None,
                   kind: str | None = None) -> list[Observation]: ...

    def derive(self, name: str, sql: str, key: str) -> bool:
        """Keep table ``name`` equal to the rows of ``sql``: rebuilt when events
        or links changed since it was built, or when ``key`` (what the statement
        depends on besides the data, such as the weights) differs. True when rebuilt."""

    def correct(self, correction: "Correction") -> dict:
        """Append a person's correction to the audit log and return the entry
        (id, who, when, before, after, why). Raises CorrectionError when the
        record does not exist or the change is not valid."""

    def corrections(self, doc: str | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
        """The audit log, newest first."""

    def count_events(self, query: EventQuery = EventQuery()) -> int: ...

    def query(self, sql: str, params: list | None = None) -> list[tuple]:
        """Rows of a read-only analytic statement over the store's tables
        (the index aggregates in the database, not in Python)."""

    def counts(self) -> dict[str, int]:
        """Row counts: documents, events, extractions."""

    def schema_version(self) -> int: ...

    def close(self) -> None: ...
