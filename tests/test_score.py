"""The event index, trends and verdicts, on small hand-computed event sets."""
import json
import math
from pathlib import Path

import pytest

from orbitwatch.indicators import Observation
from orbitwatch.ingest.document import Document
from orbitwatch.pipeline import ingest_paths, relink
from orbitwatch.records import EventRecord
from orbitwatch.score import combine, load_weights, signals, trend, verdicts

SHARED = Path(__file__).resolve().parents[2] / "shared"
PARADOX = Path(__file__).parent / "fixtures" / "paradox"
W = load_weights()


def _store(make_store, events, published="2022-06-01"):
    """A store holding one document per event (or per doc name given)."""
    store = make_store()
    by_doc = {}
    for e in events:
        by_doc.setdefault(e["doc"], []).append(e)
    for doc, evs in by_doc.items():
        text = " ".join(e.get("evidence", f"{doc} sentence {i}.") for i, e in enumerate(evs))
        records = []
        for i, e in enumerate(evs):
            ev = e.get("evidence", f"{doc} sentence {i}.")
            start = text.index(ev)
            records.append(EventRecord(doc=doc, actor=e["actor"], target=e["target"], type=e["type"],
                                       stance=e["stance"], channel=e.get("channel", "diplomatic"),
                                       date=e.get("date"), evidence=ev, start=start, end=start + len(ev),
                                       confidence=e.get("confidence")))
        store.save(Document(id=doc, text=text, published=published, format="txt"), records, "test")
    relink(store)
    return store


def _one(store, **kw):
    rows = [s for s in signals(store, **kw) if s.channel == kw.get("channel_", "all")]
    assert len(rows) <= 1
    return rows[0] if rows else None


def test_score_with_no_events_is_zero_with_the_prior_interval(make_store):
    assert signals(_store(make_store, []), state="KAZ", power="RUS") == []
    from orbitwatch.score.signals import empty_signal
    s = empty_signal("KAZ", "RUS", "all", "all", W)
    # Beta(0.5, 0.5): the 5% quantile is sin^2(pi/2 * 0.05) = 0.00616; 2q - 1 = -0.98769
    assert s.score == 0 and s.low == pytest.approx(-0.98769, abs=1e-5) and s.high == pytest.approx(0.98769, abs=1e-5)


def test_score_of_one_agreement_is_hand_computed(make_store):
    store = _store(make_store, [dict(doc="a", actor="KAZ", target="RUS", type="AGREE", stance=1)])
    s = _one(store, state="KAZ", power="RUS")
    # closer weight 0.6 (AGREE, confidence 1) -> Beta(1.1, 0.5); score = 2*1.1/1.6 - 1 = 0.375
    assert s.score == pytest.approx(0.375) and s.events == 1 and s.sources == 1
    assert s.closer_weight == pytest.approx(0.6) and s.away_weight == 0
    # Beta(a, 1/2) has no closed quantile; check the interval against the mean and the bounds
    assert -1 < s.low < s.score < s.high < 1


def test_score_of_opposite_events_weighs_type_and_confidence(make_store):
    store = _store(make_store, [dict(doc="a", actor="KAZ", target="RUS", type="SANCTION", stance=-1, confidence=0.5),
                    dict(doc="b", actor="RUS", target="KAZ", type="CONSULT", stance=1)])
    s = _one(store, state="KAZ", power="RUS")
    # away 0.8*0.5 = 0.4, closer 0.3 -> (0.3 - 0.4) / (0.7 + 1.0)
    assert s.score == pytest.approx(-0.1 / 1.7) and s.events == 2 and s.sources == 2


def test_organisations_count_for_their_power(make_store):
    store = _store(make_store, [dict(doc="a", actor="KAZ", target="CSTO", type="RETREAT", stance=-1, channel="security")])
    assert {(s.power, s.channel) for s in signals(store, state="KAZ")} == {("RUS", "all"), ("RUS", "security")}


def test_many_reports_of_one_event_count_once(make_store):
    ev = "Kazakhstan signed a gas agreement with Russia on 3 May 2022."
    store = _store(make_store, [dict(doc=d, actor="KAZ", target="RUS", type="AGREE", stance=1, date="2022-05-03", evidence=ev)
                    for d in ("a", "b", "c")])
    s = _one(store, state="KAZ", power="RUS")
    assert s.events == 1 and s.sources == 3 and s.score == pytest.approx(0.375)


