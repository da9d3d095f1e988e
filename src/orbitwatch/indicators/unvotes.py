"""UN General Assembly votes from the UN Digital Library export (record 4060887).

One row per member state and resolution. Column order and extra columns vary
between exports, so columns are found by name; only ``ms_code``, ``ms_vote``,
``date`` and ``resolution`` are required.
"""
from __future__ import annotations

from .bundled import vote_agreement as _agreement
from .files import UNVOTES_SOURCE, IndicatorFileError, _checked, _dict_rows, _read
from .observation import Observation

VOTES = {"Y": 1.0, "N": -1.0, "A": 0.0}
# A blank, X or NV cell is a state that did not vote: no position to compare.
NON_VOTES = ("", "X", "NV")
POWERS = ("RUS", "CHN", "USA", "TUR")


class Votes(list):
    """The vote rows, plus ``non_votes``: how many rows were absences, so a
    caller can report them instead of losing them silently."""

    non_votes: int = 0


def _vote(path, line: int, cell: str | None) -> float | None:
    code = (cell or "").strip().upper()
    if code in NON_VOTES:
        return None
    if code not in VOTES:
        raise IndicatorFileError(f"{path}: line {line}: ms_vote {code!r} is not Y, N, A, "
                                 "or blank/X/NV for not voting")
    return VOTES[code]


def read_unvotes(path) -> Votes:
    """One ``unga_vote`` row per state and resolution (1 yes, -1 no, 0 abstain).

    Absences are skipped, not stored as a value, and counted in ``non_votes``.
    """
    reader = _dict_rows(path, _read(path), ("ms_code", "ms_vote", "date", "resolution"))
    votes = Votes()
    for line, r in enumerate(reader, start=2):
        value = _vote(path, line, r["ms_vote"])
        if value is None:
            votes.non_votes += 1
            continue
        votes.append(_checked(path, line, Observation(
            state=(r["ms_code"] or "").strip(), partner="UN", indicator="unga_vote",
            period=(r["date"] or "").strip()[:7], value=value, unit="vote", source=UNVOTES_SOURCE,
            note=(r["resolution"] or "").strip(), kind="official")))
    return votes


def vote_agreement(observations, powers=POWERS) -> list[Observation]:
    """``unga_vote_agreement`` of each state with each power, per resolution:
    1.0 for the same vote, else 0.0.

    Delegates to the bundled dataset's computation so that agreement from a
    user's file and from the shipped data carry the same definition and label.
    """
    return [o.validate() for o in _agreement(list(observations), powers)]
