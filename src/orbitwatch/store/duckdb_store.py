"""The default store: one DuckDB file, one writer, every write a transaction."""
from __future__ import annotations

import hashlib
import re
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from ..canonical import Report
from ..indicators.observation import Observation
from ..ingest.document import Document
from ..records import EventRecord
from .base import EventQuery
from .migrations import MIGRATIONS

_EVENT_COLUMNS = (
    "id, doc_id, extractor, actor, target, type, stance, channel, date, "
    "evidence, start_offset, end_offset, confidence, person"
)


_INDICATOR_COLUMNS = (
    "dataset, state, partner, indicator, period, value, unit, source, vintage, kind, change, "
    "doc_id, evidence, start_offset, end_offset, note"
)


_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")


def event_id(rec: EventRecord) -> str:
    """Stable id: the same record from the same sentence keeps its id across runs."""
    key = "\x1f".join(str(x) for x in (rec.doc, rec.actor, rec.target, rec.type, rec.start, rec.end))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class DuckDBStore:
    """DuckDB implementation of ``orbitwatch.store.base.Store``."""

    def __init__(self, path: str | Path = ":memory:"):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(self.path)
        self._migrate()

    def __enter__(self) -> "DuckDBStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _migrate(self) -> None:
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
        )
        done = {r[0] for r in self.con.execute("SELECT name FROM schema_migrations").fetchall()}
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                for statement in filter(str.strip, sql.split(";")):
                    self.con.execute(statement)
                self.con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [name, _now()])
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise

    def schema_version(self) -> int:
        return self.con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]

    def is_current(self, doc: Document, extractor: str) -> bool:
        row = self.con.execute(
            "SELECT extractor, content_hash FROM extractions WHERE doc_id = ?", [doc.id]
        ).fetchone()
        return row == (extractor, doc.content_hash)

    def _status(self, doc: Document, extractor: str) -> str:
        row = self.con.execute("SELECT content_hash FROM documents WHERE id = ?", [doc.id]).fetchone()
        if row is None:
            return "new"
        if row[0] != doc.content_hash:
            return "updated"
        return "unchanged" if self.is_current(doc, extractor) else "re-extracted"

    def save(self, doc: Document, records: list[EventRecord], extractor: str) -> str:
        status = self._status(doc, extractor)
        if status == "unchanged":
            return status
        now = _now()
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM events WHERE doc_id = ?", [doc.id])
            self.con.execute("DELETE FROM extractions WHERE doc_id = ?", [doc.id])
            self.con.execute("DELETE FROM documents WHERE id = ?", [doc.id])
            self.con.execute(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [doc.id, doc.content_hash, doc.title, doc.url, doc.published, doc.source,
                 doc.path, doc.format, doc.text, now],
            )
            rows = {event_id(r): r for r in records}
            if rows:
                self.con.executemany(
                    f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [[i, r.doc, extractor, r.actor, r.target, r.type, r.stance, r.channel, r.date,
                      r.evidence, r.start, r.end, r.confidence, r.person] for i, r in rows.items()],
                )
            self.con.execute(
                "INSERT INTO extractions VALUES (?, ?, ?, ?, ?)",
                [doc.id, extractor, doc.content_hash, len(rows), now],
            )
            self._changed()
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return status

    def events(self, query: EventQuery = EventQuery()) -> list[EventRecord]:
        sql, params = _event_sql(query)
        rows = self.con.execute(sql, params).fetchall()
        return [
            EventRecord(doc=r[1], actor=r[3], target=r[4], type=r[5], stance=r[6], channel=r[7],
                        date=r[8], evidence=r[9], start=r[10], end=r[11], confidence=r[12],
                        person=r[13], extra={"id": r[0], "extractor": r[2],
                                             "canonical": r[14] or r[0], "published": r[15]})
            for r in rows
        ]

    def reports(self) -> list[Report]:
        """Every stored record as the canonical linker needs it."""
        rows = self.con.execute(
            "SELECT e.id, e.doc_id, e.actor, e.target, e.type, e.date, d.published, e.evidence "
            "FROM events e JOIN documents d ON d.id = e.doc_id ORDER BY e.id").fetchall()
        return [Report(*r) for r in rows]

    def set_canonical(self, mapping: dict[str, str]) -> None:
        """Replace the event -> canonical event links in one transaction."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM canonical")
            if mapping:
                self.con.executemany("INSERT INTO canonical VALUES (?, ?)", list(mapping.items()))
            self._changed()
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def _changed(self) -> None:
        """Mark every derived table out of date (inside the writer's transaction)."""
        self.con.execute("UPDATE store_meta SET value = value + 1 WHERE key = 'data_version'")

    def derive(self, name: str, sql: str, key: str) -> bool:
        if not _IDENTIFIER.fullmatch(name):
            raise ValueError(f"derived table name {name!r} must be a lowercase identifier")
        version = self.con.execute("SELECT value FROM store_meta WHERE key = 'data_version'").fetchone()[0]
        if self.con.execute("SELECT 1 FROM derived WHERE name = ? AND key = ? AND data_version = ?",
                            [name, key, version]).fetchone():
            return False
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute(f"CREATE OR REPLACE TABLE {name} AS {sql}")
            self.con.execute("DELETE FROM derived WHERE name = ?", [name])
            self.con.execute("INSERT INTO derived VALUES (?, ?, ?, ?)", [name, key, version, _now()])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return True

    def document(self, doc_id: str) -> Document | None:
        r = self.con.execute(
            "SELECT id, text, title, url, published, source, path, format FROM documents WHERE id = ?",
            [doc_id],
        ).fetchone()
        if r is None:
            return None
        return Document(id=r[0], text=r[1], title=r[2], url=r[3], published=r[4], source=r[5],
                        path=r[6], format=r[7])

    def replace_indicators(self, dataset: str, rows: list[Observation]) -> int:
        now = _now()
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM indicators WHERE dataset = ?", [dataset])
            if rows:
                self.con.executemany(
                    f"INSERT INTO indicators ({_INDICATOR_COLUMNS}, imported_at) VALUES "
                    f"({', '.join('?' * (_INDICATOR_COLUMNS.count(',') + 2))})",
                    [[dataset, o.state, o.partner, o.indicator, o.period, o.value, o.unit, o.source,
                      o.vintage, o.kind, o.change, o.doc, o.evidence, o.start, o.end, o.note, now]
                     for o in rows])
            self._changed()
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
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
        rows = self.con.execute(
            f"SELECT {_INDICATOR_COLUMNS} FROM indicators"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY state, partner, indicator, period, dataset", params).fetchall()
        return [Observation(state=r[1], partner=r[2], indicator=r[3], period=r[4], value=r[5], unit=r[6],
                            source=r[7], vintage=r[8], kind=r[9], change=r[10], doc=r[11], evidence=r[12],
                            start=r[13], end=r[14], note=r[15]) for r in rows]

    def query(self, sql: str, params: list | None = None) -> list[tuple]:
        return self.con.execute(sql, params or []).fetchall()

    def counts(self) -> dict[str, int]:
        counts = {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "events", "extractions", "indicators")}
        counts["canonical"] = self.con.execute(
            "SELECT count(DISTINCT coalesce(c.canonical_id, e.id)) FROM events e "
            "LEFT JOIN canonical c ON c.event_id = e.id").fetchone()[0]
        return counts


def _event_sql(q: EventQuery) -> tuple[str, list]:
    """SQL for an EventQuery; every value is a bound parameter."""
    where, params = [], []
    if q.state and q.power:
        where.append("((e.actor = ? AND e.target = ?) OR (e.actor = ? AND e.target = ?))")
        params += [q.state, q.power, q.power, q.state]
    elif q.state or q.power:
        code = q.state or q.power
        where.append("(e.actor = ? OR e.target = ?)")
        params += [code, code]
    for column, value in (("e.type", q.type), ("e.channel", q.channel), ("e.doc_id", q.doc)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    when = "coalesce(e.date, d.published)"
    for value, op in ((q.since, ">="), (q.until, "<=")):
        if value:  # compared at the coarser of the two precisions
            n = f"least(length({when}), {len(value)})"
            where.append(f"{when} IS NOT NULL AND substr({when}, 1, {n}) {op} substr(?, 1, {n})")
            params.append(value)
    sql = (
        f"SELECT {', '.join('e.' + c.strip() for c in _EVENT_COLUMNS.split(','))}, c.canonical_id, d.published "
        "FROM events e JOIN documents d ON d.id = e.doc_id LEFT JOIN canonical c ON c.event_id = e.id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY " + when + " NULLS LAST, e.doc_id, e.start_offset NULLS LAST, e.id"
    )
    if q.limit:
        sql += f" LIMIT {int(q.limit)}"
    return sql, params
