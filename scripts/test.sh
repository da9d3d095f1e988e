#!/usr/bin/env bash
# Install orbitwatch with its test dependencies into .venv and run the tests.
# The accurate mode's parser (spaCy and its hash-pinned model) is installed too,
# so that its tests run; `--no-accurate` as the first argument skips it.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet -e '.[test]'
if [ "${1:-}" = "--no-accurate" ]; then
    shift
else
    .venv/bin/python -m pip install --quiet 'spacy>=3.8,<3.9'
    .venv/bin/python -m pip install --quiet --no-deps --require-hashes -r requirements/accurate.txt
fi
# Debian packages the tests use: headless Chromium (report and workbench pages)
# and a PostgreSQL server (the store suite runs on DuckDB and on PostgreSQL; the
# tests start their own throwaway server, nothing is left running).
NEED=""
command -v chromedriver >/dev/null 2>&1 || NEED="$NEED chromium chromium-driver"
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || NEED="$NEED postgresql"
if [ -n "$NEED" ] && command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO=skip; fi
    if [ "$SUDO" != skip ]; then
        $SUDO apt-get update -qq >/dev/null && \
            DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $NEED >/dev/null \
            || echo "test.sh: could not install$NEED; their tests will skip" >&2
    fi
fi
exec .venv/bin/python -m pytest "$@"
