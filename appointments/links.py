"""Signed links of the permanences, in every email: move or cancel an appointment, and
answer a slot offered from the waiting list. A token carries a kind, the row's id and
its random nonce (`manage_nonce`), never personal data; a new nonce voids every link
already sent. The link only lands: relier_site.signed_links keeps what it grants in the
visitor's session and sends the browser to an address without the token."""

from django.core import signing
from django.urls import reverse

from relier_site import signed_links
from relier_site.links import absolute_url

from .conf import conf

SALT = "appointments.link"
APPOINTMENT = "a"  # an Appointment: move or cancel it
WAITING = "w"  # a WaitingRequest: answer its offers, or withdraw it
# A referral (referrals app): its referrer books the young person's first slot. The
# nonce is the referral's random reference; the link lasts REFERRAL_LINK_HOURS.
REFERRAL = "r"
MANAGE_SCOPE = (
    "appointments.manage"  # relier_site.signed_links: appointments this browser may change
)
WAITING_SCOPE = "appointments.waiting"  # waiting requests this browser may answer
REFERRAL_SCOPE = "appointments.referral"  # referrals this browser may book a slot for


def token(kind, row):
    return _dumps(kind, row.pk, row.manage_nonce)


def _dumps(kind, pk, nonce):
    return signing.dumps({"k": kind, "i": pk, "n": nonce}, salt=SALT)


def max_age(kind):
    """Seconds a token of `kind` stays valid."""
    if kind == REFERRAL:
        return conf.REFERRAL_LINK_HOURS * 3600
    return conf.LINK_MAX_AGE_DAYS * 24 * 3600


def read_token(value, kind):
    """(row id, nonce) of a token of `kind`, or None for a forged, altered, expired or
    other kind of token."""
    try:
        payload = signing.loads(value, salt=SALT, max_age=max_age(kind))
    except signing.BadSignature:  # SignatureExpired is a BadSignature
        return None
    if not isinstance(payload, dict) or payload.get("k") != kind:
        return None
    if not isinstance(payload.get("i"), int):
        return None
    return payload["i"], str(payload.get("n", ""))


def land(request, token, kind, *, scope, find, target, invalid):
    """The view of a tokened address: a token of `kind` naming a row that `find(id,
    nonce)` still returns is kept in the session under `scope` and the browser goes
    (303) to `target` (a URL name), without the token; else `invalid(request)`."""
    read = read_token(token, kind)
    if read is None or find(*read) is None:
        return invalid(request)
    signed_links.grant(request, scope, *read)
    return signed_links.see_other(reverse(target))


def manage_url(appointment):
    """The link, in every email about an appointment, to move or cancel it."""
    return absolute_url(reverse("appointments:manage", args=[token(APPOINTMENT, appointment)]))


def waiting_url(waiting_request):
    """The link, in every email about a waiting request, to answer an offered slot or
    withdraw the request."""
    return absolute_url(reverse("appointments:waiting", args=[token(WAITING, waiting_request)]))


def referral_url(referral_id, nonce):
    """The link of a referral's confirmation page (a path: it is followed at once, in
    the same browser) with which its referrer books the young person's first slot."""
    return reverse("appointments:referral", args=[_dumps(REFERRAL, referral_id, nonce)])
