"""Peak memory of ingesting a large streamed corpus, against a small one in the
same run (issue: 1,000,000 synthetic articles, aim under 1 GB).

Usage: python bench/ingest_memory.py [--n 1000000] [--baseline N] [--workers N]
                                     [--partition 500] [--seed 1] [--duckdb SETTING=VALUE ...]
                                     [--extractor rules|template]

The corpus is written as it is generated (one JSONL file in a temporary
directory, never a list in memory): short articles built from templates over
the real code list, so the extractor finds events and the store fills. Each
corpus is ingested by the library (`orbitwatch.pipeline.ingest_paths` into a
DuckDB file) in a child process, so that its peak RSS is its own: the kernel's
high-water mark of the child (wait4 ru_maxrss) when serial; with --workers,
the Dask worker processes count too, so the RSS of the whole process tree is
summed by polling every 0.2 s (a peak shorter than that can be missed).
Machines are shared and noisy: the figures to compare across runs are the
ratios full/baseline. --duckdb sets a DuckDB option on the store's connection
(e.g. memory_limit=512MB) to measure a setting before the store adopts it.

The rule extractor runs at about 100 articles a second, so 1,000,000 articles
take hours. `--extractor template` replaces extraction with the corpus's own
templates (each event sentence gives the record its template says): the
store, the writer and canonical linking then carry the load of a full ingest
in under an hour.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

AIM_MB = 1024

# Who acts, as articles name them; every name is in the code list (data/states.csv, organisations.csv).
STATES = {
    "KAZ": ("Kazakhstan", "Astana", "Kazakhstan's foreign minister", "Kazakhstan's president"),
    "UZB": ("Uzbekistan", "Tashkent", "Uzbekistan's foreign minister", "Uzbekistan's president"),
    "KGZ": ("Kyrgyzstan", "Bishkek", "Kyrgyzstan's foreign minister", "Kyrgyzstan's president"),
    "TJK": ("Tajikistan", "Dushanbe", "Tajikistan's foreign minister", "Tajikistan's president"),
    "TKM": ("Turkmenistan", "Ashgabat", "Turkmenistan's foreign minister"),
    "ARM": ("Armenia", "Yerevan", "Armenia's foreign minister"),
    "AZE": ("Azerbaijan", "Baku", "Azerbaijan's foreign minister"),
    "GEO": ("Georgia", "Tbilisi", "Georgia's foreign minister"),
}
POWERS = {
    "RUS": ("Russia", "Moscow", "the Kremlin"),
    "CHN": ("China", "Beijing"),
    "USA": ("the United States", "Washington"),
    "EU": ("the European Union", "Brussels"),
    "TUR": ("Turkey", "Ankara"),
    "IRN": ("Iran", "Tehran"),
    "CSTO": ("the CSTO",),
    "EAEU": ("the Eurasian Economic Union",),
}
# What they do: {a} acts on {b} (a possessive form is built where the template needs one).
ACTS = (
    "{a} signed an agreement with {b}",
    "{a} signed a memorandum on energy cooperation with {b}",
    "{a} agreed to expand trade with {b}",
    "{a} refused to recognise the referendum organised by {b}",
    "{a} cancelled exercises with {b}",
    "{a} accused {b} of interference",
    "{a} condemned the decision announced by {b}",
    "{a} praised {b} for its support",
    "{a} met the foreign minister of {b}",
)
ACT_TYPES = ("AGREE", "AGREE", "AGREE", "REJECT", "REJECT", "ACCUSE", "ACCUSE", "SUPPORT", "CONSULT")
WHEN = ("", "", "", " on Monday", " on Tuesday", " last week", " on Thursday")
FILLERS = (
    "Officials gave no further details.",
    "Analysts said the move had been expected for months.",
    "The ministry published a statement on its website.",
    "The talks lasted {n} hours, according to the press service.",
    "{s}'s exports to {p} rose by {n} percent in {y}.",
    "Several hundred people gathered in the capital on the same day.",
)
SOURCES = ("Steppe Times", "Caspian Wire", "Eurasia Desk", "Silk Road Post", "Pamir Herald",
           "Caucasus Monitor", "Tien Shan News", "Aral Review", "Ferghana Daily", "Transcaspian Report")


def _name(rng: random.Random, code: str) -> str:
    return rng.choice(STATES.get(code) or POWERS[code])


def _event_sentence(rng: random.Random) -> str:
    state, power = rng.choice(list(STATES)), rng.choice(list(POWERS))
    a, b = (state, power) if rng.random() < 0.7 else (power, state)
    text = rng.choice(ACTS).format(a=_name(rng, a), b=_name(rng, b)) + rng.choice(WHEN) + "."
    return text[0].upper() + text[1:]


def _filler(rng: random.Random, year: int) -> str:
    return rng.choice(FILLERS).format(n=rng.randint(2, 40), y=year - 1, s=STATES[rng.choice(list(STATES))][0],
                                      p=POWERS[rng.choice(("RUS", "CHN", "TUR", "IRN"))][0])


def articles(n: int, seed: int) -> Iterator[dict]:
    """N articles of 3 to 6 sentences, about two thirds of them events; the
    same seed gives the same corpus, and a smaller N its prefix."""
    rng = random.Random(seed)
    start = date(2015, 1, 1)
    for i in range(n):
        published = start + timedelta(days=rng.randrange(3650))
        sentences = [_event_sentence(rng) if rng.random() < 0.65 else _filler(rng, published.year)
                     for _ in range(rng.randint(3, 6))]
        source = rng.choice(SOURCES)
        yield {"id": f"syn-{seed}-{i:07d}", "title": sentences[0][:60], "published": published.isoformat(),
               "source": source, "url": f"https://{source.lower().replace(' ', '')}.example/{i}",
               "text": " ".join(sentences)}


def write_corpus(path: Path, n: int, seed: int) -> float:
    """Write the corpus line by line; returns its size in MB."""
    with path.open("w", encoding="utf-8") as f:
        for i, article in enumerate(articles(n, seed), 1):
            f.write(json.dumps(article) + "\n")
            if i % 200_000 == 0:
                print(f"  wrote {i:,} of {n:,} articles", file=sys.stderr, flush=True)
    return path.stat().st_size / 2**20


# --- the child: one ingest, through the library ------------------------------------------------
def child(corpus: str, db: str, workers: int, partition: int, settings: list[str], every: int,
          extractor: str = "rules") -> None:
    """Ingest CORPUS into DB and print one JSON line of figures."""
    from orbitwatch.pipeline import ingest_paths
    from orbitwatch.store import DuckDBStore

    store = DuckDBStore(db)
    for setting in settings:
        name, value = setting.split("=", 1)
        store.con.execute(f"SET {name} = '{value}'")
    seen = {"n": 0, "t": 0.0, "rss": 0}

    def on_document(_doc) -> None:  # the last call comes when the last batch is saved, before linking
        seen["n"] += 1
        seen["t"], seen["rss"] = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if seen["n"] % every == 0:
            print(f"  ingested {seen['n']:,} articles, peak RSS so far {seen['rss'] / 1024:.0f} MB",
                  file=sys.stderr, flush=True)

    runner = _runner(workers, partition, extractor)
    start = time.perf_counter()
    report = ingest_paths([corpus], store, runner=runner, on_document=on_document)
    took = time.perf_counter() - start
    if runner is not None:
        runner.close()
    stored = store.query("SELECT count(*) FROM events")[0][0]
    store.close()
    print(json.dumps({"articles": report.documents, "events": stored, "seconds": took,
                      "streaming_seconds": seen["t"] - start if seen["t"] else took,
                      "streaming_rss_kb": seen["rss"], "skipped": len(report.skipped)}))


class TemplateRunner:
    """Extraction by the corpus's own templates (see the module docstring)."""

    extractor = "template.bench"

    def __init__(self) -> None:
        import re
        self.codes = {n.lower(): c for table in (STATES, POWERS) for c, names in table.items() for n in names}
        alt = "|".join(sorted(map(re.escape, self.codes), key=len, reverse=True))
        self.acts = [re.compile(re.escape(act).replace(r"\{a\}", f"(?P<a>{alt})").replace(r"\{b\}", f"(?P<b>{alt})"),
                                re.I) for act in ACTS]

    def map(self, docs):
        from orbitwatch.records import EventRecord
        for doc in docs:
            records, pos = [], 0
            for sentence in doc.text.split(". "):
                for type_, act in zip(ACT_TYPES, self.acts):
                    m = act.search(sentence)
                    if m:
                        records.append(EventRecord(
                            doc=doc.id, actor=self.codes[m["a"].lower()], target=self.codes[m["b"].lower()],
                            type=type_, stance=0, channel="diplomatic", date=doc.published, evidence=sentence,
                            start=pos, end=pos + len(sentence)))
                        break
                pos += len(sentence) + 2
            yield doc, records, []

    def close(self) -> None:
        pass


