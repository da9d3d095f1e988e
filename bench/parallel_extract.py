"""Extraction on a local Dask cluster: 2 workers against 1 on the same corpus
in the same run (issue 6: aim at least 1.7 times on a 2-core machine).

Usage: python bench/parallel_extract.py [PATH ...] [--n 20000] [--partition 500]

The corpus is the sample articles repeated to N documents (each with its own
id). Cluster start-up is not timed; shipping documents to the workers and
results back is.
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from extract_speed import ROOT, corpus  # noqa: E402

from orbitwatch.parallel import DaskRunner  # noqa: E402


def run(docs, workers: int, partition: int) -> tuple[float, int]:
    with DaskRunner(workers=workers, partition=partition) as runner:
        list(runner.map(docs[: partition * workers]))  # warm up: workers load the vocabulary
        start = time.perf_counter()
        events = sum(len(records) for _, records, _ in runner.map(docs))
        return time.perf_counter() - start, events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "samples" / "corpus" / d)
                                                 for d in ("dev-b", "test-m", "test-c")])
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--partition", type=int, default=500)
    args = ap.parse_args()
    docs = [replace(d, id=f"{d.id}#{i}") for i, d in enumerate(corpus(args.paths, args.n))]
    t1, e1 = run(docs, 1, args.partition)
    t2, e2 = run(docs, 2, args.partition)
    assert e1 == e2, "the two runs extracted different records"
    print(f"articles: {len(docs):,}; events: {e1:,}")
    print(f"1 worker:  {len(docs) / t1:8.1f} articles/s")
    print(f"2 workers: {len(docs) / t2:8.1f} articles/s")
    print(f"speed-up 2 workers / 1 worker: {t1 / t2:.2f} (aim: at least 1.7)")


if __name__ == "__main__":
    main()
