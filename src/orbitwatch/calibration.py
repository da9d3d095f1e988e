"""Confidence that means something: a record with confidence 0.8 should be
right about 8 times in 10.

The extractor's raw score (trigger weight, discounted for pronoun actors and
fallback targets, raised by repeated mentions) is mapped to a probability by
an isotonic (monotone) fit of raw score to correctness on development data:
``fit`` computes the map, ``data/calibration.toml`` stores it, ``apply``
uses it. Refit after changing the lexicon: ``orbitwatch calibrate``.
"""
from __future__ import annotations

import bisect
import tomllib
from functools import lru_cache
from importlib import resources

from .evaluation import dedup, match

MIN_BIN = 5  # records a bin of the map needs


def pool_adjacent_violators(points: list[tuple[float, int]]) -> list[tuple[float, float, int]]:
    """Isotonic fit of (score, correct) pairs: blocks of (upper score, rate, n)."""
    blocks: list[list[float]] = []  # [max score, sum correct, n]
    tied: dict[float, list[float]] = {}
    for score, ok in points:  # equal scores are one block: a map cannot split them
        tied.setdefault(score, [0.0, 0])
        tied[score][0] += ok
        tied[score][1] += 1
    for score in sorted(tied):
        blocks.append([score, tied[score][0], tied[score][1]])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            top = blocks.pop()
            blocks[-1] = [top[0], blocks[-1][1] + top[1], blocks[-1][2] + top[2]]
    return [(b[0], b[1] / b[2], int(b[2])) for b in _merge_small(blocks)]


def _merge_small(blocks: list[list[float]], least: int = MIN_BIN) -> list[list[float]]:
    """Fold blocks of fewer than ``least`` records into their lower neighbour:
    one lucky record must not promise a precision of 1.0."""
    out: list[list[float]] = []
    for b in blocks:
        if out and (b[2] < least or out[-1][2] < least):
            out[-1] = [b[0], out[-1][1] + b[1], out[-1][2] + b[2]]
        else:
            out.append(list(b))
    return out


def correctness(gold: list[dict], pred: list[dict]) -> list[tuple[float, int]]:
    """(raw confidence, 1 if the record matches gold) for every predicted record."""
    gold, pred = dedup(gold), dedup(pred)
    matched = {id(p) for _, p in match(gold, pred)}
    return [(float(p.get("raw_confidence", p.get("confidence", 0.5))), int(id(p) in matched)) for p in pred]


def fit(gold: list[dict], pred: list[dict]) -> list[tuple[float, float, int]]:
    return pool_adjacent_violators(correctness(gold, pred))


def to_toml(blocks: list[tuple[float, float, int]], source: str) -> str:
    lines = ["# Isotonic map from raw extractor score to precision, fitted by",
             f"# `orbitwatch calibrate` on {source}. Each [[bin]]: raw scores up to",
             "# `upto` have precision `p` over `n` records.", ""]
    for upto, p, n in blocks:
        lines += ["[[bin]]", f"upto = {upto:.4f}", f"p = {p:.4f}", f"n = {n}", ""]
    return "\n".join(lines)


def pool_value(blocks: list[tuple[float, float, int]], raw: float) -> float:
    """The fitted precision for a raw score under ``blocks``."""
    for upto, p, _ in blocks:
        if raw <= upto:
            return p
    return blocks[-1][1] if blocks else raw


@lru_cache(maxsize=1)
def _bins() -> tuple[tuple[float, ...], tuple[float, ...]]:
    try:
        text = resources.files("orbitwatch.data").joinpath("calibration.toml").read_text("utf-8")
    except FileNotFoundError:
        return (), ()
    bins = tomllib.loads(text).get("bin", [])
    return tuple(b["upto"] for b in bins), tuple(b["p"] for b in bins)


def apply(raw: float) -> float:
    """Calibrated confidence of a raw score (the raw score when no map is shipped)."""
    uppers, rates = _bins()
    if not uppers:
        return raw
    i = min(bisect.bisect_left(uppers, raw), len(rates) - 1)
    return round(min(0.99, max(0.01, rates[i])), 3)


def precision_at(gold: list[dict], pred: list[dict], threshold: float) -> tuple[float, int]:
    """Precision of the records with confidence >= threshold, and their number."""
    gold, pred = dedup(gold), dedup(pred)
    matched = {id(p) for _, p in match(gold, pred)}
    kept = [p for p in pred if (p.get("confidence") or 0) >= threshold]
    return (sum(id(p) in matched for p in kept) / len(kept) if kept else 0.0), len(kept)
