"""One entry point for the indicator files users hold: pick the reader by kind.

Every reader decodes UTF-8 with or without a BOM and raises
``IndicatorFileError`` (a ``ValueError``) whose one-line message names the file
and the problem: the columns expected and found, or the line and the value.
"""
from __future__ import annotations

from .comtrade import read_comtrade
from .files import IndicatorFileError
from .observation import Observation
from .unvotes import read_unvotes
from .wdi import read_wdi

IMPORTERS = {"unvotes": read_unvotes, "wdi": read_wdi, "comtrade": read_comtrade}

__all__ = ["IMPORTERS", "IndicatorFileError", "read_indicator_file"]


def read_indicator_file(path, kind: str) -> list[Observation]:
    """Read ``path`` with the importer for ``kind`` (one of ``IMPORTERS``)."""
    if kind not in IMPORTERS:
        raise IndicatorFileError(f"{path}: unknown kind {kind!r}; valid: {', '.join(sorted(IMPORTERS))}")
    return IMPORTERS[kind](path)
