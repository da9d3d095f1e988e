#!/usr/bin/env python3
"""Fuzz the ingest readers and extract() with mutated inputs, for a time budget.

usage: python fuzz/fuzz_ingest.py [--seconds 30] [--seed N] [--out DIR] [--strict]

Each input is a small valid sample (a text article with a header, an HTML
page, a JSONL corpus, a GDELT 2.0 export row, a few sentences) mutated at
random, or random bytes. It is written to a temporary file with its reader's
extension (a GDELT input sometimes inside a .zip) and read whole with
``orbitwatch.ingest.read_file`` or ``read_gdelt``; every document read is
extracted, and ``extract()`` also gets the input decoded as text. Readers may
yield ``IngestError`` or ``GdeltError``. A failure is anything else: an
exception, a document field that is not a string (or cannot be hashed for
the store), a record that breaks event record v1 or whose evidence is not
``text[start:end]``, or an input that takes longer than --max-input-seconds.

Each distinct failure's input is saved under --out with its traceback, and
the exit status is 1. The last line reads "inputs tried: N, failures: F".

KNOWN lists bugs already reported, pinned by xfail tests in
tests/test_properties.py: they are counted apart (exit status 0) unless
--strict. Delete an entry when its bug is fixed.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import random
import re
import signal
import sys
import tempfile
import threading
import time
import traceback
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from orbitwatch.extract import extract
from orbitwatch.ingest import Document, IngestError, read_file
from orbitwatch.ingest.gdelt import COLUMNS, GdeltError, read_gdelt
from orbitwatch.records import EventRecord, validate

DEFAULT_OUT = Path(tempfile.gettempdir()) / "orbitwatch-fuzz"
MAX_INPUT = 64 * 1024  # bytes: larger inputs are cut, so one input cannot eat the budget


def _gdelt_row(gid: int, actor1: str, actor2: str, code: str, goldstein: str) -> str:
    f = dict.fromkeys(COLUMNS, "")
    f.update(GLOBALEVENTID=str(gid), SQLDATE="20230115", MonthYear="202301", Year="2023", FractionDate="2023.0384",
             Actor1Code=actor1, Actor1Name=actor1, Actor1CountryCode=actor1[:3], Actor1Type1Code="GOV",
             Actor2Code=actor2, Actor2Name=actor2, Actor2CountryCode=actor2[:3], Actor2Type1Code="GOV",
             IsRootEvent="1", EventCode=code, EventBaseCode=code[:3], EventRootCode=code[:2], QuadClass="1",
             GoldsteinScale=goldstein, NumMentions="4", NumSources="1", NumArticles="4", AvgTone="-1.5",
             DATEADDED="20230115120000", SOURCEURL=f"https://news.example/{gid}")
    return "\t".join(f[c] for c in COLUMNS)


ARTICLE = ("President Kassym-Jomart Tokayev told Vladimir Putin in St. Petersburg on Friday that Kazakhstan "
           "would not recognise the Donetsk and Luhansk republics. In October, Kyrgyzstan cancelled the CSTO "
           "exercises planned on its territory.\n\n“We will not join,” Mirziyoyev said. The EU sent aid to "
           "Tajikistan last week. Georgia's prime minister met the Turkish president in Ankara.")
SEEDS: dict[str, list[bytes]] = {
    "text": [
        f"title: Tokayev in St Petersburg\npublished: 2022-06-18\nsource: wire\n---\n{ARTICLE}\n\n"
        "See also: more news\nLeave a Reply\nspam".encode(),
        f"date 2023-03-01\n{ARTICLE}".encode(),
        "Kazakhstan refused to recognise Russia's annexation of Crimea.\r\n".encode("cp1251"),
    ],
    "html": [
        ("<!doctype html><html><head><title>Drills</title><meta name='date' content='2022-12-23'>"
         "<meta property='og:url' content='https://news.example/drills'></head><body><nav>Home | World</nav>"
         f"<article><h1>Drills</h1><p>{ARTICLE.replace(chr(10), '</p><p>')}</p></article>"
         "<footer>Follow us on X</footer><script>var x = '<p>';</script></body></html>").encode(),
    ],
    "jsonl": [
        (b'{"id": "a1", "title": "Talks", "url": "https://news.example/a1", "published": "2023-01-02", '
         b'"text": "Russia criticised Armenia.\\nThe EU sent aid to Tajikistan on Sunday."}\n'
         b'{"id": 7, "text": "Uzbekistan did not support the war.\\u2028Turkey met Iran."}\n'
         b'not json\n{"id": "a3"}\n'),
    ],
    "gdelt": [
        "\n".join([_gdelt_row(1, "KAZGOV", "RUSGOV", "042", "1.9"), _gdelt_row(2, "RUSMIL", "UKRMIL", "190", "-10"),
                   _gdelt_row(3, "IGOEU", "ARMGOV", "0311", "5.2"), _gdelt_row(4, "KGZGOV", "TJKGOV", "166", "-7")])
        .encode() + b"\n",
    ],
    "extract": [ARTICLE.encode(), b"Q: Did you meet Erdogan?\nA: We signed a deal with Turkey. "
                b"Next week Turkmenistan will host Iran. Azerbaijan and Armenia exchanged fire on 12 September 2022."],
}
SUFFIX = {"text": ".txt", "html": ".html", "jsonl": ".jsonl", "gdelt": ".csv", "extract": ".txt"}
TOKENS = (
    b"\x00", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\r", b"\n", b"\r\n", b"\t", b'"', b"\\", b"{", b"}",
    b"[", b"]", b":", b",", b"---\n", b"title: ", b"published: 9999-99-99\n", b"date 0001-01-01\n",
    b"<p>", b"</p>", b"<script>", b"<!--", b"]]>", b"&amp;", b"&#0;", b"\xe2\x80\xa8", b"\xc2\x85", b"\xe2\x80\x8f",
    b"\xe2\x80\xae", b"\xcc\x81", b"\xed\xa0\x80", b"\xf0\x9f\x98\x80", b"\xe9", b"\x80", b"\\ud800", b"\\u0000",
    b"1" * 5000, b"[" * 3000, b"{\"a\":" * 500, b"-1e999", b"NaN", b"null", b"true", b"0" * 20,
    b"Kazakhstan ", b"Russia", b" signed an agreement with ", b" did not ", b"?", b". ", b"St. ", b"U.S. ",
    b"\xe2\x80\x9c", b"\xe2\x80\x9d", b"next week ", b"3000 years ago", b"February 31, 2022", b"2023-13-45",
    b"x" * 5000, b" " * 2000,
)
PUBLISHED = (None, "2023-03-01", "0001-01-01", "9999-12-31", "2023-13-45", "0000-00-00", "\u0662\u0660\u0662\u0663-01-01")

# Bugs reported to the owners of orbitwatch.ingest (target, exception, message pattern, what).
KNOWN = ()  # the four JSONL bugs this list once held are fixed (ingest/jsonl.py)


class SlowInput(Exception):
    """An input that took longer than the per-input limit."""


@dataclass
class Result:
    tried: int = 0
    seconds: float = 0.0
    seed: int = 0
    per_target: Counter = field(default_factory=Counter)
    known: Counter = field(default_factory=Counter)
    failures: list[Path] = field(default_factory=list)
    signatures: set = field(default_factory=set)

    def line(self) -> str:
        known = f", known bugs hit: {sum(self.known.values())}" if self.known else ""
        return f"inputs tried: {self.tried}, failures: {len(self.failures)}{known}"


# --- mutation ---------------------------------------------------------------

def mutate(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """One to five random edits: bit flips, tokens (also where a value starts), deletions, copies, splices."""
    b = bytearray(data)
    for _ in range(rng.randint(1, 5)):
        at = rng.randint(0, len(b))
        op = rng.randrange(10)
        if op == 0 and b:
            i = rng.randrange(len(b))
            b[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            b[at:at] = rng.choice(TOKENS)
        elif op == 2:
            b[at:at] = rng.randbytes(rng.randint(1, 16))
        elif op == 3:
            del b[at:at + rng.randint(1, 64)]
        elif op == 4 and b:
            i = rng.randrange(len(b))
            b[at:at] = b[i:i + rng.randint(1, 200)]
        elif op == 5:
            other = rng.choice(pool)
            i = rng.randint(0, len(other))
            b[at:at] = other[i:i + rng.randint(1, 400)]
        elif op == 6 and b:
            i = rng.randrange(len(b))
            b[at:at] = b[i:i + rng.randint(1, 8)] * rng.randint(2, 300)
        elif op in (7, 8):  # a token where a value, line, cell or element starts, replacing what was there
            marks = [i + 1 for i, c in enumerate(b) if c in b':\n\t>,']
            if marks:
                i = rng.choice(marks)
                b[i:i + rng.randint(0, 40)] = rng.choice(TOKENS)
        else:
            del b[at:]
    return bytes(b[:MAX_INPUT])


def text_of(rng: random.Random, data: bytes) -> str:
    """Bytes as the str extract() gets, sometimes with random code points (surrogates too)."""
    text = data.decode("utf-8", errors=rng.choice(["replace", "ignore", "surrogateescape"]))
    for _ in range(rng.choice([0, 0, 1, 5])):
        at = rng.randint(0, len(text))
        text = text[:at] + chr(rng.randrange(0x110000)) + text[at:]
    return text


# --- checks -----------------------------------------------------------------

def check_records(doc: Document, records: list[EventRecord]) -> None:
    for r in records:
        assert isinstance(r.start, int) and isinstance(r.end, int), f"offsets {r.start!r}, {r.end!r}"
        assert 0 <= r.start < r.end <= len(doc.text), f"offsets {r.start}..{r.end} outside 0..{len(doc.text)}"
        assert doc.text[r.start:r.end] == r.evidence, f"evidence {r.evidence!r} is not text[{r.start}:{r.end}]"
        assert r.doc == doc.id, f"record of {r.doc!r} from document {doc.id!r}"
        validate(r)


def check_document(doc: Document) -> None:
    """What the store and the later stages rely on."""
    assert isinstance(doc.id, str) and isinstance(doc.text, str), "Document.id or .text is not a str"
    for name in ("title", "url", "published", "source"):
        value = getattr(doc, name)
        assert value is None or isinstance(value, str), f"Document.{name} is {type(value).__name__}, not str"
    doc.content_hash
    check_records(doc, extract(doc))


def check_reader(path: Path) -> None:
    for item in read_file(path):
        if isinstance(item, Document):
            check_document(item)
        else:
            assert isinstance(item, IngestError), f"read_file yielded {type(item).__name__}"


def check_gdelt(path: Path) -> None:
    for item in read_gdelt(path):
        if isinstance(item, EventRecord):
            validate(item)
            assert item.doc.startswith("gdelt:") and item.evidence == item.extra["url"], item
        else:
            assert isinstance(item, GdeltError), f"read_gdelt yielded {type(item).__name__}"


def write_input(folder: Path, target: str, data: bytes, rng: random.Random) -> Path:
    if target == "gdelt" and rng.random() < 0.2:
        path = folder / "in.zip"
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("20230115000000.export.CSV", data)
        return path
    path = folder / f"in{SUFFIX[target]}"
    path.write_bytes(data)
    return path


def run_one(target: str, data: bytes, folder: Path, rng: random.Random) -> None:
    if target == "extract":
        doc = Document(id="fuzz", text=text_of(rng, data), published=rng.choice(PUBLISHED))
        check_records(doc, extract(doc))
        return
    path = write_input(folder, target, data, rng)
    (check_gdelt if target == "gdelt" else check_reader)(path)


# --- the loop ---------------------------------------------------------------

def known_bug(target: str, error: BaseException) -> str | None:
    for t, kind, pattern, what in KNOWN:
        if t == target and isinstance(error, kind) and re.search(pattern, str(error)):
            return what
    return None


@contextlib.contextmanager
def time_limit(seconds: float):
    """Raise SlowInput after ``seconds`` (POSIX main thread only; elsewhere no limit)."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def _alarm(signum, frame):
        raise SlowInput(f"input took longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def save_failure(out: Path, target: str, data: bytes, error: BaseException, seed: int, n: int) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    stem = f"{target}-{hashlib.sha1(data).hexdigest()[:12]}"
    path = out / f"{stem}{SUFFIX[target]}"
    path.write_bytes(data)
    tb = "".join(traceback.format_exception(error))
    (out / f"{stem}.traceback.txt").write_text(f"target {target}, seed {seed}, input #{n}\n\n{tb}", encoding="utf-8")
    return path


def run(seconds: float = 30, seed: int | None = None, out: Path = DEFAULT_OUT, strict: bool = False,
        max_input_seconds: float = 30, targets: tuple[str, ...] = tuple(SEEDS)) -> Result:
    """Fuzz for ``seconds``; the same seed gives the same sequence of inputs."""
    seed = random.randrange(2**32) if seed is None else seed
    rng, result = random.Random(seed), Result(seed=seed)
    pools = {t: list(SEEDS[t]) for t in targets}
    everything = [s for t in SEEDS for s in SEEDS[t]]
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="orbitwatch-fuzz-") as tmp:
        while time.monotonic() - start < seconds:
            target = rng.choice(targets)
            if rng.random() < 0.05:
                data = rng.randbytes(rng.randint(0, 2048))
            else:
                data = mutate(rng, rng.choice(pools[target]), pools[target] + everything)
            result.tried += 1
            result.per_target[target] += 1
            try:
                with time_limit(max_input_seconds), contextlib.redirect_stderr(io.StringIO()):
                    run_one(target, data, Path(tmp), rng)
            except (Exception, RecursionError) as error:  # noqa: BLE001: every escape is a finding
                what = None if strict else known_bug(target, error)
                if what:
                    result.known[what] += 1
                    continue
                where = traceback.extract_tb(error.__traceback__)[-1]
                signature = (target, type(error).__name__, where.filename, where.lineno)
                if signature not in result.signatures:
                    result.signatures.add(signature)
                    result.failures.append(save_failure(out, target, data, error, seed, result.tried))
                continue
            if len(pools[target]) < 256 and rng.random() < 0.02:
                pools[target].append(data)  # mutants breed too, so damage accumulates
    result.seconds = time.monotonic() - start
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=30, help="time budget (default 30)")
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: a new one, printed)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"where failing inputs go (default {DEFAULT_OUT})")
    ap.add_argument("--strict", action="store_true", help="count the KNOWN bugs as failures too")
    ap.add_argument("--max-input-seconds", type=float, default=30, help="a slower input is a failure (default 30)")
    args = ap.parse_args(argv)
    result = run(args.seconds, args.seed, args.out, args.strict, args.max_input_seconds)
    per = ", ".join(f"{t} {n}" for t, n in sorted(result.per_target.items()))
    print(f"seed {result.seed}, {result.seconds:.0f} s; per target: {per}")
    for what, n in sorted(result.known.items()):
        print(f"known bug ({n} inputs): {what}")
    for path in result.failures:
        print(f"FAILURE: {path} (traceback beside it)", file=sys.stderr)
    print(result.line())
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main())