def test_index_rows_follow_new_events_links_and_weights(make_store):
    from dataclasses import replace
    from orbitwatch.score.signals import refresh
    store = _store(make_store, [dict(doc="a", actor="KAZ", target="RUS", type="AGREE", stance=1)])
    assert _one(store, state="KAZ", power="RUS").events == 1
    assert refresh(store) is False  # nothing changed since the last query
    rec = EventRecord(doc="b", actor="KAZ", target="RUS", type="REJECT", stance=-1, channel="diplomatic",
                      date=None, evidence="b.", start=0, end=2)
    store.save(Document(id="b", text="b.", published="2022-06-01", format="txt"), [rec], "test")
    s = _one(store, state="KAZ", power="RUS")
    assert s.events == 2 and s.away_weight == pytest.approx(W.intensity["REJECT"])
    heavier = replace(W, intensity={**W.intensity, "REJECT": 2.0})
    assert _one(store, state="KAZ", power="RUS", weights=heavier).away_weight == pytest.approx(2.0)
    assert refresh(store, heavier) is False and refresh(store) is True


def test_periods_split_the_weight_by_month(make_store):
    store = _store(make_store, [dict(doc="a", actor="KAZ", target="RUS", type="AGREE", stance=1, date="2022-05-03"),
                    dict(doc="b", actor="KAZ", target="RUS", type="REJECT", stance=-1, date="2022-09-01")])
    months = {s.period: s.score for s in signals(store, state="KAZ", power="RUS", period="month")
              if s.channel == "all"}
    assert months == {"2022-05": pytest.approx(0.375), "2022-09": pytest.approx(-0.5 / 1.5)}
    quarters = {s.period for s in signals(store, state="KAZ", power="RUS", period="quarter")}
    assert quarters == {"2022-Q2", "2022-Q3"}


def test_trend_compares_a_window_with_the_one_before(make_store):
    store = _store(make_store, [dict(doc="a", actor="KAZ", target="RUS", type="AGREE", stance=1, date="2021-05-03"),
                    dict(doc="b", actor="KAZ", target="RUS", type="REJECT", stance=-1, date="2022-09-01")])
    t = trend(store, "KAZ", "RUS", until="2022-12", months=12)
    assert t["score_before"] == pytest.approx(0.375) and t["score"] == pytest.approx(-1 / 3)
    assert t["change"] == pytest.approx(-1 / 3 - 0.375) and t["low"] < t["change"] < t["high"]
    a, b = 1.1, 0.5  # variance of 2p-1 under Beta(a, b) is 4ab / ((a+b)^2 (a+b+1))
    sd = math.sqrt(4 * a * b / ((a + b) ** 2 * (a + b + 1)) + 4 * b * 1.0 / ((b + 1.0) ** 2 * (b + 1.0 + 1)))
    assert t["high"] - t["change"] == pytest.approx(1.6448536 * sd, rel=1e-6)


@pytest.mark.parametrize("signal, structure, verdict", [
    (None, None, "insufficient"), (-1, None, "away"), (None, 1, "closer"), (-1, 1, "mixed"),
    (1, 1, "closer"), (0, None, "mixed"), (0, -1, "away"),
])
def test_verdict_combines_signal_and_structure(signal, structure, verdict):
    assert combine(signal, structure) == verdict


def test_verdict_needs_enough_events(make_store):
    store = _store(make_store, [dict(doc="a", actor="KAZ", target="RUS", type="SANCTION", stance=-1)])
    row = next(v for v in verdicts(store, state="KAZ", power="RUS") if v["channel"] == "overall")
    assert row["verdict"] == "insufficient" and row["events"] == 1
    assert row["evidence"]["away"][0]["doc"] == "a" and row["evidence"]["closer"] == []


def test_an_organisation_with_a_claim_gets_no_verdict_of_its_own(make_store):
    store = _store(make_store, [])
    store.replace_indicators("claims:x", [Observation(state="WST", partner="RUS", indicator="trade", period="2022",
                                                      value=None, unit="direction", source="claim", kind="claim",
                                                      change="down")])
    assert [r for r in verdicts(store) if r["state"] == "WST"] == []


def test_verdict_json_has_the_documented_keys(make_store):
    store = _store(make_store, [dict(doc="a", actor="KAZ", target="RUS", type="SANCTION", stance=-1)])
    row = verdicts(store)[0]
    assert {"state", "power", "channel", "verdict", "signal", "low", "high", "events", "sources",
            "structure", "evidence"} <= row.keys()


