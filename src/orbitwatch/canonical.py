"""One event, many reports: link records of different documents that report
the same real-world event into one canonical event.

Two records are linked when they have the same actor, target and type
(either direction for the symmetric types), come from different documents,
have compatible dates, and, where the dates leave room for doubt, evidence
that shares enough content words. Links are transitive (union-find); a
canonical event keeps every source. The thresholds are data below, named.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from .records import SYMMETRIC_TYPES

EXACT_WINDOW_DAYS = 10      # day-precise dates this close are the same event
LOOSE_WINDOW_DAYS = 45      # publication dates this close may report the same event
MIN_SIMILARITY = 0.12       # content-word Jaccard needed when only the loose window holds

_STOP = frozenset("""the a an and or of to in on for with by at from as is are was were be been has have had
its it this that these those their his her they them which who whom will would could should than then
also after before over into about between during since while said says told more most other such not
""".split())
_WORD = re.compile(r"[^\W\d_]{4,}")


@dataclass(frozen=True)
class Report:
    """One stored record as the linker sees it."""

    id: str
    doc: str
    actor: str
    target: str
    type: str
    date: str | None
    published: str | None
    evidence: str

    @property
    def key(self) -> tuple[str, str, str]:
        a, t = self.actor, self.target
        if self.type in SYMMETRIC_TYPES and t < a:
            a, t = t, a
        return a, t, self.type


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in (m.lower() for m in _WORD.findall(text)) if w not in _STOP)


def similarity(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def _span(value: str | None) -> tuple[date, date] | None:
    """The days a date of any precision covers: ``2024-05`` is all of May."""
    if not value:
        return None
    try:
        if len(value) >= 10:
            d = date.fromisoformat(value[:10])
            return d, d
        if len(value) >= 7:
            y, m = int(value[:4]), int(value[5:7])
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return date(y, m, 1), date.fromordinal(nxt.toordinal() - 1)
        y = int(value[:4])
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None


def _when(r: Report) -> tuple[date, date] | None:
    """The event's own date span, else the day it was published."""
    return _span(r.date) or _span(r.published)


def _gap(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two spans; 0 when they overlap."""
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


def dates_compatible(a: Report, b: Report) -> str | None:
    """``exact`` when both event dates agree at the precision they share (or
    are days at most EXACT_WINDOW_DAYS apart), ``loose`` when only the
    publication dates are close, None when the dates rule the link out."""
    if a.date and b.date:
        n = min(len(a.date), len(b.date))
        if a.date[:n] == b.date[:n]:
            return "exact"
        if len(a.date) >= 10 and len(b.date) >= 10:
            sa, sb = _span(a.date), _span(b.date)
            return "exact" if sa and sb and _gap(sa, sb) <= EXACT_WINDOW_DAYS else None
        return None
    wa, wb = _when(a), _when(b)
    if wa and wb:
        return "loose" if _gap(wa, wb) <= LOOSE_WINDOW_DAYS else None
    return "loose"


def linked(a: Report, b: Report) -> bool:
    if a.doc == b.doc or a.key != b.key:
        return False
    how = dates_compatible(a, b)
    return how == "exact" or (how == "loose" and similarity(a.evidence, b.evidence) >= MIN_SIMILARITY)


def _candidate_pairs(group: list[Report]):
    """Pairs that could be linked: undated reports meet everyone, dated ones
    only those whose spans start within the loose window of their end (a
    sweep over the start days, so a long history is not compared pairwise)."""
    spans = [(_when(r), r) for r in group]
    dated = sorted(((w, r) for w, r in spans if w), key=lambda p: p[0])
    undated = [r for w, r in spans if not w]
    for i, r in enumerate(undated):
        yield from ((r, o) for o in undated[i + 1:])
        yield from ((r, o) for _, o in dated)
    for i, (wa, a) in enumerate(dated):
        for wb, b in dated[i + 1:]:
            if (wb[0] - wa[1]).days > LOOSE_WINDOW_DAYS:
                break
            yield a, b


def link(reports: list[Report]) -> dict[str, str]:
    """Event id -> canonical id (the smallest event id of its cluster)."""
    parent = {r.id: r.id for r in reports}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_key: dict[tuple, list[Report]] = {}
    for r in reports:
        by_key.setdefault(r.key, []).append(r)
    for group in by_key.values():
        for a, b in _candidate_pairs(group):
            if linked(a, b):
                ra, rb = find(a.id), find(b.id)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    return {r.id: find(r.id) for r in reports}


def summarise_cluster(members: list[dict]) -> dict:
    """A canonical event's row: the majority stance and channel, the most
    precise date its sources agree on, and every source."""
    first = min(members, key=lambda m: (m.get("date") or m.get("published") or "9999", m["doc"]))
    dates = sorted({m["date"] for m in members if m.get("date")}, key=len, reverse=True)
    return {
        "canonical": first["canonical"], "actor": first["actor"], "target": first["target"],
        "type": first["type"],
        "stance": Counter(m["stance"] for m in members).most_common(1)[0][0],
        "channel": Counter(m["channel"] for m in members).most_common(1)[0][0],
        "date": dates[0] if dates else None,
        "sources": len({m["doc"] for m in members}),
        "docs": sorted({m["doc"] for m in members}),
        "evidence": first["evidence"],
    }
