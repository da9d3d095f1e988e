"""Importers for the indicator files users already hold.

- ``unvotes``: the UN Digital Library's UNGA voting data (CSV export of
  record 4060887): one row per member state and resolution, ``ms_code``,
  ``ms_vote`` (Y, N, A; blank or X for not voting), ``date``, ``resolution``.
- ``wdi``: a World Bank WDI download (four preamble lines, then ``Country
  Name, Country Code, Indicator Name, Indicator Code, 1960, ...``), or a
  DataBank export (``Series Code`` and ``2019 [YR2019]`` columns, ``..`` for
  missing).
- ``comtrade``: a UN Comtrade CSV export (``reporterISO, partnerISO,
  flowCode, period, cmdCode, primaryValue`` ...); totals only.

Each returns ``Observation`` rows; a file that does not fit raises
``IndicatorFileError`` naming the file and what was expected.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from .bundled import vote_agreement
from .observation import Observation, ObservationError

UNVOTES_SOURCE = "UN Digital Library, UNGA voting data (record 4060887)"
_VOTE = {"Y": 1.0, "N": -1.0, "A": 0.0}
_WDI_UNITS = {"BX.TRF.PWKR.DT.GD.ZS": "percent of GDP", "BX.TRF.PWKR.CD.DT": "current US$",
              "NY.GDP.MKTP.CD": "current US$"}
_YEAR_COLUMN = re.compile(r"^((?:19|20)\d\d)(?: \[YR\d{4}\])?$")


class IndicatorFileError(ValueError):
    """A file that cannot be imported; the message names the file and the problem."""


def _read(path: str | Path) -> str:
    try:
        return Path(path).read_text("utf-8-sig")
    except UnicodeDecodeError:
        raise IndicatorFileError(f"{path}: not UTF-8 text; export the file as CSV (UTF-8)") from None
    except OSError as e:
        raise IndicatorFileError(f"{path}: cannot read: {e.strerror}") from None


def _dict_rows(path, text: str, required: tuple[str, ...]) -> csv.DictReader:
    reader = csv.DictReader(io.StringIO(text))
    found = reader.fieldnames or []
    missing = [c for c in required if c not in found]
    if missing:
        raise IndicatorFileError(f"{path}: missing column(s) {', '.join(missing)}; expected "
                                 f"{', '.join(required)}, found {', '.join(found[:8]) or 'none'}")
    return reader


def _number(path, line: int, value: str) -> float:
    try:
        return float(value.replace(",", ""))
    except ValueError:
        raise IndicatorFileError(f"{path}: line {line}: {value!r} is not a number") from None


def _checked(path, line: int, o: Observation) -> Observation:
    try:
        return o.validate()
    except ObservationError as e:
        raise IndicatorFileError(f"{path}: line {line}: {e}") from None


def read_unvotes(path) -> list[Observation]:
    """Votes (1 yes, 0 abstain, -1 no; not voting left out) and agreement
    with each power per resolution."""
    reader = _dict_rows(path, _read(path), ("ms_code", "ms_vote", "date", "resolution"))
    votes = []
    for line, r in enumerate(reader, start=2):
        vote = (r["ms_vote"] or "").strip().upper()
        if vote not in _VOTE:
            continue
        votes.append(_checked(path, line, Observation(
            state=r["ms_code"].strip(), partner="UN", indicator="unga_vote", period=r["date"].strip()[:7],
            value=_VOTE[vote], unit="vote", source=UNVOTES_SOURCE, note=r["resolution"].strip())))
    return votes + vote_agreement(votes)


def read_wdi(path) -> list[Observation]:
    text = _read(path)
    lines = text.splitlines()
    vintage = None
    start = 0
    for i, line in enumerate(lines[:6]):
        if line.startswith('"Last Updated Date"'):
            vintage = next(csv.reader([line]))[1] or None
        if line.startswith('"Country Name"') or line.startswith("Country Name"):
            start = i
            break
    body = "\n".join(lines[start:])
    reader = csv.DictReader(io.StringIO(body))
    code_col = "Indicator Code" if "Indicator Code" in (reader.fieldnames or []) else "Series Code"
    reader = _dict_rows(path, body, ("Country Code", code_col))
    years = [(c, _YEAR_COLUMN.match(c).group(1)) for c in reader.fieldnames if c and _YEAR_COLUMN.match(c)]
    if not years:
        raise IndicatorFileError(f"{path}: no year columns (1960 ... or 2019 [YR2019]); is this a WDI CSV?")
    out = []
    for line, r in enumerate(reader, start=start + 2):
        code, series = (r["Country Code"] or "").strip(), (r[code_col] or "").strip()
        if not code or not series:
            continue
        for col, year in years:
            cell = (r.get(col) or "").strip()
            if cell in ("", ".."):
                continue
            out.append(_checked(path, line, Observation(
                state=code, partner="WLD", indicator=series, period=year, value=_number(path, line, cell),
                unit=_WDI_UNITS.get(series, ""), source="World Bank WDI", vintage=vintage)))
    return out


def _comtrade_period(path, line: int, r: dict) -> str:
    period = (r.get("period") or r.get("refYear") or "").strip()
    if re.fullmatch(r"\d{6}", period):
        return f"{period[:4]}-{period[4:]}"
    if re.fullmatch(r"\d{4}", period):
        return period
    raise IndicatorFileError(f"{path}: line {line}: period {period!r} is not YYYY or YYYYMM")


def read_comtrade(path) -> list[Observation]:
    """Imports and exports by partner (totals), and each partner's share of
    the reporter's total where the file holds the world row."""
    reader = _dict_rows(path, _read(path), ("reporterISO", "partnerISO", "flowCode", "primaryValue"))
    out = []
    for line, r in enumerate(reader, start=2):
        if (r.get("cmdCode") or "TOTAL").strip() != "TOTAL" or not _comtrade_total(r):
            continue
        flow = {"M": "imports", "X": "exports"}.get((r["flowCode"] or "").strip())
        if flow is None:
            continue
        partner = (r["partnerISO"] or "").strip()
        out.append(_checked(path, line, Observation(
            state=r["reporterISO"].strip(), partner="WLD" if partner in ("W00", "WLD") else partner,
            indicator=flow, period=_comtrade_period(path, line, r),
            value=_number(path, line, r["primaryValue"]), unit="current US$", source="UN Comtrade")))
    return out + trade_shares(out)


