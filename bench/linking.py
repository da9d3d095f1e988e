"""How well canonical linking joins reports of one event across documents.

Usage: python bench/linking.py GOLD PATH...

The gold links are the pairs of gold records of different documents that
share actor, target and type and whose dates agree (where both have one): by
the annotation guide these report one real-world event. The predicted links
are the pairs the linker puts in one canonical event. Pairwise precision and
recall are computed over predicted records that match a gold record.
"""
from __future__ import annotations

import itertools
import sys

from orbitwatch.canonical import Report, link
from orbitwatch.evaluation import load_records
from orbitwatch.extract import extract
from orbitwatch.ingest import Document, iter_documents
from orbitwatch.records import SYMMETRIC_TYPES


def key(r: dict) -> tuple:
    a, t = r["actor"], r["target"]
    if r["type"] in SYMMETRIC_TYPES and t < a:
        a, t = t, a
    return a, t, r["type"]


def gold_pairs(gold: list[dict]) -> set[frozenset]:
    out = set()
    for g, h in itertools.combinations(gold, 2):
        if g["doc"] != h["doc"] and key(g) == key(h):
            dg, dh = g.get("date"), h.get("date")
            n = min(len(dg or ""), len(dh or ""))
            if not (dg and dh) or dg[:n] == dh[:n]:
                out.add(frozenset(((g["doc"],) + key(g), (h["doc"],) + key(h))))
    return out


def main(gold_path: str, paths: list[str]) -> None:
    gold = load_records(gold_path)
    docs = {d.id: d for d in iter_documents(paths) if isinstance(d, Document)}
    reports = []
    for d in docs.values():
        for i, r in enumerate(extract(d)):
            reports.append(Report(f"{d.id}#{i}", d.id, r.actor, r.target, r.type, r.date, d.published, r.evidence))
    canon = link(reports)
    gold_keys = {(g["doc"],) + key(g) for g in gold}
    by_id = {r.id: (r.doc,) + key({"actor": r.actor, "target": r.target, "type": r.type}) for r in reports}
    matched = [i for i, k in by_id.items() if k in gold_keys]
    predicted = {frozenset((by_id[a], by_id[b])) for a, b in itertools.combinations(matched, 2)
                 if canon[a] == canon[b] and by_id[a][0] != by_id[b][0]}
    expected = {p for p in gold_pairs(gold) if all(k in set(by_id.values()) for k in p)}
    every = gold_pairs(gold)
    tp = len(predicted & expected)
    print(f"gold links: {len(every)} ({len(expected)} between records the extractor found)")
    print(f"predicted links: {len(predicted)}, correct {tp}")
    print(f"pairwise precision {tp / len(predicted) if predicted else 1:.3f}, "
          f"recall over found records {tp / len(expected) if expected else 1:.3f}, "
          f"recall over all gold links {tp / len(every) if every else 1:.3f}")
    print(f"records {len(reports)} -> canonical events {len(set(canon.values()))}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
