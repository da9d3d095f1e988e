"""Ingest streams: what is held follows the batch, not the corpus. No timing
here (machines are shared and noisy); bench/ingest_memory.py measures."""
import json
import random
import tracemalloc
import weakref
from collections import Counter

import pytest

from orbitwatch import pipeline
from orbitwatch.canonical import link
from orbitwatch.ingest import Document, IngestError, iter_documents
from orbitwatch.records import EventRecord
from orbitwatch.store import Correction, sql_store

SENTENCE = "Kazakhstan signed an agreement with Russia on energy. "


def _write_corpus(path, n: int, words: int) -> int:
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"a{i}", "published": "2023-01-02", "text": SENTENCE * words}) + "\n")
    return path.stat().st_size


def test_streaming_jsonl_reader_holds_a_line_not_the_file(tmp_path):
    size = _write_corpus(tmp_path / "big.jsonl", 400, 180)  # 4 MB of 10 KB articles
    tracemalloc.start()
    try:
        docs = iter_documents([str(tmp_path / "big.jsonl")])
        first = next(docs)
        at_first = tracemalloc.get_traced_memory()[1]
        rest = sum(1 for _ in docs)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert first.id == "a0" and rest == 399
    assert at_first < size / 4, f"{at_first:,} bytes allocated before the first document of a {size:,}-byte file"
    assert peak < size / 4, f"{peak:,} bytes allocated at most while reading a {size:,}-byte file"


def test_streaming_jsonl_lines_end_at_newlines_only(write):
    lines = [json.dumps({"id": "s1", "text": "One\u2028two."}, ensure_ascii=False), "{oops",
             json.dumps({"id": "s2", "text": "Three."})]
    out = list(iter_documents([str(write("s.jsonl", "\r\n".join(lines)))]))
    assert [type(x).__name__ for x in out] == ["Document", "IngestError", "Document"]
    assert out[0].text.startswith("One\u2028two") and "s.jsonl:2" in str(out[1])


def test_streaming_jsonl_in_another_encoding_is_still_decoded(write, capsys):
    line = json.dumps({"id": "c1", "text": "Le ministre a signé l'accord à Astana, déclaré à l'été."},
                      ensure_ascii=False)
    (doc,) = iter_documents([str(write("fr.jsonl", (line + "\n").encode("cp1252")))])
    assert "signé" in doc.text and "not valid UTF-8" in capsys.readouterr().err


def test_streaming_jsonl_binary_file_is_refused(write):
    (err,) = iter_documents([str(write("bin.jsonl", b'{"id": 1}\n\x00\x01\x02' * 10))])
    assert isinstance(err, IngestError) and "binary" in str(err)


def _tracked_documents(n: int, live: weakref.WeakSet, seen: dict):
    """A corpus that counts how many of its documents are alive at once."""
    def documents(paths, limits=None):
        for i in range(n):
            doc = Document(id=f"d{i}", text=SENTENCE, published="2023-01-02", format="jsonl")
            live.add(doc)
            seen["pulled"] += 1
            seen["live"] = max(seen["live"], len(live))
            yield doc
    return documents


def test_streaming_ingest_holds_two_batches_not_the_corpus(tmp_path, monkeypatch):
    from orbitwatch.store import DuckDBStore
    batch, n, live, seen = 20, 400, weakref.WeakSet(), {"pulled": 0, "live": 0}
    monkeypatch.setattr(pipeline, "iter_documents", _tracked_documents(n, live, seen))
    store = DuckDBStore(tmp_path / "s.duckdb")
    saves, save_many = [], store.save_many
    store.save_many = lambda items, extractor: (saves.append((seen["pulled"], len(items))),
                                                save_many(items, extractor))[1]
    report = pipeline.ingest_paths(["corpus"], store, batch=batch)
    assert report.status == {"new": n} and store.counts()["documents"] == n
    assert saves[0][0] <= 2 * batch + 1, "the first batch was written only after most of the corpus was read"
    assert max(size for _, size in saves) <= batch and len(saves) >= n // batch
    assert seen["live"] <= 2 * batch + 3, f"{seen['live']} documents alive at once, batches of {batch}"
    again = pipeline.ingest_paths(["corpus"], store, batch=batch)
    assert again.status == {"unchanged": n} and len(saves) == n // batch  # nothing extracted nor written


def test_streaming_ingest_of_one_id_twice_reports_it_as_serial_ingest_did(tmp_path, monkeypatch):
    from orbitwatch.store import DuckDBStore
    docs = [Document(id="x", text=SENTENCE, format="jsonl"), Document(id="x", text=SENTENCE, format="jsonl"),
            Document(id="x", text="Uzbekistan refused to recognise the vote held by Russia.", format="jsonl")]
    monkeypatch.setattr(pipeline, "iter_documents", lambda paths, limits=None: iter(docs))
    report = pipeline.ingest_paths(["corpus"], DuckDBStore(tmp_path / "s.duckdb"), batch=10)
    assert report.status == {"new": 1, "unchanged": 1, "updated": 1}


class _Future:
    def __init__(self, fn, args):
        self.fn, self.args = fn, args

    def result(self):
        return self.fn(*self.args)


class _Client:
    """Runs a Dask task when its result is asked for, and counts what is out."""

    def __init__(self):
        self.submitted = 0

    def submit(self, fn, *args, pure=False):
        self.submitted += 1
        return _Future(fn, args)


