"""Keeping the data: `db check` finds what is broken, `db backup` and
`db restore` round-trip exactly (across engines too), an ingest killed at a
random moment is completed by running it again, and corrections survive
crashes and migrations."""
import gzip
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from orbitwatch.cli import main
from orbitwatch.ingest.document import Document
from orbitwatch.pipeline import apply_correction, ingest_paths
from orbitwatch.records import EventRecord
from orbitwatch.store import Correction, EventQuery, open_store
from orbitwatch.store import migrations as migrations_module
from orbitwatch.store.maintenance import BackupError, backup, check, restore

PARADOX = Path(__file__).parent / "fixtures" / "paradox"
STATES = ["Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Armenia", "Georgia", "Azerbaijan"]
ACTS = ["signed a gas agreement with Russia", "refused to recognise Russia's annexation of Crimea",
        "cancelled joint exercises with the CSTO", "held talks with China", "condemned the United States"]


def _filled(store):
    """The paradox corpus, a GDELT-like record, a claim, and every kind of correction."""
    ingest_paths([str(PARADOX)], store)
    url = "https://news.example/1"
    store.save(Document(id="gdelt:1", text=url, published="2022-06-01", format="gdelt"),
               [EventRecord("gdelt:1", "RUS", "KAZ", "SANCTION", -1, "economic", "2022-06-01", url, 0, len(url))],
               "gdelt.v2")
    first, second = store.events()[:2]
    apply_correction(store, Correction(first.doc, first.actor, first.target, first.type, "reject", "ana", reason="x"))
    apply_correction(store, Correction(second.doc, second.actor, second.target, second.type, "edit", "bo",
                                       changes={"stance": 0}))
    text = store.document("a1").text
    apply_correction(store, Correction("a1", "KAZ", "CHN", "CONSULT", "add", "cy", start=0, end=text.index(".") + 1,
                                       changes={"actor": "KAZ", "target": "CHN", "type": "CONSULT", "stance": 1,
                                                "channel": "diplomatic"}))
    return store