def test_structure_from_an_official_series_and_claims(make_store):
    store = _store(make_store, [])
    store.replace_indicators("x", [
        Observation("UZB", "RUS", "remittances_share", "2022", 87.0, "percent", "cb"),
        Observation("UZB", "RUS", "remittances_share", "2023", 78.0, "percent", "cb"),
    ])
    row = next(v for v in verdicts(store, state="UZB", power="RUS") if v["channel"] == "overall")
    assert row["structure_direction"] == "away" and row["verdict"] == "away"
    store.replace_indicators("y", [Observation("UZB", "RUS", "trade", "2023", 20.0, "percent", "claim in d",
                                               kind="claim", change="up"),
                                   Observation("UZB", "RUS", "labour_migration", "2023", None, "direction",
                                               "claim in d", kind="claim", change="up")])
    row = next(v for v in verdicts(store, state="UZB", power="RUS") if v["channel"] == "overall")
    assert row["structure_direction"] == "closer"  # two indicators up against one down


def _verdict_rows(make_store, paths):
    store = make_store()
    ingest_paths(paths, store)
    return {v["channel"]: v for v in verdicts(store, state="KAZ", power="RUS")}


def test_paradox_on_own_corpus_away_in_diplomacy_mixed_overall(make_store):
    rows = _verdict_rows(make_store, [str(PARADOX)])
    assert rows["diplomatic"]["verdict"] == "away"
    assert rows["overall"]["verdict"] == "mixed"
    assert rows["overall"]["signal_direction"] == "away" and rows["overall"]["structure_direction"] == "closer"


@pytest.mark.skipif(not (SHARED / "seeds").exists(), reason="../shared/seeds not present")
def test_paradox_on_the_seeds_away_in_diplomacy_mixed_overall(make_store):
    rows = _verdict_rows(make_store, [str(SHARED / "seeds")])
    assert rows["diplomatic"]["verdict"] == "away"
    assert rows["overall"]["verdict"] == "mixed"
    claimed = {m["indicator"] for m in rows["overall"]["structure"] if m["direction"] == "closer"}
    assert {"trade", "labour_migration"} <= claimed


def _with_gdelt(make_store):
    """One own AGREE and one SANCTION imported from GDELT, KAZ with RUS."""
    store = _store(make_store, [dict(doc="a", actor="KAZ", target="RUS", type="AGREE", stance=1)])
    ev = "https://news.example/1"
    store.save(Document(id="gdelt:1", text=ev, published="2022-06-01", format="gdelt"),
               [EventRecord("gdelt:1", "RUS", "KAZ", "SANCTION", -1, "economic", "2022-06-01", ev, 0, len(ev), None)],
               "gdelt.v2")
    relink(store)
    return store


def test_gdelt_records_count_at_their_source_weight_and_zero_leaves_them_out(make_store):
    store = _with_gdelt(make_store)
    both = _one(store, state="KAZ", power="RUS")
    assert both.events == 2 and both.closer_weight == pytest.approx(0.6)
    assert both.away_weight == pytest.approx(0.8 * W.sources["gdelt"])
    own = _one(store, state="KAZ", power="RUS", weights=W.with_sources({"gdelt": 0}))
    assert own.events == 1 and own.away_weight == 0
    rows = verdicts(store, state="KAZ", power="RUS", weights=W.with_sources({"gdelt": 0}))
    assert all(e["doc"] != "gdelt:1" for v in rows for side in v["evidence"].values() for e in side)


def test_source_weight_option_excludes_gdelt_and_refuses_bad_values(make_store):
    from click.testing import CliRunner

    from orbitwatch.cli import main
    at = make_store.location()
    _with_gdelt(lambda: make_store(at)).close()
    run = lambda *a: CliRunner().invoke(main, ["index", "--db", at, "--state", "KAZ", "--power", "RUS",  # noqa: E731
                                               "--format", "jsonl", *a])
    events = lambda out: [r["events"] for r in map(json.loads, out.splitlines()) if r["channel"] == "all"]  # noqa: E731
    assert events(run().output) == [2] and events(run("--source-weight", "gdelt=0").output) == [1]
    bad = run("--source-weight", "gdelt=2")
    assert bad.exit_code == 2 and "within 0..1" in bad.output
