#!/usr/bin/env bash
# Usage: scripts/timed.sh STAGE COMMAND [ARGS...]
# Runs COMMAND, then prints how long STAGE took (`make test` prints each stage's time;
# the pytest stages have their own summary in scripts/run-tests.sh). Exits with
# COMMAND's exit code.
set -uo pipefail
stage="$1"
shift
start=$(date +%s)
"$@"
status=$?
result=ok
[ "$status" -eq 0 ] || result="ÉCHEC (code $status)"
echo "=== $stage : $result en $(($(date +%s) - start)) s"
exit "$status"
