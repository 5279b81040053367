"""Limits on the passwords of protected pages and of documents in protected collections
(README « Rôles et sécurité de l'administration » for the staff login, « Configuration »
for these settings).

Only wrong passwords count, in the database counters of relier_site.ratelimit, on two
keys per restriction (one Wagtail restriction: a protected page and its subpages, or a
protected collection): the client address on that restriction, and that restriction from
every address (a looser limit, against a guess spread over many addresses). Once either
reaches its limit in the counting window, every password is refused, the right one
included, until the window ends: the form comes back with « Trop d'essais » and status
429.
"""

import logging

from django.conf import settings

from relier_site.ratelimit import allowed, client_ip, record

logger = logging.getLogger(__name__)


def _keys(request, kind, restriction):
    """(per address, per restriction) rate-limit keys of `restriction` ("page" or
    "collection")."""
    restriction_key = f"view-password:{kind}:{restriction.pk}"
    return (
        (f"{restriction_key}:{client_ip(request)}", settings.VIEW_PASSWORD_FAILURES_PER_ADDRESS),
        (restriction_key, settings.VIEW_PASSWORD_FAILURES_PER_RESTRICTION),
    )


def window():
    return settings.VIEW_PASSWORD_LOCKOUT_SECONDS


def is_locked(request, kind, restriction):
    """True when the limit of the client address or of the restriction is reached."""
    return not allowed(_keys(request, kind, restriction), window())


def count_failure(request, kind, restriction):
    """Count one wrong password on both keys; True when this failure reaches a limit (the
    visitor is now locked out)."""
    record(_keys(request, kind, restriction), window())
    locked = is_locked(request, kind, restriction)
    if locked:
        logger.warning("Too many wrong passwords for the %s restriction %s.", kind, restriction.pk)
    return locked


def retry_delay():
    """« une heure », « 2 heures », « 15 minutes »: the window, for the message."""
    seconds = window()
    if seconds % 3600 == 0:
        hours = seconds // 3600
        return "une heure" if hours == 1 else f"{hours} heures"
    minutes = max(1, round(seconds / 60))
    return "une minute" if minutes == 1 else f"{minutes} minutes"
