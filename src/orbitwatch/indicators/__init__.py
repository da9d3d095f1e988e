"""Structural indicators: long-format observations of a state's ties to a
partner (trade, remittances, UN votes, energy routes), from official files,
from the small sourced dataset the project ships, and from claims read in
articles. Official figures and claims share one row shape and are kept apart
by ``kind``.
"""
from .observation import KINDS, Observation, ObservationError

__all__ = ["KINDS", "Observation", "ObservationError"]
