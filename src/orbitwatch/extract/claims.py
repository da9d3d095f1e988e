"""Claims read from text: numeric statements about a state's ties to a
partner ("trade with Uzbekistan grew 40 percent in the first nine months",
"80 percent of its oil") as indicator observations with their evidence.

Like ``extract``, a pure function of a document. A claim is kept apart from
official data (``kind="claim"``): it is what an article says, not a
statistic. The cues, direction words and hedges are data
(``data/indicators.toml``).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..indicators.observation import Observation
from ..ingest.document import Document
from .dates import find_dates
from .mentions import find_mentions
from .sentences import split_sentences
from .vocabulary import Vocabulary, load_vocabulary

_NUMBER = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)?)\s*(?P<unit>percent|per\s+cent|%|percentage\s+points"
    r"|(?:billion|bn|million|mln)\s*(?:dollars|US\s*dollars|USD|euros)?)"
    r"|\$\s*(?P<usd>\d+(?:\.\d+)?)\s*(?P<scale>billion|bn|million|mln)", re.I)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_PERIOD = re.compile(
    r"\b(?:in\s+)?the\s+first\s+(?P<n>\w+)\s+months(?:\s+of\s+(?P<y1>(?:19|20)\d\d|this\s+year|last\s+year))?"
    r"|\b(?:in\s+)?the\s+(?P<q>first|second|third|fourth)\s+quarter(?:\s+of\s+(?P<y2>(?:19|20)\d\d|this\s+year|last\s+year))?"
    r"|\b(?:in|during|for)\s+(?P<y3>(?:19|20)\d\d)\b"
    r"|\b(?P<rel>last\s+year|this\s+year)\b", re.I)
_SPLIT = re.compile(r"[;:]|,(?=\s)")


@dataclass(frozen=True)
class ClaimLexicon:
    cues: dict[str, tuple[str, ...]]     # indicator -> cue phrases, longest first
    up: tuple[str, ...]
    down: tuple[str, ...]
    hedges: tuple[str, ...]
    powers: frozenset[str]


@lru_cache(maxsize=1)
def load_claim_lexicon() -> ClaimLexicon:
    data = tomllib.loads(resources.files("orbitwatch.data").joinpath("indicators.toml").read_text("utf-8"))
    cues = {name: tuple(sorted(d["cues"], key=len, reverse=True))
            for name, d in data["indicator"].items() if d.get("cues")}
    # the powers' table lives with the index weights; read here without
    # importing orbitwatch.score (and SciPy) into extraction
    weights = tomllib.loads(resources.files("orbitwatch.data").joinpath("weights.toml").read_text("utf-8"))
    c = data["claims"]
    return ClaimLexicon(cues, tuple(c["up"]), tuple(c["down"]), tuple(c["hedges"]),
                        frozenset(weights["powers"]))


def _has(words: tuple[str, ...], text: str) -> bool:
    low = " " + text.lower() + " "
    return any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", low) for w in words)


def _indicator(text: str, lex: ClaimLexicon) -> tuple[str, int] | None:
    """The indicator a text speaks of, and where its cue starts."""
    found = []
    low = text.lower()
    for name, cues in lex.cues.items():
        for cue in cues:
            m = re.search(rf"(?<![\w-]){re.escape(cue)}(?![\w-])", low)
            if m:
                found.append((m.start(), -len(cue), name))
                break
    return (min(found)[2], min(found)[0]) if found else None


def _year(token: str | None, published: str | None) -> int | None:
    pub = int(published[:4]) if published and published[:4].isdigit() else None
    if not token:
        return pub
    token = token.lower()
    if token.startswith("this"):
        return pub
    if token.startswith("last"):
        return pub - 1 if pub else None
    return int(token)


def period_of(text: str, published: str | None) -> str | None:
    """The period a claim covers: ``2022-01/2022-10`` for "the first ten
    months of this year", ``2022-Q2``, a year; else the publication year."""
    m = _PERIOD.search(text)
    if m and m.group("n"):
        n = _WORDS.get(m.group("n").lower()) or (int(m.group("n")) if m.group("n").isdigit() else None)
        year = _year(m.group("y1"), published)
        if n and year and 1 <= n <= 12:
            return f"{year}-01/{year}-{n:02d}"
    elif m and m.group("q"):
        year = _year(m.group("y2"), published)
        if year:
            return f"{year}-Q{_ORDINALS[m.group('q').lower()]}"
    elif m and (m.group("y3") or m.group("rel")):
        year = _year(m.group("y3") or m.group("rel"), published)
        if year:
            return str(year)
    return published[:4] if published else None


def _value(m: re.Match) -> tuple[float, str]:
    if m.group("usd"):
        scale = m.group("scale").lower()
        return float(m.group("usd")), "billion US$" if scale.startswith("b") else "million US$"
    num = float(m.group("num").replace(",", "."))
    unit = m.group("unit").lower()
    if "percent" in unit or "per" in unit or unit == "%":
        return num, "percent"
    if "point" in unit:
        return num, "percentage points"
    return num, ("billion" if unit.startswith("b") else "million") + (" US$" if "d" in unit or "usd" in unit else "")


