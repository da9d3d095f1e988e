"""What the DuckDB and PostgreSQL stores share: the schema, the statements and
the rules of a write. Every statement here is SQL both engines run, with ``?``
placeholders; a subclass connects, executes, and supplies the few pieces the
engines spell differently (see ``dialect.py``)."""
from __future__ import annotations

import hashlib
import json
import re
from contextlib import contextmanager
from itertools import islice
from datetime import datetime, timezone

from ..canonical import Report
from ..indicators.observation import Observation
from ..ingest.document import Document
from ..records import SYMMETRIC_TYPES, EventRecord
from . import dialect
from .base import ACTIONS, EDITABLE, Correction, CorrectionError, EventQuery
from .migrations import MIGRATIONS

_EVENT_COLUMNS = (
    "id, doc_id, extractor, actor, target, type, stance, channel, date, "
    "evidence, start_offset, end_offset, confidence, person"
)

_INDICATOR_COLUMNS = (
    "dataset, state, partner, indicator, period, value, unit, source, vintage, kind, change, "
    "doc_id, evidence, start_offset, end_offset, note"
)

# Column types of the tables written in bulk, in their order (see `_insert`).
_TYPES = {
    "documents": "TEXT TEXT TEXT TEXT TEXT TEXT TEXT TEXT TEXT TIMESTAMP",
    "events": "TEXT TEXT TEXT TEXT TEXT TEXT INTEGER TEXT TEXT TEXT INTEGER INTEGER DOUBLE TEXT",
    "extractions": "TEXT TEXT TEXT INTEGER TIMESTAMP",
    "canonical": "TEXT TEXT",
    "indicators": "TEXT TEXT TEXT TEXT TEXT DOUBLE TEXT TEXT TEXT TEXT TEXT TEXT TEXT INTEGER INTEGER TEXT TIMESTAMP",
}

_BUCKET_ROWS = 250_000  # records sorted at once when canonical links are recomputed
_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")


