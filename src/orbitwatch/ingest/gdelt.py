"""GDELT 2.0 event exports -> event records v1.

GDELT codes news with CAMEO, by machine. This reader maps its rows onto
orbitwatch's own record format so they can be stored, counted and compared
beside the extractor's records. All the judgement (which CAMEO code is which
PLOVER type, stance and channel, which actor codes are states or
organisations) lives in ``data/cameo.toml``; this module only applies it.

Public surface:

- ``read_gdelt(path, stats=None)`` yields an ``EventRecord`` per mappable row
  and a ``GdeltError`` per broken line, and goes on after an error. It reads
  an ``*.export.CSV`` (``.csv``, ``.tsv``) file, or a ``.zip`` holding one or
  more of them, line by line without loading the file.
- ``GdeltStats`` is how a caller learns what happened: pass one in and it is
  filled as the iterator is consumed, then ``stats.summary()`` reads
  "N rows read, M records, K unmappable, E errors". ``stats.unmappable`` is a
  Counter of the reasons rows were skipped (no actor, same actor and target,
  ...), since a skipped row is valid GDELT that v1 cannot express.
- ``cameo_tables()`` is the loaded, checked ``cameo.toml`` (read once).

Each record: ``doc`` "gdelt:<GLOBALEVENTID>", ``evidence`` the SOURCEURL
(GDELT carries no sentence), no offsets, the fixed confidence of
``cameo.toml``, and ``extra`` = source, url, gdelt_id, cameo, goldstein,
mentions so the record can be traced to its row.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import tomllib
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..records import CHANNELS, ORGANISATIONS, STANCES, TYPES, EventRecord, RecordError, validate

__all__ = ["GdeltError", "GdeltStats", "CameoTables", "cameo_tables", "read_gdelt", "COLUMNS"]

COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
SUFFIXES = (".csv", ".tsv")
MAX_MEMBER_BYTES = 2 * 1024**3  # a zip member that inflates beyond this is refused
TABLES = "cameo.toml"


class GdeltError(ValueError):
    """A GDELT file, archive member or line that cannot be read.

    ``str()`` is "FILE: line N: what is wrong" (no line part when the whole
    file is at fault), so a caller prints it as is and goes on.
    """

    def __init__(self, path: str, line: int | None, reason: str):
        where = f"{path}: line {line}" if line is not None else path
        super().__init__(f"{where}: {reason}")
        self.path, self.line, self.reason = path, line, reason


@dataclass
class GdeltStats:
    """Counts filled in while ``read_gdelt`` is consumed."""

    rows: int = 0
    records: int = 0
    errors: int = 0
    unmappable: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        skipped = sum(self.unmappable.values())
        return f"{self.rows} rows read, {self.records} records, {skipped} unmappable, {self.errors} errors"


# --- tables -----------------------------------------------------------------

@dataclass(frozen=True)
class CameoTables:
    """``cameo.toml`` as lookups, checked against event record v1."""

    states: frozenset[str]
    aliases: dict[str, str]
    regions: dict[str, str]
    nonstate_types: frozenset[str]
    igo: dict[str, str]
    types: dict[str, str]
    by_goldstein: dict[str, dict[str, str]]
    stances: dict[str, int]
    channels: dict[str, str]
    default_channel: str
    confidence: float


def _read_data(name: str) -> str:
    return resources.files("orbitwatch.data").joinpath(name).read_text("utf-8")


def _known_states() -> frozenset[str]:
    """ISO alpha-3 codes of the states orbitwatch knows (data/states.csv)."""
    return frozenset(row["code"] for row in csv.DictReader(io.StringIO(_read_data("states.csv"))))


def _check(ok: bool, where: str, value, allowed) -> None:
    if not ok:
        raise ValueError(f"{TABLES}: {where} = {value!r} is not one of {', '.join(map(str, allowed))}")


def _check_tables(t: CameoTables) -> None:
    """Fail on load, naming the entry, rather than emit records that break v1."""
    codes = t.states | set(ORGANISATIONS)
    for key, code in {**t.aliases, **t.regions, **t.igo}.items():
        _check(code in codes, f"actor code {key}", code, ["a code of states.csv", *ORGANISATIONS])
    for key, typ in t.types.items():
        _check(typ in TYPES, f"types.{key}", typ, TYPES)
        _check(_lookup(t.stances, key) is not None, f"types.{key} stance", None, ["a stances entry for it"])
    for key, pair in t.by_goldstein.items():
        for sign in ("positive", "negative"):
            _check(pair.get(sign) in TYPES, f"by_goldstein.{key}.{sign}", pair.get(sign), TYPES)
    for key, stance in t.stances.items():
        _check(stance in STANCES, f"stances.{key}", stance, STANCES)
    for key, channel in {**t.channels, "default": t.default_channel}.items():
        _check(channel in CHANNELS, f"channels.{key}", channel, CHANNELS)
    _check(0 <= t.confidence <= 1, "confidence", t.confidence, ["a number within 0..1"])


@lru_cache(maxsize=1)
def cameo_tables() -> CameoTables:
    """Load and check ``data/cameo.toml`` once; every reader shares the result."""
    raw = tomllib.loads(_read_data(TABLES))
    actors, channels = raw["actors"], raw["channels"]
    tables = CameoTables(
        states=_known_states(), aliases=dict(actors["aliases"]), regions=dict(actors["regions"]),
        nonstate_types=frozenset(actors["nonstate_types"]), igo=dict(raw["igo"]),
        types=dict(raw["types"]), by_goldstein=dict(raw["by_goldstein"]), stances=dict(raw["stances"]),
        channels=dict(channels["codes"]), default_channel=channels["default"],
        confidence=float(raw["confidence"]),
    )
    _check_tables(tables)
    return tables


def _lookup(table: dict, *codes: str):
    """The entry for the most specific code that has one: "0874", then "087", then "08".

    Each code's own prefixes are tried too, so a row with an empty
    EventBaseCode still finds its base and root entries.
    """
    for code in codes:
        for n in range(len(code), 1, -1):
            if code[:n] in table:
                return table[code[:n]]
    return None


# --- actors -----------------------------------------------------------------

def _state(code: str, t: CameoTables) -> str | None:
    code = t.aliases.get(code, code)
    return code if code in t.states else None


def _igo(code: str, t: CameoTables) -> str | None:
    """The organisation in "IGOEU", "IGOWSTNAT", "IGOEUREEC" or a bare group code "UNO"."""
    rest = code[3:] if code.startswith("IGO") else code
    if rest in t.igo:
        return t.igo[rest]
    parts = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    return next((t.igo[p] for p in reversed(parts) if p in t.igo), None)


def _actor(row: dict, n: str, t: CameoTables) -> tuple[str | None, str]:
    """Actor ``n`` ("1" or "2") as a v1 code, or None and why not.

    A state beats an organisation, which beats a region: GDELT may give the
    region (EUR, WST) as the country of an IGO actor.
    """
    if row[f"Actor{n}Type1Code"] in t.nonstate_types:
        return None, f"non-state actor{n} type {row[f'Actor{n}Type1Code']}"
    country, code, group = row[f"Actor{n}CountryCode"], row[f"Actor{n}Code"], row[f"Actor{n}KnownGroupCode"]
    found = (_state(country, t) or _state(code[:3], t)
             or (_igo(code, t) if code.startswith("IGO") else None) or (_igo(group, t) if group else None)
             or t.regions.get(country) or t.regions.get(code[:3]))
    if found:
        return found, ""
    return None, f"no actor{n} code" if not (country or code) else f"unmapped actor{n} {code or country}"


# --- event ------------------------------------------------------------------

def _codes(row: dict) -> tuple[str, str, str]:
    """The row's CAMEO codes, most specific first (a root may have lost its leading zero)."""
    return row["EventCode"], row["EventBaseCode"], row["EventRootCode"].zfill(2)


