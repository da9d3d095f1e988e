"""What was found per state and power: counts of events closer and away."""
from __future__ import annotations

from collections import defaultdict

from .records import EventRecord

STATES = ("KAZ", "KGZ", "TJK", "TKM", "UZB", "ARM", "AZE", "GEO")
POWERS = ("RUS", "CHN", "EU", "USA", "TUR", "IRN")
ORGANISATIONS = ("CSTO", "EAEU", "CIS", "SCO", "OTS", "NATO", "WST", "UN", "OSCE")
COLUMNS = ("state", "power", "events", "closer", "away", "neutral", "documents")


def summarise(records: list[EventRecord], states=STATES, partners=POWERS + ORGANISATIONS) -> list[dict]:
    """One row per (state, partner) pair with any event, either direction."""
    rows: dict[tuple[str, str], dict] = defaultdict(
        lambda: {"events": 0, "closer": 0, "away": 0, "neutral": 0, "docs": set()})
    for r in records:
        for s, p in ((r.actor, r.target), (r.target, r.actor)):
            if s in states and p in partners:
                row = rows[(s, p)]
                row["events"] += 1
                row[{1: "closer", -1: "away"}.get(r.stance, "neutral")] += 1
                row["docs"].add(r.doc)
    order = {c: i for i, c in enumerate(tuple(states) + tuple(partners))}
    return [
        {"state": s, "power": p, "events": v["events"], "closer": v["closer"], "away": v["away"],
         "neutral": v["neutral"], "documents": len(v["docs"])}
        for (s, p), v in sorted(rows.items(), key=lambda kv: (order[kv[0][0]], order[kv[0][1]]))
    ]
