"""The few places where DuckDB and PostgreSQL spell SQL differently.

Everything else the stores and the index run is SQL both engines accept;
code that builds statements asks here, by the store's ``dialect``, for the
rest, so a third engine is one more branch in each function, not a fork.
"""
from __future__ import annotations

import re

DIALECTS = ("duckdb", "postgres")

_DOUBLE = re.compile(r"\bDOUBLE\b(?!\s+PRECISION)")
_QUOTED_OR_MARK = re.compile(r"'(?:[^']|'')*'|\?|%")
_ONLY_ON = re.compile(r"/\*(\w+)\*/([^;]*;)")


def migration(dialect: str, sql: str) -> str:
    """A migration as the engine reads it (the migrations are written for DuckDB).
    A statement marked ``/*postgres*/`` (or another dialect's name) runs on
    that engine only."""
    sql = _ONLY_ON.sub(lambda m: m.group(2) if m.group(1) == dialect else "", sql)
    if dialect == "postgres":
        return _DOUBLE.sub("DOUBLE PRECISION", sql)
    return sql


def hash64(dialect: str, expr: str) -> str:
    """A 64-bit integer hash of a text expression (counting distinct integers is
    much faster than counting distinct strings)."""
    if dialect == "postgres":
        return f"hashtextextended({expr}, 0)"
    return f"hash({expr})"


def replace_table(dialect: str, name: str, select: str) -> list[str]:
    """Statements that make table ``name`` hold the rows of ``select``."""
    if dialect == "postgres":
        return [f"DROP TABLE IF EXISTS {name}", f"CREATE TABLE {name} AS {select}"]
    return [f"CREATE OR REPLACE TABLE {name} AS {select}"]


def pyformat(sql: str) -> str:
    """``?`` placeholders as psycopg's ``%s`` (and a literal ``%`` doubled),
    leaving quoted strings alone."""
    def swap(m: re.Match) -> str:
        token = m.group(0)
        return "%s" if token == "?" else "%%" if token == "%" else token.replace("%", "%%")
    return _QUOTED_OR_MARK.sub(swap, sql)
