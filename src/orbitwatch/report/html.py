"""The HTML report: one page with the charts and evidence tables, and one
page per document with the cited sentences highlighted. Charts are Plotly
figures; the Plotly script is inlined once, so the report opens from disk
with no network."""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs

from ..score.weights import load_weights
from .build import ReportData

COLOURS = {"closer": "#1a9850", "away": "#d73027", "mixed": "#fdae61", "insufficient": "#d9d9d9"}
_ORDER = ("away", "mixed", "insufficient", "closer")
_CSS = """
body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em;width:100%}td,th{border:1px solid #ddd;padding:4px 6px;
vertical-align:top;font-size:.9em}th{background:#f4f4f4}mark{background:#ffe08a}.note{color:#666;font-size:.9em}
.closer{color:#1a9850}.away{color:#d73027}.mixed{color:#b35806}
"""


def doc_file(doc_id: str) -> str:
    """A file name for a document id that is safe on every file system."""
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", doc_id)[:80]
    if safe != doc_id:
        safe += "-" + hashlib.sha1(doc_id.encode()).hexdigest()[:8]
    return f"docs/{safe}.html"


def _link(doc: str, start: int | None, label: str) -> str:
    anchor = f"#ev-{start}" if start is not None else ""
    return f'<a class="evidence" href="{html.escape(doc_file(doc))}{anchor}">{html.escape(label)}</a>'


def styled(fig: go.Figure) -> go.Figure:
    """The look every chart shares, in the report and in the workbench."""
    return fig.update_layout(margin=dict(l=50, r=20, t=50, b=40), template=pio.templates["plotly_white"])


def _div(fig: go.Figure, div_id: str) -> str:
    styled(fig)
    return pio.to_html(fig, include_plotlyjs=False, full_html=False, div_id=div_id,
                       config={"displaylogo": False, "responsive": True})


def matrix_chart(data: ReportData) -> go.Figure:
    states = sorted({s for s, _ in data.pairs})
    powers = sorted({p for _, p in data.pairs})
    z, text = [], []
    for s in states:
        row_z, row_t = [], []
        for p in powers:
            v = data.overall(s, p)
            verdict = v["verdict"] if v else "insufficient"
            row_z.append(_ORDER.index(verdict))
            row_t.append(f"{verdict}<br>{v['signal']:+.2f} ({v['events']} ev.)" if v else "no data")
        z.append(row_z)
        text.append(row_t)
    n = len(_ORDER)
    scale = []
    for i, name in enumerate(_ORDER):
        scale += [[i / n, COLOURS[name]], [(i + 1) / n, COLOURS[name]]]
    fig = go.Figure(go.Heatmap(z=z, x=powers, y=states, text=text, texttemplate="%{text}", zmin=-0.5,
                               zmax=n - 0.5, colorscale=scale, showscale=False, hoverinfo="text"))
    fig.update_layout(title="Overall verdict per state and power", height=120 + 50 * len(states))
    fig.update_yaxes(autorange="reversed")
    return fig


def _quarter_middle(period: str) -> str:
    """A quarter's score is drawn at its middle, among the events it sums."""
    year, q = period.split("-Q")
    return f"{year}-{(int(q) - 1) * 3 + 2:02d}-15"