def _lines(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return f.read().splitlines()


def test_backup_then_restore_round_trips_exactly_and_corrections_continue(make_store, tmp_path):
    source = _filled(make_store())
    backup(source, tmp_path / "a.owb.gz")
    target = make_store()
    counts = restore(target, tmp_path / "a.owb.gz")
    assert counts["corrections"] == 3 and counts["events"] == source.counts()["events"]
    backup(target, tmp_path / "b.owb.gz")
    assert _lines(tmp_path / "a.owb.gz") == _lines(tmp_path / "b.owb.gz")
    assert [r.to_dict() for r in target.events()] == [r.to_dict() for r in source.events()]
    assert check(target) == []
    rec = target.events()[0]
    entry = apply_correction(target, Correction(rec.doc, rec.actor, rec.target, rec.type, "confirm", "dee"))
    assert entry["id"] == 4  # the log continues after the restored entries


def test_a_duckdb_backup_restores_into_postgresql_unchanged(postgres_server, tmp_path):
    with open_store(str(tmp_path / "d.duckdb")) as duck:
        backup(_filled(duck), tmp_path / "d.owb.gz")
    with open_store(postgres_server.new_database()) as pg:
        restore(pg, tmp_path / "d.owb.gz")
        backup(pg, tmp_path / "p.owb.gz")
    assert _lines(tmp_path / "d.owb.gz") == _lines(tmp_path / "p.owb.gz")


def test_a_truncated_backup_restores_nothing(make_store, tmp_path):
    backup(_filled(make_store()), tmp_path / "a.owb.gz")
    lines = _lines(tmp_path / "a.owb.gz")
    with gzip.open(tmp_path / "cut.owb.gz", "wt", encoding="utf-8") as f:
        f.write("\n".join(lines[:len(lines) // 2]) + "\n")
    target = make_store()
    with pytest.raises(BackupError, match="truncated"):
        restore(target, tmp_path / "cut.owb.gz")
    assert target.counts()["documents"] == 0 and target.corrections() == []


def test_restore_refuses_a_database_with_data_unless_replacing(make_store, tmp_path):
    backup(_filled(make_store()), tmp_path / "a.owb.gz")
    target = make_store()
    ingest_paths([str(PARADOX)], target)
    with pytest.raises(BackupError, match="already holds data"):
        restore(target, tmp_path / "a.owb.gz")
    restore(target, tmp_path / "a.owb.gz", replace=True)
    assert len(target.corrections()) == 3


def test_restore_refuses_what_is_not_a_backup(make_store, tmp_path):
    (tmp_path / "x.gz").write_bytes(gzip.compress(b'{"hello": 1}\n'))
    (tmp_path / "y.gz").write_bytes(b"not gzip at all")
    for name in ("x.gz", "y.gz"):
        with pytest.raises(BackupError, match=name):
            restore(make_store(), tmp_path / name)


def test_db_check_names_each_kind_of_damage(make_store):
    store = _filled(make_store())
    assert check(store) == []
    store._run("INSERT INTO events (id, doc_id, extractor, actor, target, type, stance, channel, evidence) "
               "VALUES ('orphan', 'nowhere', 'x', 'KAZ', 'RUS', 'AGREE', 1, 'economic', 'e')")
    store._run("UPDATE documents SET text = 'rewritten' WHERE id = 'a2'")
    store._run("DELETE FROM schema_migrations WHERE name = '0006_derived'")
    kinds = {p.kind for p in check(store)}
    assert "events of missing documents" in kinds
    assert "evidence offsets that no longer match their document" in kinds
    n = len(migrations_module.MIGRATIONS)
    assert f"schema version {n - 1}, expected {n}" in kinds


def test_cli_db_commands_round_trip_and_exit_status(make_store, tmp_path):
    at = make_store.location()
    _filled(open_store(at)).close()
    run = CliRunner()
    assert run.invoke(main, ["db", "check", "--db", at]).exit_code == 0
    assert run.invoke(main, ["db", "backup", str(tmp_path / "a.owb.gz"), "--db", at]).exit_code == 0
    other = make_store.location()
    assert run.invoke(main, ["db", "restore", str(tmp_path / "a.owb.gz"), "--db", other]).exit_code == 0
    again = run.invoke(main, ["db", "restore", str(tmp_path / "a.owb.gz"), "--db", other])
    assert again.exit_code == 1 and "already holds data" in again.output
    report = json.loads(run.invoke(main, ["db", "check", "--db", other, "--format", "json"]).output)
    assert report["ok"] and report["counts"]["documents"] == 4


def _corpus(path: Path, n: int) -> Path:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = " ".join(f"{rng.choice(STATES)} {rng.choice(ACTS)} on {d} May 2023." for d in range(1, 6))
            f.write(json.dumps({"id": f"c{i}", "text": text, "published": "2023-05-31"}) + "\n")
    return path


def _ingest(corpus: Path, at: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "orbitwatch.cli", "ingest", str(corpus), "--db", at,
                             "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_ingest_killed_at_random_moments_completes_on_rerun_without_loss(make_store, tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl", 600)
    clean = make_store.location()
    assert CliRunner().invoke(main, ["ingest", str(corpus), "--db", clean]).exit_code == 0
    at = make_store.location()
    with open_store(at) as store:  # a correction made before the crashes
        ingest_paths([str(PARADOX)], store)
        rec = store.events()[0]
        apply_correction(store, Correction(rec.doc, rec.actor, rec.target, rec.type, "reject", "ana"))
    rng, kills = random.Random(), 0
    for _ in range(3):
        proc = _ingest(corpus, at)
        time.sleep(rng.uniform(1.0, 3.0))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
    proc = _ingest(corpus, at)
    assert proc.wait(timeout=300) == 0, proc.stderr.read().decode()
    with open_store(clean) as a, open_store(at) as b:
        assert check(b) == []
        ours = {(r.doc, r.actor, r.target, r.type, r.start) for r in b.events(EventQuery(machine=True)) if r.doc.startswith("c")}
        assert ours == {(r.doc, r.actor, r.target, r.type, r.start) for r in a.events(EventQuery(machine=True))}
        assert len(b.corrections()) == 1 and b.counts()["documents"] == 600 + 3
    print(f"kills survived: {kills}")


def test_a_migration_keeps_documents_events_and_corrections(tmp_path, monkeypatch):
    at = str(tmp_path / "m.duckdb")
    with open_store(at) as store:
        _filled(store)
        before = (store.counts(), store.corrections())
    monkeypatch.setattr(migrations_module, "MIGRATIONS", migrations_module.MIGRATIONS + [
        ("9999_later", "ALTER TABLE documents ADD COLUMN language TEXT; CREATE TABLE later (x INTEGER)")])
    import orbitwatch.store.sql_store as sql_store
    monkeypatch.setattr(sql_store, "MIGRATIONS", migrations_module.MIGRATIONS)
    with open_store(at) as store:
        assert store.schema_version() == len(migrations_module.MIGRATIONS)
        assert (store.counts(), store.corrections()) == before