def _runner(workers: int, partition: int, extractor: str = "rules"):
    if extractor == "template":
        return TemplateRunner()
    if not workers:
        return None
    from orbitwatch.parallel import DaskRunner
    return DaskRunner(workers=workers, partition=partition)


# --- the parent: generate, run a child, measure it ---------------------------------------------
def _tree_rss(pid: int) -> int:
    """RSS in bytes of a process and all its descendants (Dask nannies and workers)."""
    import psutil
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def _poll(pid: int, peak: list[int], done: threading.Event) -> None:
    while not done.wait(0.2):
        peak[0] = max(peak[0], _tree_rss(pid))


def measure(corpus: Path, db: Path, args) -> dict:
    """Run one ingest in a child; its figures plus its peak RSS in MB."""
    cmd = [sys.executable, __file__, "--child", str(corpus), str(db), "--workers", str(args.workers),
           "--partition", str(args.partition), "--every", str(args.every)]
    cmd += [x for setting in args.duckdb for x in ("--duckdb", setting)] + ["--extractor", args.extractor]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    peak, done = [0], threading.Event()
    poller = threading.Thread(target=_poll, args=(proc.pid, peak, done), daemon=True)
    if args.workers:
        poller.start()
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)  # the rusage of this child alone
    proc.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    if proc.returncode:
        sys.exit(f"the ingest of {corpus} failed (exit {proc.returncode})")
    result = json.loads(out.strip().splitlines()[-1])
    result["writer_mb"] = usage.ru_maxrss / 1024
    result["streaming_mb"] = result["streaming_rss_kb"] / 1024
    result["peak_mb"] = peak[0] / 2**20 if args.workers else result["writer_mb"]
    return result


