"""Verdicts: per state, power and channel, do the events (signals) and the
indicators (structure) say the state is moving closer, away, both ways at
once (``mixed``), or is there too little to say (``insufficient``)?

The rule, with its thresholds in ``data/weights.toml``:
- the signal takes a side when at least ``min_events`` canonical events stand
  behind it and the posterior probability of that side is at least
  ``min_probability``; with enough events and neither side, it is balanced;
- the structure takes a side as ``structure.structure_direction`` says;
- one side alone decides; opposite sides, or a balanced signal with nothing
  to outweigh it, give ``mixed``; nothing at all gives ``insufficient``.
Every verdict carries the numbers behind it and the three strongest pieces of
evidence each way, so a reader can disagree with it.
"""
from __future__ import annotations

from ..records import ORGANISATIONS, EventRecord
from ..store import EventQuery
from .signals import Signal, empty_signal, signals
from .structure import Movement, movements, structure_direction
from .weights import Weights, load_weights

VERDICTS = ("closer", "away", "mixed", "insufficient")
OVERALL = "overall"
_WORD = {1: "closer", -1: "away", 0: "balanced", None: "none"}


def signal_direction(sig: Signal | None, weights: Weights) -> int | None:
    if sig is None or sig.events < weights.min_events:
        return None
    if sig.p_closer >= weights.min_probability:
        return 1
    if 1 - sig.p_closer >= weights.min_probability:
        return -1
    return 0


def combine(signal: int | None, structure: int | None) -> str:
    """The verdict from the two directions (+1, -1, 0 balanced, None silent)."""
    sided = {x for x in (signal, structure) if x in (1, -1)}
    if len(sided) == 2:
        return "mixed"
    if sided:
        return _WORD[sided.pop()]
    if 0 in (signal, structure):
        return "mixed"
    return "insufficient"


def _in_window(period: str, since: str | None, until: str | None) -> bool:
    start, end = period.split("/")[0], period.split("/")[-1]
    if since and end[:len(since)] < since[:len(end)]:
        return False
    if until and start[:len(until)] > until[:len(start)]:
        return False
    return True


def _strength(r: EventRecord, weights: Weights) -> float:
    return weights.intensity[r.type] * (r.confidence if r.confidence is not None else 1.0)


def evidence(records: list[EventRecord], weights: Weights, n: int = 3) -> dict[str, list[dict]]:
    """The ``n`` strongest canonical events each way, strongest first."""
    best: dict[str, EventRecord] = {}
    sources: dict[str, set] = {}
    for r in records:
        key = r.extra.get("canonical") or r.extra.get("id") or id(r)
        sources.setdefault(key, set()).add(r.doc)
        if key not in best or _strength(r, weights) > _strength(best[key], weights):
            best[key] = r
    out = {"closer": [], "away": []}
    for key, r in sorted(best.items(), key=lambda kv: -_strength(kv[1], weights)):
        side = {1: "closer", -1: "away"}.get(r.stance)
        if side and len(out[side]) < n:
            out[side].append({
                "sentence": r.evidence, "doc": r.doc, "date": r.date or r.extra.get("published"),
                "actor": r.actor, "target": r.target, "type": r.type, "channel": r.channel,
                "confidence": r.confidence, "weight": round(_strength(r, weights), 4),
                "start": r.start, "end": r.end, "sources": len(sources[key]),
            })
    return out


def _row(state, power, channel, sig, sig_dir, moves, struct_dir, records, weights) -> dict:
    return {
        "state": state, "power": power, "channel": channel,
        "verdict": combine(sig_dir, struct_dir),
        "signal": round(sig.score, 4), "low": round(sig.low, 4), "high": round(sig.high, 4),
        "p_closer": round(sig.p_closer, 4), "events": sig.events, "sources": sig.sources,
        "signal_direction": _WORD[sig_dir], "structure_direction": _WORD[struct_dir],
        "structure": [m.to_dict() for m in moves],
        "evidence": evidence(records, weights),
    }


def pair_events(store, pairs, weights: Weights, since: str | None = None,
                until: str | None = None, machine: bool = False) -> dict[tuple[str, str], list[EventRecord]]:
    """Stored records of each (state, power) pair, organisations counted for
    their powers; the store is read once per state."""
    by_state: dict[str, list[EventRecord]] = {}
    out = {}
    for s, p in pairs:
        if s not in by_state:
            by_state[s] = store.events(EventQuery(state=s, since=since, until=until, machine=machine))
        codes = set(weights.powers.get(p, (p,)))
        out[(s, p)] = [r for r in by_state[s] if ({r.actor, r.target} - {s}) & codes]
    return out


def verdicts(store, state: str | None = None, power: str | None = None, since: str | None = None,
             until: str | None = None, weights: Weights | None = None, machine: bool = False) -> list[dict]:
    """One verdict per state, power and channel, and one ``overall``."""
    weights = weights or load_weights()
    sigs = {(s.state, s.power, s.channel): s
            for s in signals(store, state=state, power=power, since=since, until=until, weights=weights,
                             machine=machine)}
    pairs = {(s, p) for s, p, _ in sigs}
    powers = [power] if power else list(weights.powers)
    obs_by_pair: dict[tuple, list] = {}
    for p in powers:
        for o in store.indicators(state=state, partners=weights.powers.get(p, (p,))):
            not_state = o.state in weights.powers or o.state in ORGANISATIONS  # "the West's trade with Russia"
            if not not_state and _in_window(o.period, since, until):
                obs_by_pair.setdefault((o.state, p), []).append(o)
    pairs |= set(obs_by_pair)
    events = pair_events(store, sorted(pairs), weights, since, until, machine)
    out = []
    for s, p in sorted(pairs):
        records = events[(s, p)]
        moves: list[Movement] = movements(obs_by_pair.get((s, p), []), weights)
        channels = sorted({c for (a, b, c) in sigs if (a, b) == (s, p) and c != "all"} | {m.channel for m in moves})
        for ch in [OVERALL] + channels:
            key = "all" if ch == OVERALL else ch
            sig = sigs.get((s, p, key)) or empty_signal(s, p, key, "all", weights)
            ch_moves = moves if ch == OVERALL else [m for m in moves if m.channel == ch]
            ch_records = records if ch == OVERALL else [r for r in records if r.channel == ch]
            out.append(_row(s, p, ch, sig, signal_direction(sigs.get((s, p, key)), weights), ch_moves,
                            structure_direction(ch_moves), ch_records, weights))
    return out
