"""The Markdown report: reads well in a terminal and in a repository."""
from __future__ import annotations

from pathlib import Path

from .build import ReportData

_MARK = {"closer": "closer ▲", "away": "away ▼", "mixed": "mixed ◆", "insufficient": "insufficient ·"}


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _matrix(data: ReportData) -> list[str]:
    states = sorted({s for s, _ in data.pairs})
    powers = sorted({p for _, p in data.pairs})
    lines = ["| state | " + " | ".join(powers) + " |", "|---|" + "---|" * len(powers)]
    for s in states:
        cells = []
        for p in powers:
            v = data.overall(s, p)
            cells.append(_MARK[v["verdict"]] if v else "")
        lines.append(f"| {s} | " + " | ".join(cells) + " |")
    return lines


def _pair(data: ReportData, state: str, power: str) -> list[str]:
    lines = [f"## {state} and {power}", "",
             "| channel | verdict | signal | 90% interval | events | sources | structure |", "|---|---|---|---|---|---|---|"]
    rows = [v for v in data.verdicts if (v["state"], v["power"]) == (state, power)]
    for v in rows:
        lines.append(f"| {v['channel']} | {v['verdict']} | {v['signal']:+.2f} | {v['low']:+.2f} .. {v['high']:+.2f} "
                     f"| {v['events']} | {v['sources']} | {v['structure_direction']} |")
    overall = rows[0]
    moves = overall["structure"]
    if moves:
        lines += ["", "Indicators:", ""]
        for m in moves:
            if m["kind"] == "claim":
                lines.append(f"- {m['label']} ({m['channel']}): {m['direction']}, claimed in "
                             f"{len(m['claims'])} sentence(s), e.g. \"{_cell(m['claims'][0]['evidence'])}\" "
                             f"({m['claims'][0]['doc']})")
            else:
                a, b = m["from"], m["to"]
                lines.append(f"- {m['label']} ({m['channel']}): {m['direction']}, {a['value']:g} {a['unit']} in "
                             f"{a['period']} to {b['value']:g} in {b['period']} (source: {b['source']})")
    for side in ("closer", "away"):
        ev = overall["evidence"][side]
        if ev:
            lines += ["", f"Strongest evidence {side}:", ""]
            lines += [f"- \"{_cell(e['sentence'])}\" ({e['doc']}, {e['date'] or 'undated'}; "
                      f"{e['actor']} {e['type']} {e['target']}, weight {e['weight']:.2f})" for e in ev]
    return lines + [""]


def write_markdown(data: ReportData, out: Path) -> Path:
    lines = ["# orbitwatch report", "",
             "Overall verdict per state and power: closer, away, mixed (events and indicators disagree) "
             "or insufficient.", ""]
    lines += _matrix(data) + [""] if data.pairs else ["No state-power pair has events or indicators yet.", ""]
    for s, p in data.pairs:
        lines += _pair(data, s, p)
    path = out / "report.md"
    path.write_text("\n".join(lines), "utf-8")
    return path
