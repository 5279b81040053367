"""Rate limiting backed by the database, so it holds across every server process.

Public API::

    from relier_site.ratelimit import client_ip, hit, ratelimit

    # In a view or a service: False once `limit` hits of `key` happened in the window.
    if not hit(f"contact-form:{client_ip(request)}", limit=5, window=3600):
        ...

    # As a view decorator (POST only by default): the French 429 page on refusal.
    @ratelimit("contact-form", limit=5, window=3600)
    def contact(request): ...

Counting uses fixed windows of `window` seconds: each (key, window) pair is one row of
`RateLimitCounter`, incremented by a conditional UPDATE (atomic on SQLite and
PostgreSQL). The key is stored as an HMAC-SHA256 digest made with SECRET_KEY, so no IP
address is kept. Finished windows are deleted by the nightly job `rate_limit_retention`
(`purge_expired`).

`client_ip(request)` is the address django-axes uses (django-ipware with
AXES_IPWARE_PROXY_COUNT and AXES_IPWARE_META_PRECEDENCE_ORDER): behind the proxy, the
real client's address, not the proxy's.
"""

import functools
import hashlib
import hmac
import logging
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.response import TemplateResponse
from django.utils import timezone

from .models import RateLimitCounter

logger = logging.getLogger(__name__)

REFUSED_TEMPLATE = "429.html"


def client_ip(request):
    """The client's IP address as django-axes reads it (django-ipware, axes settings)."""
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or request.META.get("REMOTE_ADDR") or "inconnue"


def _digest(key):
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, f"ratelimit:{key}".encode(), hashlib.sha256).hexdigest()


def _window_start(now, window):
    epoch = int(now.timestamp())
    return datetime.fromtimestamp(epoch - epoch % window, tz=UTC)


def hit(key, limit, window, *, now=None):
    """Count one hit of `key`; True while at most `limit` hits happened in the current
    window of `window` seconds, False once over (the refused hit is counted too)."""
    now = now or timezone.now()
    window = int(window)
    start = _window_start(now, window)
    digest = _digest(key)
    counters = RateLimitCounter.objects.filter(key_digest=digest, window_start=start)
    with transaction.atomic():
        if not counters.update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    RateLimitCounter.objects.create(
                        key_digest=digest,
                        window_start=start,
                        expires_at=start + timedelta(seconds=window),
                        count=1,
                    )
            except IntegrityError:  # another process created it first
                counters.update(count=F("count") + 1)
        count = counters.values_list("count", flat=True).get()
    return count <= limit


def ratelimit(name, limit, window, *, methods=("POST",)):
    """View decorator: at most `limit` requests per client IP address per `window`
    seconds for the given methods; beyond, the French 429 page."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods and not hit(f"{name}:{client_ip(request)}", limit, window):
                logger.warning("Rate limit reached for %s.", name)
                return refused(request, window)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def refused(request, window):
    """The French « Trop de demandes » page, status 429, with Retry-After."""
    response = TemplateResponse(
        request, REFUSED_TEMPLATE, {"retry_minutes": max(1, round(window / 60))}, status=429
    )
    response["Retry-After"] = str(int(window))
    return response


def purge_expired(*, now=None):
    """Daily job: delete the counters of finished windows. Returns how many."""
    now = now or timezone.now()
    return RateLimitCounter.objects.filter(expires_at__lte=now).delete()[0]
