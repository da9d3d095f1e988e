"""The per-source indicator importers: UN votes, World Bank WDI, UN Comtrade."""
from pathlib import Path

import pytest

from orbitwatch.indicators.comtrade import read_comtrade, trade_shares
from orbitwatch.indicators.importers import IMPORTERS, IndicatorFileError, read_indicator_file
from orbitwatch.indicators.unvotes import UNVOTES_SOURCE, read_unvotes, vote_agreement
from orbitwatch.indicators.wdi import read_wdi

FIX = Path(__file__).parent / "fixtures" / "indicators" / "importers"


def _by(rows, *keys):
    return {tuple(getattr(o, k) for k in keys): o.value for o in rows}


def test_unvotes_reads_real_votes_per_state_and_resolution():
    rows = read_unvotes(FIX / "unvotes.csv")
    votes = _by(rows, "state", "note")
    assert votes[("KAZ", "A/RES/ES-11/1")] == 0.0 and votes[("RUS", "A/RES/ES-11/1")] == -1.0
    assert votes[("GEO", "A/RES/ES-11/4")] == 1.0 and votes[("UZB", "A/RES/ES-11/4")] == 0.0
    first = rows[0]
    assert (first.partner, first.indicator, first.period, first.unit, first.kind) == (
        "UN", "unga_vote", "2022-03", "vote", "official")
    assert first.source == UNVOTES_SOURCE
    assert {o.period for o in rows if o.note == "A/RES/ES-11/4"} == {"2022-10"}


def test_unvotes_skips_non_votes_and_counts_them():
    rows = read_unvotes(FIX / "unvotes.csv")
    states = {o.state for o in rows if o.note == "A/RES/ES-11/1"}
    assert not states & {"TKM", "UZB", "AZE"} and len(states) == 9
    assert len(rows) == 9 + 10 and rows.non_votes == 5


def test_unvotes_treats_x_and_nv_as_not_voting(write):
    path = write("v.csv", "resolution,date,ms_vote,ms_code,extra\n"
                          "A/RES/1,2022-03-02,X,KAZ,\nA/RES/1,2022-03-02,NV,KGZ,\nA/RES/1,2022-03-02,y,TJK,\n")
    rows = read_unvotes(path)
    assert [(o.state, o.value) for o in rows] == [("TJK", 1.0)] and rows.non_votes == 2


def test_unvotes_rejects_an_unknown_vote_code_listing_the_valid_ones(write):
    path = write("v.csv", "ms_code,ms_vote,date,resolution\nKAZ,Yes,2022-03-02,A/RES/1\n")
    with pytest.raises(IndicatorFileError, match=r"v\.csv: line 2: ms_vote 'YES' is not Y, N, A"):
        read_unvotes(path)


def test_vote_agreement_compares_each_state_with_each_power():
    agree = vote_agreement(read_unvotes(FIX / "unvotes.csv"))
    by = _by(agree, "state", "partner", "note")
    assert by[("KAZ", "RUS", "A/RES/ES-11/1")] == 0.0
    assert by[("KAZ", "CHN", "A/RES/ES-11/1")] == 1.0
    assert by[("GEO", "USA", "A/RES/ES-11/4")] == 1.0 and by[("TUR", "USA", "A/RES/ES-11/4")] == 1.0
    assert ("TKM", "RUS", "A/RES/ES-11/1") not in by and ("RUS", "RUS", "A/RES/ES-11/1") not in by
    assert ("UZB", "CHN", "A/RES/ES-11/4") in by and ("UZB", "CHN", "A/RES/ES-11/1") not in by
    a = agree[0]
    assert (a.indicator, a.unit) == ("unga_vote_agreement", "share")
    assert a.source.startswith(UNVOTES_SOURCE) and "computed by orbitwatch" in a.source


def test_wdi_reads_the_bulk_download_with_bom_and_preamble():
    rows = read_wdi(FIX / "wdi.csv")
    kaz = {o.period: o.value for o in rows if o.state == "KAZ"}
    tjk = {o.period: o.value for o in rows if o.state == "TJK"}
    assert kaz == {"2019": 0.28, "2020": 0.22, "2021": 0.16, "2022": 0.21, "2023": 0.12}
    assert tjk == {"2019": 27.97, "2020": 26.88, "2021": 32.69, "2022": 49.9, "2023": 37.84}
    o = rows[0]
    assert (o.partner, o.indicator, o.unit, o.source) == (
        "WLD", "BX.TRF.PWKR.DT.GD.ZS", "percent of GDP", "World Bank WDI")


def test_wdi_skips_empty_cells_and_reads_the_vintage():
    rows = read_wdi(FIX / "wdi.csv")
    assert len(rows) == 5 + 5 + 4  # 1960-2018 empty everywhere, ECS 2023 empty
    assert {o.vintage for o in rows} == {"2024-06-28"}


