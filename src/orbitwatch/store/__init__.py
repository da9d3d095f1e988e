"""Store: documents, events and their provenance behind one small interface.

``open_store(location)`` picks the implementation from the location: a file
path (or ``:memory:``) is DuckDB, a ``postgresql://`` URL is PostgreSQL. The
default location is
``$ORBITWATCH_DB`` if set, else ``orbitwatch.duckdb`` in the user's data
directory.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from platformdirs import user_data_dir

from .base import ACTIONS, EDITABLE, Correction, CorrectionError, EventQuery, Store, replayable
from .duckdb_store import DuckDBStore
from .sql_store import event_id

__all__ = ["ACTIONS", "EDITABLE", "Correction", "CorrectionError", "EventQuery", "Store", "replayable", "DuckDBStore", "PostgresStore", "open_store", "default_location", "event_id", "StoreError"]

ENV_VAR = "ORBITWATCH_DB"


class StoreError(Exception):
    """A database location that cannot be opened; the message says what is valid."""


def default_location() -> str:
    return os.environ.get(ENV_VAR) or str(Path(user_data_dir("orbitwatch")) / "orbitwatch.duckdb")


POSTGRES_SCHEMES = ("postgresql", "postgres")


def open_store(location: str | None = None) -> Store:
    location = location or default_location()
    scheme = location.split("://", 1)[0].lower() if "://" in location else None
    if scheme in POSTGRES_SCHEMES:
        return _open_postgres(location)
    if scheme is not None:
        raise StoreError(
            f"cannot open {_redacted(location)!r}: {scheme}:// is not a database orbitwatch knows; "
            "give a DuckDB file path, :memory: or a postgresql:// URL"
        )
    try:
        return DuckDBStore(location)
    except Exception as e:  # duckdb raises IOException, InvalidInputException, ...
        raise StoreError(f"cannot open DuckDB database {location!r}: {e}") from None


def PostgresStore(url: str) -> Store:
    """The PostgreSQL store (imported on first use: psycopg is an optional dependency)."""
    from .postgres_store import PostgresStore as _PostgresStore
    return _PostgresStore(url)


def _open_postgres(url: str) -> Store:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise StoreError("a postgresql:// database needs psycopg: pip install 'orbitwatch[postgres]'") from None
    try:
        return PostgresStore(url)
    except Exception as e:  # psycopg.OperationalError: refused, auth, no such database ...
        reason = " ".join(str(e).split())
        raise StoreError(f"cannot open PostgreSQL database {_redacted(url)!r}: {reason}") from None


def _redacted(url: str) -> str:
    """A URL as it may be printed: without its password."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)
