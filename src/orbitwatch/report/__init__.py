"""Reports: what the verdicts say, with the charts and the sentences behind them.

``build(store, out, fmt)`` writes a self-contained HTML report (opens from
disk, no network: the plotting library's script is inlined once) or a
Markdown report. Both read only the store, through ``orbitwatch.score``.
"""
from .build import FORMATS, ReportData, build, collect

__all__ = ["FORMATS", "ReportData", "build", "collect"]