def test_wdi_keeps_aggregates_for_the_caller_to_filter():
    rows = read_wdi(FIX / "wdi.csv")
    assert {o.state for o in rows} == {"KAZ", "TJK", "ECS"}


def test_wdi_reads_the_databank_shape_skipping_dots_and_footer():
    rows = read_wdi(FIX / "databank.csv")
    assert [(o.state, o.period, o.value) for o in rows if o.state == "KAZ"] == [
        ("KAZ", "2019", 0.28), ("KAZ", "2020", 0.22), ("KAZ", "2021", 0.16), ("KAZ", "2022", 0.21)]
    assert len(rows) == 9 and rows[0].unit == "percent of GDP"


# comtrade.csv holds SYNTHETIC values (not real trade figures) in the real
# comtradeplus layout: KAZ imports 2022 from the world 50 bn, RUS 17.5 bn,
# CHN 12.5 bn US$, plus an HS-27 row and a re-export row that must be ignored.
def test_comtrade_keeps_total_imports_and_maps_w00_to_wld():
    rows = read_comtrade(FIX / "comtrade.csv")
    assert _by(rows, "state", "partner", "indicator", "period") == {
        ("KAZ", "WLD", "imports", "2022"): 50e9,
        ("KAZ", "RUS", "imports", "2022"): 17.5e9,
        ("KAZ", "CHN", "imports", "2022"): 12.5e9}
    assert {(o.unit, o.source, o.kind) for o in rows} == {("current US$", "UN Comtrade", "official")}


def test_comtrade_share_matches_a_hand_computation():
    shares = trade_shares(read_comtrade(FIX / "comtrade.csv"))
    # 17.5 / 50 = 35 %, 12.5 / 50 = 25 %
    assert _by(shares, "partner", "indicator") == {("RUS", "imports_share"): 35.0, ("CHN", "imports_share"): 25.0}
    assert {(o.unit, o.source) for o in shares} == {("percent", "UN Comtrade (share computed by orbitwatch)")}


def test_comtrade_monthly_single_commodity_file_is_kept_with_the_code(write):
    head = "freqCode,refYear,period,reporterISO,flowCode,partnerISO,cmdCode,primaryValue\n"
    path = write("c.csv", head + "M,2022,202203,KAZ,X,CHN,2709,1200.5\nM,2022,202203,KAZ,X,W00,2709,3000\n")
    rows = read_comtrade(path)
    assert [(o.partner, o.indicator, o.period, o.value, o.note) for o in rows] == [
        ("CHN", "exports", "2022-03", 1200.5, "cmdCode 2709"), ("WLD", "exports", "2022-03", 3000.0, "cmdCode 2709")]


def test_comtrade_unknown_frequency_lists_the_valid_ones(write):
    head = "freqCode,refYear,period,reporterISO,flowCode,partnerISO,cmdCode,primaryValue\n"
    path = write("c.csv", head + "Q,2022,2022,KAZ,M,CHN,TOTAL,1\n")
    with pytest.raises(IndicatorFileError, match=r"c\.csv: line 2: freqCode 'Q' is not A \(annual\) or M"):
        read_comtrade(path)


def test_importers_dispatch_by_kind_and_reject_unknown_kinds():
    assert set(IMPORTERS) == {"unvotes", "wdi", "comtrade"}
    assert len(read_indicator_file(FIX / "wdi.csv", "wdi")) == 14
    with pytest.raises(IndicatorFileError, match=r"unknown kind 'imf'; valid: comtrade, unvotes, wdi"):
        read_indicator_file(FIX / "wdi.csv", "imf")


def test_importers_missing_column_names_the_file_expected_and_found(write):
    path = write("votes.csv", "ms_code,vote,date\nKAZ,Y,2022-03-02\n")
    with pytest.raises(IndicatorFileError) as e:
        read_indicator_file(path, "unvotes")
    msg = str(e.value)
    assert "votes.csv: missing column(s) ms_vote, resolution" in msg
    assert "expected ms_code, ms_vote, date, resolution" in msg and "found ms_code, vote, date" in msg
    assert "\n" not in msg


def test_importers_bad_number_names_file_line_and_value(write):
    head = "freqCode,refYear,period,reporterISO,flowCode,partnerISO,cmdCode,primaryValue\n"
    path = write("trade.csv", head + "A,2022,2022,KAZ,M,W00,TOTAL,100\nA,2022,2022,KAZ,M,RUS,TOTAL,n/a\n")
    with pytest.raises(IndicatorFileError, match=r"trade\.csv: line 3: 'n/a' is not a number"):
        read_indicator_file(path, "comtrade")


def test_importers_missing_file_is_an_indicator_file_error(tmp_path):
    with pytest.raises(IndicatorFileError, match=r"nope\.csv: cannot read"):
        read_indicator_file(tmp_path / "nope.csv", "wdi")
