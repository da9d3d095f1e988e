"""The store, on DuckDB and on PostgreSQL: migrations, idempotent saves,
filters, rollback, and what a shared server adds (readers beside a writer)."""
import pytest

from orbitwatch.ingest import Document
from orbitwatch.records import EventRecord
from orbitwatch.store import dialect
from orbitwatch.store import EventQuery, StoreError, open_store
from orbitwatch.store.migrations import MIGRATIONS


def rec(doc, actor="KAZ", target="RUS", type="REJECT", date=None, channel="diplomatic", start=0):
    return EventRecord(doc, actor, target, type, -1 if type == "REJECT" else 1, channel, date,
                       "evidence", start, start + 8, 0.8)


def doc(id="d1", text="Some text.", published="2022-06-01"):
    return Document(id=id, text=text, published=published)


def test_store_migrations_apply_once(make_store):
    at = make_store.location()
    with open_store(at) as s:
        assert s.schema_version() == len(MIGRATIONS)
        s.save(doc(), [rec("d1")], "x")
    with open_store(at) as s:
        assert s.schema_version() == len(MIGRATIONS) and s.counts()["events"] == 1


def test_store_save_statuses_and_idempotence(make_store):
    with make_store() as s:
        d = doc()
        assert s.save(d, [rec("d1")], "x.v1") == "new"
        assert s.save(d, [rec("d1")], "x.v1") == "unchanged"
        assert s.counts()["events"] == 1
        assert s.save(d, [rec("d1"), rec("d1", type="ACCUSE", start=9)], "x.v2") == "re-extracted"
        assert s.save(doc(text="Changed."), [rec("d1")], "x.v2") == "updated"
        assert s.counts()["events"] == 1 and s.counts()["documents"] == 1
        assert s.is_current(doc(text="Changed."), "x.v2")


def test_store_event_filters(make_store):
    with make_store() as s:
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


def test_store_query_text_order_and_per_partner(make_store):
    with make_store() as s:
        s.save(doc("d1", text="Kazakhstan refused 100% of it.", published="2022-06-01"),
               [rec("d1", date="2022-10"), rec("d1", "KAZ", "CHN", "AGREE", date="2022-01", start=3),
                rec("d1", "KAZ", "CHN", "ACCUSE", date="2022-02", start=4)], "x")
        assert s.count_events(EventQuery(text="EVID")) == 3 and s.count_events(EventQuery(text="absent")) == 0
        per = s.events(EventQuery(state="KAZ", per_partner=1))
        assert sorted((r.target, r.type) for r in per) == [("CHN", "AGREE"), ("RUS", "REJECT")]
        by_weight = s.events(EventQuery(order="influence", intensity=(("ACCUSE", 3.0), ("AGREE", 2.0))))
        assert [r.type for r in by_weight] == ["ACCUSE", "AGREE", "REJECT"]
        assert [r.type for r in s.events(EventQuery(limit=1, offset=1))] == ["ACCUSE"]


def test_store_failed_save_rolls_back_and_keeps_earlier_documents(make_store, monkeypatch):
    with make_store() as s:
        s.save(doc("d1"), [rec("d1")], "x")
        before = s.counts()
        insert = s._insert

        def broken(table, rows):
            if table == "events":
                raise RuntimeError("disk full")
            insert(table, rows)

        monkeypatch.setattr(s, "_insert", broken)
        with pytest.raises(RuntimeError):
            s.save(doc("d2"), [rec("d2")], "x")
        monkeypatch.undo()
        assert s.counts() == before and s.document("d1") is not None and s.document("d2") is None
        s.save(doc("d3"), [rec("d3")], "x")  # the store is usable after the rollback
        assert s.counts()["documents"] == 2


def test_store_rejects_unknown_schemes_and_says_what_is_valid():
    with pytest.raises(StoreError, match="DuckDB file path, :memory: or a postgresql:// URL"):
        open_store("mysql://localhost/orbitwatch")


def test_store_unreachable_server_is_one_line_without_the_password():
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError) as e:
        open_store("postgresql://bob:secret@127.0.0.1:1/orbitwatch?connect_timeout=2")
    assert "cannot open PostgreSQL database" in str(e.value) and "secret" not in str(e.value)
    assert "\n" not in str(e.value)


def test_postgres_readers_see_committed_writes_only_while_a_writer_works(postgres_server):
    at = postgres_server.new_database()
    with open_store(at) as writer, open_store(at) as reader:
        writer.save(doc("d1"), [rec("d1")], "x")
        with writer._transaction():
            writer._run("DELETE FROM events")
            assert reader.count_events() == 1  # the reader is not blocked and sees the committed state
        assert reader.count_events() == 0


def test_postgres_text_with_nul_keeps_its_offsets(postgres_server):
    with open_store(postgres_server.new_database()) as s:
        s.save(doc("d1", text="A\x00B refused."), [rec("d1")], "x")
        assert s.document("d1").text == "A\ufffdB refused."


def test_postgres_two_processes_may_migrate_at_once(postgres_server):
    import concurrent.futures

    at = postgres_server.new_database()

    def version():
        with open_store(at) as s:
            return s.schema_version()

    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        assert list(pool.map(lambda _: version(), range(3))) == [len(MIGRATIONS)] * 3


def test_a_migration_statement_marked_for_one_engine_runs_on_that_engine_only():
    sql = "CREATE TABLE t (a TEXT);\n/*postgres*/ CREATE INDEX t_a ON t(a);\nDROP TABLE u;"
    assert dialect.migration("duckdb", sql).split() == "CREATE TABLE t (a TEXT); DROP TABLE u;".split()
    assert "CREATE INDEX t_a ON t(a);" in dialect.migration("postgres", sql)
    assert "/*" not in dialect.migration("postgres", sql)


def test_a_duckdb_file_takes_its_memory_limit_from_the_environment_or_a_bounded_default(tmp_path, monkeypatch):
    def limit() -> str:
        store = open_store(str(tmp_path / "m.duckdb"))
        try:
            return store.query("SELECT current_setting('memory_limit')")[0][0]
        finally:
            store.close()
    monkeypatch.delenv("ORBITWATCH_DUCKDB_MEMORY", raising=False)
    assert limit() == "488.2 MiB"  # 512 MB
    monkeypatch.setenv("ORBITWATCH_DUCKDB_MEMORY", "2GB")
    assert limit() == "1.8 GiB"
    monkeypatch.setenv("ORBITWATCH_DUCKDB_MEMORY", "lots")
    with pytest.raises(StoreError, match="'lots' .ORBITWATCH_DUCKDB_MEMORY. is not a size"):
        limit()
