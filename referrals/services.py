"""The only code that changes referrals or sends their mail.

Intake (top): `submit_referral` stores a request from a public form, its history entry
and its duplicate flag, and queues its mails in the outbox, in one transaction.
"""

import logging
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from . import emails
from .models import Referral, ReferralEvent, age_band_for

logger = logging.getLogger(__name__)

# A new request whose contact matches an open one from this many days is flagged.
DUPLICATE_WINDOW_DAYS = 30


def referral_for_token(token):
    """The request stored with this submission token, or None."""
    return Referral.objects.filter(submission_token=token).first()


def find_possible_duplicate(referral):
    """The most recent open request of the last 30 days with the same email address or
    phone number (normalised: E.164 phones, case-insensitive emails), or None."""
    contacts = Q()
    if referral.email:
        contacts |= Q(email__iexact=referral.email)
    if referral.phone:
        contacts |= Q(phone=referral.phone)
    if not contacts:
        return None
    since = timezone.now() - timedelta(days=DUPLICATE_WINDOW_DAYS)
    return (
        Referral.objects.open()
        .filter(contacts, created_at__gte=since)
        .exclude(pk=referral.pk)
        .order_by("-created_at")
        .first()
    )


def submit_referral(*, kind, data, submission_token):
    """Store a request received from a public form and queue its mails; return it.

    One transaction: the row, its « created » history entry, the duplicate flag (never a
    refusal) and the outbox rows (confirmation to the person and to the referrer, staff
    notification to the routing group) are stored together or not at all. A second call
    with the same `submission_token` returns the first request and stores nothing.
    """
    now = timezone.now()
    with transaction.atomic():
        referral = Referral(
            kind=kind,
            submission_token=submission_token,
            created_at=now,
            last_activity_at=now,
            **data,
        )
        referral.age_band = age_band_for(referral.age)
        referral.possible_duplicate_of = find_possible_duplicate(referral)
        try:
            with transaction.atomic():
                referral.save()
        except IntegrityError:
            existing = referral_for_token(submission_token)
            if existing is None:
                raise
            return existing
        ReferralEvent.objects.create(
            referral=referral,
            at=now,
            action=ReferralEvent.Action.CREATED,
            to_status=referral.status,
        )
        if referral.possible_duplicate_of is not None:
            ReferralEvent.objects.create(
                referral=referral,
                at=now,
                action=ReferralEvent.Action.DUPLICATE,
                note=f"Doublon possible de {referral.possible_duplicate_of.reference}.",
            )
        emails.send_submission_mails(referral)
    logger.info(
        "Referral %s received (kind %s, urgent %s, possible duplicate of %s).",
        referral.pk,
        kind,
        referral.urgent,
        referral.possible_duplicate_of_id,
    )
    return referral
