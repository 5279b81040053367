#!/usr/bin/env bash
# Starts the background task worker beside the development server; Ctrl+C stops both.
# HOST and PORT (127.0.0.1 and 8000 by default) choose where the site listens; its
# address is printed once the server answers, and is the one emailed links use.
set -euo pipefail
cd "$(dirname "$0")/.."
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
case "$HOST" in
    *:*) url_host="[$HOST]" ;;  # IPv6 address
    *) url_host="$HOST" ;;
esac
url="http://$url_host:$PORT/"
# Links in emails and calendar files (relier_site.links) use the address the site is
# served on, in the server and in the worker, unless WAGTAILADMIN_BASE_URL is set.
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://$url_host:$PORT}"

python manage.py db_worker &
worker=$!
server=""
stop() {
    kill "$worker" ${server:+"$server"} 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT TERM

python manage.py runserver "$url_host:$PORT" &
server=$!

# Poll until the site answers (any HTTP status), or the server stops.
until python - "$url" <<'PYTHON' 2>/dev/null
import sys
import urllib.error
import urllib.request

try:
    urllib.request.urlopen(sys.argv[1], timeout=2)
except urllib.error.HTTPError:
    pass  # it answered
PYTHON
do
    if ! kill -0 "$server" 2>/dev/null; then
        echo "Le serveur s'est arrêté avant de répondre (voir les messages ci-dessus)." >&2
        exit 1
    fi
    sleep 1
done
echo
echo "Le site répond : $url  (administration : ${url}admin/)  ; Ctrl+C pour arrêter."
echo
wait "$server"
