#!/usr/bin/env bash
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
#
# Starts a throwaway PostgreSQL cluster in a temporary folder, listening only on
# 127.0.0.1 on a free port, exports
#   DATABASE_URL=postgres://postgres@127.0.0.1:<port>/relier_test
# runs COMMAND, then always stops the cluster and deletes its folder. Exits with
# COMMAND's exit code (3 when no PostgreSQL server binaries are found).
#
# Server binaries (initdb, pg_ctl, postgres) are looked up in PATH, then in
# /usr/lib/postgresql/*/bin (Debian's `postgresql` package). PostgreSQL refuses to run
# as root: when run as root, the cluster runs as the `postgres` system user when it
# exists, else as `nobody` (PG_RUN_AS=user chooses another one).
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

find_pg_bindir() {
    local initdb candidate
    if initdb="$(command -v initdb 2>/dev/null)"; then
        initdb="$(readlink -f "$initdb")"
        if [ -x "$(dirname "$initdb")/pg_ctl" ]; then
            dirname "$initdb"
            return 0
        fi
    fi
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

if ! PG_BIN="$(find_pg_bindir)"; then
    echo "with-postgres: PostgreSQL server binaries (initdb, pg_ctl) not found" \
        "in PATH nor in /usr/lib/postgresql/*/bin" >&2
    exit 3
fi

free_port() {
    python3 - <<'EOF' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])
EOF
}

# PostgreSQL refuses to run as root: run the server as an unprivileged user.
as_pg_user=()
if [ "$(id -u)" -eq 0 ]; then
    if [ -n "${PG_RUN_AS:-}" ]; then
        pg_user="$PG_RUN_AS"
    elif id -u postgres >/dev/null 2>&1; then
        pg_user=postgres
    else
        pg_user=nobody
    fi
    as_pg_user=(runuser -u "$pg_user" --)
fi

workdir="$(mktemp -d "${TMPDIR:-/tmp}/relier-pg.XXXXXX")"
datadir="$workdir/data"
started=0

cleanup() {
    local status=$?
    if [ "$started" -eq 1 ]; then
        "${as_pg_user[@]}" "$PG_BIN/pg_ctl" -D "$datadir" -m immediate -w stop >/dev/null 2>&1 ||
            echo "with-postgres: could not stop the server (folder $workdir)" >&2
    fi
    rm -rf "$workdir"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "${#as_pg_user[@]}" -gt 0 ]; then
    chown "$pg_user" "$workdir"
fi
chmod 700 "$workdir"

"${as_pg_user[@]}" "$PG_BIN/initdb" -D "$datadir" -A trust -U postgres -E UTF8 \
    --locale=C --no-sync >"$workdir/initdb.log" 2>&1 || {
    echo "with-postgres: initdb failed:" >&2
    cat "$workdir/initdb.log" >&2
    exit 1
}

port=""
for _attempt in 1 2 3 4 5; do
    port="$(free_port)"
    if "${as_pg_user[@]}" "$PG_BIN/pg_ctl" -D "$datadir" -l "$workdir/server.log" -w -t 60 \
        -o "-k $workdir -p $port -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null; then
        started=1
        break
    fi
done
if [ "$started" -ne 1 ]; then
    echo "with-postgres: the server did not start:" >&2
    cat "$workdir/server.log" >&2
    exit 1
fi

export DATABASE_URL="postgres://postgres@127.0.0.1:$port/relier_test"
if command -v createdb >/dev/null 2>&1; then
    createdb -h 127.0.0.1 -p "$port" -U postgres relier_test
elif [ -x "$PG_BIN/createdb" ]; then
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres relier_test
else
    python - "$port" <<'EOF'
import sys

import psycopg

with psycopg.connect(
    host="127.0.0.1", port=sys.argv[1], user="postgres", dbname="postgres", autocommit=True
) as conn:
    conn.execute("CREATE DATABASE relier_test")
EOF
fi

echo "with-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}')" \
    "on 127.0.0.1:$port (temporary, deleted afterwards)"
set +e
"$@"
status=$?
set -e
exit "$status"
