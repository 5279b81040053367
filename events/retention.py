"""Retention of the registrations (nightly job `events_registration_retention`).

EVENTS_RETENTION_MONTHS (12) months after the end of its session, a registration is
anonymised: name or pseudonym, email, phone, organisation and agency are blanked, the
exact age becomes an age band, the cancellation links die (nonce cleared) and every
email about it leaves the outbox (`relier_site.mail.outbox.purge`). What
the attendance statistics read stays: status, attendance, age band, the dates, the
session. Cancelled registrations are anonymised on the same schedule.
"""

import logging

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models import Case, Value, When
from django.utils import timezone

from relier_site.mail.outbox import purge

from .conf import conf
from .models import Registration

logger = logging.getLogger(__name__)

CHUNK = 500
# (upper bound excluded, label); ages from the youth registration form
AGE_BANDS = [(15, "moins de 15 ans"), (18, "15 à 17 ans"), (26, "18 à 25 ans")]
OLDEST_BAND = "26 ans et plus"


def retention_limit(now=None):
    """Registrations of sessions that ended before this moment are anonymised."""
    return (now or timezone.now()) - relativedelta(months=conf.RETENTION_MONTHS)


def age_band(age):
    if age is None:
        return ""
    return next((label for upper, label in AGE_BANDS if age < upper), OLDEST_BAND)


def _age_band_expression():
    return Case(
        *(When(age__lt=upper, then=Value(label)) for upper, label in AGE_BANDS),
        When(age__isnull=False, then=Value(OLDEST_BAND)),
        default="age_band",
    )


def due_registrations(now=None):
    return Registration.objects.filter(
        anonymised_at__isnull=True, session__end__lt=retention_limit(now)
    )


def anonymise_registrations(*, now=None):
    """Daily job: anonymise every registration past its retention period. Returns how
    many were anonymised."""
    now = now or timezone.now()
    pks = list(due_registrations(now).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), CHUNK):
        chunk = pks[start : start + CHUNK]
        with transaction.atomic():
            Registration.objects.filter(pk__in=chunk, anonymised_at__isnull=True).update(
                age_band=_age_band_expression(),
                age=None,
                name="",
                organisation="",
                agency="",
                email="",
                phone="",
                cancel_nonce="",
                submission_key="",
                anonymised_at=now,
            )
            purge(*Registration.objects.filter(pk__in=chunk).only("pk"))
    if pks:
        logger.info("Registration retention: %s registrations anonymised.", len(pks))
    return len(pks)
