"""Extraction speed on one core, beside a bare tokenizer pass over the same text.

Usage: python bench/extract_speed.py [PATH ...] [--n 5000] [--accurate]

Reads the corpus (default: the articles of samples/corpus, not the single sentences of dev-s), repeats it to at least N
articles, and times, in this one process, (a) a bare tokenizer pass and
(b) full extraction over the same documents; with --accurate, (c) the
accurate mode (dependency parse) too, on at most --n-accurate documents. Machines are shared and noisy,
so the ratio between the two is the figure to compare across runs.
"""
from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

from orbitwatch.extract import extract, load_vocabulary
from orbitwatch.extract.tokens import tokenize
from orbitwatch.ingest import Document, iter_documents

ROOT = Path(__file__).resolve().parents[1]


def corpus(paths: list[str], n: int) -> list[Document]:
    docs = [d for d in iter_documents(paths) if isinstance(d, Document)]
    if not docs:
        sys.exit(f"no readable documents under {paths}")
    return list(itertools.islice(itertools.cycle(docs), max(n, len(docs))))


def timed(fn, docs: list[Document]) -> float:
    start = time.perf_counter()
    for d in docs:
        fn(d)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "samples" / "corpus" / d) for d in ("dev-b", "test-m", "test-c")])
    ap.add_argument("--n", type=int, default=5000, help="articles to process (default 5000)")
    ap.add_argument("--accurate", action="store_true", help="also time the accurate mode")
    ap.add_argument("--n-accurate", type=int, default=500, help="articles for the accurate mode (default 500)")
    args = ap.parse_args()
    docs = corpus(args.paths, args.n)
    load_vocabulary()  # loading the data files is start-up, not per-article work
    words = sum(len(d.text.split()) for d in docs) / len(docs)
    t_tok = timed(lambda d: tokenize(d.text), docs)
    t_ext = timed(extract, docs)
    n = len(docs)
    print(f"articles: {n} (mean {words:.0f} words)")
    print(f"tokenizer pass: {n / t_tok:9.1f} articles/s")
    print(f"extraction:     {n / t_ext:9.1f} articles/s")
    print(f"ratio extraction/tokenizer speed: {t_tok / t_ext:.3f}")
    if args.accurate:
        from orbitwatch.extract import Parser
        parser = Parser()
        some = docs[: args.n_accurate]
        t_acc = timed(lambda d: extract(d, parser=parser), some)
        print(f"accurate mode:  {len(some) / t_acc:9.1f} articles/s (over {len(some)})")
        print(f"ratio accurate/fast speed: {(len(some) / t_acc) / (n / t_ext):.3f}")


if __name__ == "__main__":
    main()
