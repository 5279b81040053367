"""Signed links of the agenda: self-cancellation (in every email) and the page a
visitor sees after registering. A token carries the registration's id and a random
nonce, never personal data; clearing the nonce voids every link already sent."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from relier_site.links import absolute_url

CANCEL_SALT = "events.registration.cancel"
STATUS_SALT = "events.registration.status"
STATUS_MAX_AGE = 24 * 3600  # the « merci » page after a registration: one day


def _dumps(registration, salt):
    return signing.dumps({"r": registration.pk, "n": registration.cancel_nonce}, salt=salt)


def _loads(token, salt, max_age):
    """(registration id, nonce), or None for a forged, altered or expired token."""
    try:
        payload = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:  # SignatureExpired is a BadSignature
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("r"), int):
        return None
    return payload["r"], str(payload.get("n", ""))


def cancel_token(registration):
    return _dumps(registration, CANCEL_SALT)


def read_cancel_token(token):
    return _loads(token, CANCEL_SALT, settings.EVENTS_CANCEL_LINK_MAX_AGE_DAYS * 24 * 3600)


def status_token(registration, *, already=False):
    """The « merci » page's token; `already`: the person was already registered."""
    payload = {"r": registration.pk, "n": registration.cancel_nonce, "d": int(already)}
    return signing.dumps(payload, salt=STATUS_SALT)


def read_status_token(token):
    """(registration id, nonce, already registered), or None."""
    read = _loads(token, STATUS_SALT, STATUS_MAX_AGE)
    if read is None:
        return None
    payload = signing.loads(token, salt=STATUS_SALT)
    return (*read, bool(payload.get("d")))


def absolute(path):
    """The address of `path` for emails and calendar files (relier_site.links)."""
    return absolute_url(path)


def cancel_url(registration):
    return absolute(reverse("events:cancel", args=[cancel_token(registration)]))
