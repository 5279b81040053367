#!/usr/bin/env bash
# Starts the background task worker beside the development server; Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
python manage.py db_worker &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
echo "Site : http://127.0.0.1:8000/  (administration : http://127.0.0.1:8000/admin/)"
python manage.py runserver 127.0.0.1:8000
