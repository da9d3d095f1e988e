"""Keeping a store sound: an integrity check, and a backup that restores exactly.

The backup is engine-neutral (gzipped JSON lines), so it also moves a
DuckDB file to a team's PostgreSQL server and back. It holds the tables of
record (documents, extractions, events, canonical links, indicators and the
corrections log); tables derived from them are rebuilt on first use.

    {"orbitwatch_backup": 1, "schema": [...migrations], "tables": {name: [columns]}}
    {"t": "documents", "r": [...]}            one line per row, tables in order
    {"end": true, "rows": {name: count}}      a backup without it is truncated
"""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .migrations import MIGRATIONS

FORMAT = 1
TABLES = ("documents", "extractions", "events", "canonical", "indicators", "corrections")
KEYS = {"documents": ["id"], "extractions": ["doc_id"], "events": ["id"], "canonical": ["event_id"],
        "corrections": ["id"]}  # indicators have no key: ordered by every column
CHUNK = 2000


class BackupError(ValueError):
    """A backup that cannot be restored; the message names the file and the problem."""


@dataclass
class Problem:
    kind: str
    count: int
    examples: list = field(default_factory=list)

    def line(self) -> str:
        shown = ", ".join(str(e) for e in self.examples[:3])
        return f"{self.kind}: {self.count}" + (f" (e.g. {shown})" if shown else "")


# --- check ------------------------------------------------------------------------

_CHECKS = {
    "events of missing documents":
        "SELECT e.id FROM events e LEFT JOIN documents d ON d.id = e.doc_id WHERE d.id IS NULL",
    "extractions of missing documents":
        "SELECT x.doc_id FROM extractions x LEFT JOIN documents d ON d.id = x.doc_id WHERE d.id IS NULL",
    "documents with no extraction record":
        "SELECT d.id FROM documents d LEFT JOIN extractions x ON x.doc_id = d.id WHERE x.doc_id IS NULL",
    "documents whose event count differs from their extraction record":
        "SELECT x.doc_id FROM extractions x LEFT JOIN (SELECT doc_id, count(*) AS n FROM events GROUP BY doc_id) e "
        "ON e.doc_id = x.doc_id WHERE coalesce(e.n, 0) <> x.events",
    "evidence offsets that no longer match their document":
        "SELECT e.id FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.start_offset IS NOT NULL "
        "AND (e.end_offset < e.start_offset OR substr(d.text, e.start_offset + 1, e.end_offset - e.start_offset) "
        "<> e.evidence)",
    "canonical links to missing records":
        "SELECT c.event_id FROM canonical c LEFT JOIN events_corrected e ON e.id = c.event_id WHERE e.id IS NULL",
    "corrections of missing documents":
        "SELECT c.id FROM corrections c LEFT JOIN documents d ON d.id = c.doc_id WHERE d.id IS NULL",
    "added records whose offsets do not match their document":
        "SELECT c.id FROM corrections c JOIN documents d ON d.id = c.doc_id WHERE c.action = 'add' "
        "AND substr(d.text, c.start_offset + 1, c.end_offset - c.start_offset) <> c.evidence",
    "claims of missing documents":
        "SELECT i.doc_id FROM indicators i LEFT JOIN documents d ON d.id = i.doc_id "
        "WHERE i.kind = 'claim' AND i.doc_id IS NOT NULL AND d.id IS NULL",
}


def check(store) -> list[Problem]:
    """Every integrity problem found, as (kind, count, a few examples); empty when sound."""
    problems = []
    applied = [r[0] for r in store.query("SELECT name FROM schema_migrations ORDER BY name")]
    expected = sorted(name for name, _ in MIGRATIONS)
    if applied != expected:
        missing = sorted(set(expected) - set(applied)) + sorted(set(applied) - set(expected))
        problems.append(Problem(f"schema version {len(applied)}, expected {len(expected)}", len(missing), missing))
    for kind, sql in _CHECKS.items():
        rows = store.query(sql)
        if rows:
            problems.append(Problem(kind, len(rows), sorted(r[0] for r in rows)[:3]))
    return problems


# --- backup -----------------------------------------------------------------------

def _columns(store, table: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in store.query(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? AND table_schema = current_schema() "
        "ORDER BY ordinal_position", [table])]


def _order(store, table: str, columns: list[tuple[str, str]]) -> str:
    """The order of a table's rows in a backup: its key, else every column;
    text in code-point order on both engines (PostgreSQL would use the locale)."""
    types = dict(columns)
    keys = KEYS.get(table) or [c for c, _ in columns]
    text = ("text", "varchar", "character varying")
    return ", ".join(f'{k} COLLATE "C"' if store.dialect == "postgres" and types[k].lower() in text else k
                     for k in keys)


