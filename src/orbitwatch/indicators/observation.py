"""One indicator observation: the row every importer and the claim reader emit."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

KINDS = ("official", "claim")
_PERIOD = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?(/\d{4}(-(0[1-9]|1[0-2]))?)?$")
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,4}$")


class ObservationError(ValueError):
    """An observation that breaks the row shape; the message names the field."""


@dataclass(frozen=True)
class Observation:
    """``value`` of ``indicator`` for ``state`` with ``partner`` in ``period``.

    ``partner`` is a state or organisation code, or ``WLD`` when the figure is
    against the whole world (remittances as a share of GDP). ``period`` is
    ``YYYY``, ``YYYY-MM``, ``YYYY-Qn``, ``YYYY-Hn`` or an interval
    ``YYYY-MM/YYYY-MM`` (the first ten months of 2022: ``2022-01/2022-10``).
    ``change`` is the direction a claim states (``up``, ``down``) when the
    figure is a change rather than a level. ``kind`` is ``official`` for
    published statistics and ``claim`` for numbers read from an article, with
    the document and the sentence in ``doc`` and ``evidence``.
    """

    state: str
    partner: str
    indicator: str
    period: str
    value: float | None
    unit: str
    source: str
    vintage: str | None = None
    kind: str = "official"
    change: str | None = None
    doc: str | None = None
    evidence: str | None = None
    start: int | None = None
    end: int | None = None
    note: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    def validate(self) -> "Observation":
        for name in ("state", "partner"):
            if not _CODE.match(getattr(self, name) or ""):
                raise ObservationError(f"{name} {getattr(self, name)!r} is not a state or organisation code")
        if not self.indicator:
            raise ObservationError("indicator is empty")
        if not _PERIOD.match(self.period or ""):
            raise ObservationError(f"period {self.period!r} is not YYYY, YYYY-MM, YYYY-Qn, YYYY-Hn or an interval A/B")
        if self.kind not in KINDS:
            raise ObservationError(f"kind {self.kind!r} is not one of {', '.join(KINDS)}")
        if self.change not in (None, "up", "down"):
            raise ObservationError(f"change {self.change!r} is not up, down or empty")
        if self.value is None and self.change is None:
            raise ObservationError("an observation needs a value or a direction of change")
        if not self.source:
            raise ObservationError("source is empty: every value needs one")
        return self
