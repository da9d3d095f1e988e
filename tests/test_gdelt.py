"""GDELT 2.0 event exports -> event records v1: mapping, errors, zips, tables."""
import zipfile

import pytest

from orbitwatch.ingest.gdelt import COLUMNS, GdeltError, GdeltStats, cameo_tables, read_gdelt
from orbitwatch.records import CHANNELS, TYPES, EventRecord, validate


def row(gid, actor1, actor2, code, goldstein, *, date="20240315", country1=None, country2=None,
        type1="GOV", type2="GOV", mentions=10, url=None):
    """One 61-column GDELT 2.0 export line; actor codes give the country unless overridden."""
    f = dict.fromkeys(COLUMNS, "")
    f.update(
        GLOBALEVENTID=str(gid), SQLDATE=date, MonthYear=date[:6], Year=date[:4], FractionDate="2024.2027",
        Actor1Code=actor1, Actor1Name=actor1, Actor1CountryCode=actor1[:3] if country1 is None else country1,
        Actor1Type1Code=type1,
        Actor2Code=actor2, Actor2Name=actor2, Actor2CountryCode=actor2[:3] if country2 is None else country2,
        Actor2Type1Code=type2,
        IsRootEvent="1", EventCode=code, EventBaseCode=code[:3], EventRootCode=code[:2], QuadClass="1",
        GoldsteinScale=str(goldstein), NumMentions=str(mentions), NumSources="1", NumArticles=str(mentions),
        AvgTone="-1.5", DATEADDED=date + "120000",
        SOURCEURL=url or f"https://news.example/{gid}",
    )
    return "\t".join(f[c] for c in COLUMNS)


ROWS = [
    row(1, "KAZGOV", "RUSGOV", "042", 1.9),                      # consult
    row(2, "RUSMIL", "UKRMIL", "190", -10.0),                    # fight
    row(3, "UKRGOV", "USAGOV", "0233", 3.4),                     # appeal for aid
    row(4, "CHNGOV", "USAGOV", "012", -0.4),                     # pessimistic comment
    row(5, "IGOEU", "ARMGOV", "0311", 5.2, country1=""),         # intent to cooperate economically
    row(6, "MNCUSA", "KAZGOV", "042", 1.9, country1=""),         # a company: not coded in v1
    row(7, "KAZGOV", "RUSGOV", "057", 8.0),                      # sign formal agreement
    row(8, "RUSMIL", "UKRMIL", "0874", 10.0),                    # retreat
    row(9, "UZBGOV", "AFGGOV", "071", 7.4),                      # economic aid
    row(10, "KGZGOV", "TJKGOV", "166", -7.0),                    # expel
]


@pytest.fixture
def export(tmp_path):
    """The ROWS plus the given extra lines as a .export.CSV file."""
    def _export(*extra, name="20240315000000.export.CSV"):
        p = tmp_path / name
        p.write_text("\n".join([*ROWS, *extra]) + "\n", encoding="utf-8")
        return p
    return _export


def records(path, stats=None):
    return {r.doc: r for r in read_gdelt(path, stats) if isinstance(r, EventRecord)}


def test_gdelt_consult_maps_states_type_stance_and_date(export):
    r = records(export())["gdelt:1"]
    assert (r.actor, r.target, r.type, r.stance) == ("KAZ", "RUS", "CONSULT", 1)
    assert (r.channel, r.date, r.doc) == ("diplomatic", "2024-03-15", "gdelt:1")


def test_gdelt_fight_is_assault_on_the_security_channel(export):
    r = records(export())["gdelt:2"]
    assert (r.actor, r.target, r.type, r.stance, r.channel) == ("RUS", "UKR", "ASSAULT", -1, "security")


def test_gdelt_appeal_is_request_with_stance_zero(export):
    r = records(export())["gdelt:3"]
    assert (r.type, r.stance) == ("REQUEST", 0)


def test_gdelt_statement_with_negative_goldstein_is_accuse(export):
    r = records(export())["gdelt:4"]
    assert (r.actor, r.target, r.type, r.stance) == ("CHN", "USA", "ACCUSE", -1)


def test_gdelt_statement_with_positive_goldstein_is_support_and_zero_is_skipped(export):
    stats = GdeltStats()
    recs = records(export(row(11, "KAZGOV", "CHNGOV", "013", 0.4), row(12, "KAZGOV", "CHNGOV", "010", 0.0)), stats)
    assert (recs["gdelt:11"].type, recs["gdelt:11"].stance) == ("SUPPORT", 1)
    assert "gdelt:12" not in recs and stats.unmappable["neutral statement (Goldstein 0)"] == 1


