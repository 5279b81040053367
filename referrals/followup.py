"""The referrer's follow-up link: `/suivi/<token>/`, no account needed, expires.

The token is the request's reference (random, not personal: « RL-7K3M-9QX2 ») signed with
the site's SECRET_KEY and a timestamp (django.core.signing); nothing else is in it. It
works for REFERRALS_FOLLOWUP_LINK_DAYS days after the email that carried it.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core import signing
from django.urls import reverse

from appointments.selectors import appointment_for_referral
from relier_site.links import absolute_url

from .conf import conf
from .models import CLOSED_STATUSES, Referral

SALT = "referrals.followup"


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def max_age():
    return timedelta(days=conf.FOLLOWUP_LINK_DAYS)


def make_token(referral):
    return signing.dumps(referral.reference, salt=SALT)


def reference_from_token(token):
    """The reference a token was made for; LinkExpired or LinkInvalid otherwise."""
    try:
        reference = signing.loads(token, salt=SALT, max_age=max_age())
    except signing.SignatureExpired:
        raise LinkExpired from None
    except signing.BadSignature:
        raise LinkInvalid from None
    if not isinstance(reference, str):
        raise LinkInvalid
    return reference


def followup_url(referral):
    """The absolute link sent to the referrer (WAGTAILADMIN_BASE_URL, never the request)."""
    path = reverse("referral_followup", args=[make_token(referral)])
    return absolute_url(path)


@dataclass(frozen=True)
class FollowupStatus:
    """What the referrer's page shows: nothing but the reference, the status and, when
    the referrer booked the young person's first permanence slot, « Rendez-vous pris le
    mardi 9 juin à 17 h (heure de Paris) » (appointments.selectors)."""

    reference: str
    status_label: str
    is_closed: bool
    appointment_text: str = ""


def status_for(reference):
    """The FollowupStatus of the request with this reference, or None."""
    referral = Referral.objects.filter(reference=reference).only("reference", "status").first()
    if referral is None:
        return None
    booked = appointment_for_referral(referral.pk)
    return FollowupStatus(
        referral.reference,
        referral.get_status_display(),
        referral.status in CLOSED_STATUSES,
        booked.followup_text if booked else "",
    )