_COMTRADE_TOTALS = {"motCode": ("", "0"), "customsCode": ("", "C00"), "partner2Code": ("", "0")}


def _comtrade_total(row: dict) -> bool:
    """A row of all transport modes, customs procedures and second partners:
    the breakdown rows of a detailed export would count the same trade twice."""
    return all((row.get(col) or "").strip() in ok for col, ok in _COMTRADE_TOTALS.items())


def trade_shares(rows: list[Observation]) -> list[Observation]:
    world = {(o.state, o.indicator, o.period): o.value for o in rows if o.partner == "WLD"}
    return [Observation(state=o.state, partner=o.partner, indicator=f"{o.indicator}_share", period=o.period,
                        value=round(100 * o.value / world[(o.state, o.indicator, o.period)], 3), unit="percent",
                        source="UN Comtrade (share computed by orbitwatch)")
            for o in rows if o.partner != "WLD" and world.get((o.state, o.indicator, o.period))]


IMPORTERS = {"unvotes": read_unvotes, "wdi": read_wdi, "comtrade": read_comtrade}


def read_indicator_file(path, kind: str) -> list[Observation]:
    if kind not in IMPORTERS:
        raise IndicatorFileError(f"{path}: unknown kind {kind!r}; valid: {', '.join(sorted(IMPORTERS))}")
    return IMPORTERS[kind](path)
