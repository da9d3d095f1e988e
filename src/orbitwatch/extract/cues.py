"""Literal cues of a trigger pattern, so a sentence is scanned only by the
patterns whose leading words it contains.

``cues(pattern)`` returns the lowercased literal prefixes that every match
must start with (after a leading word boundary), or None when the pattern
starts with something that is not a literal (then it is always run). A cue
is a necessary condition, never a sufficient one: the full pattern decides.
"""
from __future__ import annotations

import re
from re import _constants as C  # the parser's opcodes; stable across 3.11-3.13
from re import _parser

MIN_CUE = 2


def _lead(items) -> set[str] | None:
    """Literal prefixes of a parsed sequence (None: cannot tell). An
    assertion before the first literal is passed over (what follows it must
    still match), a group or an alternation continues with what follows it
    ("t(?:old|ells)"), and an optional item gives both ways
    ("(?:deeply\\s+)?disappointed": "deeply" or "disappointed")."""
    items = list(items)
    prefix = ""
    for i, (op, av) in enumerate(items):
        if op is C.AT:
            if prefix:
                break
            continue
        if op is C.LITERAL:
            prefix += chr(av).lower()
            continue
        if op in (C.ASSERT, C.ASSERT_NOT) and not prefix:
            continue  # "(?<=\bto )accuse": the word still starts with "accuse"
        rest = items[i + 1:]
        if op is C.SUBPATTERN:
            ways = [list(av[3]) + rest]
        elif op is C.BRANCH:
            ways = [list(branch) + rest for branch in av[1]]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[1] >= 1:
            ways = [list(av[2]) + rest] + ([rest] if av[0] == 0 else [])
        else:
            break
        found: set[str] = set()
        for way in ways:
            lead = _lead(way)
            if lead is None:
                return {prefix} if len(prefix) >= MIN_CUE else None
            found |= lead
        return {prefix + f for f in found}
    return {prefix} if len(prefix) >= MIN_CUE else None


def cues(pattern: str) -> tuple[str, ...] | None:
    lead = _lead(_parser.parse(pattern, re.I))
    if not lead or any(len(c) < MIN_CUE for c in lead):
        return None
    return tuple(sorted(lead))