def _plain(value):
    return value.isoformat() if isinstance(value, datetime) else value


def backup(store, path: str | Path) -> dict[str, int]:
    """Write every table of record to ``path`` (gzipped JSON lines); returns rows per table.
    Read in one transaction, so the backup is a consistent snapshot while others write."""
    columns = {t: _columns(store, t) for t in TABLES}
    counts = {}
    with gzip.open(path, "wt", encoding="utf-8") as out, store._snapshot():
        header = {"orbitwatch_backup": FORMAT, "schema": [name for name, _ in MIGRATIONS],
                  "tables": {t: [c for c, _ in columns[t]] for t in TABLES}}
        out.write(json.dumps(header) + "\n")
        for t in TABLES:
            names = [c for c, _ in columns[t]]
            counts[t] = 0
            for row in store._stream(f"SELECT {', '.join(names)} FROM {t} ORDER BY {_order(store, t, columns[t])}"):
                out.write(json.dumps({"t": t, "r": [_plain(v) for v in row]}, ensure_ascii=False) + "\n")
                counts[t] += 1
        out.write(json.dumps({"end": True, "rows": counts}) + "\n")
    return counts


# --- restore ----------------------------------------------------------------------

def _read(path: Path):
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                try:
                    yield n, json.loads(line)
                except json.JSONDecodeError:
                    raise BackupError(f"{path}: line {n} is not JSON; the backup is damaged") from None
    except (OSError, EOFError) as e:
        raise BackupError(f"{path}: not a readable orbitwatch backup ({e})") from None


def _header(path: Path, first) -> dict:
    if first is None or not isinstance(first[1], dict) or first[1].get("orbitwatch_backup") != FORMAT:
        raise BackupError(f"{path}: not an orbitwatch backup (format {FORMAT})")
    schema, ours = first[1].get("schema", []), [name for name, _ in MIGRATIONS]
    if schema != ours[:len(schema)]:
        raise BackupError(f"{path}: made by another schema ({len(schema)} migrations, not a prefix of "
                          f"this version's {len(ours)}); restore it with the orbitwatch that made it")
    return first[1]


def restore(store, path: str | Path, replace: bool = False) -> dict[str, int]:
    """Load a backup into ``store`` in one transaction: all of it or nothing.
    The store must hold no data unless ``replace`` (which deletes it first)."""
    path = Path(path)
    lines = _read(path)
    header = _header(path, next(lines, None))
    held = {t: store.query(f"SELECT count(*) FROM {t}")[0][0] for t in TABLES}
    if any(held.values()) and not replace:
        raise BackupError(f"the database already holds data ({held['documents']} documents, "
                          f"{held['corrections']} corrections); restore into an empty one, or pass --replace")
    types = {t: dict(_columns(store, t)) for t in TABLES}
    counts = dict.fromkeys(TABLES, 0)
    with store._transaction():
        if replace:
            for t in reversed(TABLES):
                store._run(f"DELETE FROM {t}")
        pending: dict[str, list] = {t: [] for t in TABLES}
        footer = None
        for n, item in lines:
            if item.get("end"):
                footer = item
                break
            table = item.get("t")
            if table not in pending:
                raise BackupError(f"{path}: line {n} names no table of record ({table!r})")
            pending[table].append(item["r"])
            counts[table] += 1
            if len(pending[table]) >= CHUNK:
                _load(store, table, header["tables"][table], types[table], pending[table])
                pending[table] = []
        if footer is None or footer.get("rows") != counts:
            raise BackupError(f"{path}: truncated or damaged (rows read {counts}, the backup's own count "
                              f"{footer.get('rows') if footer else 'missing'}); nothing was restored")
        for table, rows in pending.items():
            _load(store, table, header["tables"][table], types[table], rows)
        store._continue_sequence("corrections_seq", "corrections", "id")
        store._run("DELETE FROM derived")
    return counts


def _load(store, table: str, names: list[str], types: dict[str, str], rows: list) -> None:
    if not rows:
        return
    unknown = [c for c in names if c not in types]
    if unknown:
        raise BackupError(f"the backup's table {table} has columns this database lacks: {', '.join(unknown)}")
    columns = [list(c) for c in zip(*rows)]
    for i, name in enumerate(names):
        if "TIMESTAMP" in types[name].upper():
            columns[i] = [datetime.fromisoformat(v) if v else None for v in columns[i]]
    select = ", ".join(f"unnest(CAST(? AS {types[c]}[]))" for c in names)
    store._run(f"INSERT INTO {table} ({', '.join(names)}) SELECT {select}", columns)
