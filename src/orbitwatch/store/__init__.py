"""Store: documents, events and their provenance behind one small interface.

``open_store(location)`` picks the implementation from the location: a file
path (or ``:memory:``) is DuckDB. The default location is
``$ORBITWATCH_DB`` if set, else ``orbitwatch.duckdb`` in the user's data
directory.
"""
from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from .base import ACTIONS, EDITABLE, Correction, CorrectionError, EventQuery, Store, replayable
from .duckdb_store import DuckDBStore, event_id

__all__ = ["ACTIONS", "EDITABLE", "Correction", "CorrectionError", "EventQuery", "Store", "replayable", "DuckDBStore", "open_store", "default_location", "event_id", "StoreError"]

ENV_VAR = "ORBITWATCH_DB"


class StoreError(Exception):
    """A database location that cannot be opened; the message says what is valid."""


def default_location() -> str:
    return os.environ.get(ENV_VAR) or str(Path(user_data_dir("orbitwatch")) / "orbitwatch.duckdb")


def open_store(location: str | None = None) -> Store:
    location = location or default_location()
    scheme = location.split("://", 1)[0] if "://" in location else None
    if scheme is not None:
        raise StoreError(
            f"cannot open {location!r}: database URLs ({scheme}://) are not supported yet; "
            "give a DuckDB file path or :memory:"
        )
    try:
        return DuckDBStore(location)
    except Exception as e:  # duckdb raises IOException, InvalidInputException, ...
        raise StoreError(f"cannot open DuckDB database {location!r}: {e}") from None