def run(n: int, tmp: Path, label: str, args) -> dict:
    corpus = tmp / f"{label}.jsonl"
    t = time.perf_counter()
    size = write_corpus(corpus, n, args.seed)
    print(f"{label}: {n:,} articles written ({size:,.0f} MB) in {time.perf_counter() - t:.0f} s; ingesting",
          file=sys.stderr, flush=True)
    result = measure(corpus, tmp / f"{label}.duckdb", args)
    corpus.unlink()
    return result


def report(base: dict, full: dict, args) -> None:
    how = (f"sum over the process tree of {args.workers} Dask workers, polled every 0.2 s" if args.workers
           else "kernel high-water mark of the ingesting process, wait4 ru_maxrss")
    print(f"peak RSS: {how}; 'streaming' is the peak when the last document was saved, before linking")
    print(f"{'run':9s} {'articles':>10s} {'events stored':>14s} {'seconds':>9s} {'articles/s':>11s} "
          f"{'linking s':>10s} {'peak RSS MB':>12s} {'streaming MB':>13s}")
    for label, r in (("baseline", base), ("full", full)):
        print(f"{label:9s} {r['articles']:>10,} {r['events']:>14,} {r['seconds']:>9.1f} "
              f"{r['articles'] / r['seconds']:>11.1f} {r['seconds'] - r['streaming_seconds']:>10.1f} "
              f"{r['peak_mb']:>12.0f} {r['streaming_mb']:>13.0f}")
    speed = (full["articles"] / full["seconds"]) / (base["articles"] / base["seconds"])
    print(f"ratio peak RSS full/baseline: {full['peak_mb'] / base['peak_mb']:.2f} "
          f"(articles {full['articles'] / base['articles']:.3g} times as many)")
    print(f"ratio throughput full/baseline: {speed:.2f}")
    if args.workers:
        print(f"the writer process alone (wait4 ru_maxrss): baseline {base['writer_mb']:.0f} MB, "
              f"full {full['writer_mb']:.0f} MB")
    verdict = "PASS" if full["peak_mb"] < AIM_MB else "MISS"
    print(f"aim peak RSS under {AIM_MB} MB at {full['articles']:,} articles: {verdict} ({full['peak_mb']:.0f} MB)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="articles in the full run (default 1,000,000)")
    ap.add_argument("--baseline", type=int, help="articles in the baseline run (default N/100, at least 10,000)")
    ap.add_argument("--workers", type=int, default=0, help="Dask workers (default 0: serial, in the writer)")
    ap.add_argument("--partition", type=int, default=500, help="documents per Dask partition")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--duckdb", action="append", default=[], metavar="SETTING=VALUE",
                    help="a DuckDB setting on the store's connection, e.g. memory_limit=512MB")
    ap.add_argument("--every", type=int, default=10_000, help="print progress every this many articles")
    ap.add_argument("--extractor", choices=("rules", "template"), default="rules",
                    help="rules: the default extractor; template: the corpus's own templates, for 1,000,000 "
                         "articles in under an hour")
    ap.add_argument("--child", nargs=2, metavar=("CORPUS", "DB"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.extractor == "template" and args.workers:
        ap.error("--extractor template runs in the writer: give no --workers")
    if args.child:
        return child(*args.child, args.workers, args.partition, args.duckdb, args.every, args.extractor)
    baseline = args.baseline or max(10_000, args.n // 100)
    print(f"synthetic JSONL corpus, seed {args.seed}; baseline {baseline:,} articles, full {args.n:,}; "
          f"{f'{args.workers} Dask workers' if args.workers else 'serial'}"
          + (f"; DuckDB {', '.join(args.duckdb)}" if args.duckdb else ""), flush=True)
    with tempfile.TemporaryDirectory(prefix="orbitwatch-bench-") as tmp:
        base = run(baseline, Path(tmp), "baseline", args)
        full = run(args.n, Path(tmp), "full", args)
    report(base, full, args)


if __name__ == "__main__":
    main()
