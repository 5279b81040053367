#!/usr/bin/env bash
# Runs the pytest suite on SQLite, then on a throwaway PostgreSQL when its server
# binaries are here (see scripts/with-postgres.sh). In CI (CI=true) a missing
# PostgreSQL or Chromium is a failure, not a skip.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== pytest on SQLite"
python -m pytest "$@"