def _parties(text: str, vocab: Vocabulary, lex: ClaimLexicon, published: str | None,
             last_collective: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """States and partners named in a stretch of text, in order."""
    states, partners = [], []
    for men in find_mentions(text, vocab, find_dates(text, published), published):
        codes = men.codes or (last_collective if men.kind == "collective" else ())
        for code in codes:
            bucket = partners if code in lex.powers else states
            if code not in bucket:
                bucket.append(code)
    return states, partners


def _direction(text: str, lex: ClaimLexicon) -> str | None:
    up, down = _has(lex.up, text), _has(lex.down, text)
    return "up" if up and not down else "down" if down and not up else None


_CLAUSE = re.compile(r";|,\s+(?:and|while|whereas)\s+")
_REGION = re.compile(r"\b(?:the|this|that)\s+region\b|\ball\s+(?:five|four|three)\s+(?:countries|states)\b", re.I)


def _sentence_claims(doc: Document, start: int, end: int, vocab: Vocabulary, lex: ClaimLexicon,
                     last_collective: tuple[str, ...]) -> list[Observation]:
    """Claims of a sentence; a clause with an indicator of its own ("migrants
    went to Russia ..., and remittances from Russia increased") is read apart."""
    text = doc.text[start:end]
    if "?" in text or _has(lex.hedges, text):
        return []
    cuts = [0] + [m.end() for m in _CLAUSE.finditer(text)] + [len(text)]
    found = {(a, b): _indicator(text[a:b], lex) for a, b in zip(cuts, cuts[1:])}
    clauses = [span for span, ind in found.items() if ind]
    if len({found[span][0] for span in clauses}) < 2:
        clauses = [(0, len(text))]
    states, partners = _parties(text, vocab, lex, doc.published, last_collective)
    if not states and last_collective and _REGION.search(text):
        states = list(last_collective)
    out = []
    for a, b in clauses:
        out += _clause_claims(doc, start, end, text[a:b], states, partners, vocab, lex)
    return out


def _clause_claims(doc: Document, start: int, end: int, clause: str, states: list[str], partners: list[str],
                   vocab: Vocabulary, lex: ClaimLexicon) -> list[Observation]:
    text = doc.text[start:end]
    found = _indicator(clause, lex)
    if not found:
        return []
    indicator, _ = found
    c_states, c_partners = _parties(clause, vocab, lex, doc.published, ())
    states, partners = c_states or states, c_partners or partners
    if not partners or not (states or len(partners) > 1):
        return []
    partner = partners[0]
    change = _direction(clause, lex)
    base = dict(partner=partner, indicator=indicator, source=f"claim in {doc.id}", kind="claim",
                doc=doc.id, evidence=text, start=start, end=end)
    out = []
    pieces = [p for p in _SPLIT.split(clause) if _NUMBER.search(p)]
    per_piece = []
    for piece in pieces:
        p_states, _ = _parties(piece, vocab, lex, doc.published, ())
        if len(p_states) == 1:
            per_piece.append((p_states[0], piece))
    if per_piece:  # "10 percent with Kazakhstan in the first ten months, 40 percent with ..."
        for state, piece in per_piece:
            value, unit = _value(_NUMBER.search(piece))
            period = period_of(piece, doc.published) or period_of(clause, doc.published)
            out.append(Observation(state=state, value=value, unit=unit, period=period,
                                   change=_direction(piece, lex) or change, **base))
        return [o for o in out if o.period]
    numbers = list(_NUMBER.finditer(clause))
    value, unit = _value(numbers[0]) if len(numbers) == 1 else (None, "")
    if value is None and change is None:
        return []
    period = period_of(text, doc.published)
    if not period:
        return []
    return [Observation(state=s, value=value, unit=unit or "direction", period=period, change=change, **base)
            for s in states if s != partner]


def read_claims(doc: Document, vocab: Vocabulary | None = None) -> list[Observation]:
    """Indicator claims of one document, each with its sentence."""
    vocab = vocab or load_vocabulary()
    lex = load_claim_lexicon()
    out: list[Observation] = []
    last_collective: tuple[str, ...] = ()
    for sent in split_sentences(doc.text):
        out += _sentence_claims(doc, sent.start, sent.end, vocab, lex, last_collective)
        last_collective = _named_collective(doc.text[sent.start:sent.end], vocab) or last_collective
    return [o for o in out if _valid(o)]


def _named_collective(text: str, vocab: Vocabulary) -> tuple[str, ...] | None:
    """The members of the last fixed collective a sentence names ("Central
    Asia"), which "the region" later stands for. A cue check first, so most
    sentences cost one lowercase scan."""
    low, found = text.lower(), None
    for col in vocab.collectives:
        if col.members and len(col.members) > 1 and (not col.cues or any(c in low for c in col.cues)):
            last = None
            for last in col.pattern.finditer(text):
                pass
            if last and (found is None or last.start() > found[0]):
                found = (last.start(), col.members)
    return found[1] if found else None


def _valid(o: Observation) -> bool:
    try:
        o.validate()
        return True
    except ValueError:
        return False
