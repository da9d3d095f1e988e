"""Scores, trends and verdicts from the stored events and indicators."""
from .signals import PERIODS, Signal, posterior, signals, trend
from .verdict import VERDICTS, combine, verdicts
from .weights import Weights, WeightsError, load_weights

__all__ = ["PERIODS", "Signal", "posterior", "signals", "trend", "VERDICTS", "combine", "verdicts",
           "Weights", "WeightsError", "load_weights"]
