"""Rate limiting backed by the database, so it holds across every server process.

Public API::

    from relier_site.ratelimit import client_ip, hit, ratelimit

    # In a view or a service: False once `limit` hits of `key` happened in the window.
    if not hit(f"contact-form:{client_ip(request)}", limit=5, window=3600):
        ...

    # As a view decorator (POST only by default): the French 429 page on refusal.
    @ratelimit("contact-form", limit=5, window=3600)
    def contact(request): ...

    # Public forms: count accepted submissions only, by address and by contact.
    keys = [(address_key("contact-form", request), 300),
            (contact_key("contact-form", email), 5)]
    if not allowed(keys, window=3600):
        ...  # show the form again, what was typed kept, with FLOOD_MESSAGE
    ...  # store the submission, then:
    record(keys, window=3600)

Counting uses fixed windows of `window` seconds: each (key, window) pair is one row of
`RateLimitCounter`, incremented by a conditional UPDATE (atomic on SQLite and
PostgreSQL). The key is stored as an HMAC-SHA256 digest made with SECRET_KEY, so no IP
address is kept. Finished windows are deleted by the nightly job `rate_limit_retention`
(`purge_expired`).

`allowed` only reads the counters and `record` counts, so a public form counts the
submissions it accepted, not the refused or faulty ones. The check and the count are two
steps: concurrent submissions may pass a limit by the number of requests in flight.

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
from .phones import to_e164

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


def _count(key, start):
    return (
        RateLimitCounter.objects.filter(key_digest=_digest(key), window_start=start)
        .values_list("count", flat=True)
        .first()
        or 0
    )


def allowed(keys, window, *, now=None):
    """True while each `(key, limit)` of `keys` has fewer than `limit` hits in the
    current window; counts nothing. Empty keys (an absent contact) are skipped."""
    start = _window_start(now or timezone.now(), int(window))
    return all(_count(key, start) < limit for key, limit in keys if key)


def record(keys, window, *, now=None):
    """Count one hit of each `(key, limit)` of `keys` (empty keys skipped)."""
    for key, limit in keys:
        if key:
            hit(key, limit, window, now=now)


def address_key(name, request):
    """The rate-limit key of the client's address for `name` (stored as a digest)."""
    return f"{name}:address:{client_ip(request)}"


def contact_key(name, value):
    """The rate-limit key of a contact (an email or a phone number) for `name`, the same
    however it is typed (case, spaces, dots); "" when `value` is empty."""
    value = (value or "").strip().lower()
    if value and "@" not in value:
        value = to_e164(value) or "".join(c for c in value if c.isdigit())
    return f"{name}:contact:{value}" if value else ""


FLOOD_MESSAGE = (
    "Beaucoup de demandes ont été envoyées depuis cette connexion ou avec ces "
    "coordonnées au cours de la dernière heure : la vôtre n'a pas encore été envoyée. "
    "Ce que vous avez écrit est conservé ci-dessous ; réessayez dans une heure, ou "
    "appelez-nous. En cas de danger, appelez le 112 ; pour parler à quelqu'un, le 3018 "
    "ou le 119."
)


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


def too_many(response, window):
    """Mark `response` (a page, or a form shown again with what was typed) as refused for
    now: status 429, Retry-After `window` seconds."""
    response.status_code = 429
    response["Retry-After"] = str(int(window))
    return response


def refused(request, window):
    """The French « Trop de demandes » page, status 429, with Retry-After."""
    response = TemplateResponse(
        request, REFUSED_TEMPLATE, {"retry_minutes": max(1, round(window / 60))}
    )
    return too_many(response, window)


def purge_expired(*, now=None):
    """Daily job: delete the counters of finished windows. Returns how many."""
    now = now or timezone.now()
    return RateLimitCounter.objects.filter(expires_at__lte=now).delete()[0]
