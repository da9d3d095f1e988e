"""Event record v1: the one interchange format (see the spec event-record.md).

Every stage speaks it: the extractor produces it, the store keeps it, the
evaluation compares it. Fields beyond the spec's (``person``, ``extractor``)
are allowed by v1 and ignored by evaluation.
"""
from __future__ import annotations

import datetime
import json
import re
from dataclasses import asdict, dataclass, field

TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
)
CHANNELS = ("diplomatic", "security", "economic", "energy", "migration", "society")
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
ORGANISATIONS = ("EU", "UN", "CSTO", "EAEU", "CIS", "SCO", "OTS", "NATO", "OSCE", "G7", "BRICS", "C5", "WST")
STANCES = (-1, 0, 1)

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)
_CODE = re.compile(r"[A-Z][A-Z0-9]{1,4}")  # used with fullmatch: "KAZ\n" is no code


def is_date(value: str | None) -> bool:
    """A real date at year, month or day precision: ``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD`` in ASCII digits, naming a day of the calendar (no month 13,
    no 30 February, no year 0)."""
    m = _DATE.fullmatch(value) if isinstance(value, str) else None
    if m is None:
        return False
    year, month, day = m.groups()
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


class RecordError(ValueError):
    """A record that breaks event record v1; the message names the field."""


@dataclass(frozen=True)
class EventRecord:
    doc: str
    actor: str
    target: str
    type: str
    stance: int
    channel: str
    date: str | None
    evidence: str
    start: int | None = None
    end: int | None = None
    confidence: float | None = None
    person: str | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict:
        d = asdict(self)
        extra = d.pop("extra")
        d = {k: v for k, v in d.items() if v is not None or k == "date"}
        d.update(extra)
        return d

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, d: dict) -> "EventRecord":
        known = {f for f in cls.__dataclass_fields__ if f != "extra"}
        missing = {"doc", "actor", "target", "type"} - d.keys()
        if missing:
            raise RecordError(f"missing field(s) {sorted(missing)}")
        rec = cls(
            doc=str(d["doc"]), actor=d["actor"], target=d["target"], type=d["type"],
            stance=d.get("stance", 0), channel=d.get("channel", "diplomatic"),
            date=d.get("date"), evidence=d.get("evidence", ""),
            start=d.get("start"), end=d.get("end"), confidence=d.get("confidence"),
            person=d.get("person"),
            extra={k: v for k, v in d.items() if k not in known},
        )
        validate(rec)
        return rec


def validate(rec: EventRecord) -> None:
    """Raise RecordError naming the first field that breaks the spec."""
    for name in ("actor", "target"):
        code = getattr(rec, name)
        if not isinstance(code, str) or not _CODE.fullmatch(code):
            raise RecordError(f"{name} {code!r} is not a state or organisation code (e.g. KAZ, RUS, EU, CSTO)")
    if rec.type not in TYPES:
        raise RecordError(f"type {rec.type!r} is not one of {', '.join(TYPES)}")
    if rec.stance not in STANCES:
        raise RecordError(f"stance {rec.stance!r} is not -1, 0 or 1")
    if rec.channel not in CHANNELS:
        raise RecordError(f"channel {rec.channel!r} is not one of {', '.join(CHANNELS)}")
    if rec.date is not None and not is_date(str(rec.date)):
        raise RecordError(f"date {rec.date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    if rec.confidence is not None and not 0 <= rec.confidence <= 1:
        raise RecordError(f"confidence {rec.confidence!r} is not within 0..1")