def series_chart(data: ReportData, state: str, power: str) -> go.Figure:
    weights = load_weights()
    pts = sorted(data.series.get((state, power), []), key=lambda s: s.period)
    x = [_quarter_middle(s.period) for s in pts]
    fig = go.Figure(_validate=False)  # plotly's own checks cost 4x the drawing of a few hundred points
    single = len(pts) == 1  # a band of one point has no width: draw its interval as an error bar
    if not single:
        fig.add_trace(go.Scatter(x=x + x[::-1], y=[s.high for s in pts] + [s.low for s in pts][::-1],
                                 fill="toself", fillcolor="rgba(70,110,180,0.18)", line=dict(width=0), mode="lines",
                                 name="90% interval", hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=x, y=[s.score for s in pts], mode="lines+markers", name="score (quarter)",
                             line=dict(color="#3060a0"),
                             error_y=dict(type="data", symmetric=False, array=[s.high - s.score for s in pts],
                                          arrayminus=[s.score - s.low for s in pts], color="rgba(70,110,180,0.6)",
                                          width=6) if single else None,
                             text=[f"{s.period}: {s.score:+.2f} from {s.events} events, {s.sources} sources"
                                   for s in pts], hoverinfo="text"))
    dated = [r for r in data.events.get((state, power), []) if (r.date or "") and len(r.date) >= 7 and r.stance]
    fig.add_trace(go.Scatter(
        x=[r.date if len(r.date) == 10 else r.date + "-15" for r in dated],
        y=[r.stance * weights.intensity[r.type] for r in dated], mode="markers", name="events",
        marker=dict(color=[COLOURS["closer"] if r.stance > 0 else COLOURS["away"] for r in dated], size=9,
                    symbol="diamond"),
        text=[f"{r.actor} {r.type} {r.target} ({r.date}): {html.escape(r.evidence[:160])}" for r in dated],
        hoverinfo="text"))
    fig.update_layout(title=dict(text=f"{state} and {power}: event score per quarter, with the events"),
                      yaxis=dict(range=[-1.05, 1.05], title=dict(text="away  ←  score  →  closer")), height=360,
                      xaxis=dict(range=_padded(x + [r.date[:7] + "-01" for r in dated])))
    return fig


def _padded(days: list[str], months: int = 3) -> list[str] | None:
    """An x range of at least a few months: one quarter alone would otherwise
    be drawn over a span of hours."""
    if not days:
        return None
    lo, hi = dt.date.fromisoformat(min(days)[:10]), dt.date.fromisoformat(max(days)[:10])
    if (hi - lo).days >= 30 * months:
        return None
    return [(lo - dt.timedelta(days=45)).isoformat(), (hi + dt.timedelta(days=120)).isoformat()]


def structure_chart(data: ReportData, state: str) -> go.Figure:
    rows = [data.overall(s, p) for s, p in data.pairs if s == state]
    rows = [r for r in rows if r]
    powers = [r["power"] for r in rows]

    def net(r):
        sided = [{"closer": 1, "away": -1}.get(m["direction"], 0) for m in r["structure"]]
        return sum(sided) / len(sided) if sided else 0.0
    fig = go.Figure()
    fig.add_trace(go.Bar(x=powers, y=[r["signal"] for r in rows], name="signals (events)",
                         marker_color="#3060a0",
                         error_y=dict(type="data", symmetric=False, array=[r["high"] - r["signal"] for r in rows],
                                      arrayminus=[r["signal"] - r["low"] for r in rows])))
    fig.add_trace(go.Bar(x=powers, y=[net(r) for r in rows], name="structure (indicators, net direction)",
                         marker_color="#b35806"))
    fig.update_layout(title=f"{state}: signals against structure", barmode="group",
                      yaxis=dict(range=[-1.05, 1.05], title="away  ←  →  closer"), height=340)
    return fig


def _evidence_table(data: ReportData, state: str, power: str) -> str:
    v = data.overall(state, power)
    rows = []
    for side in ("closer", "away"):
        for e in v["evidence"][side]:
            rows.append(f"<tr><td class='{side}'>{side}</td><td>{_link(e['doc'], e['start'], e['sentence'])}</td>"
                        f"<td>{html.escape(e['doc'])}</td><td>{html.escape(e['date'] or '')}</td>"
                        f"<td>{e['actor']} {e['type']} {e['target']}</td><td>{e['weight']:.2f}</td></tr>")
    for m in v["structure"]:
        for c in m["claims"][:3]:
            rows.append(f"<tr><td class='{m['direction']}'>claim: {html.escape(m['label'])} {c.get('change') or ''}"
                        f"</td><td>{_link(c['doc'], c.get('start'), c['evidence'])}</td><td>{html.escape(c['doc'])}"
                        f"</td><td>{html.escape(c['period'])}</td><td>{c['state']}–{c['partner']}</td><td></td></tr>")
        if m["kind"] == "official" and m["from"]:
            a, b = m["from"], m["to"]
            rows.append(f"<tr><td class='{m['direction']}'>indicator: {html.escape(m['label'])}</td>"
                        f"<td>{a['value']:g} ({a['period']}) → {b['value']:g} ({b['period']}) {html.escape(b['unit'])}"
                        f"</td><td colspan=4>{html.escape(b['source'])}</td></tr>")
    if not rows:
        return "<p class='note'>No evidence either way.</p>"
    return ("<table><tr><th>way</th><th>sentence</th><th>document</th><th>date</th><th>event</th><th>weight</th></tr>"
            + "".join(rows) + "</table>")


