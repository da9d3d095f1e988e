"""Latency of the workbench over 100,000 synthetic events (issue 5: aim a 95th
percentile under 300 ms on a 2-core machine), each page beside a plain query
of the same data in the same run.

Usage: python bench/serve_latency.py [--n 100000] [--repeat 30]

Requests go through the whole application in process (routing, the store,
templates, JSON), without a network socket.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).parent))
from index_speed import build  # noqa: E402  the same synthetic store as the index bench

from orbitwatch.serve import create_app  # noqa: E402
from orbitwatch.store import DuckDBStore  # noqa: E402

PLAIN = {
    "overview": "SELECT actor, target, sign(sum(stance)), count(*) FROM events GROUP BY ALL",
    "state": "SELECT target, channel, sum(stance), count(*) FROM events WHERE actor = 'KAZ' GROUP BY ALL",
    "events": "SELECT * FROM events WHERE (actor = 'KAZ' OR target = 'KAZ') AND type = 'REJECT' "
              "ORDER BY date LIMIT 50",
}
PAGES = {
    "overview": "/",
    "state": "/state/KAZ",
    "events": "/api/events?state=KAZ&type=REJECT&since=2016&limit=50",
}


def timings(f, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        out.append(time.perf_counter() - t)
    return out


def p95(xs: list[float]) -> float:
    return sorted(xs)[max(0, int(round(0.95 * len(xs))) - 1)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--db", default="/tmp/orbitwatch-serve-bench.duckdb")
    args = ap.parse_args()
    Path(args.db).unlink(missing_ok=True)
    with DuckDBStore(args.db) as store:
        build(store, args.n)
        store.con.execute("UPDATE store_meta SET value = value + 1")  # raw inserts: mark derived tables stale
    client = TestClient(create_app(args.db, None))
    for url in PAGES.values():  # the first request builds the index's derived rows
        assert client.get(url).status_code == 200, url
    with DuckDBStore(args.db) as plain:
        for name, url in PAGES.items():
            page = timings(lambda: client.get(url), args.repeat)
            base = timings(lambda: plain.query(PLAIN[name]), args.repeat)
            print(f"{name:8s}: median {1000 * statistics.median(page):7.1f} ms, p95 {1000 * p95(page):7.1f} ms "
                  f"(aim < 300); plain query median {1000 * statistics.median(base):6.1f} ms; "
                  f"ratio of medians {statistics.median(page) / statistics.median(base):6.1f}")
    Path(args.db).unlink(missing_ok=True)


if __name__ == "__main__":
    main()
