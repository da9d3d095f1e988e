"""The small sourced dataset shipped in ``orbitwatch/data/indicators``."""
from __future__ import annotations

import csv
import io
from collections import defaultdict
from importlib import resources

from .observation import Observation

BUNDLED_FILES = ("unga_votes.csv", "structure.csv")
AGREEMENT_SOURCE = " (agreement with each power computed by orbitwatch)"


def _rows(name: str) -> list[Observation]:
    text = resources.files("orbitwatch.data").joinpath("indicators").joinpath(name).read_text("utf-8")
    return [Observation(state=r["state"], partner=r["partner"], indicator=r["indicator"], period=r["period"],
                        value=float(r["value"]), unit=r["unit"], source=r["source"],
                        vintage=r["vintage"] or None, note=r["note"] or None).validate()
            for r in csv.DictReader(io.StringIO(text))]


def vote_agreement(votes: list[Observation], powers=("RUS", "CHN", "EU", "USA", "TUR")) -> list[Observation]:
    """Per resolution, 1.0 where a state voted as the power did, else 0.0
    (yes, no and abstain are votes; absences were dropped before)."""
    by_res: dict[str, dict[str, Observation]] = defaultdict(dict)
    for v in votes:
        if v.indicator == "unga_vote" and v.value is not None:
            by_res[v.note or v.period][v.state] = v
    out = []
    for res, cast in sorted(by_res.items()):
        for power in powers:
            if power not in cast:
                continue
            for state, v in sorted(cast.items()):
                if state != power:
                    out.append(Observation(state=state, partner=power, indicator="unga_vote_agreement",
                                           period=v.period, value=float(v.value == cast[power].value),
                                           unit="share", source=v.source + AGREEMENT_SOURCE, note=res))
    return out


def bundled() -> dict[str, list[Observation]]:
    """Dataset name -> rows, vote agreement included."""
    votes = _rows("unga_votes.csv")
    return {"bundled:unga_votes": votes + vote_agreement(votes), "bundled:structure": _rows("structure.csv")}
