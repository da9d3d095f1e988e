"""Structure: which way the indicators of a state and a power have moved.

An official series (same indicator, state and partner) says "closer" or
"away" when its latest value moved from its earliest by at least
``min_relative_change`` of it, times the indicator's polarity. A claim read
from text says so when it states a change ("grew 40 percent"). Levels
without a change ("80 percent of its oil") are shown but take no side. Each
indicator gets one direction (the sign of its items' sum), and the structure
of a channel is the sign of the sum over its indicators.
"""
from __future__ import annotations

import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..indicators.observation import Observation
from .weights import Weights


@dataclass(frozen=True)
class IndicatorDef:
    name: str
    label: str
    channel: str
    polarity: int


@lru_cache(maxsize=1)
def indicator_defs() -> dict[str, IndicatorDef]:
    data = tomllib.loads(resources.files("orbitwatch.data").joinpath("indicators.toml").read_text("utf-8"))
    return {name: IndicatorDef(name, d.get("label", name), d["channel"], int(d.get("polarity", 0)))
            for name, d in data["indicator"].items()}


@dataclass
class Movement:
    """One indicator of a state and a power, and which way it moved."""

    indicator: str
    label: str
    channel: str
    kind: str                      # official or claim
    direction: int                 # +1 closer, -1 away, 0 no change or no side
    first: Observation | None = None
    last: Observation | None = None
    claims: list[Observation] = field(default_factory=list)

    def to_dict(self) -> dict:
        def obs(o):
            return None if o is None else {k: v for k, v in o.to_dict().items() if v is not None}
        return {"indicator": self.indicator, "label": self.label, "channel": self.channel, "kind": self.kind,
                "direction": {1: "closer", -1: "away", 0: "none"}[self.direction],
                "from": obs(self.first), "to": obs(self.last), "claims": [obs(c) for c in self.claims]}


def _sign(x: float) -> int:
    return (x > 0) - (x < 0)


def _official(series: list[Observation], d: IndicatorDef, weights: Weights) -> Movement:
    by_period: dict[str, list[Observation]] = defaultdict(list)
    for o in series:
        if o.value is not None:
            by_period[o.period].append(o)
    periods = sorted(by_period)
    first, last = by_period[periods[0]][0], by_period[periods[-1]][0]
    v0 = sum(o.value for o in by_period[periods[0]]) / len(by_period[periods[0]])
    v1 = sum(o.value for o in by_period[periods[-1]]) / len(by_period[periods[-1]])
    moved = len(periods) > 1 and abs(v1 - v0) >= weights.min_relative_change * max(abs(v0), 1e-9)
    return Movement(d.name, d.label, d.channel, "official", _sign(v1 - v0) * d.polarity if moved else 0,
                    first, last)


def movements(observations: list[Observation], weights: Weights) -> list[Movement]:
    """One movement per official series and per claimed indicator."""
    defs = indicator_defs()
    series: dict[tuple, list[Observation]] = defaultdict(list)
    claims: dict[str, list[Observation]] = defaultdict(list)
    for o in observations:
        d = defs.get(o.indicator)
        if d is None or not d.polarity:
            continue
        if o.kind == "claim":
            claims[o.indicator].append(o)
        else:
            series[(o.indicator, o.partner, o.unit)].append(o)
    out = [_official(s, defs[key[0]], weights) for key, s in sorted(series.items())
           if any(o.value is not None for o in s)]
    for name, items in sorted(claims.items()):
        d = defs[name]
        total = sum({"up": 1, "down": -1}.get(c.change, 0) for c in items)
        out.append(Movement(name, d.label, d.channel, "claim", _sign(total) * d.polarity, claims=items))
    return out


def structure_direction(moves: list[Movement], channel: str | None = None) -> int | None:
    """+1, -1 or 0 over the indicators of a channel (all when None); None
    when no indicator takes a side."""
    picked = [m for m in moves if channel in (None, m.channel)]
    signs = defaultdict(int)
    for m in picked:
        signs[m.indicator] += m.direction
    sided = [_sign(v) for v in signs.values() if v]
    if not sided:
        return None
    return _sign(sum(sided))
