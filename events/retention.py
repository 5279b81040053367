"""Retention of the registrations: the policy. The nightly job
`events_registration_retention` is `services.anonymise_expired`, which applies it.

EVENTS_RETENTION_MONTHS (12) months after the end of its session, a registration is
anonymised: name or pseudonym, email, phone, organisation and agency are blanked, the
exact age becomes an age band, the cancellation links die (nonce cleared) and every
email about it leaves the outbox (`relier_site.mail.outbox.purge`). What
the attendance statistics read stays: status, attendance, age band, the dates, the
session. Cancelled registrations are anonymised on the same schedule.
"""

from dateutil.relativedelta import relativedelta
from django.db.models import Case, Value, When
from django.utils import timezone

from .conf import conf
from .models import Registration

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


def age_band_expression():
    """The age band of each row, computed by the database from its age."""
    return Case(
        *(When(age__lt=upper, then=Value(label)) for upper, label in AGE_BANDS),
        When(age__isnull=False, then=Value(OLDEST_BAND)),
        default="age_band",
    )


def due_registrations(now=None):
    return Registration.objects.filter(
        anonymised_at__isnull=True, session__end__lt=retention_limit(now)
    )
