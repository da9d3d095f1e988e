"""Time expressions made absolute against the document's date.

"in October" in an article of 2022-12-23 is 2022-10; "last year" is 2021;
"on Sunday" is the Sunday on or before the publication day. Without a
document date, only expressions that carry their own year resolve.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..records import is_date

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}

_M = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_PATTERNS = [
    ("mdy", re.compile(rf"\b{_M}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b")),
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M},?\s+((?:19|20)\d\d)\b")),
    ("iso", re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")),
    ("my", re.compile(rf"\b{_M},?\s+((?:19|20)\d\d)\b")),
    ("md", re.compile(rf"\b{_M}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+(?:19|20)\d\d)")),
    ("dm", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M}\b(?!,?\s+(?:19|20)\d\d)")),
    ("y", re.compile(r"(?<![\d-])((?:19|20)\d\d)(?![\d-])")),
    ("m", re.compile(rf"\b(?i:in|since|by|during|until|from|on|of|last|this|early|mid|late|mid-)\s+(?:(?i:early|mid|late|mid-)\s*)?{_M}(?!\s+\d)")),
    ("rel", re.compile(r"\b(last|this|next|previous|past)\s+(year|month|week)\b|\b(yesterday|today)\b|\b(\d+|one|two|three|four|five)\s+years?\s+ago\b|\ba\s+year\s+(ago|earlier)\b", re.I)),
    ("wd", re.compile(r"(?:\b(?i:on|last|this)\s+)?\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
]
_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def _parse_doc_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _month_year(month: int, day: int | None, ref: date) -> int:
    """Year of a month (and day) given without one: the latest not after ``ref``."""
    if (month, day or 1) > (ref.month, ref.day):
        return ref.year - 1
    return ref.year


def _resolve(kind: str, m: re.Match, ref: date | None) -> str | None:
    g = m.groups()
    if kind == "mdy":
        return f"{int(g[2]):04d}-{MONTHS[g[0].lower()]:02d}-{int(g[1]):02d}"
    if kind == "dmy":
        return f"{int(g[2]):04d}-{MONTHS[g[1].lower()]:02d}-{int(g[0]):02d}"
    if kind == "iso":
        return m.group(0)
    if kind == "my":
        return f"{int(g[1]):04d}-{MONTHS[g[0].lower()]:02d}"
    if kind == "y":
        return g[0]
    if ref is None:
        return None
    if kind in ("md", "dm"):
        month, day = (g[0], g[1]) if kind == "md" else (g[1], g[0])
        mo, d = MONTHS[month.lower()], int(day)
        if not 1 <= d <= 31:
            return None
        return f"{_month_year(mo, d, ref):04d}-{mo:02d}-{d:02d}"
    if kind == "m":
        mo = MONTHS[g[0].lower()]
        return f"{_month_year(mo, None, ref):04d}-{mo:02d}"
    if kind == "wd":
        back = (ref.weekday() - WEEKDAYS[g[0].lower()]) % 7
        return (ref - timedelta(days=back)).isoformat()
    return _relative(m, ref)


def _relative(m: re.Match, ref: date) -> str | None:
    which, unit, day, ago, a_year = m.groups()
    if day:
        return (ref - timedelta(days=1 if day.lower() == "yesterday" else 0)).isoformat()
    if ago:
        n = int(ago) if ago.isdigit() else _NUM[ago.lower()]
        return str(ref.year - n)
    if a_year:
        return str(ref.year - 1)
    shift = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[which.lower()]
    if unit.lower() == "year":
        return str(ref.year + shift)
    if unit.lower() == "week":  # a week is no precision of its own: its month
        return (ref + timedelta(days=7 * shift)).strftime("%Y-%m")
    month = ref.month + shift
    year = ref.year + (month - 1) // 12
    return f"{year:04d}-{(month - 1) % 12 + 1:02d}"


def find_dates(text: str, doc_date: str | None) -> list[tuple[int, int, str]]:
    """Every resolvable time expression in ``text`` as (start, end, date)."""
    ref = _parse_doc_date(doc_date)
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            try:
                value = _resolve(kind, m, ref)
            except OverflowError:  # "next week" of 9999-12-31: beyond the calendar
                value = None
            taken.append((m.start(), m.end()))
            if value and is_date(value):  # not "February 31", year 0 or "3000 years ago"
                found.append((m.start(), m.end(), value))
    return sorted(found)


def nearest_date(dates: list[tuple[int, int, str]], lo: int, hi: int, at: int) -> str | None:
    """The date expression within [lo, hi) closest to position ``at``."""
    inside = [d for d in dates if lo <= d[0] < hi]
    if not inside:
        return None
    return min(inside, key=lambda d: min(abs(d[0] - at), abs(d[1] - at)))[2]