def _event(row: dict, goldstein: float, t: CameoTables) -> tuple[str, int] | str:
    """(type, stance) for the row's CAMEO code, or the reason there is none."""
    codes = _codes(row)
    typ = _lookup(t.types, *codes)
    if typ is not None:
        return typ, _lookup(t.stances, *codes)
    pair = _lookup(t.by_goldstein, *codes)
    if pair is None:
        return f"CAMEO code {row['EventCode'] or '(none)'} has no type"
    if goldstein == 0:
        return "neutral statement (Goldstein 0)"
    return (pair["positive"], 1) if goldstein > 0 else (pair["negative"], -1)


def _date(value: str) -> str:
    """SQLDATE YYYYMMDD as YYYY-MM-DD; ValueError for anything else."""
    if len(value) != 8 or not value.isdigit():
        raise ValueError(value)
    return dt.date(int(value[:4]), int(value[4:6]), int(value[6:])).isoformat()  # strptime is 10x slower


def _numbers(row: dict, where: str, line: int) -> tuple[str, float, int]:
    """Date, Goldstein and mentions, or a GdeltError naming the bad field."""
    try:
        date = _date(row["SQLDATE"])
    except ValueError:
        raise GdeltError(where, line, f"SQLDATE {row['SQLDATE']!r} is not a date YYYYMMDD") from None
    try:
        goldstein = float(row["GoldsteinScale"])
    except ValueError:
        raise GdeltError(where, line, f"GoldsteinScale {row['GoldsteinScale']!r} is not a number") from None
    try:
        mentions = int(row["NumMentions"])
    except ValueError:
        raise GdeltError(where, line, f"NumMentions {row['NumMentions']!r} is not a whole number") from None
    return date, goldstein, mentions


