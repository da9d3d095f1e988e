"""The DuckDB store: migrations, idempotent saves, filters, rollback."""
import pytest

from orbitwatch.ingest import Document
from orbitwatch.records import EventRecord
from orbitwatch.store import DuckDBStore, EventQuery, StoreError, open_store
from orbitwatch.store.migrations import MIGRATIONS


def rec(doc, actor="KAZ", target="RUS", type="REJECT", date=None, channel="diplomatic", start=0):
    return EventRecord(doc, actor, target, type, -1 if type == "REJECT" else 1, channel, date,
                       "evidence", start, start + 8, 0.8)


def doc(id="d1", text="Some text.", published="2022-06-01"):
    return Document(id=id, text=text, published=published)


def test_store_migrations_apply_once(tmp_path):
    path = tmp_path / "x.duckdb"
    with DuckDBStore(path) as s:
        assert s.schema_version() == len(MIGRATIONS)
    with DuckDBStore(path) as s:
        assert s.schema_version() == len(MIGRATIONS)


def test_store_save_statuses_and_idempotence():
    with open_store(":memory:") as s:
        d = doc()
        assert s.save(d, [rec("d1")], "x.v1") == "new"
        assert s.save(d, [rec("d1")], "x.v1") == "unchanged"
        assert s.counts()["events"] == 1
        assert s.save(d, [rec("d1"), rec("d1", type="ACCUSE", start=9)], "x.v2") == "re-extracted"
        assert s.save(doc(text="Changed."), [rec("d1")], "x.v2") == "updated"
        assert s.counts()["events"] == 1 and s.counts()["documents"] == 1
        assert s.is_current(doc(text="Changed."), "x.v2")


def test_store_event_filters():
    with open_store(":memory:") as s:
        s.save(doc("d1", published="2022-06-01"), [rec("d1", date="2022-10"),
                                                   rec("d1", "RUS", "KAZ", "SANCTION", start=5, channel="energy")], "x")
        s.save(doc("d2", published="2023-02-01"), [rec("d2", "UZB", "EU", "AGREE", date="2023")], "x")
        both = s.events(EventQuery(state="KAZ", power="RUS"))
        assert {(r.actor, r.target) for r in both} == {("KAZ", "RUS"), ("RUS", "KAZ")}
        assert [r.doc for r in s.events(EventQuery(since="2022-07"))] == ["d1", "d2"]
        assert [r.type for r in s.events(EventQuery(since="2022-07", until="2022-12"))] == ["REJECT"]
        assert [r.type for r in s.events(EventQuery(until="2022-06"))] == ["SANCTION"]
        assert [r.doc for r in s.events(EventQuery(type="AGREE"))] == ["d2"]
        assert [r.type for r in s.events(EventQuery(channel="energy"))] == ["SANCTION"]
        assert len(s.events(EventQuery(doc="d1"))) == 2
        assert len(s.events(EventQuery(limit=1))) == 1


def test_store_failed_save_rolls_back_and_keeps_earlier_documents(monkeypatch):
    with open_store(":memory:") as s:
        s.save(doc("d1"), [rec("d1")], "x")
        before = s.counts()
        con = s.con

        class Broken:
            def __getattr__(self, name):
                return getattr(con, name)

            def executemany(self, *a, **k):
                raise RuntimeError("disk full")

        monkeypatch.setattr(s, "con", Broken())
        with pytest.raises(RuntimeError):
            s.save(doc("d2"), [rec("d2")], "x")
        monkeypatch.setattr(s, "con", con)
        assert s.counts() == before and s.document("d1") is not None and s.document("d2") is None


def test_store_rejects_unsupported_urls():
    with pytest.raises(StoreError, match="DuckDB file path"):
        open_store("postgresql://localhost/orbitwatch")
