"""The shared store: a PostgreSQL database that a team's readers and writers
use at once. Same schema, migrations and statements as the DuckDB store
(``sql_store.py``); readers see committed writes only (PostgreSQL's MVCC), so
the web app and `orbitwatch index` run while another process ingests."""
from __future__ import annotations

from contextlib import contextmanager

from . import dialect
from .sql_store import SQLStore

# Advisory lock keys: any two constants unlikely to clash with another application's.
_MIGRATION_LOCK = 0x6F726269  # "orbi"
_DERIVED_LOCK = 0x74776174    # "twat"


def _clean(value):
    """PostgreSQL text cannot hold NUL; U+FFFD keeps the character offsets."""
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value.replace("\x00", "\ufffd") if isinstance(value, str) and "\x00" in value else value


class PostgresStore(SQLStore):
    """PostgreSQL implementation of ``orbitwatch.store.base.Store``, for
    ``postgresql://user@host/dbname`` locations (libpq's URL and options)."""

    dialect = "postgres"

    def __init__(self, url: str):
        import psycopg  # an optional dependency: orbitwatch[postgres]

        self.path = url
        self.con = psycopg.connect(url, autocommit=True)
        self._migrate()

    def _run(self, sql: str, params=()):
        if not params:
            return self.con.execute(sql)
        return self.con.execute(dialect.pyformat(sql), [_clean(p) for p in params])

    @contextmanager
    def _snapshot(self):
        self.con.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield
        finally:
            self.con.execute("ROLLBACK")

    def _stream(self, sql: str, size: int = 1000):
        with self.con.cursor(name="orbitwatch_stream") as cursor:  # server-side: rows come in batches
            cursor.execute(sql)
            while rows := cursor.fetchmany(size):
                yield from rows

    def _read_apart(self, sql: str, size: int = 5000):
        # a server-side cursor held across commits: usable in or out of a transaction
        with self.con.cursor(name="orbitwatch_read", withhold=True) as cursor:
            cursor.execute(sql)
            while rows := cursor.fetchmany(size):
                yield from rows

    def _continue_sequence(self, sequence: str, table: str, column: str) -> None:
        self.con.execute(f"SELECT setval('{sequence}', greatest(coalesce(max({column}), 0), 1), "
                         f"coalesce(max({column}), 0) > 0) FROM {table}")

    @contextmanager
    def _migration_lock(self):
        self.con.execute("SELECT pg_advisory_lock(%s)", [_MIGRATION_LOCK])
        try:
            yield
        finally:
            self.con.execute("SELECT pg_advisory_unlock(%s)", [_MIGRATION_LOCK])

    def _lock_derived(self, name: str) -> None:
        self.con.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", [_DERIVED_LOCK, name])
