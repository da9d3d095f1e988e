"""Gather what a report shows, then hand it to the HTML or Markdown writer."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..score import signals, verdicts
from ..score.verdict import pair_events
from ..score.weights import load_weights

FORMATS = ("html", "md")


@dataclass
class ReportData:
    verdicts: list[dict]
    series: dict[tuple[str, str], list]          # (state, power) -> quarterly signals over all channels
    events: dict[tuple[str, str], list]          # (state, power) -> stored records of the pair
    documents: dict[str, object] = field(default_factory=dict)

    @property
    def pairs(self) -> list[tuple[str, str]]:
        return sorted({(v["state"], v["power"]) for v in self.verdicts})

    def overall(self, state: str, power: str) -> dict | None:
        return next((v for v in self.verdicts if (v["state"], v["power"], v["channel"]) == (state, power, "overall")),
                    None)


def collect(store, state: str | None = None, power: str | None = None,
            max_events: int | None = None, documents: bool = True, machine: bool = False,
            weights=None) -> ReportData:
    """Verdicts, quarterly series and the records of each pair (at most
    ``max_events`` per pair when given), with the documents they cite; from
    the corrected records, or the machine's with ``machine``."""
    weights = weights or load_weights()
    rows = verdicts(store, state=state, power=power, weights=weights, machine=machine)
    series: dict = {}
    for s in signals(store, state=state, power=power, period="quarter", weights=weights, machine=machine):
        if s.channel == "all":
            series.setdefault((s.state, s.power), []).append(s)
    events = pair_events(store, sorted({(v["state"], v["power"]) for v in rows}), weights, limit=max_events,
                         machine=machine)
    docs: dict = {}
    for v in rows:
        for side in v["evidence"].values():
            for e in side:
                docs.setdefault(e["doc"], None)
        for m in v["structure"]:
            for c in m["claims"]:
                docs.setdefault(c["doc"], None)
    for recs in events.values():
        for r in recs:
            docs.setdefault(r.doc, None)
    if not documents:  # a web page links to documents instead of embedding them
        return ReportData(rows, series, events, {})
    found = {d: store.document(d) for d in docs if d}
    return ReportData(rows, series, events, {k: v for k, v in found.items() if v is not None})


def build(store, out: str | Path, fmt: str = "html", state: str | None = None, power: str | None = None,
          weights=None) -> Path:
    """Write the report into ``out``; returns the path of its main file."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    data = collect(store, state, power, weights=weights)
    if fmt == "md":
        from .markdown import write_markdown
        return write_markdown(data, out)
    from .html import write_html
    return write_html(data, out)