def _record(row: dict, parties: tuple[str, str], event: tuple[str, int], numbers: tuple, t: CameoTables) -> EventRecord:
    date, goldstein, mentions = numbers
    url = row["SOURCEURL"]
    return EventRecord(
        doc=f"gdelt:{row['GLOBALEVENTID']}", actor=parties[0], target=parties[1], type=event[0],
        stance=event[1], channel=_lookup(t.channels, *_codes(row)) or t.default_channel, date=date,
        evidence=url, confidence=t.confidence,
        extra={"source": "gdelt", "url": url, "gdelt_id": row["GLOBALEVENTID"], "cameo": row["EventCode"],
               "goldstein": goldstein, "mentions": mentions},
    )


def _map_row(fields: list[str], where: str, line: int, t: CameoTables) -> EventRecord | str:
    """One split line -> a record, or the reason it is unmappable.

    Raises GdeltError for a line that is not a GDELT 2.0 event row at all;
    a well-formed row that v1 cannot express is only skipped.
    """
    if len(fields) != len(COLUMNS):
        raise GdeltError(where, line, f"{len(fields)} tab-separated columns, "
                         f"a GDELT 2.0 event export has {len(COLUMNS)}")
    row = dict(zip(COLUMNS, fields))
    if not row["GLOBALEVENTID"]:
        raise GdeltError(where, line, "GLOBALEVENTID is empty")
    numbers = _numbers(row, where, line)
    actor, why = _actor(row, "1", t)
    if actor is None:
        return why
    target, why = _actor(row, "2", t)
    if target is None:
        return why
    if actor == target:
        return "same actor and target"
    event = _event(row, numbers[1], t)
    if isinstance(event, str):
        return event
    rec = _record(row, (actor, target), event, numbers, t)
    try:
        validate(rec)
    except RecordError as e:
        return f"not a valid record ({e})"
    return rec


# --- files ------------------------------------------------------------------

def _read_lines(lines: Iterator[str], where: str, stats: GdeltStats) -> Iterator[EventRecord | GdeltError]:
    t = cameo_tables()
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        stats.rows += 1
        try:
            out = _map_row(line.split("\t"), where, n, t)
        except GdeltError as e:
            stats.errors += 1
            yield e
            continue
        if isinstance(out, str):
            stats.unmappable[out] += 1
        else:
            stats.records += 1
            yield out


def _read_plain(path: Path, stats: GdeltStats) -> Iterator[EventRecord | GdeltError]:
    # newline="\n": a stray \r inside a field must not split the row.
    with open(path, encoding="utf-8", errors="replace", newline="\n") as f:
        yield from _read_lines(f, str(path), stats)


def _read_zip(path: Path, stats: GdeltStats) -> Iterator[EventRecord | GdeltError]:
    """Each .CSV member in archive order; ``zipfile`` never inflates past the declared size."""
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            where = f"{path}!{info.filename}"
            if info.is_dir():
                continue
            error = None
            if not info.filename.lower().endswith(SUFFIXES):
                error = GdeltError(where, None, f"not a GDELT export ({', '.join(SUFFIXES)}); skipped")
            elif info.file_size > MAX_MEMBER_BYTES:
                error = GdeltError(where, None, f"inflates to {info.file_size} bytes, over the "
                                   f"{MAX_MEMBER_BYTES} byte limit; refused (zip bomb?)")
            if error:
                stats.errors += 1
                yield error
                continue
            with z.open(info) as raw:
                text = io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="\n")
                yield from _read_lines(text, where, stats)


def read_gdelt(path, stats: GdeltStats | None = None) -> Iterator[EventRecord | GdeltError]:
    """Records of a GDELT 2.0 export (.CSV/.csv/.tsv, or a .zip of them).

    Errors are yielded, not raised, so one bad line or file costs only itself;
    pass ``stats`` to learn how many rows were read, mapped and skipped.
    """
    path, stats = Path(path), stats if stats is not None else GdeltStats()
    suffix = path.suffix.lower()
    try:
        if suffix == ".zip":
            yield from _read_zip(path, stats)
        elif suffix in SUFFIXES:
            yield from _read_plain(path, stats)
        else:
            stats.errors += 1
            yield GdeltError(str(path), None, f"unknown extension {path.suffix!r}: expected .CSV, .csv, .tsv or .zip")
    except (OSError, zipfile.BadZipFile) as e:
        stats.errors += 1
        yield GdeltError(str(path), None, _unreadable(e))


def _unreadable(e: Exception) -> str:
    """Why a file could not be read at all, in words."""
    if isinstance(e, zipfile.BadZipFile):
        return f"damaged or not a zip archive ({e})"
    return f"cannot read ({getattr(e, 'strerror', None) or e})"
