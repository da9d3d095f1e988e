"""orbitwatch: who moves closer to, or away from, which power, with the sentences that say so."""

__version__ = "0.1.0"
