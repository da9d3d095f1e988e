"""Rows to standard output in the formats every command shares."""
from __future__ import annotations

import csv
import json
import shutil
import sys
from collections.abc import Sequence
from typing import TextIO

FORMATS = ("table", "jsonl", "json", "csv")


def _cell(value, width: int | None) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    if width and len(text) > width:
        return text[: width - 1] + "…"
    return text


def render_table(rows: Sequence[dict], columns: Sequence[str], out: TextIO, wide: str | None = None) -> None:
    """Aligned columns; the ``wide`` column is cut to fit the terminal."""
    if not rows:
        out.write("(no rows)\n")
        return
    widths = {c: max(len(c), *(len(_cell(r.get(c), None)) for r in rows)) for c in columns}
    if wide in widths:
        room = shutil.get_terminal_size((160, 24)).columns - sum(w + 2 for c, w in widths.items() if c != wide)
        widths[wide] = max(20, min(widths[wide], room))
    out.write("  ".join(c.ljust(widths[c]) for c in columns).rstrip() + "\n")
    for r in rows:
        out.write("  ".join(_cell(r.get(c), widths[c]).ljust(widths[c]) for c in columns).rstrip() + "\n")


def write_rows(rows: Sequence[dict], fmt: str, columns: Sequence[str], out: TextIO | None = None,
               wide: str | None = None) -> None:
    out = out or sys.stdout  # looked up at call time, so redirections and test runners see it
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump(list(rows), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        w = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    else:
        render_table(rows, columns, out, wide)
