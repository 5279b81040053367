"""Absolute addresses of what leaves the site: links in emails, calendar files and
exports. One source: WAGTAILADMIN_BASE_URL, the public address in production (applied to
Wagtail's default Site by `migrate`, relier_site.sites) and, under `make run`, the
address the development server actually listens on (scripts/run-dev.sh sets it for the
server and the worker). Never the Host header of a request, which a client chooses."""

from django.conf import settings


def absolute_url(path=""):
    """`path` (starting with "/") on the site's public address."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
