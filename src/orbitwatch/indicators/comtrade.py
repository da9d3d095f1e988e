"""UN Comtrade (comtradeplus) CSV exports: totals by reporter, partner and flow.

Only the total over all commodities (``cmdCode`` TOTAL) is kept, because a
file with chapters beside the total would count the same trade twice. A file
that holds a single commodity code is kept whole, with the code in ``note``.
"""
from __future__ import annotations

import re

from .files import IndicatorFileError, _checked, _dict_rows, _number, _read
from .files import trade_shares as _shares
from .observation import Observation

FLOWS = {"M": "imports", "X": "exports"}
WORLD = ("W00", "WLD")
REQUIRED = ("freqCode", "refYear", "period", "reporterISO", "flowCode", "partnerISO", "cmdCode", "primaryValue")


def _period(path, line: int, r: dict) -> str:
    """``YYYY`` for annual rows (``freqCode`` A), ``YYYY-MM`` for monthly (M)."""
    freq = (r["freqCode"] or "").strip()
    if freq == "A":
        year = (r["refYear"] or "").strip()
        if re.fullmatch(r"\d{4}", year):
            return year
        raise IndicatorFileError(f"{path}: line {line}: refYear {year!r} is not YYYY")
    if freq == "M":
        period = (r["period"] or "").strip()
        if re.fullmatch(r"\d{4}(0[1-9]|1[0-2])", period):
            return f"{period[:4]}-{period[4:]}"
        raise IndicatorFileError(f"{path}: line {line}: period {period!r} is not YYYYMM")
    raise IndicatorFileError(f"{path}: line {line}: freqCode {freq!r} is not A (annual) or M (monthly)")


def _kept_code(rows: list[dict]) -> str:
    """TOTAL, unless the whole file is one commodity code."""
    codes = {(r["cmdCode"] or "").strip() for r in rows}
    return codes.pop() if len(codes) == 1 else "TOTAL"


def read_comtrade(path) -> list[Observation]:
    """``imports`` and ``exports`` rows in current US$ (``primaryValue``);
    the world partner W00 becomes ``WLD``. Other flows (re-exports ...) are skipped."""
    rows = list(_dict_rows(path, _read(path), REQUIRED))
    code = _kept_code(rows)
    out = []
    for line, r in enumerate(rows, start=2):
        flow = FLOWS.get((r["flowCode"] or "").strip())
        if flow is None or (r["cmdCode"] or "").strip() != code:
            continue
        partner = (r["partnerISO"] or "").strip()
        out.append(_checked(path, line, Observation(
            state=(r["reporterISO"] or "").strip(), partner="WLD" if partner in WORLD else partner,
            indicator=flow, period=_period(path, line, r), value=_number(path, line, r["primaryValue"] or ""),
            unit="current US$", source="UN Comtrade", kind="official",
            note=None if code == "TOTAL" else f"cmdCode {code}")))
    return out


def trade_shares(observations) -> list[Observation]:
    """Each partner's share (percent) of the reporter's trade with the world,
    per period and flow, where the file holds the world row."""
    return [o.validate() for o in _shares(list(observations))]