def test_gdelt_igo_actor_code_maps_to_organisation(export):
    r = records(export())["gdelt:5"]
    assert (r.actor, r.target, r.type, r.stance) == ("EU", "ARM", "AGREE", 1)


@pytest.mark.parametrize("code, org", [("IGOUNO", "UN"), ("IGOWSTNAT", "NATO"), ("IGONATO", "NATO"),
                                       ("IGOEUREEC", "EU"), ("IGOCSTO", "CSTO"), ("IGOSCO", "SCO")])
def test_gdelt_igo_codes_map_to_orbitwatch_organisations(export, code, org):
    r = records(export(row(20, code, "KAZGOV", "040", 1.0, country1="")))["gdelt:20"]
    assert r.actor == org


def test_gdelt_region_west_maps_to_wst_and_europe_is_unmappable(export):
    stats = GdeltStats()
    recs = records(export(row(21, "WST", "RUSGOV", "112", -2.0), row(22, "EUR", "RUSGOV", "112", -2.0)), stats)
    assert recs["gdelt:21"].actor == "WST" and "gdelt:22" not in recs
    assert stats.unmappable["unmapped actor1 EUR"] == 1


def test_gdelt_igo_beats_a_region_country_code(export):
    r = records(export(row(23, "IGOWSTNAT", "RUSGOV", "040", 1.0, country1="WST")))["gdelt:23"]
    assert r.actor == "NATO"


def test_gdelt_cameo_alias_maps_to_iso_code(export):
    r = records(export(row(24, "ROMGOV", "MDAGOV", "040", 1.0)))["gdelt:24"]
    assert r.actor == "ROU"


def test_gdelt_actor_from_code_when_country_code_is_empty(export):
    r = records(export(row(25, "TKMGOV", "TURGOV", "040", 1.0, country1="")))["gdelt:25"]
    assert r.actor == "TKM"


def test_gdelt_base_code_overrides_the_root(export):
    recs = records(export())
    assert (recs["gdelt:7"].type, recs["gdelt:7"].stance) == ("AGREE", 1)
    assert (recs["gdelt:8"].type, recs["gdelt:8"].stance, recs["gdelt:8"].channel) == ("RETREAT", 1, "security")
    assert (recs["gdelt:10"].type, recs["gdelt:10"].stance) == ("COERCE", -1)


def test_gdelt_aid_is_on_the_economic_channel(export):
    r = records(export())["gdelt:9"]
    assert (r.type, r.stance, r.channel) == ("AID", 1, "economic")


def test_gdelt_extra_carries_provenance(export):
    r = records(export())["gdelt:2"]
    assert r.extra == {"source": "gdelt", "url": "https://news.example/2", "gdelt_id": "2", "cameo": "190",
                       "goldstein": -10.0, "mentions": 10}
    assert r.evidence == "https://news.example/2" and r.confidence == cameo_tables().confidence
    assert (r.start, r.end) == (None, None)
    assert r.to_dict()["cameo"] == "190"


def test_gdelt_every_record_passes_validate(export):
    recs = records(export())
    assert len(recs) == 9
    for r in recs.values():
        validate(r)


def test_gdelt_unmappable_actor_is_skipped_and_counted(export):
    stats = GdeltStats()
    recs = records(export(), stats)
    assert "gdelt:6" not in recs
    assert stats.unmappable["unmapped actor1 MNCUSA"] == 1


def test_gdelt_nonstate_actor_type_is_skipped(export):
    stats = GdeltStats()
    recs = records(export(row(26, "RUSREB", "UKRGOV", "190", -10.0, type1="REB")), stats)
    assert "gdelt:26" not in recs and stats.unmappable["non-state actor1 type REB"] == 1


def test_gdelt_same_actor_and_target_is_skipped(export):
    stats = GdeltStats()
    recs = records(export(row(27, "RUSGOV", "RUSMIL", "040", 1.0)), stats)
    assert "gdelt:27" not in recs and stats.unmappable["same actor and target"] == 1


def test_gdelt_short_row_yields_error_naming_file_and_line_and_goes_on(export):
    short = row(30, "KAZGOV", "RUSGOV", "042", 1.9).rsplit("\t", 1)[0]
    path = export(short, row(31, "KAZGOV", "CHNGOV", "042", 1.9))
    out = list(read_gdelt(path))
    (err,) = [o for o in out if isinstance(o, GdeltError)]
    assert str(err).startswith(f"{path}: line 11: ") and "60 tab-separated columns" in str(err)
    assert err.line == 11 and "gdelt:31" in {o.doc for o in out if isinstance(o, EventRecord)}


