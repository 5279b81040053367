#!/usr/bin/env bash
# The pytest part of `make test` (run through `uv run`, so `python` is the project's).
#
#   1. every test on SQLite, browser tests included (Debian's Chromium + Playwright);
#   2. the tests marked `both_databases` again on a throwaway PostgreSQL
#      (scripts/with-postgres.sh): locks and concurrency, uniqueness and idempotency, the
#      outbox, French full-text search, query counts, counters, migrations, the deployed
#      site. The others (`one_database`) do not depend on the engine and ran in 1.
#
# Outside CI a missing Chromium or PostgreSQL skips that part with a message. With
# CI=true a missing tool is a failure: CI must never pass without running everything.
# Each run spreads the tests over one pytest-xdist worker per core (PYTEST_WORKERS=N
# chooses another number; 0 runs in one process): every worker has its own test
# database (its own in-memory SQLite, or test_relier_test_gwN on PostgreSQL), its own
# live server and Chromium, and its own temporary MEDIA_ROOT.
# Arguments are passed to both pytest runs (e.g. `-x`, `-k search`). Pytest's exit code
# 5 ("no tests collected") counts as a failure, so a selection of browser tests only
# fails the PostgreSQL run: call `pytest tests/browser` directly for that.
set -uo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
ci=false
case "${CI:-}" in true | TRUE | True | 1 | yes) ci=true ;; esac

summary=()
failed=0

seconds_since() {
    echo $(($(date +%s) - $1))
}

record() { # record STAGE RESULT SECONDS
    summary+=("$(printf '%-28s %-52s %5ss' "$1" "$2" "$3")")
}

missing() { # missing STAGE MESSAGE WHAT_IS_SKIPPED
    if [ "$ci" = true ]; then
        echo "ERREUR : $2 (CI=true : cette partie est obligatoire)." >&2
        record "$1" "ÉCHEC ($2)" 0
        failed=1
    else
        echo "ATTENTION : $2 : $3." >&2
        record "$1" "sautée ($2)" 0
    fi
}

run_pytest() { # run_pytest STAGE [PYTEST ARGS...]
    local stage="$1" start status
    shift
    echo
    echo "=== $stage"
    start=$(date +%s)
    "$@"
    status=$?
    case "$status" in
        0) record "$stage" "ok" "$(seconds_since "$start")" ;;
        5)
            echo "ERREUR : aucun test collecté ($stage)." >&2
            record "$stage" "ÉCHEC (aucun test collecté)" "$(seconds_since "$start")"
            failed=1
            ;;
        *)
            record "$stage" "ÉCHEC (pytest code $status)" "$(seconds_since "$start")"
            failed=1
            ;;
    esac
}

workers="${PYTEST_WORKERS:-$(nproc 2>/dev/null || echo 2)}"
xdist=()
if [ "$workers" != 0 ]; then
    xdist=(-n "$workers" --dist loadgroup)
fi

have_chromium=false
if python -c "import playwright" 2>/dev/null && [ -x "$CHROMIUM" ]; then
    have_chromium=true
fi

have_postgres=false
if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    have_postgres=true
fi

# 1. SQLite (in memory), with the browser tests when Chromium is here.
if [ "$have_chromium" = true ]; then
    run_pytest "pytest SQLite + navigateur" python -m pytest "${xdist[@]}" "$@"
else
    missing "tests navigateur" "Chromium ($CHROMIUM) ou Playwright absent" \
        "tests navigateur sautés"
    run_pytest "pytest SQLite" python -m pytest "${xdist[@]}" -m "not browser" "$@"
fi

# 2. PostgreSQL: the tests whose result can depend on the database engine
#    (`both_databases`; tests/conftest.py refuses a database test marked neither way).
if [ "$have_postgres" = true ]; then
    run_pytest "pytest PostgreSQL" \
        bash scripts/with-postgres.sh python -m pytest "${xdist[@]}" -m "both_databases" "$@"
else
    missing "suite PostgreSQL" "PostgreSQL absent (initdb introuvable)" \
        "suite PostgreSQL sautée"
fi

echo
echo "=== Résumé des tests"
printf '%s\n' "${summary[@]}"
if [ "$failed" -ne 0 ]; then
    echo "=== ÉCHEC"
    exit 1
fi
echo "=== Tout est passé"
