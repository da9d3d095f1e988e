"""The event index: how events move a state toward or away from a power.

Each canonical event (the many reports of one real event count once) adds
``stance x intensity(type) x confidence`` to one side: weight pointing closer
(``closer_weight``) or away (``away_weight``). The share of the weight that
points closer gets a Beta posterior with ``prior`` pseudo-weight on each side,
so the score of a pair is

    score = 2 * E[share] - 1 = (closer - away) / (closer + away + 2 * prior)

in -1 (away) .. +1 (closer), with a central credible interval from the Beta
quantiles. Few events give a score near zero with a wide interval: they
cannot look like certainty. Weights are additive, so the score of any window
is computed from the sums over its events.

The aggregation runs in the database: the merged, weighted rows are a table
the store derives once per change of events, links or weights, and each
query is one GROUP BY over it (``bench/index_speed.py`` measures both).
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass

import numpy as np
from scipy.special import betainc, betaincinv, erfinv

from ..records import ORGANISATIONS
from ..store.dialect import hash64 as _hash64
from .weights import Weights, load_weights

PERIODS = ("month", "quarter", "year", "all")
_PERIOD_SQL = {  # over the column {day}
    "month": "CASE WHEN length({day}) >= 7 THEN substr({day}, 1, 7) END",
    "quarter": "CASE WHEN length({day}) >= 7 THEN substr({day}, 1, 4) || '-Q' || "
               "CASE WHEN substr({day}, 6, 2) <= '03' THEN '1' WHEN substr({day}, 6, 2) <= '06' THEN '2' "
               "WHEN substr({day}, 6, 2) <= '09' THEN '3' ELSE '4' END END",
    "year": "substr({day}, 1, 4)",
    "all": "'all'",
}

_ROW_PERIOD = {  # over the derived rows, which carry the month and the year
    "month": "month",
    "quarter": "CASE WHEN month IS NOT NULL THEN year || '-Q' || "
               "CASE WHEN substr(month, 6, 2) <= '03' THEN '1' WHEN substr(month, 6, 2) <= '06' THEN '2' "
               "WHEN substr(month, 6, 2) <= '09' THEN '3' ELSE '4' END END",
    "year": "year",
    "all": "'all'",
}


@dataclass(frozen=True)
class Signal:
    state: str
    power: str
    channel: str          # a channel, or "all"
    period: str           # YYYY-MM, YYYY-Qn, YYYY or "all"
    score: float
    low: float
    high: float
    p_closer: float       # posterior probability that the share closer exceeds one half
    events: int           # canonical events
    sources: int          # distinct documents behind them
    closer_weight: float
    away_weight: float

    def to_dict(self) -> dict:
        return asdict(self)


def posterior(closer: np.ndarray | float, away: np.ndarray | float, prior: float, level: float):
    """Score, interval ends and probability of "closer" for summed weights."""
    a = np.asarray(closer, dtype=float) + prior
    b = np.asarray(away, dtype=float) + prior
    tail = (1 - level) / 2
    score = 2 * a / (a + b) - 1
    low = 2 * betaincinv(a, b, tail) - 1
    high = 2 * betaincinv(a, b, 1 - tail) - 1
    p_closer = 1 - betainc(a, b, 0.5)
    return score, low, high, p_closer


def empty_signal(state: str, power: str, channel: str, period: str, weights: Weights) -> Signal:
    """The score of a pair with no events: zero, with the prior's interval."""
    s, lo, hi, p = posterior(0.0, 0.0, weights.prior, weights.level)
    return Signal(state, power, channel, period, float(s), float(lo), float(hi), float(p), 0, 0, 0.0, 0.0)


def _values(rows: list[tuple]) -> str:
    return ", ".join("(" + ", ".join(_literal(v) for v in row) + ")" for row in rows)


def _literal(v) -> str:
    if isinstance(v, str):
        return "'" + v.replace("'", "''") + "'"
    return f"CAST({float(v)!r} AS DOUBLE PRECISION)"  # not NUMERIC, which PostgreSQL gives a bare 1.5


ROWS_TABLE = "signal_rows"
MACHINE_ROWS_TABLE = "signal_rows_machine"


