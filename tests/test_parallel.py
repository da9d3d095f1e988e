"""Extraction on a local Dask cluster gives what the serial run gives."""
from pathlib import Path

import pytest

from orbitwatch.pipeline import ingest_paths
from orbitwatch.store import DuckDBStore, EventQuery

CORPUS = Path(__file__).parent.parent / "samples" / "corpus"


def _content(store):
    events = sorted((r.doc, r.actor, r.target, r.type, r.stance, r.channel, r.date, r.start, r.end, r.confidence)
                    for r in store.events(EventQuery(machine=True)))
    claims = sorted((o.state, o.partner, o.indicator, o.period, o.change, o.doc) for o in store.indicators())
    canon = store.query("SELECT count(DISTINCT canonical_id) FROM canonical")
    return events, claims, canon


def test_two_dask_workers_store_what_the_serial_run_stores(tmp_path):
    pytest.importorskip("distributed")
    from orbitwatch.parallel import DaskRunner
    paths = [str(CORPUS / "dev-b"), str(CORPUS / "test-m")]
    with DuckDBStore(tmp_path / "serial.duckdb") as serial:
        one = ingest_paths(paths, serial)
        expected = _content(serial)
    with DuckDBStore(tmp_path / "dask.duckdb") as store, \
            DaskRunner(workers=2, partition=3, in_flight=3) as runner:
        two = ingest_paths(paths, store, runner=runner)
        got = _content(store)
        again = ingest_paths(paths, store, runner=runner)  # nothing new: nothing sent to the workers
    assert one.status == two.status and one.events == two.events and one.claims == two.claims
    assert got == expected and expected[0]
    assert again.status == {"unchanged": one.documents} and again.events == 0


def test_an_unreachable_scheduler_says_so():
    pytest.importorskip("distributed")
    from orbitwatch.parallel import DaskRunner, ParallelError
    with pytest.raises(ParallelError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:1"):
        DaskRunner(scheduler="tcp://127.0.0.1:1")
