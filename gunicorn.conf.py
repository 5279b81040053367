"""gunicorn settings for production (README « Déploiement »):

    uv run --frozen --no-dev gunicorn -c gunicorn.conf.py relier_site.wsgi

Command-line options (e.g. --bind) take precedence over this file.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
# No request-line limit here: gunicorn would answer a long address (over 4 KB by
# default) with its own English error. The proxy caps the length (8 KB) and answers
# with the French page /static/erreurs/414.html; anything it lets through reaches
# Django, which answers in French (404 or the page).
limit_request_line = 0
# Headers, cookies included, as large as the proxy's buffers allow.
limit_request_field_size = 8190
timeout = 30
graceful_timeout = 20
# Access logs stay with the proxy; gunicorn logs only errors.
loglevel = "warning"
