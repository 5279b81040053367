"""Signed links of the agenda: self-cancellation, in every email. A token carries the
registration's id and a random nonce, never personal data; clearing the nonce voids every
link already sent. The link only lands: relier_site.signed_links keeps what it grants in
the visitor's session and sends the browser to an address without the token."""

from django.core import signing
from django.urls import reverse

from relier_site.links import absolute_url

from .conf import conf

CANCEL_SALT = "events.registration.cancel"
CANCEL_SCOPE = "events.cancel"  # relier_site.signed_links: registrations this browser may cancel
THANKS_SCOPE = "events.thanks"  # the session just registered to, for the « merci » page


def cancel_token(registration):
    return signing.dumps({"r": registration.pk, "n": registration.cancel_nonce}, salt=CANCEL_SALT)


def read_cancel_token(token):
    """(registration id, nonce), or None for a forged, altered or expired token."""
    try:
        payload = signing.loads(
            token, salt=CANCEL_SALT, max_age=conf.CANCEL_LINK_MAX_AGE_DAYS * 24 * 3600
        )
    except signing.BadSignature:  # SignatureExpired is a BadSignature
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("r"), int):
        return None
    return payload["r"], str(payload.get("n", ""))


def cancel_url(registration):
    return absolute_url(reverse("events:cancel", args=[cancel_token(registration)]))
