#!/usr/bin/env bash
# Install orbitwatch into .venv, ingest the bundled sample corpus into
# sample.duckdb and print what was found per state and power.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet .
.venv/bin/orbitwatch ingest samples/corpus --db sample.duckdb || status=$?
.venv/bin/orbitwatch summary --db sample.duckdb
exit "${status:-0}"
