"""Strip the web furniture that survives in scraped text files.

The patterns live in ``data/boilerplate.txt`` so they can grow without code.
A line that matches a *tail* pattern ends the article (everything after it is
comments, related links or appeals); a line that matches a *line* pattern is
dropped alone.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _patterns() -> tuple[list[re.Pattern], list[re.Pattern]]:
    tail, line = [], []
    text = resources.files("orbitwatch.data").joinpath("boilerplate.txt").read_text("utf-8")
    for raw in text.splitlines():
        raw = raw.strip()
        if not raw or raw.startswith("#"):
            continue
        kind, _, pattern = raw.partition(" ")
        (tail if kind == "tail" else line).append(re.compile(pattern.strip(), re.I))
    return tail, line


def strip_boilerplate(text: str) -> str:
    """Remove boilerplate lines; keep every other line byte for byte."""
    tail, line = _patterns()
    kept: list[str] = []
    for ln in text.splitlines(keepends=True):
        bare = ln.strip()
        if bare and any(p.search(bare) for p in tail):
            break
        if bare and any(p.search(bare) for p in line):
            continue
        kept.append(ln)
    return "".join(kept).rstrip() + ("\n" if kept else "")
