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


def strongest(store, weights: Weights, state: str | None = None, power: str | None = None,
              since: str | None = None, until: str | None = None, machine: bool = False,
              n: int = 3) -> dict[tuple[str, str, str], dict[str, list[dict]]]:
    """The ``n`` strongest canonical events each way per (state, power) over
    all channels (``overall``) and per channel, ranked in the database: one
    query however many events a pair has. Same fields as ``evidence``."""
    sql, params = _strongest_sql(weights, state, power, since, until, machine, n)
    out: dict = {}
    for r in store.query(sql, params):
        (st, pw, ch, way, rank_all, rank_ch), e = r[:6], dict(zip(_EVIDENCE_FIELDS, r[6:]))
        e["weight"] = round(e["weight"], 4)
        if rank_all <= n:
            out.setdefault((st, pw, OVERALL), {"closer": [], "away": []})[way].append(e)
        if rank_ch <= n:
            out.setdefault((st, pw, ch), {"closer": [], "away": []})[way].append(e)
    return out


_EVIDENCE_FIELDS = ("sentence", "doc", "date", "actor", "target", "type", "channel", "confidence", "weight",
                    "start", "end", "sources")


def _strongest_sql(weights, state, power, since, until, machine, n) -> tuple[str, list]:
    from .signals import _filters, _values
    partners = _values(weights.partners())
    intensity = _values(list(weights.intensity.items()))
    source = weights.source_sql("e.extractor")
    where, params = _filters(state, power, since, until)  # over the columns state, power and day
    table = "events" if machine else "events_corrected"
    params = ([state, state] if state else []) + params  # the state's records only, before both sides are made
    sql = f"""
    WITH ev AS (
        SELECT e.*, coalesce(c.canonical_id, e.id) AS cid, coalesce(e.date, d.published) AS day,
               w.weight * coalesce(e.confidence, 1.0) * {source} AS strength
        FROM {table} e JOIN documents d ON d.id = e.doc_id LEFT JOIN canonical c ON c.event_id = e.id
        JOIN (VALUES {intensity}) AS w(type, weight) ON w.type = e.type
        WHERE e.stance <> 0 AND {source} > 0 {"AND (e.actor = ? OR e.target = ?)" if state else ""}
    ), s AS (
        SELECT *, actor AS state, target AS other FROM ev UNION ALL SELECT *, target, actor FROM ev
    ), mapped AS (
        SELECT s.*, p.power FROM s JOIN (VALUES {partners}) AS p(code, power) ON p.code = s.other
        WHERE s.state <> p.power {where}
    ), sources AS (
        SELECT state AS st, power AS pw, cid AS c, count(DISTINCT doc_id) AS sources
        FROM mapped GROUP BY state, power, cid
    ), best AS (
        SELECT * FROM (
            SELECT mapped.*, row_number() OVER (PARTITION BY state, power, cid ORDER BY strength DESC, id) AS nth
            FROM mapped) strongest_report
        JOIN sources ON st = state AND pw = power AND c = cid
        WHERE nth = 1
    ), ranked AS (
        SELECT *, CASE WHEN stance > 0 THEN 'closer' ELSE 'away' END AS way,
               row_number() OVER (PARTITION BY state, power, stance > 0 ORDER BY strength DESC, id) AS rank_all,
               row_number() OVER (PARTITION BY state, power, channel, stance > 0 ORDER BY strength DESC, id)
                   AS rank_ch
        FROM best
    )
    SELECT state, power, channel, way, rank_all, rank_ch, evidence, doc_id, day, actor, target, type, channel,
           confidence, strength, start_offset, end_offset, sources
    FROM ranked WHERE rank_all <= {int(n)} OR rank_ch <= {int(n)}
    ORDER BY state, power, way, strength DESC, id
    """
    return sql, params


def _row(state, power, channel, sig, sig_dir, moves, struct_dir, found, weights) -> dict:
    return {
        "state": state, "power": power, "channel": channel,
        "verdict": combine(sig_dir, struct_dir),
        "signal": round(sig.score, 4), "low": round(sig.low, 4), "high": round(sig.high, 4),
        "p_closer": round(sig.p_closer, 4), "events": sig.events, "sources": sig.sources,
        "signal_direction": _WORD[sig_dir], "structure_direction": _WORD[struct_dir],
        "structure": [m.to_dict() for m in moves],
        "evidence": found or {"closer": [], "away": []},
    }


def pair_events(store, pairs, weights: Weights, since: str | None = None, until: str | None = None,
                machine: bool = False, limit: int | None = None) -> dict[tuple[str, str], list[EventRecord]]:
    """Stored records of each (state, power) pair, organisations counted for
    their powers; the store is read once per state, or, with ``limit``, at
    most ``limit`` records per pair and code (a page cannot chart them all)."""
    by_state: dict[str, list[EventRecord]] = {}
    out = {}
    for s, p in pairs:
        if s not in by_state:
            by_state[s] = store.events(EventQuery(state=s, since=since, until=until, machine=machine,
                                                  per_partner=limit))
        codes = set(weights.powers.get(p, (p,)))
        out[(s, p)] = [r for r in by_state[s] if ({r.actor, r.target} - {s}) & codes][:limit]
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
    found = strongest(store, weights, state, power, since, until, machine)
    out = []
    for s, p in sorted(pairs):
        moves: list[Movement] = movements(obs_by_pair.get((s, p), []), weights)
        channels = sorted({c for (a, b, c) in sigs if (a, b) == (s, p) and c != "all"} | {m.channel for m in moves})
        for ch in [OVERALL] + channels:
            key = "all" if ch == OVERALL else ch
            sig = sigs.get((s, p, key)) or empty_signal(s, p, key, "all", weights)
            ch_moves = moves if ch == OVERALL else [m for m in moves if m.channel == ch]
            out.append(_row(s, p, ch, sig, signal_direction(sigs.get((s, p, key)), weights), ch_moves,
                            structure_direction(ch_moves), found.get((s, p, ch)), weights))
    return out