def test_gdelt_bad_date_yields_error(export):
    path = export(row(32, "KAZGOV", "RUSGOV", "042", 1.9, date="20241345"))
    (err,) = [o for o in read_gdelt(path) if isinstance(o, GdeltError)]
    assert str(err) == f"{path}: line 11: SQLDATE '20241345' is not a date YYYYMMDD"


def test_gdelt_stats_summary_counts_rows_records_unmappable_errors(export):
    stats = GdeltStats()
    path = export(row(33, "KAZGOV", "RUSGOV", "042", 1.9, date="2024-03-15"), "")
    list(read_gdelt(path, stats))
    assert (stats.rows, stats.records, sum(stats.unmappable.values()), stats.errors) == (11, 9, 1, 1)
    assert stats.summary() == "11 rows read, 9 records, 1 unmappable, 1 errors"


def test_gdelt_zip_gives_the_same_records_as_the_csv(export, tmp_path):
    csv_path = export()
    zip_path = tmp_path / "20240315000000.export.CSV.zip"
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(csv_path, csv_path.name)
        z.writestr("second.export.csv", row(40, "KAZGOV", "UZBGOV", "042", 1.9) + "\n")
    from_zip = records(zip_path)
    assert {k: v.to_dict() for k, v in from_zip.items() if k != "gdelt:40"} == \
        {k: v.to_dict() for k, v in records(csv_path).items()}
    assert from_zip["gdelt:40"].target == "UZB"


def test_gdelt_zip_error_names_archive_member_and_line(tmp_path):
    zip_path = tmp_path / "bad.zip"
    with zipfile.ZipFile(zip_path, "w") as z:
        z.writestr("a.export.CSV", row(41, "KAZGOV", "RUSGOV", "042", 1.9, date="nodate") + "\n")
    (err,) = list(read_gdelt(zip_path))
    assert str(err).startswith(f"{zip_path}!a.export.CSV: line 1: SQLDATE")


def test_gdelt_zip_refuses_member_over_size_limit(tmp_path, monkeypatch):
    import orbitwatch.ingest.gdelt as gdelt
    monkeypatch.setattr(gdelt, "MAX_MEMBER_BYTES", 100)
    zip_path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("big.export.CSV", "\n".join(ROWS))
    stats = GdeltStats()
    (err,) = list(read_gdelt(zip_path, stats))
    assert isinstance(err, GdeltError) and "over the 100 byte limit" in str(err) and stats.errors == 1


def test_gdelt_missing_file_unknown_extension_and_non_zip_are_errors(tmp_path):
    (missing,) = list(read_gdelt(tmp_path / "none.export.CSV"))
    (wrong,) = list(read_gdelt(tmp_path / "x.json"))
    (tmp_path / "fake.zip").write_text("not a zip")
    (fake,) = list(read_gdelt(tmp_path / "fake.zip"))
    assert isinstance(missing, GdeltError) and "none.export.CSV" in str(missing)
    assert isinstance(wrong, GdeltError) and "unknown extension" in str(wrong)
    assert isinstance(fake, GdeltError) and str(fake).startswith(f"{tmp_path / 'fake.zip'}: damaged or not a zip")


def test_gdelt_tables_only_produce_v1_types_and_channels():
    t = cameo_tables()
    assert set(t.types.values()) <= set(TYPES)
    assert {v for pair in t.by_goldstein.values() for v in pair.values()} <= set(TYPES)
    assert set(t.channels.values()) | {t.default_channel} <= set(CHANNELS)
    assert all(f"{n:02d}" in t.types or f"{n:02d}" in t.by_goldstein for n in range(1, 21))


def test_import_gdelt_stores_records_beside_the_extractors_and_reports_bad_lines(export, tmp_path):
    from click.testing import CliRunner

    from orbitwatch.cli import main
    from orbitwatch.score import signals
    from orbitwatch.store import DuckDBStore, EventQuery
    path = export(row(11, "KAZGOV", "RUSGOV", "042", 1.9)[:-40])  # a cut line: 60 columns or fewer
    db = tmp_path / "g.duckdb"
    result = CliRunner().invoke(main, ["import-gdelt", str(path), "--db", str(db)])
    assert result.exit_code == 1 and "line 11" in result.output
    with DuckDBStore(db) as store:
        recs = store.events(EventQuery(state="KAZ", power="RUS"))
        assert {r.type for r in recs} == {"CONSULT", "AGREE"}
        assert all(r.extra["extractor"] == "gdelt.v2" and r.evidence.startswith("https://") for r in recs)
        assert all(store.document(r.doc).text[r.start:r.end] == r.evidence for r in recs)
        assert [s.events for s in signals(store, state="KAZ", power="RUS") if s.channel == "all"] == [2]
