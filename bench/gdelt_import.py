"""GDELT import speed: rows per second mapped to event records, against a
bare csv.reader pass over the same file in the same run (issue 6).

Usage: python bench/gdelt_import.py [--rows 200000]

The file is synthetic, in the exact 61-column export format: state-to-state
rows of every CAMEO root, some organisations, some non-state actors.
"""
from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
from pathlib import Path

from orbitwatch.ingest.gdelt import COLUMNS, GdeltStats, read_gdelt

STATES = ["KAZ", "KGZ", "TJK", "TKM", "UZB", "ARM", "AZE", "GEO", "RUS", "CHN", "USA", "TUR", "UKR", "IRN"]
CODES = ["010", "012", "020", "036", "042", "043", "051", "057", "061", "071", "081", "090", "111", "120",
         "130", "141", "150", "163", "166", "173", "190", "195"]


def synthetic(path: Path, n: int) -> None:
    rnd = random.Random(7)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            a, b = rnd.sample(STATES, 2)
            code = rnd.choice(CODES)
            row = dict.fromkeys(COLUMNS, "")
            row.update(GLOBALEVENTID=str(10**9 + i), SQLDATE=f"2023{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}",
                       Actor1Code=a + "GOV", Actor1CountryCode=a, Actor1Type1Code="GOV",
                       Actor2Code=b + rnd.choice(["GOV", "MIL", "BUS"]), Actor2CountryCode=b,
                       EventCode=code, EventBaseCode=code[:3], EventRootCode=code[:2],
                       GoldsteinScale=f"{rnd.uniform(-10, 10):.1f}", NumMentions="3", NumSources="1",
                       NumArticles="3", DATEADDED="20230101000000", SOURCEURL=f"https://news.example/{i}")
            row["Actor2Type1Code"] = row["Actor2Code"][3:]
            f.write("\t".join(row[c] for c in COLUMNS) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=200_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "20230101000000.export.CSV"
        synthetic(path, args.rows)
        start = time.perf_counter()
        with path.open(encoding="utf-8", newline="") as f:
            bare = sum(1 for _ in csv.reader(f, delimiter="\t"))
        t_bare = time.perf_counter() - start
        stats = GdeltStats()
        start = time.perf_counter()
        records = sum(1 for _ in read_gdelt(path, stats))
        t_map = time.perf_counter() - start
    print(f"rows: {bare:,}; {stats.summary()}; {records:,} items yielded")
    print(f"bare csv.reader: {bare / t_bare:10.0f} rows/s")
    print(f"read_gdelt:      {bare / t_map:10.0f} rows/s (mapped to event records)")
    print(f"ratio read_gdelt / bare read speed: {t_bare / t_map:.3f}")


if __name__ == "__main__":
    main()
