"""Evaluation of event records against gold, exactly as the spec defines it.

The figures agree with the reference scorer (score_events.py) by
construction: same deduplication, same greedy matching in gold order with
symmetric types matched in either direction, same dyad-stance sets.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .records import SYMMETRIC_TYPES


class EvalError(ValueError):
    """A gold or predicted file that cannot be read; names file and line."""


def load_records(path: str | Path) -> list[dict]:
    records = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                raise EvalError(f"{path}:{n}: not JSON: {e.msg}") from None
            if not isinstance(r, dict):
                raise EvalError(f"{path}:{n}: a record must be a JSON object")
            missing = {"doc", "actor", "target", "type"} - r.keys()
            if missing:
                raise EvalError(f"{path}:{n}: missing {sorted(missing)}")
            records.append(r)
    return records


def dedup(records: Iterable[dict]) -> list[dict]:
    seen, out = set(), []
    for r in records:
        k = (r["doc"], r["actor"], r["target"], r["type"])
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def date_equal(gold, pred) -> bool:
    """Equal at gold's precision: gold 2022-10 accepts 2022-10-05, not 2022."""
    if not pred:
        return False
    g, p = str(gold), str(pred)
    return p[: len(g)] == g and len(p) >= len(g)


def match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """Greedy event matching in gold order; each record matches at most once."""
    free: dict[tuple, list[int]] = {}
    for i, p in enumerate(pred):
        free.setdefault((p["doc"], p["actor"], p["target"], p["type"]), []).append(i)
    pairs = []
    for g in gold:
        keys = [(g["doc"], g["actor"], g["target"], g["type"])]
        if g["type"] in SYMMETRIC_TYPES:
            keys.append((g["doc"], g["target"], g["actor"], g["type"]))
        for k in keys:
            if free.get(k):
                pairs.append((g, pred[free[k].pop()]))
                break
    return pairs


def _triples(records: list[dict]) -> set:
    return {(r["doc"], frozenset((r["actor"], r["target"])), r.get("stance")) for r in records}


def score(gold: list[dict], pred: list[dict], docs_from_gold: bool = False) -> dict:
    """The spec's metrics: event and dyad-stance P/R/F1, accuracies over matches."""
    if docs_from_gold:
        docs = {g["doc"] for g in gold}
        pred = [p for p in pred if p["doc"] in docs]
    gold, pred = dedup(gold), dedup(pred)
    matches = match(gold, pred)
    ep, er, ef = prf(len(matches), len(pred), len(gold))
    gt, pt = _triples(gold), _triples(pred)
    dp, dr, df = prf(len(gt & pt), len(pt), len(gt))
    n = len(matches) or 1
    dated = [(g, p) for g, p in matches if g.get("date")]
    return {
        "gold": len(gold), "pred": len(pred), "matched": len(matches),
        "event_p": ep, "event_r": er, "event_f1": ef,
        "dyad_stance_p": dp, "dyad_stance_r": dr, "dyad_stance_f1": df,
        "stance_acc": sum(g.get("stance") == p.get("stance") for g, p in matches) / n,
        "channel_acc": sum(g.get("channel") == p.get("channel") for g, p in matches) / n,
        "date_acc": (sum(date_equal(g["date"], p.get("date")) for g, p in dated) / len(dated)) if dated else None,
        "dated_matches": len(dated),
    }


def format_score(s: dict) -> str:
    date = "n/a" if s["date_acc"] is None else f"{s['date_acc']:.3f} of {s['dated_matches']}"
    return "\n".join([
        f"records: gold {s['gold']}, predicted {s['pred']}, matched {s['matched']}",
        f"event       P {s['event_p']:.3f}  R {s['event_r']:.3f}  F1 {s['event_f1']:.3f}",
        f"dyad-stance P {s['dyad_stance_p']:.3f}  R {s['dyad_stance_r']:.3f}  F1 {s['dyad_stance_f1']:.3f}",
        f"over matches: stance {s['stance_acc']:.3f}  channel {s['channel_acc']:.3f}  date {date}",
    ])


def _breakdown(gold: list[dict], pred: list[dict], pairs, field_of) -> dict:
    """Per value of a field: true positives, false positives, misses and P/R/F1."""
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    rows: dict[str, dict] = {}
    for recs, matched, col in ((gold, matched_g, "fn"), (pred, matched_p, "fp")):
        for r in recs:
            for key in field_of(r):
                row = rows.setdefault(key, {"tp": 0, "fp": 0, "fn": 0})
                if id(r) in matched:
                    row["tp"] += col == "fn"
                else:
                    row[col] += 1
    for row in rows.values():
        p, r, f = prf(row["tp"], row["tp"] + row["fp"], row["tp"] + row["fn"])
        row.update(p=p, r=r, f1=f)
    return dict(sorted(rows.items()))


