"""People's corrections: an audit log over the machine's records, used by the index."""
import pytest

from orbitwatch.ingest.document import Document
from orbitwatch.pipeline import apply_correction, relink
from orbitwatch.records import EventRecord
from orbitwatch.score import signals, verdicts
from orbitwatch.store import Correction, CorrectionError, EventQuery, open_store

TEXT = "Kazakhstan refused to recognise Luhansk. Kazakhstan signed a gas deal with Russia."


def _store(make_store):
    store = make_store()
    recs = [EventRecord("d1", "KAZ", "RUS", "REJECT", -1, "diplomatic", "2022-06", TEXT[:40], 0, 40, 0.7),
            EventRecord("d1", "KAZ", "RUS", "AGREE", 1, "energy", "2022-07", TEXT[41:], 41, len(TEXT), 0.9)]
    store.save(Document(id="d1", text=TEXT, published="2022-07-01", format="txt"), recs, "rules.v1")
    relink(store)
    return store


def _events(store, **kw):
    return sorted(r.type for r in store.events(EventQuery(state="KAZ", **kw)))


def test_reject_hides_a_record_from_the_corrected_view_but_not_from_the_machine_view(make_store):
    store = _store(make_store)
    entry = apply_correction(store, Correction("d1", "KAZ", "RUS", "REJECT", "reject", "ana", reason="not a refusal"))
    assert entry["before"]["type"] == "REJECT" and entry["after"] is None and entry["author"] == "ana"
    assert _events(store) == ["AGREE"]
    assert _events(store, machine=True) == ["AGREE", "REJECT"]
    assert [s.events for s in signals(store, state="KAZ", power="RUS") if s.channel == "all"] == [1]
    assert [s.events for s in signals(store, state="KAZ", power="RUS", machine=True) if s.channel == "all"] == [2]


def test_edit_changes_fields_keeps_the_machine_record_and_logs_before_and_after(make_store):
    store = _store(make_store)
    apply_correction(store, Correction("d1", "KAZ", "RUS", "AGREE", "edit", "ana",
                                       changes={"type": "COOPERATE", "date": "2022-08"}))
    (rec,) = [r for r in store.events(EventQuery(state="KAZ", type="COOPERATE"))]
    assert rec.date == "2022-08" and rec.extra["review"] == "edited" and rec.confidence == 1.0
    assert rec.extra["key"] == {"actor": "KAZ", "target": "RUS", "type": "AGREE"}
    (log,) = store.corrections()
    assert log["before"]["type"] == "AGREE" and log["after"]["type"] == "COOPERATE"
    # a second edit of the same record names it by the same key
    apply_correction(store, Correction("d1", "KAZ", "RUS", "AGREE", "edit", "bo", changes={"stance": 0}))
    assert [r.stance for r in store.events(EventQuery(type="COOPERATE"))] == [0]
    assert [c["author"] for c in store.corrections()] == ["bo", "ana"]


def test_add_a_missing_record_from_a_span_of_the_document(make_store):
    store = _store(make_store)
    apply_correction(store, Correction("d1", "RUS", "KAZ", "AGREE", "add", "ana", start=41, end=len(TEXT),
                                       changes={"actor": "RUS", "target": "KAZ", "type": "SUPPORT", "stance": 1,
                                                "channel": "diplomatic", "date": "2022-07"}))
    (rec,) = store.events(EventQuery(type="SUPPORT"))
    assert rec.evidence == TEXT[41:] and rec.extra["review"] == "added"


def test_corrections_survive_re_extraction_of_the_same_document(make_store):
    store = _store(make_store)
    apply_correction(store, Correction("d1", "KAZ", "RUS", "REJECT", "reject", "ana"))
    moved = [EventRecord("d1", "KAZ", "RUS", "REJECT", -1, "diplomatic", "2022-06", TEXT[:10], 0, 10, 0.6),
             EventRecord("d1", "KAZ", "RUS", "AGREE", 1, "energy", "2022-07", TEXT[41:], 41, len(TEXT), 0.9)]
    store.save(Document(id="d1", text=TEXT, published="2022-07-01", format="txt"), moved, "rules.v2")
    relink(store)
    assert _events(store) == ["AGREE"]


def test_verdicts_count_the_corrected_events(make_store):
    store = _store(make_store)
    before = {(v["channel"]): v["events"] for v in verdicts(store, state="KAZ", power="RUS")}
    apply_correction(store, Correction("d1", "KAZ", "RUS", "AGREE", "confirm", "ana"))
    apply_correction(store, Correction("d1", "KAZ", "RUS", "REJECT", "reject", "ana"))
    after = {(v["channel"]): v["events"] for v in verdicts(store, state="KAZ", power="RUS")}
    assert before["overall"] == 2 and after["overall"] == 1


@pytest.mark.parametrize("correction, message", [
    (Correction("d1", "KAZ", "RUS", "REJECT", "drop", "ana"), "unknown action 'drop'"),
    (Correction("d1", "KAZ", "CHN", "REJECT", "reject", "ana"), "no record KAZ -> CHN REJECT"),
    (Correction("d1", "KAZ", "RUS", "REJECT", "reject", " "), "needs its author"),
    (Correction("d1", "KAZ", "RUS", "REJECT", "edit", "ana", changes={"evidence": "x"}), "cannot edit evidence"),
    (Correction("d1", "KAZ", "RUS", "REJECT", "edit", "ana", changes={"type": "HUG"}), "type 'HUG'"),
    (Correction("d1", "KAZ", "RUS", "REJECT", "edit", "ana", changes={"target": "KAZ"}), "must differ"),
    (Correction("d1", "KAZ", "RUS", "AGREE", "add", "ana", start=5, end=1,
                changes={"actor": "KAZ", "target": "RUS", "type": "AGREE", "stance": 1, "channel": "energy"}),
     "span"),
])
def test_invalid_corrections_are_refused_with_what_is_valid(make_store, correction, message):
    store = _store(make_store)
    with pytest.raises(CorrectionError, match=message):
        store.correct(correction)
    assert store.corrections() == []


def test_cli_exports_and_imports_corrections_and_shows_both_views(make_store, tmp_path):
    from click.testing import CliRunner

    from orbitwatch.cli import main
    a, b = make_store.location(), make_store.location()
    for path in (a, b):
        with open_store(path) as store:
            store.save(Document(id="d1", text=TEXT, published="2022-07-01", format="txt"), _store(make_store).events(), "r")
            relink(store)
    with open_store(a) as store:
        apply_correction(store, Correction("d1", "KAZ", "RUS", "REJECT", "reject", "ana", reason="wrong"))
    runner = CliRunner()
    exported = runner.invoke(main, ["corrections", "export", "--db", str(a)]).output
    assert '"action": "reject"' in exported
    f = tmp_path / "c.jsonl"
    f.write_text(exported + "{broken\n")
    result = runner.invoke(main, ["corrections", "import", str(f), "--db", str(b)])
    assert result.exit_code == 1 and "line 2" in result.output and "1 corrections applied" in result.output
    corrected = runner.invoke(main, ["events", "--db", str(b), "--format", "jsonl"]).output
    machine = runner.invoke(main, ["events", "--db", str(b), "--machine", "--format", "jsonl"]).output
    assert len(corrected.splitlines()) == 1 and len(machine.splitlines()) == 2
    assert "ana" in runner.invoke(main, ["corrections", "list", "--db", str(b)]).output
