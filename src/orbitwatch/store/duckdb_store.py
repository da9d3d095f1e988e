"""The default store: one DuckDB file, one writer, every write a transaction."""
from __future__ import annotations

from pathlib import Path

import duckdb

from .sql_store import SQLStore, event_id

__all__ = ["DuckDBStore", "event_id"]


class DuckDBStore(SQLStore):
    """DuckDB implementation of ``orbitwatch.store.base.Store``: a file (or
    ``:memory:``) that one process opens at a time."""

    dialect = "duckdb"

    def __init__(self, path: str | Path = ":memory:"):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(self.path)
        self._migrate()

    def _run(self, sql: str, params=()):
        return self.con.execute(sql, params or [])
