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
