"""World Bank WDI files: the bulk download and the DataBank export.

- Bulk download (``API_<code>_DS2_en_csv_v2_*.csv``): four preamble lines
  (``"Data Source"``, ``"Last Updated Date"``, separated by blank lines), then
  ``Country Name, Country Code, Indicator Name, Indicator Code, 1960 ... 2023``
  and a trailing empty column; missing values are empty cells.
- DataBank export: ``Series Name, Series Code`` and ``2019 [YR2019]`` columns,
  ``..`` for missing, and a footer (``Data from database: ...``) that is skipped.

Rows are ``Observation(state=Country Code, partner="WLD", indicator=Indicator
Code, period=year)`` with ``vintage`` from ``Last Updated Date`` when the file
has one (the DataBank shape has none in its header, so ``vintage`` is None).

Aggregates (``WLD``, ``EUU``, ``ECS``, ...) are kept: they are valid codes and
a useful benchmark, and any fixed list of them goes stale. Callers that want
countries only filter by ``state``.

The reader itself lives in ``files.py``; this module is its documented home
among the per-source importers.
"""
from .files import read_wdi

__all__ = ["read_wdi"]
