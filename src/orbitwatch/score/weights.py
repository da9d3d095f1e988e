"""The weights of the index, read from ``data/weights.toml`` (or a user's copy).

Kept as data so an analyst can argue with a number without touching code.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..records import TYPES


class WeightsError(ValueError):
    """A weights file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Weights:
    intensity: dict[str, float]
    powers: dict[str, tuple[str, ...]]
    prior: float = 1.0
    level: float = 0.90
    min_events: int = 3
    min_probability: float = 0.70
    min_relative_change: float = 0.05
    sources: dict[str, float] = field(default_factory=dict)  # coder family -> weight; absent: 1

    def partners(self) -> list[tuple[str, str]]:
        """(code met in an event, power it counts for) pairs."""
        return [(code, power) for power, codes in self.powers.items() for code in codes]

    def with_sources(self, overrides: dict[str, float]) -> "Weights":
        """These weights with some coder families weighted anew (0 leaves one out)."""
        return replace(self, sources={**self.sources, **_checked_sources(overrides, "--source-weight")})

    def source_sql(self, extractor: str) -> str:
        """SQL for the weight of a record coded by ``extractor`` (a column):
        its family is the name up to the first dot or colon (``gdelt.v2``,
        ``orbitwatch.rules.v1``, ``person:ana``)."""
        family = f"split_part(split_part({extractor}, ':', 1), '.', 1)"
        cases = " ".join(f"WHEN '{name}' THEN CAST({w!r} AS DOUBLE PRECISION)"
                         for name, w in sorted(self.sources.items()))
        return f"(CASE {family} {cases} ELSE CAST(1.0 AS DOUBLE PRECISION) END)" if cases else \
            "CAST(1.0 AS DOUBLE PRECISION)"


def load_weights(path: str | Path | None = None) -> Weights:
    """The shipped weights (read once per process: every index query and
    page asks for them), or those of ``path``."""
    return _shipped() if path is None else _load(path)


@lru_cache(maxsize=1)
def _shipped() -> Weights:
    return _load(None)


def _load(path: str | Path | None) -> Weights:
    if path is None:
        text, name = resources.files("orbitwatch.data").joinpath("weights.toml").read_text("utf-8"), "weights.toml"
    else:
        try:
            text, name = Path(path).read_text("utf-8"), str(path)
        except OSError as e:
            raise WeightsError(f"{path}: cannot read weights: {e.strerror}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise WeightsError(f"{name}: not valid TOML: {e}") from None
    intensity = {k: float(v) for k, v in data.get("intensity", {}).items()}
    missing = [t for t in TYPES if t not in intensity]
    if missing:
        raise WeightsError(f"{name}: [intensity] lacks {', '.join(missing)}; every PLOVER type needs a weight")
    bad = [t for t, w in intensity.items() if t not in TYPES or not 0 <= w <= 1]
    if bad:
        raise WeightsError(f"{name}: [intensity] {', '.join(bad)}: keys must be PLOVER types, weights within 0..1")
    powers = {p: tuple(codes) for p, codes in data.get("powers", {}).items()}
    if not powers:
        raise WeightsError(f"{name}: [powers] is empty; name at least one power and the codes it counts")
    prior, verdict = data.get("prior", {}), data.get("verdict", {})
    return Weights(
        intensity=intensity, powers=powers,
        prior=float(prior.get("strength", 1.0)), level=float(prior.get("level", 0.90)),
        min_events=int(verdict.get("min_events", 3)),
        min_probability=float(verdict.get("min_probability", 0.70)),
        min_relative_change=float(verdict.get("min_relative_change", 0.05)),
        sources=_checked_sources(data.get("sources", {}), f"{name}: [sources]"),
    )


_FAMILY = re.compile(r"[a-z][a-z0-9_-]*")


def _checked_sources(sources: dict, where: str) -> dict[str, float]:
    out = {}
    for name, w in sources.items():
        try:
            w = float(w)
        except (TypeError, ValueError):
            w = -1.0
        if not _FAMILY.fullmatch(str(name)) or not 0 <= w <= 1:
            raise WeightsError(f"{where}: {name} = {sources[name]!r}: a coder family (lowercase, such as gdelt) "
                               "takes a weight within 0..1, 0 leaving its records out")
        out[str(name)] = w
    return out
