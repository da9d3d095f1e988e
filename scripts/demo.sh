#!/usr/bin/env bash
# Install orbitwatch into .venv, ingest the bundled sample corpus into
# sample.duckdb with the bundled indicator data, print the verdicts for the
# first theatre and write the HTML report into report/.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet -e .
.venv/bin/orbitwatch ingest samples/corpus --db sample.duckdb || status=$?
.venv/bin/orbitwatch indicators load-bundled --db sample.duckdb
.venv/bin/orbitwatch summary --db sample.duckdb
.venv/bin/orbitwatch verdict --db sample.duckdb --power RUS
.venv/bin/orbitwatch report --db sample.duckdb --out report
echo "report written: report/index.html"
exit "${status:-0}"