def rows_sql(weights: Weights, machine: bool = False, dialect: str = "duckdb") -> str:
    """The index's rows, one per canonical event, state side and power (and
    one per further source of a merged event, with no weight): canonical
    events merged from their reports (majority stance, most frequent channel,
    first day), both sides of each, organisations mapped to powers, weighted
    (a coder family weighted 0, such as ``gdelt`` when asked, is left out).

    Documents are kept as 64-bit hashes (a collision among a billion
    documents has a chance of about 3 in 100): counting distinct integers
    is what keeps the query fast. The store keeps them as a derived table,
    rebuilt when events, links or weights change, so that each index query
    is a single GROUP BY. The statement runs on DuckDB and PostgreSQL."""
    partners = _values(weights.partners())
    intensity = _values(list(weights.intensity.items()))
    source = weights.source_sql("e.extractor")
    not_states = _values([(c,) for c in sorted(set(ORGANISATIONS) | set(weights.powers)
                                                | {code for code, _ in weights.partners()})])
    return f"""
    WITH member AS (
        SELECT e.id, c.canonical_id AS canon, e.actor, e.target, e.type, e.stance,
               e.channel, coalesce(e.date, d.published) AS day,
               coalesce(e.confidence, 1.0) * {source} AS conf, e.doc_id
        FROM {"events" if machine else "events_corrected"} e JOIN documents d ON d.id = e.doc_id
        LEFT JOIN canonical c ON c.event_id = e.id
        WHERE {source} > 0
    ), multi AS (
        SELECT canonical_id AS cid FROM canonical GROUP BY canonical_id HAVING count(*) > 1
    ), merged AS (
        SELECT * FROM member WHERE canon IN (SELECT cid FROM multi)
    ), channels AS (
        SELECT canon, channel,
               row_number() OVER (PARTITION BY canon ORDER BY count(*) DESC, channel) AS nth
        FROM merged GROUP BY canon, channel
    ), canon AS (
        SELECT coalesce(canon, id) AS cid, least(actor, target) AS a, greatest(actor, target) AS b,
               type, stance, channel, day, conf, doc_id AS lead_doc
        FROM member WHERE canon IS NULL OR canon NOT IN (SELECT cid FROM multi)
        UNION ALL
        SELECT m.canon, min(least(m.actor, m.target)), min(greatest(m.actor, m.target)), min(m.type),
               CASE WHEN sum(m.stance) > 0 THEN 1 WHEN sum(m.stance) < 0 THEN -1 ELSE 0 END,
               min(ch.channel), min(m.day), max(m.conf), min(m.doc_id)
        FROM merged m JOIN channels ch ON ch.canon = m.canon AND ch.nth = 1
        GROUP BY m.canon
    ), side AS (
        SELECT cid, a AS state, b AS other, type, stance, channel, day, conf, lead_doc FROM canon
        UNION ALL
        SELECT cid, b AS state, a AS other, type, stance, channel, day, conf, lead_doc FROM canon
    ), weighted AS (
        SELECT s.cid, s.state, p.power, s.channel, s.day, s.lead_doc, s.stance * w.weight * s.conf AS x
        FROM side s
        JOIN (VALUES {partners}) AS p(code, power) ON p.code = s.other
        JOIN (VALUES {intensity}) AS w(type, weight) ON w.type = s.type
        WHERE s.state NOT IN (SELECT code FROM (VALUES {not_states}) AS n(code))
          AND s.state <> p.power
    ), sources AS (
        SELECT w.cid, w.state, w.power, w.channel, w.day, m.doc_id AS doc_id, m.doc_id = w.lead_doc AS lead,
               CASE WHEN m.doc_id = w.lead_doc THEN w.x ELSE 0 END AS x
        FROM weighted w JOIN (SELECT DISTINCT canon, doc_id FROM merged) m ON m.canon = w.cid
        UNION ALL
        SELECT cid, state, power, channel, day, lead_doc, TRUE, x
        FROM weighted WHERE cid NOT IN (SELECT cid FROM multi)
    )
    SELECT cid, state, power, channel, day, {_PERIOD_SQL["month"].format(day="day")} AS month,
           substr(day, 1, 4) AS year, {_hash64(dialect, "doc_id")} AS doc, lead, x
    FROM sources
    """


def rows_key(weights: Weights, sql: str = "") -> str:
    """What the derived rows depend on besides the data: the weights' tables
    and the statement (a new version of orbitwatch may build them otherwise)."""
    text = repr((sorted(weights.partners()), sorted(weights.intensity.items()), sql))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def signal_sql(period: str, where: str, table: str = ROWS_TABLE) -> str:
    """Sums per state, power, channel (and over all channels) and period. A
    merged event's further sources carry no weight and count as no event."""
    per = _ROW_PERIOD[period]
    return f"""
    SELECT state, power, coalesce(channel, 'all') AS channel, period,
           sum(greatest(x, 0)) AS closer, sum(greatest(-x, 0)) AS away,
           count(*) FILTER (WHERE lead) AS events, count(DISTINCT doc) AS sources
    FROM (SELECT state, power, channel, {per} AS period, x, lead, doc
          FROM {table} WHERE {per} IS NOT NULL {where}) r
    GROUP BY GROUPING SETS ((state, power, channel, period), (state, power, period))
    ORDER BY state, power, channel, period
    """