def test_streaming_dask_runner_sends_at_most_in_flight_partitions():
    from orbitwatch.parallel import DaskRunner
    runner = object.__new__(DaskRunner)  # no cluster: the client is a stand-in
    runner.client, runner.mode, runner.partition, runner.in_flight = _Client(), "fast", 5, 3
    pulled = []

    def docs():
        for i in range(100):
            pulled.append(i)
            yield Document(id=f"d{i}", text=SENTENCE, published="2023-01-02")

    results = runner.map(docs())
    first = next(results)
    assert first[0].id == "d0" and first[1]
    assert len(pulled) <= 3 * 5 and runner.client.submitted == 3
    assert sum(1 for _ in results) == 99 and runner.client.submitted == 20


# --- canonical linking a page of keys at a time ------------------------------------------------
CODES = ("KAZ", "RUS", "CHN", "UZB")
TYPES = ("AGREE", "CONSULT", "REJECT", "ACCUSE")  # two symmetric, two not
DATES = (None, "2023", "2023-03", "2023-03-02", "2023-03-09", "2023-04-20", "2024-01-05")


def _fill(store, seed: int, n: int = 120) -> None:
    rng = random.Random(seed)
    items = []
    for d in range(n // 4):
        published = rng.choice(("2023-03-01", "2023-05-01", None))
        doc = Document(id=f"doc{d}", text="x" * 40, published=published)
        recs = []
        for i in range(4):
            actor, target = rng.sample(CODES, 2)
            recs.append(EventRecord(doc=doc.id, actor=actor, target=target, type=rng.choice(TYPES), stance=0,
                                    channel="diplomatic", date=rng.choice(DATES), start=i, end=i + 1,
                                    evidence=rng.choice(("Kazakhstan signed a gas deal with Russia",
                                                         "Kazakhstan and Russia signed the gas deal",
                                                         "Officials met in Astana"))))
        items.append((doc, recs))
    store.save_many(items, "test")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_streaming_relink_by_pages_links_as_the_whole_store(make_store, monkeypatch, seed):
    store = make_store()
    _fill(store, seed)
    store.correct(Correction(doc="doc0", **_first_key(store, "doc0"), action="edit", author="t",
                             changes={"actor": "TJK"}))
    expected = link(store.reports())
    largest = max(Counter(key for key, _ in store.reports_by_key()).values())
    sizes, set_canonical = [], store.set_canonical
    monkeypatch.setattr(store, "set_canonical", lambda pages: set_canonical(_recorded(pages, sizes)))
    for page, bucket in ((1, 10**6), (7, 10**6), (10**6, 10**6), (7, 5), (10**6, 5)):
        monkeypatch.setattr(pipeline, "PAGE", page)
        monkeypatch.setattr(sql_store, "_BUCKET_ROWS", bucket)
        sizes.clear()
        assert pipeline.relink(store) == len(set(expected.values()))
        assert dict(store.query("SELECT event_id, canonical_id FROM canonical")) == expected
        assert max(sizes) <= max(page - 1 + largest, largest) and (page > 100 or len(sizes) > 1)
    assert any(k != v for k, v in expected.items())  # some reports were linked


@pytest.mark.parametrize("bucket", [1, 5, 10**6])
def test_reports_by_key_keeps_each_key_together_in_any_number_of_buckets(make_store, monkeypatch, bucket):
    store = make_store()
    _fill(store, 4)
    monkeypatch.setattr(sql_store, "_BUCKET_ROWS", bucket)
    runs = [key for key, _ in store.reports_by_key()]
    groups = [k for i, k in enumerate(runs) if i == 0 or runs[i - 1] != k]
    assert len(groups) == len(set(groups))  # no key comes back after another key
    assert sorted(r.id for _, r in store.reports_by_key()) == sorted(r.id for r in store.reports())


def _first_key(store, doc: str) -> dict:
    actor, target, type_ = store.query("SELECT actor, target, type FROM events WHERE doc_id = ? ORDER BY id", [doc])[0]
    return {"actor": actor, "target": target, "type": type_}


def _recorded(pages, sizes: list):
    """The pages of links as they are written, their sizes noted."""
    for page in pages:
        sizes.append(len(page))
        yield page


def test_relink_that_runs_out_of_memory_reads_again_in_smaller_buckets(make_store, monkeypatch, capsys):
    store = make_store()
    _fill(store, 5)
    expected = link(store.reports())

    class Exhausted(Exception):
        pass

    asked, reports_by_key = [], store.reports_by_key

    def tight(bucket_rows=None):  # the engine's limit: more than 1,000 records at once do not fit
        asked.append(bucket_rows or store.bucket_rows)
        if asked[-1] > 1000:
            raise Exhausted("out of memory")
        yield from reports_by_key(bucket_rows)

    monkeypatch.setattr(store, "memory_errors", (Exhausted,))
    monkeypatch.setattr(store, "reports_by_key", tight)
    monkeypatch.setattr(sql_store, "_BUCKET_ROWS", 16_000)
    assert pipeline.relink(store) == len(set(expected.values()))
    assert dict(store.query("SELECT event_id, canonical_id FROM canonical")) == expected
    assert asked == [16_000, 4_000, 1_000] and "buckets of 1,000 records" in capsys.readouterr().err


def test_relink_first_writes_what_is_pending_so_that_its_reads_find_memory_free(make_store, monkeypatch):
    store = make_store()
    _fill(store, 6)
    calls = []
    monkeypatch.setattr(store, "checkpoint", lambda: calls.append("checkpoint"))
    reports_by_key = store.reports_by_key
    monkeypatch.setattr(store, "reports_by_key", lambda rows=None: calls.append("read") or reports_by_key(rows))
    pipeline.relink(store)
    assert calls[:2] == ["checkpoint", "read"]