def confusion(gold: list[dict], pred: list[dict], pairs) -> dict[str, dict[str, int]]:
    """Gold type -> predicted type over unmatched records of the same document and dyad.

    ``-`` stands for no record: a gold row ``-`` counts pure false positives,
    a predicted column ``-`` pure misses.
    """
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    free_p = [p for p in pred if id(p) not in matched_p]
    used: set[int] = set()
    table: dict[str, dict[str, int]] = {}
    for g in gold:
        if id(g) in matched_g:
            continue
        dyad = (g["doc"], frozenset((g["actor"], g["target"])))
        other = next((p for p in free_p if id(p) not in used
                      and (p["doc"], frozenset((p["actor"], p["target"]))) == dyad), None)
        col = "-" if other is None else other["type"]
        if other is not None:
            used.add(id(other))
        table.setdefault(g["type"], {}).setdefault(col, 0)
        table[g["type"]][col] += 1
    for p in free_p:
        if id(p) not in used:
            table.setdefault("-", {}).setdefault(p["type"], 0)
            table["-"][p["type"]] += 1
    return table


def _brief(r: dict) -> dict:
    keep = ("doc", "actor", "target", "type", "stance", "channel", "date", "evidence")
    return {k: r.get(k) for k in keep}


def error_report(gold: list[dict], pred: list[dict], docs_from_gold: bool = False) -> dict:
    """Where the errors are: per type, channel and actor, the confusion of
    types, and every false positive and miss with its sentence."""
    if docs_from_gold:
        docs = {g["doc"] for g in gold}
        pred = [p for p in pred if p["doc"] in docs]
    gold, pred = dedup(gold), dedup(pred)
    pairs = match(gold, pred)
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    return {
        "metrics": score(gold, pred),
        "by_type": _breakdown(gold, pred, pairs, lambda r: [r["type"]]),
        "by_channel": _breakdown(gold, pred, pairs, lambda r: [r.get("channel") or "-"]),
        "by_actor": _breakdown(gold, pred, pairs, lambda r: sorted({r["actor"], r["target"]})),
        "confusion": confusion(gold, pred, pairs),
        "false_positives": [_brief(p) for p in pred if id(p) not in matched_p],
        "misses": [_brief(g) for g in gold if id(g) not in matched_g],
        "wrong_attributes": [
            {"gold": _brief(g), "pred": _brief(p),
             "fields": [f for f in ("stance", "channel") if g.get(f) != p.get(f)]
             + (["date"] if g.get("date") and not date_equal(g["date"], p.get("date")) else [])}
            for g, p in pairs
            if g.get("stance") != p.get("stance") or g.get("channel") != p.get("channel")
            or (g.get("date") and not date_equal(g["date"], p.get("date")))
        ],
    }


def format_errors(report: dict, width: int = 110) -> str:
    """The error report as text for a terminal."""
    lines = [format_score(report["metrics"]), ""]
    for name in ("by_type", "by_channel", "by_actor"):
        lines.append(f"{name.replace('_', ' ')}:   tp   fp   fn     P     R    F1")
        for key, row in report[name].items():
            lines.append(f"  {key:<12} {row['tp']:4d} {row['fp']:4d} {row['fn']:4d}  "
                         f"{row['p']:.2f}  {row['r']:.2f}  {row['f1']:.2f}")
        lines.append("")
    cols = sorted({c for row in report["confusion"].values() for c in row})
    lines.append("confusion (gold rows, predicted columns, unmatched records of the same dyad):")
    lines.append("  " + " " * 10 + "".join(f"{c[:8]:>9}" for c in cols))
    for g, row in sorted(report["confusion"].items()):
        lines.append(f"  {g[:10]:<10}" + "".join(f"{row.get(c, 0) or '.':>9}" for c in cols))
    for title, key in (("false positives", "false_positives"), ("misses", "misses")):
        lines.append(f"\n{title} ({len(report[key])}):")
        for r in report[key]:
            head = f"  {r['doc']}  {r['actor']}->{r['target']} {r['type']} {r['stance']} {r['channel']}"
            lines.append(head)
            lines.append(f"      {(r.get('evidence') or '')[:width]}")
    lines.append(f"\nmatched with a wrong stance, channel or date ({len(report['wrong_attributes'])}):")
    for w in report["wrong_attributes"]:
        g, p = w["gold"], w["pred"]
        lines.append(f"  {g['doc']}  {g['actor']}->{g['target']} {g['type']}: "
                     + ", ".join(f"{f} gold {g.get(f)} pred {p.get(f)}" for f in w["fields"]))
    return "\n".join(lines)
