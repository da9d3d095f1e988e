"""The default store: one DuckDB file, one writer, every write a transaction."""
from __future__ import annotations

import os
from pathlib import Path

import duckdb

from .sql_store import SQLStore, event_id

__all__ = ["DuckDBStore", "event_id", "MEMORY_LIMIT", "MEMORY_LIMIT_VARIABLE"]

# DuckDB's own default is 80% of the machine's memory, and it fills that with
# cached blocks as a store grows (868 MB of RSS after ingesting 1,000,000
# articles). With this limit a file database spills to "<file>.tmp" instead:
# the same ingest levels off near 630 MB and relinking 2.9 million events
# holds under it too. In-memory databases keep DuckDB's default: their data
# has nowhere to spill.
MEMORY_LIMIT = "512MB"
MEMORY_LIMIT_VARIABLE = "ORBITWATCH_DUCKDB_MEMORY"


class DuckDBStore(SQLStore):
    """DuckDB implementation of ``orbitwatch.store.base.Store``: a file (or
    ``:memory:``) that one process opens at a time."""

    dialect = "duckdb"
    memory_errors = (duckdb.OutOfMemoryException,)

    def __init__(self, path: str | Path = ":memory:", memory_limit: str | None = None):
        """``memory_limit`` (a DuckDB size such as "2GB") caps the memory of a
        file database; by default ``$ORBITWATCH_DUCKDB_MEMORY`` or 512 MB."""
        self.path = str(path)
        config = {}
        if self.path != ":memory:":
            Path(self.path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            config["memory_limit"] = memory_limit or os.environ.get(MEMORY_LIMIT_VARIABLE) or MEMORY_LIMIT
        try:
            self.con = duckdb.connect(self.path, config=config)
        except (duckdb.ParserException, duckdb.InvalidInputException) as e:
            if "memory" not in str(e).lower():
                raise
            raise ValueError(f"memory limit {config['memory_limit']!r} ({MEMORY_LIMIT_VARIABLE}) is not a size "
                             "DuckDB reads: give a number and a unit, such as 512MB or 2GB") from None
        self._migrate()

    def checkpoint(self) -> None:
        try:
            self.con.execute("CHECKPOINT")
        except duckdb.TransactionException:
            pass  # another writer is active: it will checkpoint; this is only to free memory sooner

    def _run(self, sql: str, params=()):
        return self.con.execute(sql, params or [])
