"""The event index over synthetic events, against a plain DuckDB GROUP BY of
the same table in the same run (issue 4: aim within 3 times).

Usage: python bench/index_speed.py [--n 1000000] [--repeat 3] [--db FILE]

--db builds the store in a new DuckDB file instead of memory, so that the
file store's memory limit (512 MB, or $ORBITWATCH_DUCKDB_MEMORY) applies.

The synthetic store has the real schema (documents, events, canonical): one
document per ten events, every fifth event linked to another as a second
report of it. The baseline sums stance per actor, target, channel and year.

Two figures: the index query (what `orbitwatch index`, `verdict` and
`report` wait for), a GROUP BY over the rows the store derives from the
events, plus Beta intervals; and the refresh of those rows (merging reports
into canonical events, both sides of each, organisations mapped to powers,
weights), paid once after events, links or weights change.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from orbitwatch.score import signals
from orbitwatch.score.signals import ROWS_TABLE, refresh
from orbitwatch.store import DuckDBStore

BASELINE = """
SELECT e.actor, e.target, e.channel, substr(coalesce(e.date, d.published), 1, 4) AS period,
       sum(e.stance), count(*)
FROM events e JOIN documents d ON d.id = e.doc_id
GROUP BY ALL
"""


def build(store: DuckDBStore, n: int) -> None:
    con = store.con
    con.execute(f"""
        INSERT INTO documents
        SELECT 'd' || i, 'h', NULL, NULL,
               strftime(DATE '2015-01-01' + CAST(i % 3650 AS INTEGER), '%Y-%m-%d'), NULL, NULL, 'txt', '', now()
        FROM range({n // 10 + 1}) t(i)""")
    con.execute(f"""
        INSERT INTO events
        SELECT 'e' || i, 'd' || (i // 10), 'bench',
               ['KAZ','KGZ','TJK','TKM','UZB','ARM','AZE','GEO'][1 + i % 8],
               ['RUS','CHN','EU','USA','TUR','CSTO','EAEU','SCO','OTS','UKR'][1 + (i // 8) % 10],
               ['AGREE','CONSULT','SUPPORT','COOPERATE','AID','REQUEST','ACCUSE','REJECT','SANCTION','COERCE']
                   [1 + (i // 80) % 10],
               [-1, 0, 1][1 + (i * 7) % 3],
               ['diplomatic','security','economic','energy','migration','society'][1 + (i // 3) % 6],
               CASE WHEN i % 4 = 0 THEN NULL
                    ELSE strftime(DATE '2015-01-01' + CAST((i * 13) % 3650 AS INTEGER), '%Y-%m-%d') END,
               'evidence', 0, 8, 0.4 + (i % 6) / 10.0, NULL
        FROM range({n}) t(i)""")
    con.execute(f"INSERT INTO canonical SELECT 'e' || i, 'e' || (i - i % 5) FROM range({n}) t(i) WHERE i % 5 < 2")


def best(f, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--db", help="a new DuckDB file to build the store in (default: in memory)")
    args = ap.parse_args()
    if args.db and Path(args.db).exists():
        ap.error(f"--db {args.db}: the file exists; give a new path")
    store = DuckDBStore(args.db or ":memory:")
    print("store:", args.db or ":memory:", "memory limit", store.query("SELECT current_setting('memory_limit')")[0][0])
    t = time.perf_counter()
    build(store, args.n)
    print(f"synthetic store: {args.n:,} events in {time.perf_counter() - t:.1f} s")
    base = best(lambda: store.query(BASELINE), args.repeat)

    def rebuild() -> None:
        store.con.execute("DELETE FROM derived WHERE name = ?", [ROWS_TABLE])
        assert refresh(store)

    took = best(rebuild, args.repeat)
    print(f"refresh of the index rows: {took:.3f} s; plain GROUP BY {base:.3f} s; ratio {took / base:.2f} "
          f"(once per change)")
    for period in ("year", "all"):
        rows = []
        took = best(lambda: rows.append(signals(store, period=period)), args.repeat)
        print(f"index per {period:4s}: {took:.3f} s for {len(rows[-1]):,} scores; plain GROUP BY {base:.3f} s; "
              f"ratio {took / base:.2f} (aim: at most 3)")


if __name__ == "__main__":
    main()
