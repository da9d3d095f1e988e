"""Writing to PostgreSQL against writing to DuckDB, in the same run (issue 6).

Usage: python bench/store_ingest.py [--n 20000] [--batch 500] [--pg URL]

What the writer of `orbitwatch ingest` does with extracted documents, timed
without the extraction (which costs the same on both stores): N synthetic
documents of about 2 kB with three event records each, written

- one transaction per document (``Store.save``, what ingest does), and
- in batches (``Store.save_many``, what the GDELT import does),

then canonical linking over everything stored and one index query. Each
figure is printed for both stores with the ratio PostgreSQL / DuckDB
(above 1: PostgreSQL faster). Without ``--pg`` a throwaway server is started
from Debian's postgresql package (as the tests do), with its default
durability (fsync on); DuckDB writes a file in a temporary directory.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from orbitwatch.ingest.document import Document  # noqa: E402
from orbitwatch.pipeline import relink  # noqa: E402
from orbitwatch.records import EventRecord  # noqa: E402
from orbitwatch.score import signals  # noqa: E402
from orbitwatch.store import open_store  # noqa: E402

STATES = ["KAZ", "KGZ", "TJK", "TKM", "UZB", "ARM", "AZE", "GEO"]
POWERS = ["RUS", "CHN", "EU", "USA", "TUR", "CSTO"]
TYPES = [("AGREE", 1), ("REJECT", -1), ("CONSULT", 1), ("SANCTION", -1), ("COOPERATE", 1)]
FILLER = "The ministry said the talks covered trade, transit and security in the region. "


def documents(n: int, seed: int = 7):
    """(Document, records) pairs; a fifth of the events repeat an earlier one
    in another document, so linking has reports to merge."""
    rng = random.Random(seed)
    previous = None
    for i in range(n):
        sentences, records, offset = [], [], 0
        for k in range(3):
            state, power = rng.choice(STATES), rng.choice(POWERS)
            (type_, stance), day = rng.choice(TYPES), f"{rng.randint(2018, 2025)}-{rng.randint(1, 12):02d}"
            if k == 0 and previous and rng.random() < 0.2:  # another report of the last document's event
                state, power, type_, stance, day = previous
            if k == 0:
                previous = (state, power, type_, stance, day)
            sentence = f"{state} and {power} took step {k} of document {i} in {day}. "
            records.append(EventRecord(f"b{i}", state, power, type_, stance, "diplomatic", day,
                                       sentence.strip(), offset, offset + len(sentence) - 1, 0.8))
            sentences.append(sentence)
            offset += len(sentence)
        text = "".join(sentences) + FILLER * 22
        yield Document(id=f"b{i}", text=text, title=f"Synthetic {i}", published="2024-01-01",
                       source=f"outlet{i % 40}", format="txt"), records


def timed(label: str, fn) -> float:
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    print(f"  {label:<34} {seconds:8.2f} s", flush=True)
    return seconds


def run(location: str, n: int, batch: int) -> dict[str, float]:
    items = list(documents(n))
    out = {}
    with open_store(location) as store:
        out["save"] = timed("save, one transaction per document", lambda: [
            store.save(d, r, "bench.v1") for d, r in items])
    with open_store(location) as store:  # the same documents again under new ids, in batches
        again = [(replace(d, id=d.id + "m"), [replace(r, doc=d.id + "m") for r in recs]) for d, recs in items]
        out["save_many"] = timed(f"save_many, batches of {batch}", lambda: [
            store.save_many(again[i:i + batch], "bench.v1") for i in range(0, len(again), batch)])
        out["relink"] = timed("canonical linking", lambda: relink(store))
        out["index"] = timed("index (refresh + query)", lambda: signals(store, period="year"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000, help="documents per write mode")
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--pg", metavar="URL", help="an empty PostgreSQL database (default: start a throwaway server)")
    args = ap.parse_args()
    server = None
    if args.pg:
        pg = args.pg
    else:
        import pgserver
        server = pgserver.start(durable=True)
        pg = server.new_database()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            print(f"DuckDB ({args.n:,} documents, 3 events each, per mode):")
            duck = run(str(Path(tmp) / "bench.duckdb"), args.n, args.batch)
            print("PostgreSQL:")
            post = run(pg, args.n, args.batch)
    finally:
        if server:
            server.stop()
    print("\nratios PostgreSQL / DuckDB throughput (above 1: PostgreSQL faster):")
    for key, label in (("save", "documents/s, a transaction each"), ("save_many", "documents/s, in batches"),
                       ("relink", "canonical linking"), ("index", "index refresh + query")):
        print(f"  {label:<34} {duck[key] / post[key]:6.2f}   "
              f"(DuckDB {args.n / duck[key]:9,.0f}/s, PostgreSQL {args.n / post[key]:9,.0f}/s)"
              if key in ("save", "save_many") else
              f"  {label:<34} {duck[key] / post[key]:6.2f}   (DuckDB {duck[key]:.2f} s, PostgreSQL {post[key]:.2f} s)")


if __name__ == "__main__":
    main()
