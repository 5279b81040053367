#!/usr/bin/env bash
# The pytest part of `make test` (run through `uv run`, so `python` is the project's).
#
#   1. every test on SQLite, browser tests included (Debian's Chromium + Playwright);
#   2. the tests marked `both_databases` again on a throwaway PostgreSQL
#      (scripts/with-postgres.sh): locks and concurrency, uniqueness and idempotency, the
#      outbox, French full-text search, query counts, counters, migrations, the deployed
#      site. The others (`one_database`) do not depend on the engine and ran in 1.
#
# The two run at the same time (TESTS_IN_SEQUENCE=1: one after the other): each leaves
# the processors idle while it waits (for Chromium, a subprocess, a server, a lock), and
# the other fills that time. The SQLite run prints as it goes; the PostgreSQL run's
# output is kept in a file and printed when both have ended. Nothing is shared between
# them: each has its own temporary folder (--basetemp), databases, servers and ports.
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

result() { # result STAGE STATUS SECONDS
    case "$2" in
        0) record "$1" "ok" "$3" ;;
        5)
            echo "ERREUR : aucun test collecté ($1)." >&2
            record "$1" "ÉCHEC (aucun test collecté)" "$3"
            failed=1
            ;;
        *)
            record "$1" "ÉCHEC (pytest code $2)" "$3"
            failed=1
            ;;
    esac
}

run_pytest() { # run_pytest STAGE [PYTEST ARGS...]
    local stage="$1" start status
    shift
    echo
    echo "=== $stage"
    start=$(date +%s)
    "$@"
    status=$?
    result "$stage" "$status" "$(seconds_since "$start")"
}

run_start=$(date +%s)
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

temporary=$(mktemp -d "${TMPDIR:-/tmp}/relier-tests.XXXXXX")
trap 'rm -rf "$temporary"' EXIT
pg_stage="pytest PostgreSQL"
pg_pid=""

# 2. PostgreSQL, started first and in the background: the tests whose result can depend
#    on the database engine (`both_databases`; tests/conftest.py refuses a database test
#    marked neither way).
#    It reads only the test files that hold such tests (collecting the others costs
#    time for nothing) and, next to the SQLite run, in one process (PG_WORKERS=N for
#    more): the SQLite run, with the browser, is the longer one.
if [ "$have_postgres" = true ]; then
    in_sequence=false
    case "${TESTS_IN_SEQUENCE:-}" in 1 | true | yes) in_sequence=true ;; esac
    pg_xdist=(-n "${PG_WORKERS:-0}")
    if [ "$in_sequence" = true ]; then
        pg_xdist=("${xdist[@]}")
    elif [ "${PG_WORKERS:-0}" != 0 ]; then
        pg_xdist+=(--dist loadgroup)
    fi
    mapfile -t pg_files < <(grep -rl --include='test_*.py' "mark.both_databases" tests | sort)
    (
        start=$(date +%s)
        bash scripts/with-postgres.sh python -m pytest "${pg_xdist[@]}" -m "both_databases" \
            --basetemp "$temporary/postgresql" "$@" "${pg_files[@]}" \
            >"$temporary/postgresql.log" 2>&1
        echo "$? $(seconds_since "$start")" >"$temporary/postgresql.status"
    ) &
    pg_pid=$!
    if [ "$in_sequence" = true ]; then wait "$pg_pid"; fi
else
    missing "suite PostgreSQL" "PostgreSQL absent (initdb introuvable)" \
        "suite PostgreSQL sautée"
fi

# 1. SQLite (in memory), with the browser tests when Chromium is here.
sqlite_temp=(--basetemp "$temporary/sqlite")
if [ "$have_chromium" = true ]; then
    run_pytest "pytest SQLite + navigateur" python -m pytest "${xdist[@]}" "${sqlite_temp[@]}" "$@"
else
    missing "tests navigateur" "Chromium ($CHROMIUM) ou Playwright absent" \
        "tests navigateur sautés"
    run_pytest "pytest SQLite" python -m pytest "${xdist[@]}" "${sqlite_temp[@]}" -m "not browser" "$@"
fi

if [ -n "$pg_pid" ]; then
    wait "$pg_pid"
    echo
    echo "=== $pg_stage (lancé en même temps que SQLite)"
    cat "$temporary/postgresql.log"
    read -r pg_status pg_seconds <"$temporary/postgresql.status" || pg_status=1 pg_seconds=0
    result "$pg_stage" "$pg_status" "$pg_seconds"
fi
record "total des tests (en parallèle)" "" "$(seconds_since "$run_start")"

echo
echo "=== Résumé des tests"
printf '%s\n' "${summary[@]}"
if [ "$failed" -ne 0 ]; then
    echo "=== ÉCHEC"
    exit 1
fi
echo "=== Tout est passé"
