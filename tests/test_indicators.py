"""Indicator files, the bundled dataset and claims read from text."""
from pathlib import Path

import pytest

from orbitwatch.extract.claims import period_of, read_claims
from orbitwatch.indicators.bundled import bundled
from orbitwatch.indicators.files import IndicatorFileError, read_comtrade, read_unvotes, read_wdi
from orbitwatch.ingest.document import Document

FIX = Path(__file__).parent / "fixtures" / "indicators"


def _doc(text, published="2022-11-15"):
    return Document(id="d", text=text, published=published, format="txt")


def test_unvotes_reads_votes_and_skips_absences():
    rows = read_unvotes(FIX / "unvotes.csv")
    votes = {o.state: o.value for o in rows if o.indicator == "unga_vote"}
    assert votes == {"KAZ": 0.0, "RUS": -1.0, "CHN": 0.0, "GEO": 1.0, "USA": 1.0}
    assert all(o.period == "2022-03" and o.note == "A/RES/ES-11/1" for o in rows)


def test_unvotes_agreement_is_one_for_the_same_vote():
    agree = {(o.state, o.partner): o.value for o in read_unvotes(FIX / "unvotes.csv")
             if o.indicator == "unga_vote_agreement"}
    assert agree[("KAZ", "RUS")] == 0.0 and agree[("KAZ", "CHN")] == 1.0 and agree[("GEO", "USA")] == 1.0
    assert ("TKM", "RUS") not in agree


def test_wdi_reads_years_skips_empty_cells_and_keeps_the_vintage():
    rows = read_wdi(FIX / "wdi.csv")
    kgz = [o for o in rows if o.state == "KGZ"]
    assert [o.period for o in kgz] == ["2019", "2020", "2021", "2022"]
    tjk = {o.period: o.value for o in rows if o.state == "TJK"}
    assert tjk["2022"] == 49.9 and rows[0].vintage == "2024-06-28" and rows[0].unit == "percent of GDP"


def test_wdi_reads_the_databank_shape():
    rows = read_wdi(FIX / "databank.csv")
    assert [(o.state, o.period, o.value) for o in rows] == [("UZB", "2022", 17.22), ("UZB", "2023", 13.8)]


def test_comtrade_keeps_totals_and_computes_partner_shares():
    rows = read_comtrade(FIX / "comtrade.csv")
    imports = {o.partner: o.value for o in rows if o.indicator == "imports"}
    assert imports == {"WLD": 1000.0, "RUS": 350.0, "CHN": 200.0}
    shares = {o.partner: o.value for o in rows if o.indicator == "imports_share"}
    assert shares == {"RUS": 35.0, "CHN": 20.0}


def test_comtrade_skips_breakdown_rows_by_transport_mode_and_customs_procedure(tmp_path):
    lines = (FIX / "comtrade.csv").read_text().splitlines()
    header, rus = lines[0], next(line for line in lines if ",RUS," in line and ",M,Import," in line)
    cols = header.split(",")
    by_road = rus.split(",")
    by_road[cols.index("motCode")], by_road[cols.index("primaryValue")] = "3100", "120.0"
    in_warehouse = rus.split(",")
    in_warehouse[cols.index("customsCode")], in_warehouse[cols.index("primaryValue")] = "C01", "40.0"
    f = tmp_path / "detailed.csv"
    f.write_text("\n".join(lines + [",".join(by_road), ",".join(in_warehouse)]) + "\n")
    imports = {o.partner: o.value for o in read_comtrade(f) if o.indicator == "imports"}
    assert imports == {"WLD": 1000.0, "RUS": 350.0, "CHN": 200.0}


def test_a_missing_column_names_the_file_and_the_column(tmp_path):
    bad = tmp_path / "votes.csv"
    bad.write_text("ms_code,vote,date\nKAZ,Y,2022-03-02\n")
    with pytest.raises(IndicatorFileError, match=r"votes\.csv: missing column\(s\) ms_vote, resolution"):
        read_unvotes(bad)


def test_a_bad_number_names_the_line(tmp_path):
    bad = tmp_path / "wdi.csv"
    bad.write_text('"Country Name","Country Code","Indicator Name","Indicator Code","2022"\n'
                   '"Kazakhstan","KAZ","x","BX.TRF.PWKR.DT.GD.ZS","abc"\n')
    with pytest.raises(IndicatorFileError, match=r"wdi\.csv: line 2: 'abc' is not a number"):
        read_wdi(bad)


def test_bundled_dataset_has_a_source_for_every_row_and_the_real_votes():
    data = bundled()
    rows = [o for rows in data.values() for o in rows]
    assert all(o.source for o in rows)
    votes = {(o.state, o.note): o.value for o in rows if o.indicator == "unga_vote"}
    assert votes[("KAZ", "A/RES/ES-11/3")] == -1 and votes[("GEO", "A/RES/ES-11/4")] == 1
    assert ("TKM", "A/RES/ES-11/1") not in votes
    assert {o.note for o in rows if o.indicator == "unga_vote"} == {
        "A/RES/ES-11/1", "A/RES/ES-11/3", "A/RES/ES-11/4", "A/RES/ES-11/6"}


def test_claim_distributes_figures_listed_per_state():
    text = ("Russia's trade turnover with the region is growing fast: 12 percent with Kazakhstan in the "
            "first ten months of this year, 30 percent with Uzbekistan in the first half of the year.")
    claims = read_claims(_doc(text))
    got = {(o.state, o.partner, o.indicator, o.value, o.change) for o in claims}
    assert ("KAZ", "RUS", "trade", 12.0, "up") in got and ("UZB", "RUS", "trade", 30.0, "up") in got
    kaz = next(o for o in claims if o.state == "KAZ")
    assert kaz.period == "2022-01/2022-10" and kaz.kind == "claim" and text[kaz.start:kaz.end] == kaz.evidence


def test_claim_reads_two_indicators_of_one_sentence():
    text = "More migrant workers from Kyrgyzstan went to Russia this year, and remittances from Russia increased."
    got = {(o.state, o.partner, o.indicator, o.change) for o in read_claims(_doc(text))}
    assert got == {("KGZ", "RUS", "labour_migration", "up"), ("KGZ", "RUS", "remittances", "up")}


def test_claim_skips_forecasts_and_questions():
    assert read_claims(_doc("Trade between Kazakhstan and China could grow 20 percent next year.")) == []
    assert read_claims(_doc("Will trade between Kazakhstan and Russia fall 10 percent?")) == []


def test_claim_periods_resolve_against_publication():
    assert period_of("in the second quarter of 2022", "2022-11-15") == "2022-Q2"
    assert period_of("last year", "2022-11-15") == "2021"
    assert period_of("no time given", "2022-11-15") == "2022"
