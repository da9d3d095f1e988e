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
# The report test renders HTML in headless Chromium (Debian packages).
if ! command -v chromedriver >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO=skip; fi
    if [ "$SUDO" != skip ]; then
        $SUDO apt-get update -qq >/dev/null && $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null \
            || echo "test.sh: could not install chromium; the browser test will skip" >&2
    fi
fi
exec .venv/bin/python -m pytest "$@"
