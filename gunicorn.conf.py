"""gunicorn settings for production (README « Déploiement »):

    uv run --frozen --no-dev gunicorn -c gunicorn.conf.py relier_site.wsgi

Command-line options (e.g. --bind) take precedence over this file.
"""

import contextlib
import os

from gunicorn.http.errors import NoMoreData

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


def post_request(worker, req, environ, resp):
    """Read what the site left unread of the request body before the connection closes.

    The site may answer without reading the body (a method a page does not accept, a
    form over DATA_UPLOAD_MAX_MEMORY_SIZE, a refused CSRF token). gunicorn then closed the
    connection with the rest of the body unread: the kernel answers the proxy with a
    reset, and the proxy, still sending, replaced the site's French page with a 502. The
    proxy sends the whole body at once (it is capped by its client_max_body_size), so
    reading it here takes a moment; a connection already broken ends it.
    """
    with contextlib.suppress(OSError, NoMoreData):
        while req.body.read(1024 * 1024):
            pass