def _filters(state: str | None, power: str | None, since: str | None, until: str | None) -> tuple[str, list]:
    where, params = [], []
    if state:
        where.append("state = ?")
        params.append(state)
    if power:
        where.append("power = ?")
        params.append(power)
    for value, op in ((since, ">="), (until, "<=")):
        if value:  # compared at the coarser of the two precisions, as `events` does
            where.append(f"substr(day, 1, least(length(day), {len(value)})) {op} "
                         f"substr(?, 1, least(length(day), {len(value)}))")
            params.append(value)
    return "".join(" AND " + w for w in where), params


def refresh(store, weights: Weights | None = None, machine: bool = False) -> bool:
    """Bring the index's derived rows up to date; True when they were rebuilt."""
    weights = weights or load_weights()
    sql = rows_sql(weights, machine, getattr(store, "dialect", "duckdb"))
    return store.derive(MACHINE_ROWS_TABLE if machine else ROWS_TABLE, sql, rows_key(weights, sql))


def signals(store, state: str | None = None, power: str | None = None, period: str = "all",
            since: str | None = None, until: str | None = None, weights: Weights | None = None,
            machine: bool = False) -> list[Signal]:
    """Scores per state, power, channel (and ``all`` channels) and period, from
    the corrected records (or the machine's, with ``machine``)."""
    if period not in PERIODS:
        raise ValueError(f"period {period!r} is not one of {', '.join(PERIODS)}")
    weights = weights or load_weights()
    refresh(store, weights, machine)
    where, params = _filters(state, power, since, until)
    rows = store.query(signal_sql(period, where, MACHINE_ROWS_TABLE if machine else ROWS_TABLE), params)
    if not rows:
        return []
    closer = np.array([r[4] for r in rows], dtype=float)
    away = np.array([r[5] for r in rows], dtype=float)
    score, low, high, p = posterior(closer, away, weights.prior, weights.level)
    return [Signal(r[0], r[1], r[2], r[3], float(score[i]), float(low[i]), float(high[i]), float(p[i]),
                   int(r[6]), int(r[7]), float(r[4]), float(r[5])) for i, r in enumerate(rows)]


def _variance(closer: float, away: float, prior: float) -> float:
    """Variance of the score 2p - 1 under the Beta posterior."""
    a, b = closer + prior, away + prior
    return 4 * a * b / ((a + b) ** 2 * (a + b + 1))


def _shift(month: str, months: int) -> str:
    y, m = int(month[:4]), int(month[5:7])
    n = y * 12 + (m - 1) + months
    return f"{n // 12:04d}-{n % 12 + 1:02d}"


def trend(store, state: str, power: str, until: str, months: int = 12, channel: str = "all",
          weights: Weights | None = None) -> dict:
    """The change of the score from the ``months`` before a window to the
    window of ``months`` ending with ``until`` (YYYY-MM), with a 90% interval
    from the two posteriors (normal approximation of their difference)."""
    weights = weights or load_weights()
    until = until[:7]
    start = _shift(until, -months + 1)
    before = (_shift(start, -months), _shift(start, -1))

    def window(lo: str, hi: str) -> Signal:
        rows = [s for s in signals(store, state=state, power=power, since=lo, until=hi, weights=weights)
                if s.channel == channel]
        return rows[0] if rows else empty_signal(state, power, channel, "all", weights)

    old, new = window(*before), window(start, until)
    z = float(np.sqrt(2) * erfinv(weights.level))
    sd = float(np.sqrt(_variance(old.closer_weight, old.away_weight, weights.prior)
                       + _variance(new.closer_weight, new.away_weight, weights.prior)))
    delta = new.score - old.score
    return {"state": state, "power": power, "channel": channel,
            "before": f"{before[0]}/{before[1]}", "window": f"{start}/{until}",
            "score_before": old.score, "score": new.score, "change": delta,
            "low": delta - z * sd, "high": delta + z * sd,
            "events_before": old.events, "events": new.events}
