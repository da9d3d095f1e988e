"""What analysts scrape: a corpus of bad inputs, generated here (never
committed), ingested in one batch. Each input is either read correctly or
skipped with a one-line reason naming it; the rest is stored; the exit status
says whether anything was skipped; --report-skipped lists the skipped ones."""
import gzip
import json
import os
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from orbitwatch.cli import main
from orbitwatch.ingest import Limits, read_file
from orbitwatch.store import open_store

EVENT = "Kazakhstan refused to recognise Russia's annexation of Crimea on 5 March 2022."
HEADER = "title: {t}\npublished: 2022-03-06\n---\n"

GOOD = {  # file name -> the document id it must store
    "good.txt": "good", "page.html": "page", "name with spaces Қазақстан.txt": "name with spaces Қазақстан",
    "cp1251.txt": "cp1251", "latin1.txt": "latin1", "zipped.txt.gz": "zipped",
}
SKIPPED = {  # file name (or name:line) -> words the reason must contain
    "empty.txt": "empty", "binary.txt": "binary", "nobody.html": "", "header-only.txt": "no text",
    "big.txt": "25 MB", "bomb.txt.gz": "expands", "loop-a.txt": "cannot read", "damaged.txt.gz": "cannot read",
    "corpus.jsonl:2": "not JSON", "corpus.jsonl:3": "not JSON", "corpus.jsonl:4": "must be a string",
    "corpus.jsonl:5": "missing text", "corpus.jsonl:6": "not JSON",
}


def _corpus(d: Path) -> Path:
    (d / "good.txt").write_text(HEADER.format(t="Good") + EVENT + "\n")
    (d / "page.html").write_text(f"<html><head><title>Page</title></head><body><article><p>{EVENT}</p>"
                                 "</article></body></html>")
    (d / "name with spaces Қазақстан.txt").write_text(HEADER.format(t="Spaces") + EVENT + "\n")
    (d / "cp1251.txt").write_bytes((HEADER.format(t="Казахстан") + "Казахстан отказался. " + EVENT + "\n")
                                   .encode("cp1251"))
    (d / "latin1.txt").write_bytes((HEADER.format(t="Café") + "Déjà vu à Genève. " + EVENT + "\n")
                                   .encode("latin-1"))
    (d / "zipped.txt.gz").write_bytes(gzip.compress((HEADER.format(t="Zipped") + EVENT + "\n").encode()))
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (d / "nobody.html").write_text("<html><head><title>Nothing here</title></head></html>")
    (d / "header-only.txt").write_text(HEADER.format(t="Only a header"))
    (d / "nested.html").write_text("<div>" * 50_000 + EVENT + "</div>" * 50_000)
    with (d / "big.txt").open("w") as f:  # 50 MB
        f.write(HEADER.format(t="Big"))
        line = EVENT + " " + "filler " * 60 + "\n"
        for _ in range(50_000_000 // len(line) + 1):
            f.write(line)
    (d / "bomb.txt.gz").write_bytes(gzip.compress(b"a " * 15_000_000, compresslevel=9))  # 30 MB from ~30 kB
    (d / "damaged.txt.gz").write_bytes(gzip.compress(EVENT.encode())[:20])
    os.symlink(d / "loop-b.txt", d / "loop-a.txt")
    os.symlink(d / "loop-a.txt", d / "loop-b.txt")
    os.symlink(d, d / "sub-loop")  # a directory that contains itself
    lines = [json.dumps({"id": "j1", "text": EVENT, "published": "2022-03-06"}),
             '{"id": "j2", "text": "unterminated',
             "[" * 5000 + "]" * 5000,
             json.dumps({"id": "j4", "text": EVENT, "title": 5}),
             json.dumps({"id": "j5"}),
             '{"id": "j6", "text": "a", "n": ' + "9" * 5000 + "}",
             json.dumps({"id": "j7", "text": "\ud800 " + EVENT}),
             json.dumps({"id": "j8", "text": "A line with\u2028a separator. " + EVENT})]
    (d / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    return d


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    d = _corpus(tmp_path_factory.mktemp("bad"))
    out = tmp_path_factory.mktemp("out")
    db, report = str(out / "b.duckdb"), out / "skipped.jsonl"
    result = CliRunner().invoke(main, ["ingest", str(d), "--db", db, "--report-skipped", str(report)])
    return d, db, result, [json.loads(line) for line in report.read_text().splitlines()]


def _key(d: Path, path: str) -> str:
    rel = os.path.relpath(path.rsplit(":", 1)[0] if path.count(":") and path.rsplit(":", 1)[1].isdigit() else path, d)
    line = path.rsplit(":", 1)[1] if path.rsplit(":", 1)[-1].isdigit() else None
    return f"{rel}:{line}" if line else rel


def test_every_bad_input_is_skipped_once_with_a_reason_naming_it(ingested):
    d, _, result, skipped = ingested
    reasons = {_key(d, s["path"]): s["reason"] for s in skipped}
    assert len(reasons) == len(skipped), "a file was reported twice"
    for name, words in SKIPPED.items():
        assert name in reasons, f"{name} was not reported"
        assert words in reasons[name], f"{name}: {reasons[name]!r}"
        assert sum(f"{name}" in line for line in result.output.splitlines() if "skipped" in line) >= 1
    assert not set(reasons) - set(SKIPPED) - {"nested.html", "loop-b.txt"}, reasons
    assert all(line.startswith("orbitwatch: ") for line in result.output.splitlines())


def test_the_rest_of_the_batch_is_stored_and_the_exit_status_says_so(ingested):
    d, db, result, _ = ingested
    assert result.exit_code == 1
    with open_store(db) as store:
        ids = {r[0] for r in store.query("SELECT id FROM documents")}
        assert set(GOOD.values()) | {"j1", "j7", "j8"} <= ids
        events = {(r.doc, r.actor, r.target, r.type) for r in store.events()}
    for doc in GOOD.values():
        assert (doc, "KAZ", "RUS", "REJECT") in events, doc
    with open_store(db) as store:
        text = store.document("j7").text
        assert "\ufffd" in text and "\ud800" not in text  # a lone surrogate kept its place as U+FFFD


def test_a_batch_of_good_files_exits_zero_and_reports_nothing(tmp_path):
    (tmp_path / "a.txt").write_text(HEADER.format(t="A") + EVENT + "\n")
    report = tmp_path / "r.jsonl"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "g.duckdb"),
                                       "--report-skipped", str(report)])
    assert result.exit_code == 0 and report.read_text() == ""


def test_limits_are_configurable_and_named_in_the_error(tmp_path):
    (tmp_path / "a.txt").write_text(HEADER.format(t="A") + EVENT * 40 + "\n")
    run = lambda *a: CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), *a])  # noqa: E731
    assert "--max-doc-chars" in run("--max-doc-chars", "100").output
    assert "--max-file-mb" in run("--max-file-mb", "0.001").output
    assert run().exit_code == 0


def test_reading_an_oversized_file_or_a_bomb_holds_no_more_than_the_limit(tmp_path):
    (tmp_path / "huge.txt").write_bytes(b"x" * 30_000_000)
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a " * 15_000_000))
    limits = Limits(max_file_bytes=5_000_000)
    for name, cap in (("huge.txt", 1_000_000), ("bomb.txt.gz", 12_000_000)):
        tracemalloc.start()
        items = list(read_file(tmp_path / name, limits))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert len(items) == 1 and "5 MB" in str(items[0]) and peak < cap, (name, peak)