def event_id(rec: EventRecord) -> str:
    """Stable id: the same record from the same sentence keeps its id across runs."""
    key = "\x1f".join(str(x) for x in (rec.doc, rec.actor, rec.target, rec.type, rec.start, rec.end))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class SQLStore:
    """``orbitwatch.store.base.Store`` over a SQL connection. Subclasses set
    ``dialect``, connect, and implement ``_run`` (and, where their engine
    does it better, the snapshot, streaming and sequence hooks)."""

    dialect = "duckdb"
    memory_errors: tuple[type[BaseException], ...] = ()  # DuckDB's limit; PostgreSQL sorts on disk

    def checkpoint(self) -> None:
        pass  # PostgreSQL writes and evicts on its own

    @property
    def bucket_rows(self) -> int:
        """Records sorted at once when canonical links are recomputed."""
        return _BUCKET_ROWS

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # --- what a subclass provides -------------------------------------------------
    def _run(self, sql: str, params=()):
        """Execute one statement; returns an object with fetchone/fetchall."""
        raise NotImplementedError

    def _begin(self) -> None:
        self._run("BEGIN TRANSACTION")

    def _commit(self) -> None:
        self._run("COMMIT")

    def _rollback(self) -> None:
        self._run("ROLLBACK")

    def _replace_table(self, name: str, sql: str) -> None:
        for statement in dialect.replace_table(self.dialect, name, sql):
            self._run(statement)

    def _insert(self, table: str, rows: list) -> None:
        """Append rows (in the table's column order) with one statement: each
        column goes as one array parameter, unnested in step. Both engines
        take it; DuckDB's executemany runs a statement per row, hundreds of
        times slower."""
        if not rows:
            return
        types = [("DOUBLE PRECISION" if t == "DOUBLE" else t) for t in _TYPES[table].split()]
        columns = [list(c) for c in zip(*rows)]
        select = ", ".join(f"unnest(CAST(? AS {t}[]))" for t in types)
        self._run(f"INSERT INTO {table} SELECT {select}", columns)

    def _delete(self, table: str, column: str, values: list) -> None:
        """Delete the rows whose ``column`` is one of ``values``, with one statement."""
        if values:
            self._run(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(CAST(? AS TEXT[])))", [list(values)])

    @contextmanager
    def _migration_lock(self):
        """Held while migrations run (one process migrates at a time)."""
        yield

    # --- schema ---------------------------------------------------------------------
    def _migrate(self) -> None:
        with self._migration_lock():
            self._run("CREATE TABLE IF NOT EXISTS schema_migrations "
                      "(name TEXT PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
            done = {r[0] for r in self._run("SELECT name FROM schema_migrations").fetchall()}
            for name, sql in MIGRATIONS:
                if name in done:
                    continue
                with self._transaction(changes_data=False):
                    for statement in filter(str.strip, dialect.migration(self.dialect, sql).split(";")):
                        self._run(statement)
                    self._run("INSERT INTO schema_migrations VALUES (?, ?)", [name, _now()])

    def schema_version(self) -> int:
        return self._run("SELECT count(*) FROM schema_migrations").fetchone()[0]

    # --- transactions ---------------------------------------------------------------
    def _changed(self) -> None:
        """Mark every derived table out of date (inside the writer's transaction)."""
        self._run("UPDATE store_meta SET value = value + 1 WHERE key = 'data_version'")

    @contextmanager
    def _transaction(self, changes_data: bool = True):
        """One write: all of it or none of it. A write that changes the data
        marks the derived tables out of date in the same transaction."""
        self._begin()
        try:
            yield
            if changes_data:
                self._changed()
            self._commit()
        except BaseException:
            self._rollback()
            raise

    @contextmanager
    def _snapshot(self):
        """A read-only transaction: a consistent view while others write."""
        self._begin()
        try:
            yield
        finally:
            self._rollback()

    def _stream(self, sql: str, size: int = 1000):
        """Rows of a long result, a batch at a time."""
        cursor = self._run(sql)
        while rows := cursor.fetchmany(size):
            yield from rows

    def _continue_sequence(self, sequence: str, table: str, column: str) -> None:
        """Make ``sequence`` continue past the largest ``column`` (rows restored with their ids)."""
        top = self._run(f"SELECT coalesce(max({column}), 0) FROM {table}").fetchone()[0]
        if top:
            self._run(f"SELECT max(nextval('{sequence}')) FROM range({int(top)})")

    # --- documents and events -------------------------------------------------------
    def is_current(self, doc: Document, extractor: str) -> bool:
        row = self._run("SELECT extractor, content_hash FROM extractions WHERE doc_id = ?", [doc.id]).fetchone()
        return tuple(row or ()) == (extractor, doc.content_hash)

    def _status(self, doc: Document, extractor: str) -> str:
        row = self._run("SELECT content_hash FROM documents WHERE id = ?", [doc.id]).fetchone()
        if row is None:
            return "new"
        if row[0] != doc.content_hash:
            return "updated"
        return "unchanged" if self.is_current(doc, extractor) else "re-extracted"

    def save(self, doc: Document, records: list[EventRecord], extractor: str) -> str:
        status = self._status(doc, extractor)
        if status != "unchanged":
            self.save_many([(doc, records)], extractor)
        return status

    def save_many(self, items: list[tuple[Document, list[EventRecord]]], extractor: str) -> int:
        """Store documents with their events in one transaction, replacing any
        stored under the same ids (one document for `save`; a batch for an
        import of structured data, where a transaction per row would cost more
        than the row). Returns the number of events written."""
        now = _now()
        events = [{event_id(r): r for r in recs} for _, recs in items]  # one record per id
        with self._transaction():
            ids = list(dict.fromkeys(d.id for d, _ in items))
            for table, column in (("events", "doc_id"), ("extractions", "doc_id"), ("documents", "id")):
                self._delete(table, column, ids)
            latest = {d.id: (d, recs) for (d, _), recs in zip(items, events)}  # a repeated id: its last version
            self._insert("documents", [[d.id, d.content_hash, d.title, d.url, d.published, d.source, d.path,
                                        d.format, d.text, now] for d, _ in latest.values()])
            rows = [[i, r.doc, extractor, r.actor, r.target, r.type, r.stance, r.channel, r.date,
                     r.evidence, r.start, r.end, r.confidence, r.person]
                    for _, recs in latest.values() for i, r in recs.items()]
            self._insert("events", rows)
            self._insert("extractions", [[d.id, extractor, d.content_hash, len(recs), now]
                                         for d, recs in latest.values()])
        return len(rows)

    def events(self, query: EventQuery = EventQuery()) -> list[EventRecord]:
        sql, params = event_sql(query)
        return [
            EventRecord(doc=r[1], actor=r[3], target=r[4], type=r[5], stance=r[6], channel=r[7],
                        date=r[8], evidence=r[9], start=r[10], end=r[11], confidence=r[12],
                        person=r[13], extra={"id": r[0], "extractor": r[2],
                                             "canonical": r[14] or r[0], "published": r[15], "review": r[16],
                                             "key": {"actor": r[17], "target": r[18], "type": r[19]}})
            for r in self._run(sql, params).fetchall()
        ]

    def count_events(self, query: EventQuery = EventQuery()) -> int:
        sql, params = event_sql(query, count=True)
        return self._run(sql, params).fetchone()[0]

    def document(self, doc_id: str) -> Document | None:
        r = self._run("SELECT id, text, title, url, published, source, path, format FROM documents WHERE id = ?",
                      [doc_id]).fetchone()
        if r is None:
            return None
        return Document(id=r[0], text=r[1], title=r[2], url=r[3], published=r[4], source=r[5],
                        path=r[6], format=r[7])

    # --- corrections ----------------------------------------------------------------
    def correct(self, c: Correction) -> dict:
        if c.action not in ACTIONS:
            raise CorrectionError(f"unknown action {c.action!r}; valid: {', '.join(ACTIONS)}")
        if not (c.author or "").strip():
            raise CorrectionError("a correction needs its author")
        before = self._current(c.doc, c.actor, c.target, c.type)
        if c.action == "add":
            if self.document(c.doc) is None:
                raise CorrectionError(f"no document {c.doc!r}")
            after = _added(c, self.document(c.doc).text)
            key = (after["actor"], after["target"], after["type"])
        else:
            if before is None:
                raise CorrectionError(f"no record {c.actor} -> {c.target} {c.type} in document {c.doc!r}")
            changes = (c.changes or {}) if c.action == "edit" else {}  # a confirmation changes nothing
            after = None if c.action == "reject" else _edited(before, changes)
            key = (c.actor, c.target, c.type)
        now = _now()
        span = after or before or {}
        with self._transaction():
            row = self._run(
                "INSERT INTO corrections (doc_id, actor, target, type, action, new_actor, new_target, new_type, "
                "new_stance, new_channel, new_date, evidence, start_offset, end_offset, author, reason, created_at, "
                "before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                [c.doc, *key, c.action, *(after[f] if after else None for f in EDITABLE),
                 span.get("evidence"), span.get("start"), span.get("end"), c.author.strip(), c.reason, now,
                 json.dumps(before, ensure_ascii=False) if before else None,
                 json.dumps(after, ensure_ascii=False) if after else None]).fetchone()
        return {"id": row[0], "doc": c.doc, "key": dict(zip(("actor", "target", "type"), key)),
                "action": c.action, "author": c.author.strip(), "reason": c.reason,
                "created_at": now.isoformat(timespec="seconds"), "before": before, "after": after}

    def _current(self, doc: str, actor: str, target: str, type_: str) -> dict | None:
        """The record with this key as it stands now (corrections applied)."""
        row = self._run(
            "SELECT actor, target, type, stance, channel, date, evidence, start_offset, end_offset "
            "FROM events_corrected WHERE doc_id = ? AND key_actor = ? AND key_target = ? AND key_type = ?",
            [doc, actor, target, type_]).fetchone()
        if row is None:
            return None
        return dict(zip(("actor", "target", "type", "stance", "channel", "date", "evidence", "start", "end"), row))

    def corrections(self, doc: str | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
        where, params = ("WHERE doc_id = ?", [doc]) if doc else ("", [])
        rows = self._run(
            f"SELECT id, doc_id, actor, target, type, action, author, reason, created_at, before, after "
            f"FROM corrections {where} ORDER BY id DESC LIMIT {int(limit)} OFFSET {int(offset)}", params
        ).fetchall()
        return [{"id": r[0], "doc": r[1], "key": {"actor": r[2], "target": r[3], "type": r[4]}, "action": r[5],
                 "author": r[6], "reason": r[7], "created_at": r[8].isoformat(timespec="seconds"),
                 "before": json.loads(r[9]) if r[9] else None, "after": json.loads(r[10]) if r[10] else None}
                for r in rows]

    # --- canonical events and derived tables ----------------------------------------
    def reports(self) -> list[Report]:
        """Every stored record as the canonical linker needs it."""
        rows = self._run(
            "SELECT e.id, e.doc_id, e.actor, e.target, e.type, e.date, d.published, e.evidence "
            "FROM events_corrected e JOIN documents d ON d.id = e.doc_id ORDER BY e.id").fetchall()
        return [Report(*r) for r in rows]

    def set_canonical(self, links) -> None:
        """Replace the event -> canonical event links in one transaction.
        ``links`` is a dict, or an iterable of dicts (pages computed while
        they are written, so memory holds one page)."""
        pages = [links] if isinstance(links, dict) else links
        with self._transaction():
            self._run("DELETE FROM canonical")
            for page in pages:
                pairs = iter(page.items())
                while chunk := list(islice(pairs, 50_000)):  # engines copy array parameters whole: a piece at a time
                    self._insert("canonical", chunk)

    def reports_by_key(self, bucket_rows: int | None = None):
        """(key, Report) for every stored record, grouped by its link key
        (actor, target and type; either direction for the symmetric types),
        streamed by a reader of its own so that writes may go on meanwhile.

        The keys are read in buckets of their hash, each sorted on its own:
        one sort of the whole store would hold the store (DuckDB ran out of a
        512 MB limit on 2.9 million events), a bucket holds about
        ``_BUCKET_ROWS`` records. Every key lies in one bucket, so its reports
        stay together."""
        symmetric = ", ".join(f"'{t}'" for t in sorted(SYMMETRIC_TYPES))
        key = (f"CASE WHEN e.type IN ({symmetric}) THEN least(e.actor, e.target) || '|' || "
               "greatest(e.actor, e.target) ELSE e.actor || '|' || e.target END || '|' || e.type")
        size = bucket_rows or _BUCKET_ROWS
        buckets = max(1, -(-self._run("SELECT count(*) FROM events").fetchone()[0] // size))
        keyed = f"SELECT {key} AS k, e.id, e.doc_id, e.actor, e.target, e.type, e.date, e.evidence FROM events_corrected e"
        for bucket in range(buckets):
            # the bucket is chosen before the join, so the join and the sort hold one bucket, not the store
            where = "" if buckets == 1 else f" WHERE abs({dialect.hash64(self.dialect, 'b.k')} % {buckets}) = {bucket}"
            sql = (f"SELECT r.k, r.id, r.doc_id, r.actor, r.target, r.type, r.date, d.published, r.evidence "
                   f"FROM (SELECT * FROM ({keyed}) b{where}) r JOIN documents d ON d.id = r.doc_id ORDER BY r.k, r.id")
            for row in self._read_apart(sql):
                yield row[0], Report(*row[1:])

    def _read_apart(self, sql: str, size: int = 5000):
        """Rows of a long read on a connection of their own (DuckDB: a cursor)."""
        cursor = self.con.cursor()
        try:
            cursor.execute(sql)
            while rows := cursor.fetchmany(size):
                yield from rows
        finally:
            cursor.close()

    def _data_version(self) -> int:
        return self._run("SELECT value FROM store_meta WHERE key = 'data_version'").fetchone()[0]

    def _is_built(self, name: str, key: str, version: int) -> bool:
        return self._run("SELECT 1 FROM derived WHERE name = ? AND key = ? AND data_version = ?",
                         [name, key, version]).fetchone() is not None

    def derive(self, name: str, sql: str, key: str) -> bool:
        if not _IDENTIFIER.fullmatch(name):
            raise ValueError(f"derived table name {name!r} must be a lowercase identifier")
        if self._is_built(name, key, self._data_version()):
            return False
        with self._transaction(changes_data=False):
            self._lock_derived(name)
            version = self._data_version()
            if self._is_built(name, key, version):  # another reader built it while we waited
                return False
            self._replace_table(name, sql)
            self._run("DELETE FROM derived WHERE name = ?", [name])
            self._run("INSERT INTO derived VALUES (?, ?, ?, ?)", [name, key, version, _now()])
        return True

    def _lock_derived(self, name: str) -> None:
        """Within the rebuild's transaction: keep two readers from rebuilding at once."""

    # --- indicators -----------------------------------------------------------------
    def replace_indicators(self, dataset: str, rows: list[Observation]) -> int:
        now = _now()
        with self._transaction():
            self._run("DELETE FROM indicators WHERE dataset = ?", [dataset])
            self._insert("indicators", [[dataset, o.state, o.partner, o.indicator, o.period, o.value, o.unit,
                                         o.source, o.vintage, o.kind, o.change, o.doc, o.evidence, o.start,
                                         o.end, o.note, now] for o in rows])
        return len(rows)

    def indicators(self, state: str | None = None, partners: tuple[str, ...] | None = None,
                   kind: str | None = None) -> list[Observation]:
        where, params = [], []
        if state:
            where.append("state = ?")
            params.append(state)
        if partners:
            where.append(f"partner IN ({', '.join('?' * len(partners))})")
            params += list(partners)
        if kind:
            where.append("kind = ?")
            params.append(kind)
        rows = self._run(
            f"SELECT {_INDICATOR_COLUMNS} FROM indicators"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY state, partner, indicator, period, dataset", params).fetchall()
        return [Observation(state=r[1], partner=r[2], indicator=r[3], period=r[4], value=r[5], unit=r[6],
                            source=r[7], vintage=r[8], kind=r[9], change=r[10], doc=r[11], evidence=r[12],
                            start=r[13], end=r[14], note=r[15]) for r in rows]

    # --- reading ----------------------------------------------------------------------
    def query(self, sql: str, params: list | None = None) -> list[tuple]:
        return [tuple(r) for r in self._run(sql, params or []).fetchall()]

    def counts(self) -> dict[str, int]:
        counts = {t: self._run(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "events", "extractions", "indicators")}
        counts["canonical"] = self._run(
            "SELECT count(DISTINCT coalesce(c.canonical_id, e.id)) FROM events e "
            "LEFT JOIN canonical c ON c.event_id = e.id").fetchone()[0]
        return counts


def event_sql(q: EventQuery, count: bool = False) -> tuple[str, list]:
    """SQL for an EventQuery; every value is a bound parameter."""
    where, params = [], []
    if q.state and q.power:
        where.append("((e.actor = ? AND e.target = ?) OR (e.actor = ? AND e.target = ?))")
        params += [q.state, q.power, q.power, q.state]
    elif q.state or q.power:
        code = q.state or q.power
        where.append("(e.actor = ? OR e.target = ?)")
        params += [code, code]
    for column, value in (("e.type", q.type), ("e.channel", q.channel), ("e.doc_id", q.doc),
                          ("e.stance", q.stance), ("e.review", None if q.machine else q.review)):
        if value is not None and value != "":
            where.append(f"{column} = ?")
            params.append(value)
    if q.text:
        where.append("strpos(lower(e.evidence), lower(?)) > 0")
        params.append(q.text)
    if q.source:
        where.append("d.source = ?")
        params.append(q.source)
    when = "coalesce(e.date, d.published)"
    for value, op in ((q.since, ">="), (q.until, "<=")):
        if value:  # compared at the coarser of the two precisions
            n = f"least(length({when}), {len(value)})"
            where.append(f"{when} IS NOT NULL AND substr({when}, 1, {n}) {op} substr(?, 1, {n})")
            params.append(value)
    source = ("(SELECT events.*, 'machine' AS review, actor AS key_actor, target AS key_target, "
              "type AS key_type FROM events)" if q.machine else "events_corrected")
    base = (f"FROM {source} e JOIN documents d ON d.id = e.doc_id LEFT JOIN canonical c ON c.event_id = e.id"
            + (" WHERE " + " AND ".join(where) if where else ""))
    if count:
        return "SELECT count(*) " + base, params
    columns = ", ".join(c.strip() for c in _EVENT_COLUMNS.split(","))
    inner = (f"SELECT {', '.join('e.' + c for c in columns.split(', '))}, c.canonical_id, d.published, e.review, "
             f"e.key_actor, e.key_target, e.key_type, {when} AS day")
    outer_where = ""
    if q.per_partner and q.state:
        inner += (", row_number() OVER (PARTITION BY CASE WHEN e.actor = ? THEN e.target ELSE e.actor END "
                  f"ORDER BY {when} NULLS LAST, e.id) AS nth")
        params.insert(0, q.state)
        outer_where = f" WHERE nth <= {int(q.per_partner)}"
    if q.order == "influence":  # the weight a record adds to the index, heaviest first
        cases = " ".join(f"WHEN '{t}' THEN {float(w)!r}" for t, w in q.intensity if t.isalpha())
        order = f"(CASE type {cases} ELSE 0 END) * coalesce(confidence, 1.0) DESC, id"
    elif q.order == "confidence":
        order = "coalesce(confidence, 1.0), id"
    else:
        order = "day NULLS LAST, doc_id, start_offset NULLS LAST, id"
    sql = (f"SELECT {columns}, canonical_id, published, review, key_actor, key_target, key_type "
           f"FROM ({inner} {base}) q{outer_where} ORDER BY {order}")
    if q.limit:
        sql += f" LIMIT {int(q.limit)} OFFSET {int(q.offset)}"
    return sql, params


def _edited(before: dict, changes: dict) -> dict:
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise CorrectionError(f"cannot edit {', '.join(sorted(unknown))}; editable: {', '.join(EDITABLE)}")
    after = {**before, **{k: v for k, v in changes.items()}}
    return _valid(after)


def _added(c: Correction, text: str) -> dict:
    changes = c.changes or {}
    missing = {"actor", "target", "type", "stance", "channel"} - set(changes)
    if missing:
        raise CorrectionError(f"a new record needs {', '.join(sorted(missing))}")
    if c.start is None or c.end is None or not (0 <= c.start < c.end <= len(text)):
        raise CorrectionError(f"a new record needs the span of its sentence (0 <= start < end <= {len(text)})")
    after = {f: changes.get(f) for f in EDITABLE}
    after.update(evidence=text[c.start:c.end], start=c.start, end=c.end)
    return _valid(after)


def _valid(rec: dict) -> dict:
    """Check a corrected record against event record v1 (form values arrive as text)."""
    try:
        rec["stance"] = int(rec["stance"])
    except (TypeError, ValueError):
        raise CorrectionError(f"stance {rec.get('stance')!r} is not -1, 0 or 1") from None
    rec["date"] = rec.get("date") or None
    for code in ("actor", "target"):
        rec[code] = (rec.get(code) or "").strip().upper()
    try:
        EventRecord.from_dict({"doc": "x", "evidence": rec.get("evidence") or "x", **{k: rec.get(k) for k in EDITABLE}})
    except Exception as e:
        raise CorrectionError(str(e)) from None
    if rec["actor"] == rec["target"]:
        raise CorrectionError("actor and target must differ")
    return rec
