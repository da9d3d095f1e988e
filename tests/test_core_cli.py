"""The command line: formats, database isolation, exit status, help."""
import csv
import io
import json

import pytest
from click.testing import CliRunner

from orbitwatch.cli import main
from orbitwatch.records import EventRecord

ARTICLE = ("title: Drills\npublished: 2022-12-23\n---\n"
           "In October, Kyrgyzstan cancelled the CSTO exercises planned on its territory. "
           "Kazakhstan would not recognise the Luhansk republic, President Tokayev told Putin.\n")


@pytest.fixture
def corpus(write, tmp_path):
    write("c/a.txt", ARTICLE)
    write("c/b.txt", "title: B\npublished: 2023-05-19\n---\nChina and Kazakhstan signed an energy agreement.\n")
    return tmp_path / "c"


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def test_cli_extract_prints_records_and_touches_no_database(corpus, tmp_path):
    db = tmp_path / "never.duckdb"
    res = run("extract", corpus, "--format", "jsonl", env={"ORBITWATCH_DB": str(db)})
    assert res.exit_code == 0, res.output
    recs = [EventRecord.from_dict(json.loads(line)) for line in res.output.splitlines()]
    assert {(r.actor, r.target, r.type) for r in recs} >= {("KGZ", "CSTO", "REJECT"), ("CHN", "KAZ", "AGREE")}
    assert not db.exists()


def test_cli_ingest_twice_changes_nothing(corpus, tmp_path):
    db = tmp_path / "o.duckdb"
    assert run("ingest", corpus, "--db", db).exit_code == 0
    first = run("events", "--db", db, "--format", "jsonl").output
    res = run("ingest", corpus, "--db", db)
    assert "2 unchanged" in res.output
    assert run("events", "--db", db, "--format", "jsonl").output == first


def test_cli_bad_file_is_named_skipped_and_exit_status_is_one(corpus, tmp_path):
    (corpus / "broken.jsonl").write_text('{"id": "x", "text": "ok"}\n{oops\n')
    db = tmp_path / "o.duckdb"
    res = run("ingest", corpus, "--db", db)
    assert res.exit_code == 1
    assert "broken.jsonl:2" in res.output
    assert "3 documents" in res.output


def test_cli_events_filters_and_csv(corpus, tmp_path):
    db = tmp_path / "o.duckdb"
    run("ingest", corpus, "--db", db)
    res = run("events", "--db", db, "--state", "kaz", "--power", "rus", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert rows and all({r["actor"], r["target"]} == {"KAZ", "RUS"} for r in rows)
    table = run("events", "--db", db, "--type", "REJECT").output
    assert "KGZ" in table.splitlines()[1] or "KAZ" in table


def test_cli_summary_json(corpus, tmp_path):
    db = tmp_path / "o.duckdb"
    run("ingest", corpus, "--db", db)
    rows = json.loads(run("summary", "--db", db, "--format", "json").output)
    kaz_rus = next(r for r in rows if (r["state"], r["power"]) == ("KAZ", "RUS"))
    assert kaz_rus["away"] >= 1


@pytest.mark.parametrize("command", ["extract", "ingest", "events", "summary", "eval", "calibrate"])
def test_cli_every_command_has_help_with_example(command):
    res = run(command, "--help")
    assert res.exit_code == 0 and "Example" in res.output


def test_cli_eval_matches_hand_computed_figures(write):
    # gold: 4 records; pred: 3, of which 2 match (one CONSULT in reverse direction).
    gold = [dict(doc="d", actor="USA", target="KAZ", type="CONSULT", stance=1, channel="diplomatic", date="2023-03"),
            dict(doc="d", actor="KAZ", target="RUS", type="REJECT", stance=-1, channel="diplomatic", date=None),
            dict(doc="d", actor="RUS", target="KAZ", type="SANCTION", stance=-1, channel="energy", date=None),
            dict(doc="d", actor="UZB", target="EU", type="AGREE", stance=1, channel="economic", date=None)]
    pred = [dict(doc="d", actor="KAZ", target="USA", type="CONSULT", stance=1, channel="diplomatic", date="2023-03-01"),
            dict(doc="d", actor="KAZ", target="RUS", type="REJECT", stance=-1, channel="security", date=None),
            dict(doc="d", actor="CHN", target="KAZ", type="AGREE", stance=1, channel="economic", date=None)]
    g = write("g.jsonl", "\n".join(json.dumps(r) for r in gold))
    p = write("p.jsonl", "\n".join(json.dumps(r) for r in pred))
    s = json.loads(run("eval", g, p, "--format", "json").output)
    # event: P = 2/3, R = 2/4, F1 = 2PR/(P+R) = 4/7
    assert (round(s["event_p"], 6), s["event_r"], round(s["event_f1"], 6)) == (round(2 / 3, 6), 0.5, round(4 / 7, 6))
    # dyad-stance: gold {KAZ-USA +1, KAZ-RUS -1, UZB-EU +1}, pred {KAZ-USA +1, KAZ-RUS -1, CHN-KAZ +1}: 2/3 both
    assert round(s["dyad_stance_f1"], 6) == round(2 / 3, 6)
    assert (s["stance_acc"], s["channel_acc"], s["date_acc"]) == (1.0, 0.5, 1.0)
    text = run("eval", g, p).output
    assert "F1 0.571" in text and "F1 0.667" in text


def test_cli_events_canonical_counts_sources(write, tmp_path):
    write("k/one.txt", "title: One\npublished: 2022-10-10\n---\nKyrgyzstan cancelled the CSTO exercises on Sunday.\n")
    write("k/two.txt", "title: Two\npublished: 2022-10-11\n---\nOn Sunday Kyrgyzstan cancelled the CSTO exercises.\n")
    db = tmp_path / "k.duckdb"
    assert run("ingest", tmp_path / "k", "--db", db).exit_code == 0
    rows = json.loads(run("events", "--db", db, "--canonical", "--format", "json").output)
    assert [(r["actor"], r["target"], r["type"], r["sources"], r["docs"]) for r in rows] == [
        ("KGZ", "CSTO", "REJECT", 2, ["one", "two"])]