def _verdict_table(data: ReportData, state: str, power: str) -> str:
    rows = [v for v in data.verdicts if (v["state"], v["power"]) == (state, power)]
    body = "".join(
        f"<tr><td>{v['channel']}</td><td class='{v['verdict']}'>{v['verdict']}</td><td>{v['signal']:+.2f}</td>"
        f"<td>{v['low']:+.2f} .. {v['high']:+.2f}</td><td>{v['events']}</td><td>{v['sources']}</td>"
        f"<td>{v['signal_direction']}</td><td>{v['structure_direction']}</td></tr>" for v in rows)
    return ("<table><tr><th>channel</th><th>verdict</th><th>signal</th><th>90% interval</th><th>events</th>"
            "<th>sources</th><th>signals say</th><th>structure says</th></tr>" + body + "</table>")


def highlighted(text: str, marks: list[tuple[int, int, str]]) -> str:
    """The text as escaped HTML paragraphs, each marked span a <mark id="ev-START">
    (the report and the workbench link to sentences by these ids)."""
    out, pos = [], 0
    for start, end, title in sorted(set(marks)):
        if start < pos or start is None:  # overlaps an earlier mark
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark id="ev-{start}" title="{html.escape(title)}">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n\n", "</p><p>")


def _document_page(doc, marks: list[tuple[int, int, str]]) -> str:
    body = highlighted(doc.text, marks)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(doc.title or doc.id)}</title>"
            f"<style>{_CSS}</style></head><body><p><a href='../index.html'>← report</a></p>"
            f"<h1>{html.escape(doc.title or doc.id)}</h1><p class='note'>{html.escape(doc.id)} · "
            f"{html.escape(doc.published or 'no date')} · {html.escape(doc.url or doc.path or '')}</p>"
            f"<p>{body}</p></body></html>")


def _write_documents(data: ReportData, out: Path) -> None:
    marks: dict[str, list] = {}
    for recs in data.events.values():
        for r in recs:
            if r.start is not None:
                marks.setdefault(r.doc, []).append((r.start, r.end, f"{r.actor} {r.type} {r.target}"))
    for v in data.verdicts:
        for m in v["structure"]:
            for c in m["claims"]:
                if c.get("start") is not None:
                    marks.setdefault(c["doc"], []).append((c["start"], c["end"], f"claim: {m['label']}"))
    (out / "docs").mkdir(exist_ok=True)
    for doc_id, doc in data.documents.items():
        (out / doc_file(doc_id)).write_text(_document_page(doc, marks.get(doc_id, [])), "utf-8")


def write_html(data: ReportData, out: Path) -> Path:
    parts = ["<h1>orbitwatch report</h1>",
             "<p class='note'>Verdicts: <b class='closer'>closer</b>, <b class='away'>away</b>, "
             "<b class='mixed'>mixed</b> (events and indicators disagree), insufficient. Scores run from -1 (away) "
             "to +1 (closer) with 90% intervals; every sentence links to its document.</p>"]
    if not data.pairs:
        parts.append("<p>No state-power pair has events or indicators yet: ingest articles or load indicators.</p>")
    else:
        parts.append(_div(matrix_chart(data), "chart-matrix"))
        for state in sorted({s for s, _ in data.pairs}):
            parts.append(f"<h2 id='{state}'>{state}</h2>")
            parts.append(_div(structure_chart(data, state), f"chart-structure-{state}"))
            for s, p in data.pairs:
                if s != state:
                    continue
                parts.append(f"<h3>{s} and {p}</h3>" + _verdict_table(data, s, p))
                if data.series.get((s, p)):
                    parts.append(_div(series_chart(data, s, p), f"chart-series-{s}-{p}"))
                parts.append(_evidence_table(data, s, p))
    _write_documents(data, out)
    page = (f"<!doctype html><html><head><meta charset='utf-8'><title>orbitwatch report</title>"
            f"<style>{_CSS}</style><script>{get_plotlyjs()}</script></head><body>" + "\n".join(parts)
            + "</body></html>")
    path = out / "index.html"
    path.write_text(page, "utf-8")
    return path
